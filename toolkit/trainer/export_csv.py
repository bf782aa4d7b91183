"""The session as one CSV table, a row per group, case and question: easy to filter, pivot or
load into any tool. ``answer_value`` is the stored answer as JSON, exactly as the store has it."""

from __future__ import annotations

import csv
import io
import json

from toolkit.trainer.cells import safe_text, utc_text
from toolkit.trainer.record import Progress, SessionRecord

COLUMNS = (
    "session", "session_title", "case_id", "case_title", "group", "question_number",
    "question_id", "question", "answer", "answer_value", "model_answer", "agreement",
    "saved_at_utc", "model_answers_released",
)  # fmt: skip


def csv_bytes(record: SessionRecord, progress: Progress | None = None) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the accents right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    session = record.session
    for done, case_record in enumerate(record.cases):
        board = case_record.board
        case = board.case
        if progress is not None:
            progress(done, len(record.cases), case.title)
        for row in board.rows:
            for number, (key, question) in enumerate(case.questions.items(), start=1):
                cell = row.cells[key]
                value = "" if cell.answer is None else json.dumps(cell.answer, ensure_ascii=False)
                fields: tuple[object, ...] = (
                    session.code, session.title, case.id, case.title, row.group.name, number,
                    key, question.prompt, cell.text, value, board.model_text(key),
                    cell.agreement.value, utc_text(cell.saved_at),
                    "yes" if case_record.released else "no",
                )  # fmt: skip
                writer.writerow(safe_text(f) if isinstance(f, str) else f for f in fields)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
