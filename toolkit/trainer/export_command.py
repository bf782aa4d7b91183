"""``lrkit export SESSION_CODE --format csv|xlsx|html [--output PATH]``: a session's record from
the answer store itself (the database the workshop server writes, read alongside it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from toolkit.trainer.exports import LABELS, Format, file_name

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session", metavar="SESSION_CODE", help="the session's join code")
    parser.add_argument(
        "--format",
        choices=[fmt.value for fmt in Format],
        default=Format.HTML.value,
        help="; ".join(f"{fmt.value}: {label}" for fmt, label in LABELS.items())
        + " (default: html)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="file to write (default: lrkit-session-CODE-DATE.EXT in the current folder)",
    )


def run(args: argparse.Namespace) -> int:
    from toolkit.casebook import load_casebook
    from toolkit.store import StoreError
    from toolkit.store.database import open_store
    from toolkit.trainer.exports import write
    from toolkit.trainer.record import gather

    fmt = Format(args.format)
    store = open_store()
    try:
        session = store.find_session(args.session)
        casebook = load_casebook()

        def say(done: int, of: int, what: str) -> None:
            print(f"[{done + 1}/{of}] {what}", file=sys.stderr, flush=True)

        record = gather(store, session, casebook, say)
        data = write(record, fmt, say)
    except StoreError as error:
        print(f"lrkit export: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        store.close()
    output: Path = args.output or Path(file_name(session, fmt))
    try:
        output.write_bytes(data)
    except OSError as error:
        print(f"lrkit export: cannot write {output}: {error.strerror}. Choose another path "
              "with --output.", file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    cases, groups = len(record.cases), len(record.groups)
    print(f"Wrote {output} ({LABELS[fmt]}: {cases} case{'' if cases == 1 else 's'}, "
          f"{groups} group{'' if groups == 1 else 's'}).", file=sys.stderr)  # fmt: skip
    return 0
