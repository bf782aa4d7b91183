"""The session's record as one self-contained HTML file: answers, agreement with the model
answers, the charts, and the article-by-article analysis with its citations.

It holds no script and loads nothing (its Content-Security-Policy forbids both), so it opens
offline, can be mailed, and participants' text in it is only ever text.
"""

from __future__ import annotations

import html

from toolkit.trainer.cells import utc_text
from toolkit.trainer.charts import CHART_CSS, bars_html
from toolkit.trainer.grid import GRID_CSS, grid_html
from toolkit.trainer.record import CaseRecord, Progress, SessionRecord
from toolkit.ui.markup import markdown_html

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
REPORT_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em;
  line-height: 1.4; color: #1d2330; }
section.lr-case { border-top: 3px solid #4a6fa5; margin-top: 2.5em; }
.lr-question { margin: 1.2em 0; }
.lr-model { background: #f3f8f4; border-left: 4px solid #1b7a3a; padding: .4em .8em; }
.lr-finding { margin: .4em 0; }
.lr-scroll { overflow-x: auto; }
@media print { section.lr-case { break-before: page; } }
"""


def html_bytes(record: SessionRecord, progress: Progress | None = None) -> bytes:
    e = html.escape
    s = record.session
    title = f"Workshop record: {s.title} ({s.code})"
    closed = f", closed {e(utc_text(s.closed_at))}" if s.closed_at else ", still open"
    toc = "".join(
        f'<li><a href="#case-{e(c.board.case.id)}">{e(c.board.case.title)}</a></li>'
        for c in record.cases
    )
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{REPORT_CSS}{GRID_CSS}{CHART_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>Session opened {e(utc_text(s.created_at))}{closed}; "
        f"{len(record.groups)} groups; exported {e(utc_text(record.exported_at))} (times in "
        "UTC).</p>",
        f"<nav><h2>Cases</h2><ol>{toc}</ol></nav>" if toc else "<p>No case was worked on.</p>",
    ]
    for case_id, count in record.left_out.items():
        parts.append(f"<p>Left out: {count} answers to {e(case_id)}, which is not in this "
                     "casebook.</p>")  # fmt: skip
    for done, case_record in enumerate(record.cases):
        if progress is not None:
            progress(done, len(record.cases), case_record.board.case.title)
        parts.append(case_html(case_record))
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def case_html(case_record: CaseRecord) -> str:
    e = html.escape
    board = case_record.board
    case = board.case
    events = "; ".join(
        f"{'released' if event.released else 'hidden'} {utc_text(event.at)}"
        for event in case_record.releases
    )
    released = (
        "Model answers are released to the groups" if case_record.released
        else "Model answers are not released to the groups"
    ) + (f" ({e(events)})." if events else ".")  # fmt: skip
    questions = []
    for n, (key, question) in enumerate(case.questions.items(), start=1):
        model = question.model_answer
        questions.append(
            f'<div class="lr-question"><h4>Q{n}. {e(question.prompt)}</h4>'
            f"{bars_html(board.distribution(key))}"
            f'<div class="lr-model"><b>Model answer:</b> {e(board.model_text(key))} '
            f"<cite>({e(str(model.citation))})</cite><p>{e(model.explanation)}</p></div></div>"
        )
    return (
        f'<section class="lr-case" id="case-{e(case.id)}"><h2>{e(case.title)}</h2>'
        f"<p>{released}</p><details><summary>The facts as given to the groups</summary>"
        f"{markdown_html(case.narrative)}</details>"
        f'<h3>Answers</h3><div class="lr-scroll">{grid_html(board)}</div>'
        f"<h3>Question by question</h3>{''.join(questions)}"
        f"<h3>Article by article</h3>{case.analysis().to_html()}</section>"
    )
