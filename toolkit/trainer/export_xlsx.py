"""The session as an Excel workbook: a sheet on the session, one per case (groups x questions:
each answer, whether it agrees with the model answer, when it was saved), and the questions
with their model answers.

openpyxl is imported here only: the dashboard and the command line pay for it when a trainer
asks for a workbook.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from toolkit.trainer.cells import utc_naive, xlsx_text
from toolkit.trainer.record import CaseRecord, Progress, SessionRecord

SHEET_NAME_MAX = 31  # Excel's limit
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
RESERVED = ("Session", "Questions")
Value = str | int | float | datetime | None


def xlsx_bytes(record: SessionRecord, progress: Progress | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    bold = Font(bold=True)

    def fill(sheet: Worksheet, rows: list[list[Value]], header_rows: int = 1) -> None:
        for row in rows:
            sheet.append([xlsx_text(v) if isinstance(v, str) else v for v in row])
        for row_cells in sheet.iter_rows(min_row=1, max_row=header_rows):
            for cell in row_cells:
                cell.font = bold
        sheet.freeze_panes = f"B{header_rows + 1}"

    summary = book.active
    assert summary is not None
    summary.title = RESERVED[0]
    fill(summary, _session_rows(record), header_rows=0)
    names = set(RESERVED)
    for done, case_record in enumerate(record.cases):
        if progress is not None:
            progress(done, len(record.cases), case_record.board.case.title)
        sheet = book.create_sheet(sheet_name(case_record.board.case.id, names))
        fill(sheet, case_rows(case_record))
    fill(book.create_sheet(RESERVED[1]), _question_rows(record))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_name(case_id: str, taken: set[str]) -> str:
    """A sheet name for the case Excel accepts and no other sheet has."""
    base = _NOT_IN_SHEET_NAME.sub("-", case_id)[:SHEET_NAME_MAX] or "case"
    name, n = base, 1
    while name.casefold() in {t.casefold() for t in taken}:
        n += 1
        name = f"{base[: SHEET_NAME_MAX - len(str(n)) - 1]}~{n}"
    taken.add(name)
    return name


def case_rows(case_record: CaseRecord) -> list[list[Value]]:
    """Header, a row per group, a blank row, then the model answers and agreement counts."""
    board = case_record.board
    keys = list(board.case.questions)
    header: list[Value] = ["Group"]
    for n in range(1, len(keys) + 1):
        header += [f"Q{n} answer", f"Q{n} agreement", f"Q{n} saved (UTC)"]
    rows: list[list[Value]] = [header]
    for row in board.rows:
        line: list[Value] = [row.group.name]
        for key in keys:
            cell = row.cells[key]
            line += [cell.text or None, cell.agreement.value, utc_naive(cell.saved_at)]
        rows.append(line)
    model: list[Value] = ["Model answer"]
    agreeing: list[Value] = ["Groups agreeing"]
    for key in keys:
        model += [board.model_text(key), None, None]
        count = f"{board.agreeing(key)} of {len(board.rows)}"
        agreeing += [count if board.compared(key) else "not compared", None, None]
    return [*rows, [], model, agreeing]


def _session_rows(record: SessionRecord) -> list[list[Value]]:
    s = record.session
    rows: list[list[Value]] = [
        ["Workshop session", s.title],
        ["Join code", s.code],
        ["Opened (UTC)", utc_naive(s.created_at)],
        ["Closed (UTC)", utc_naive(s.closed_at)],
        ["Exported (UTC)", utc_naive(record.exported_at)],
        ["Groups", len(record.groups)],
        [],
        ["Case", "Title", "Sheet", "Groups answering", "Model answers released"],
    ]
    names = set(RESERVED)
    for case_record in record.cases:
        board = case_record.board
        answering = sum(row.answered > 0 for row in board.rows)
        released = "yes" if case_record.released else "no"
        rows.append([board.case.id, board.case.title, sheet_name(board.case.id, names),
                     answering, released])  # fmt: skip
    for case_id, count in record.left_out.items():
        rows.append([case_id, f"not in this casebook: {count} answers left out"])
    return rows


def _question_rows(record: SessionRecord) -> list[list[Value]]:
    rows: list[list[Value]] = [
        ["Case", "Question", "Id", "Prompt", "Kind", "Model answer", "Citation", "Explanation"]
    ]
    for case_record in record.cases:
        board = case_record.board
        for n, (key, question) in enumerate(board.case.questions.items(), start=1):
            model = question.model_answer
            rows.append([
                board.case.id, f"Q{n}", key, question.prompt, question.kind.value,
                board.model_text(key), str(model.citation), model.explanation,
            ])  # fmt: skip
    return rows
