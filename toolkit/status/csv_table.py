"""Reading a CSV file of status data: every problem names the file, the line and the column.

Problems are collected over the whole file and raised together as one ``LoadError``, each as
``file:line: column: message``; line 1 is the header, so the line is the spreadsheet row.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from toolkit.loading import LoadError, Problem

_UNTC_DAY = re.compile(r"^\d{1,2} [A-Za-z]+ \d{4}$")  # '5 Dec 2017', as the UN lists dates


class Problems:
    """The problems found in one file so far."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.found: list[Problem] = []

    def add(self, line: int | None, column: str, message: str) -> None:
        self.found.append(Problem(self.file, line, column, message))

    def raise_any(self) -> None:
        if self.found:
            raise LoadError(sorted(self.found, key=lambda problem: problem.line or 0))


@dataclass(frozen=True)
class Cells:
    """One row's cells by column, and where to report what is wrong with them."""

    line: int
    values: dict[str, str]
    problems: Problems

    def fail(self, column: str, message: str) -> None:
        self.problems.add(self.line, column, message)

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.values.get(column, "").strip()
        if required and not value:
            self.fail(column, "is empty; it is required")
        return value

    def day(self, column: str, *, required: bool = False) -> tuple[date | None, bool]:
        """A date (YYYY-MM-DD, or '5 Dec 2017'); a trailing '?' marks it approximate."""
        raw = self.text(column, required=required)
        text = raw.removesuffix("?").strip()
        if not text:
            return None, False
        parsed = _untc_day(text) if _UNTC_DAY.match(text) else _iso_day(text)
        if parsed is None:
            self.fail(column, f"must be a date like 2017-12-05 or 5 Dec 2017; got '{raw}'")
        return parsed, parsed is not None and raw.endswith("?")

    def number(self, column: str, *, required: bool = False) -> int | None:
        raw = self.text(column, required=required)
        if not raw:
            return None
        if not raw.isdigit():
            self.fail(column, f"must be a whole number (0 or more); got '{raw}'")
            return None
        return int(raw)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == len("2017-12-05") else None
    except ValueError:
        return None


def _untc_day(text: str) -> date | None:
    for pattern in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text.title(), pattern).date()
        except ValueError:
            continue
    return None


class _Reader(Protocol):
    line_num: int

    def __next__(self) -> list[str]: ...


def read_table(
    path: Path, required: Sequence[str], optional: Sequence[str] = ()
) -> tuple[list[Cells], Problems]:
    """The rows of ``path`` (blank lines skipped); header problems raise at once."""
    problems = Problems(path.name)
    try:
        raw = path.read_bytes()
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise LoadError([Problem(path.name, None, "", message)]) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"is not UTF-8 text ({error.reason}): save the file as 'CSV UTF-8'"
        raise LoadError([Problem(path.name, line, "(encoding)", message)]) from error
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = _rows(reader, problems)
    header = next(rows, None)
    if header is None:
        problems.raise_any()  # a CSV syntax error on the first line
        names = ", ".join([*required, *optional])
        message = f"the file is empty; its first line must name the columns: {names}"
        raise LoadError([Problem(path.name, 1, "header", message)])
    columns = [name.strip().lower() for name in header[1]]
    _check_header(columns, required, optional, problems)
    problems.raise_any()
    table = []
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(columns):
            message = f"has {len(cells)} cells but the header names {len(columns)} columns"
            problems.add(line, "(row)", message + ": check for a missing or extra comma, or quotes")
            continue
        table.append(Cells(line, dict(zip(columns, cells, strict=True)), problems))
    return table, problems


def _rows(reader: _Reader, problems: Problems) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on; a CSV syntax error ends the file."""
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.add(line, "(row)", f"is not valid CSV: {error}")
            return
        yield line, cells
        line = reader.line_num + 1


def _check_header(
    columns: list[str], required: Sequence[str], optional: Sequence[str], problems: Problems
) -> None:
    known = [*required, *optional]
    for name in columns:
        if name not in known:
            guess = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{guess[0]}'?" if guess else f"; known: {', '.join(known)}"
            problems.add(1, name or "(empty)", "unknown column" + hint)
    for name in required:
        if name not in columns:
            problems.add(1, name, "this required column is missing from the header")
    duplicates = {name for name in columns if columns.count(name) > 1}
    for name in sorted(duplicates):
        problems.add(1, name, "this column appears twice in the header")
