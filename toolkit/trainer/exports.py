"""The export formats of a session's record, and writing one to a file.

One registry of formats serves the dashboard's buttons and ``lrkit export``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from toolkit.store import Session
from toolkit.trainer.export_csv import csv_bytes
from toolkit.trainer.export_xlsx import xlsx_bytes
from toolkit.trainer.record import Progress, SessionRecord
from toolkit.trainer.report import html_bytes


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"


@dataclass(frozen=True)
class Writer:
    label: str
    media_type: str
    write: Callable[[SessionRecord, Progress | None], bytes]


WRITERS = {
    Format.CSV: Writer("CSV table", "text/csv", csv_bytes),
    Format.XLSX: Writer(
        "Excel workbook",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        xlsx_bytes,
    ),
    Format.HTML: Writer("HTML report", "text/html", html_bytes),
}


def file_name(session: Session, fmt: Format, at: datetime | None = None) -> str:
    """e.g. lrkit-session-K7MX2P-2026-12-01.xlsx"""
    day = (at or datetime.now(UTC)).astimezone(UTC).date().isoformat()
    return f"lrkit-session-{session.code}-{day}.{fmt.value}"
