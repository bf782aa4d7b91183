"""The presenter's slides for one case, as plain data and HTML: the facts, each question with
the groups' answers (first without, then with the model answer), the article-by-article
analysis, and a chosen what-if."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum

from toolkit.casebook import Case, Kind, answer_text
from toolkit.render import plain
from toolkit.trainer.board import Board
from toolkit.trainer.charts import bars_html
from toolkit.ui.markup import markdown_html


class Slide(StrEnum):
    FACTS = "facts"
    QUESTION = "question"  # the groups' answers
    MODEL_ANSWER = "model answer"  # the same, with the model answer
    ANALYSIS = "analysis"
    WHAT_IF = "what if"


@dataclass(frozen=True)
class Step:
    slide: Slide
    question: str | None = None  # the question's id, on question and model answer slides

    @property
    def shows_answers(self) -> bool:
        return self.question is not None


def steps(case: Case) -> list[Step]:
    """The case's slides in order; a what-if slide only if the case has what-ifs."""
    found = [Step(Slide.FACTS)]
    for key in case.questions:
        found += [Step(Slide.QUESTION, key), Step(Slide.MODEL_ANSWER, key)]
    found.append(Step(Slide.ANALYSIS))
    if case.what_ifs:
        found.append(Step(Slide.WHAT_IF))
    return found


def slide_html(step: Step, board: Board, what_if: str | None = None) -> str:
    """The slide's HTML; ``board`` brings the groups' answers, ``what_if`` the chosen what-if."""
    e = html.escape
    case = board.case
    if step.slide is Slide.FACTS:
        return f"<h1>{e(case.title)}</h1>{markdown_html(case.narrative)}"
    if step.slide is Slide.ANALYSIS:
        return f"<h2>Article by article</h2>{case.analysis().to_html()}"
    if step.slide is Slide.WHAT_IF:
        return _what_if_html(case, what_if or next(iter(case.what_ifs)))
    assert step.question is not None
    key = step.question
    question = case.questions[key]
    number = list(case.questions).index(key) + 1
    reveal = step.slide is Slide.MODEL_ANSWER
    parts = [
        f'<p class="lr-slide-kicker">Question {number} of {len(case.questions)}</p>',
        f"<h2>{e(question.prompt)}</h2>",
        bars_html(board.distribution(key), show_model=reveal),
    ]
    if question.kind is Kind.TEXT:
        given = [(row.group.name, row.cells[key].text) for row in board.rows]
        items = "".join(f"<li><b>{e(name)}:</b> {e(text)}</li>" for name, text in given if text)
        parts.append(f'<ul class="lr-slide-texts">{items}</ul>' if items else "")
    if reveal:
        model = question.model_answer
        parts.append(
            f'<div class="lr-slide-model"><p><b>Model answer:</b> {e(board.model_text(key))} '
            f"<cite>({e(str(model.citation))})</cite></p><p>{e(model.explanation)}</p></div>"
        )
    return "".join(parts)


def _what_if_html(case: Case, key: str) -> str:
    e = html.escape
    what_if = case.what_ifs[key]
    changes = "".join(
        f"<li><code>{e(path)}</code>: {e(str(plain(value)))}</li>"
        for path, value in what_if.changes.items()
    )
    answers = "".join(
        f"<li>{e(case.questions[q].prompt)} <b>{e(_model_text(case, q, key))}</b></li>"
        for q in what_if.answers
    )
    changed = f"<h3>Model answers it changes</h3><ul>{answers}</ul>" if answers else ""
    return (
        f"<h2>What if: {e(what_if.title)}</h2><ul>{changes}</ul>"
        f"<p>{e(what_if.explanation)}</p>{changed}{case.analysis(key).to_html()}"
    )


def _model_text(case: Case, question: str, what_if: str) -> str:
    return answer_text(case.questions[question], case.model_answer(question, what_if))


SLIDE_CSS = """
.lr-slide { font-size: 1.6rem; line-height: 1.45; max-width: 60rem; }
.lr-slide h1 { font-size: 2.6rem; } .lr-slide h2 { font-size: 2.1rem; }
.lr-slide .lr-chart { max-width: 100%; }
.lr-slide .lr-bar-track { height: 1.4em; }
.lr-slide-kicker { color: #4a6fa5; font-weight: bold; margin-bottom: 0; }
.lr-slide-model { background: #f3f8f4; border-left: 6px solid #1b7a3a; padding: .3em 1em; }
"""
