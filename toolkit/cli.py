"""The ``lrkit`` command: analyse scenario files from a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from toolkit.analysis import analyse
from toolkit.loading import LoadError, load_profile, load_scenario, shipped_profiles

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lrkit",
        description="Liability & Redress Workshop Toolkit: check hypothetical cases against "
        "the Nagoya-Kuala Lumpur Supplementary Protocol.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    analyse_cmd = commands.add_parser(
        "analyse", help="print the article-by-article analysis of a scenario file"
    )
    analyse_cmd.add_argument("file", help="scenario file (YAML or JSON)")
    analyse_cmd.add_argument(
        "--profile",
        default="neutral",
        help="domestic-law profile: a shipped name (see 'lrkit profiles') or a file "
        "(default: neutral)",
    )
    output = analyse_cmd.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the findings as JSON")
    output.add_argument("--markdown", action="store_true", help="print Markdown")
    commands.add_parser("profiles", help="list the domestic-law profiles shipped with the toolkit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "profiles":
        for name in shipped_profiles():
            print(f"{name:24}{load_profile(name).name}")
        return 0
    try:
        scenario = load_scenario(args.file)
        profile = load_profile(args.profile)
    except LoadError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    analysis = analyse(scenario, profile)
    if args.json:
        print(analysis.to_json())
    elif args.markdown:
        print(analysis.to_markdown())
    else:
        print(analysis.to_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
