"""A case in a session as the trainer sees it: every group's current answer to every question,
whether it agrees with the model answer, and how the answers spread over each question.

Plain data built from what the store returns, so the dashboard, the presenter view and every
export show the same thing; rendering is elsewhere (``grid``, ``charts``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from toolkit.casebook import Case, Kind, Question, answer_text
from toolkit.store import Group
from toolkit.trainer.agreement import Agreement, agreement, comparable

YES_NO_UNKNOWN = ("yes", "no", "unknown")


@dataclass(frozen=True)
class Cell:
    """A group's current answer to one question (``answer`` None: not answered)."""

    answer: object
    text: str
    agreement: Agreement
    saved_at: datetime | None = None


@dataclass(frozen=True)
class Row:
    group: Group
    cells: dict[str, Cell]  # question id -> cell, for every question of the case

    @property
    def answered(self) -> int:
        return sum(cell.answer is not None for cell in self.cells.values())


@dataclass(frozen=True)
class Bar:
    """How many groups gave one answer (for multiple choice: ticked one choice)."""

    label: str
    count: int
    model: bool  # the model answer (or one of its choices)


@dataclass(frozen=True)
class Distribution:
    question: Question
    bars: tuple[Bar, ...]  # empty for free text, which is listed, not charted
    answered: int
    groups: int


@dataclass(frozen=True)
class Board:
    case: Case
    rows: tuple[Row, ...]  # groups in the order they joined

    def model_text(self, key: str) -> str:
        question = self.case.questions[key]
        return answer_text(question, self.case.model_answer(key))

    def agreeing(self, key: str) -> int:
        return sum(row.cells[key].agreement is Agreement.AGREES for row in self.rows)

    def compared(self, key: str) -> bool:
        return self.case.questions[key].kind is not Kind.TEXT

    def distribution(self, key: str) -> Distribution:
        question = self.case.questions[key]
        given = [row.cells[key].answer for row in self.rows]
        answered = [answer for answer in given if answer is not None]
        return Distribution(
            question, _bars(question, answered, self.case.model_answer(key)), len(answered),
            len(self.rows),
        )  # fmt: skip


def build_board(
    case: Case,
    answers: Mapping[Group, Mapping[str, object]],
    saved_at: Mapping[tuple[int, str], datetime] | None = None,
) -> Board:
    """The board of ``case`` from each group's current answers (``Store.all_answers``);
    ``saved_at`` maps (group id, question id) to when the current answer was saved."""
    saved_at = saved_at or {}
    models = {key: case.model_answer(key) for key in case.questions}
    rows = []
    for group, given in answers.items():
        cells = {}
        for key, question in case.questions.items():
            value = given.get(key)
            cells[key] = Cell(
                answer=value,
                text="" if value is None else answer_text(question, value),
                agreement=agreement(question, value, models[key]),
                saved_at=saved_at.get((group.id, key)),
            )
        rows.append(Row(group, cells))
    return Board(case, tuple(rows))


def _bars(question: Question, answered: list[object], model: object) -> tuple[Bar, ...]:
    kind = question.kind
    if kind is Kind.TEXT:
        return ()
    choices = question.choices or {}
    if kind is Kind.MULTIPLE_CHOICE:
        ticked = Counter(str(c) for answer in answered if isinstance(answer, list) for c in answer)
        chosen = comparable(kind, model)
        assert isinstance(chosen, frozenset)
        return tuple(Bar(label, ticked[key], key in chosen) for key, label in choices.items())
    counts = Counter(_key(kind, answer) for answer in answered)
    wanted = _key(kind, model)
    offered: dict[object, str]
    if kind is Kind.YES_NO_UNKNOWN:
        offered = {key: key.capitalize() for key in YES_NO_UNKNOWN}
    elif kind is Kind.SINGLE_CHOICE:
        offered = {key: label for key, label in choices.items()}
    else:  # dates and amounts: the answers given, the most frequent first
        offered = {key: answer_text(question, key) for key, _ in counts.most_common()}
        if wanted not in offered:
            offered[wanted] = answer_text(question, model)
    bars = [Bar(label, counts[key], key == wanted) for key, label in offered.items()]
    bars += [  # answers that are not among the choices (a case changed since they were saved)
        Bar(answer_text(question, key), n, False) for key, n in counts.items() if key not in offered
    ]
    return tuple(bars)


def _key(kind: Kind, answer: object) -> object:
    key = comparable(kind, answer)
    if isinstance(key, list | dict):  # not an answer of this kind: counted as what it says
        return json.dumps(key, sort_keys=True)
    if kind is Kind.AMOUNT and isinstance(key, int | float) and not isinstance(key, bool):
        return int(key) if float(key).is_integer() else float(key)  # 2.0 and 2 are one bar
    return key
