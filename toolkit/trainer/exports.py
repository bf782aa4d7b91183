"""The export formats of a session's record, one registry for the dashboard's buttons and for
``lrkit export``.

Light to import (the command line's parser reads the formats); each writer, and what it needs
(openpyxl for Excel, the analysis for the report), is imported when a file is written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from toolkit.store import Session

if TYPE_CHECKING:
    from toolkit.trainer.record import Progress, SessionRecord


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"


LABELS = {Format.CSV: "CSV table", Format.XLSX: "Excel workbook", Format.HTML: "HTML report"}
MEDIA_TYPES = {
    Format.CSV: "text/csv",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.HTML: "text/html",
}


def write(record: SessionRecord, fmt: Format, progress: Progress | None = None) -> bytes:
    """The record as a file of format ``fmt``; ``progress`` hears of each case."""
    if fmt is Format.CSV:
        from toolkit.trainer.export_csv import csv_bytes

        return csv_bytes(record, progress)
    if fmt is Format.XLSX:
        from toolkit.trainer.export_xlsx import xlsx_bytes

        return xlsx_bytes(record, progress)
    from toolkit.trainer.report import html_bytes

    return html_bytes(record, progress)


def file_name(session: Session, fmt: Format, at: datetime | None = None) -> str:
    """e.g. lrkit-session-K7MX2P-2026-12-01.xlsx"""
    day = (at or datetime.now(UTC)).astimezone(UTC).date().isoformat()
    return f"lrkit-session-{session.code}-{day}.{fmt.value}"
