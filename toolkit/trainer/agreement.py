"""Whether a group's answer agrees with the model answer, question kind by question kind.

Stored answers are JSON (``toolkit.ui.answers``); model answers come from YAML, where yes and no
are booleans and dates are dates. Both are brought to one comparable form before comparing.
Free text is never compared: only the trainer can judge it.
"""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from toolkit.casebook import Kind, Question, normalised


class Agreement(StrEnum):
    AGREES = "agrees"
    DIFFERS = "differs"
    NOT_COMPARED = "not compared"  # free text
    UNANSWERED = "no answer"


def agreement(question: Question, given: object, model: object) -> Agreement:
    """How the group's stored answer ``given`` stands against the ``model`` answer."""
    if given is None:
        return Agreement.UNANSWERED
    if question.kind is Kind.TEXT:
        return Agreement.NOT_COMPARED
    if question.kind is Kind.AMOUNT:
        return Agreement.AGREES if _same_amount(given, model) else Agreement.DIFFERS
    same = comparable(question.kind, given) == comparable(question.kind, model)
    return Agreement.AGREES if same else Agreement.DIFFERS


def comparable(kind: Kind, answer: object) -> object:
    """An answer in the form two answers of ``kind`` are compared in."""
    answer = normalised(answer)
    if isinstance(answer, date):
        return answer.isoformat()
    if kind is Kind.MULTIPLE_CHOICE and isinstance(answer, list):
        return frozenset(map(str, answer))  # ticked in any order
    return answer


def _same_amount(given: object, model: object) -> bool:
    if isinstance(given, bool) or isinstance(model, bool):
        return False
    if not isinstance(given, int | float) or not isinstance(model, int | float):
        return False
    return math.isclose(given, model, rel_tol=1e-9)
