"""The ``lrkit`` command: analyse scenario files from a terminal, and serve a workshop."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from toolkit.analysis import analyse
from toolkit.casebook import CASEBOOK, load_case, load_casebook
from toolkit.loading import LoadError, load_profile, load_scenario, read_file, shipped_profiles
from toolkit.profile import Profile
from toolkit.scenario import Scenario
from toolkit.serve import options as serve_options
from toolkit.trainer import export_command

EXIT_PROBLEMS = 1
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
    analyse_cmd.add_argument("file", help="case or scenario file (YAML or JSON)")
    analyse_cmd.add_argument(
        "--profile",
        help="domestic-law profile: a shipped name (see 'lrkit profiles') or a file "
        "(default: the case's own profile, or neutral for a bare scenario)",
    )
    output = analyse_cmd.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the findings as JSON")
    output.add_argument("--markdown", action="store_true", help="print Markdown")
    commands.add_parser("profiles", help="list the domestic-law profiles shipped with the toolkit")
    validate_cmd = commands.add_parser(
        "validate", help="check case files: format, references, dates, citations, model answers"
    )
    validate_cmd.add_argument(
        "path", nargs="?", default=str(CASEBOOK), help="a case file or a folder of them"
    )
    serve_cmd = commands.add_parser(
        "serve",
        help="serve the workshop: the notebooks as web pages, and the answer store behind them",
    )
    serve_options.add_arguments(serve_cmd)
    export_cmd = commands.add_parser(
        "export",
        help="write a session's record: a CSV table, an Excel workbook or an HTML report",
    )
    export_command.add_arguments(export_cmd)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "profiles":
        for name in shipped_profiles():
            print(f"{name:24}{load_profile(name).name}")
        return 0
    if args.command == "validate":
        return _validate(Path(args.path))
    if args.command == "serve":
        from toolkit.serve.app import run  # Voila and SQLAlchemy: only when serving

        return run(serve_options.from_arguments(args))
    if args.command == "export":
        return export_command.run(args)
    try:
        scenario, profile = _facts_and_law(args.file, args.profile)
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


def _facts_and_law(file: str, profile: str | None) -> tuple[Scenario, Profile]:
    """A case file brings its own facts and profile; a scenario file only facts."""
    data, _, _ = read_file(file)
    if isinstance(data, dict) and "facts" in data:
        variant = load_case(file).variants[None]
        return variant.scenario, load_profile(profile) if profile else variant.profile
    return load_scenario(file), load_profile(profile or "neutral")


def _validate(path: Path) -> int:
    if path.is_dir():
        casebook = load_casebook(path)
        count, problems = len(casebook.cases), list(casebook.problems)
    else:
        try:
            count, problems = len([load_case(path)]), []
        except LoadError as error:
            count, problems = 0, error.problems
    for problem in problems:
        print(problem)
    files = len({p.file for p in problems})
    print(f"{_count(count, 'valid case')}; {_count(len(problems), 'problem')} "
          f"in {_count(files, 'file')}", file=sys.stderr)  # fmt: skip
    return EXIT_PROBLEMS if problems else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
