"""The groups x questions table: each group's current answer and whether it agrees with the
model answer. Everything a participant typed is escaped here, once, for every view."""

from __future__ import annotations

import html

from toolkit.trainer.agreement import Agreement
from toolkit.trainer.board import Board, Cell

LONG_TEXT = 80  # characters of a free-text answer shown in a cell; the rest on hover
MARKS = {
    Agreement.AGREES: ("✓", "agrees with the model answer"),
    Agreement.DIFFERS: ("✗", "differs from the model answer"),
    Agreement.NOT_COMPARED: ("·", "free text: not compared"),
    Agreement.UNANSWERED: ("", "no answer yet"),
}


def grid_html(board: Board) -> str:
    """The board as an HTML table, with a row of model answers and one of agreement counts."""
    e = html.escape
    keys = list(board.case.questions)
    head = "".join(
        f'<th scope="col" title="{e(board.case.questions[key].prompt)}">Q{n}</th>'
        for n, key in enumerate(keys, start=1)
    )
    body = []
    for row in board.rows:
        cells = "".join(_cell(row.cells[key]) for key in keys)
        body.append(
            f'<tr class="lr-grid-group"><th scope="row" class="lr-group-name">{e(row.group.name)}'
            f"</th>{cells}<td>{row.answered}/{len(keys)}</td></tr>"
        )
    if not board.rows:
        body.append(f'<tr><td colspan="{len(keys) + 2}">No group has joined yet.</td></tr>')
    models = "".join(
        f'<td title="{e(board.model_text(key))}">{e(_short(board.model_text(key)))}</td>'
        for key in keys
    )
    counts = "".join(
        f"<td>{board.agreeing(key)}/{len(board.rows)}</td>" if board.compared(key)
        else "<td>not compared</td>"
        for key in keys
    )  # fmt: skip
    foot = (
        f'<tfoot><tr class="lr-grid-model"><th scope="row">Model answer</th>{models}<td></td>'
        f'</tr><tr class="lr-grid-agreeing"><th scope="row">Agreeing</th>{counts}<td></td>'
        "</tr></tfoot>"
    )
    return (
        f'<table class="lr-grid"><thead><tr><th scope="col">Group</th>{head}'
        f'<th scope="col">Answered</th></tr></thead><tbody>{"".join(body)}</tbody>{foot}</table>'
    )


def _cell(cell: Cell) -> str:
    e = html.escape
    mark, meaning = MARKS[cell.agreement]
    text = _short(cell.text)
    shown = f'<span class="lr-mark" aria-label="{meaning}">{mark}</span> ' if mark else ""
    hover = f"{cell.text} ({meaning})" if cell.text else meaning
    kind = cell.agreement.name.lower()
    return f'<td class="lr-{kind}" title="{e(hover)}">{shown}{e(text)}</td>'


def _short(text: str) -> str:
    return text if len(text) <= LONG_TEXT else text[: LONG_TEXT - 1] + "…"


GRID_CSS = """
.lr-grid { border-collapse: collapse; font-size: .95em; }
.lr-grid th, .lr-grid td { border: 1px solid #d0d5dc; padding: .25em .45em; text-align: left;
  vertical-align: top; max-width: 14em; overflow-wrap: anywhere; }
.lr-grid thead th { background: #f3f5f8; }
.lr-grid .lr-agrees { background: #e6f4ea; }
.lr-grid .lr-differs { background: #fbe9e7; }
.lr-grid .lr-agrees .lr-mark { color: #1b7a3a; font-weight: bold; }
.lr-grid .lr-differs .lr-mark { color: #b3261e; font-weight: bold; }
.lr-grid tfoot th, .lr-grid tfoot td { background: #f8f9fb; font-style: italic; }
"""
