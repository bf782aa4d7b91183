"""Spreadsheet cells that are safe to open: participants' text never becomes a formula.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some programs,
tab or carriage return) as a formula, which can fetch from the network or run programs. Such a
cell gets a leading single quote, the spreadsheets' own mark for "this is text".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0, and so an .xlsx file, cannot hold (all controls but tab, LF, CR).
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def safe_text(value: str) -> str:
    """``value`` neutralised if a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def xlsx_text(value: str) -> str:
    """``value`` as an .xlsx cell can hold it: neutralised, control characters dropped."""
    return safe_text(_NOT_IN_XML.sub("", value))


def utc_text(at: datetime | None) -> str:
    """A time as ISO 8601 in UTC, to the second ('' for none)."""
    return "" if at is None else at.astimezone(UTC).isoformat(timespec="seconds")


def utc_naive(at: datetime | None) -> datetime | None:
    """A time in UTC without its offset: spreadsheets store no time zones."""
    return None if at is None else at.astimezone(UTC).replace(tzinfo=None)
