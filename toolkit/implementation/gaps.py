"""The gap list: what a Party still has to do, required items not in place first."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from toolkit.implementation.checklist import CHECKLIST
from toolkit.implementation.model import NONE, Answer, Assessment, Duty, Item, Status
from toolkit.rules.engine import Tri


class GapKind(StrEnum):
    """Kinds of gap, most pressing first: the gap list is sorted in this order."""

    REQUIRED = "Required, not in place"
    REQUIRED_PARTLY = "Required, partly in place"
    RECOMMENDED = "Recommended, not fully in place"
    CHOICE_OPEN = "Choice not yet made"
    CHOICE_NOT_IN_LAW = "Choice made, not yet in domestic law"


_ORDER = list(GapKind)


@dataclass(frozen=True)
class Gap:
    item: Item
    kind: GapKind
    reasons: tuple[str, ...]
    note: str  # the learner's own note on the item


def gaps(assessment: Assessment) -> tuple[Gap, ...]:
    """Every item's gap, if it has one, most pressing kind first and in checklist order."""
    found = [gap for item in CHECKLIST if (gap := item_gap(item, assessment)) is not None]
    return tuple(sorted(found, key=lambda gap: _ORDER.index(gap.kind)))


def applies(item: Item, assessment: Assessment) -> Tri:
    """Whether a required item binds this Party; unknown until the choices it turns on are made."""
    return True if item.condition is None else item.condition.test(assessment)


def item_gap(item: Item, assessment: Assessment) -> Gap | None:
    answer = assessment.answer(item.key)
    kind, reasons = _status_gap(item, answer, applies(item, assessment))
    if item.option is not None and answer.choice is None:
        field = item.option.field
        reasons.append(
            f"No choice recorded: the profile leaves '{field}' unknown, so the cases that turn "
            "on it stay open."
            if field
            else "No choice recorded."
        )
        kind = kind or GapKind.CHOICE_OPEN
    elif kind is None and _takes_up(answer.choice) and answer.status in _NOT_IN_LAW:
        kind = GapKind.CHOICE_NOT_IN_LAW
        in_law = "only partly in" if answer.status is Status.PARTLY else "not yet in"
        reasons.append(f"The choice is recorded, but it is {in_law} domestic law.")
    return None if kind is None else Gap(item, kind, tuple(reasons), answer.note)


_NOT_IN_LAW = (Status.NOT_YET, Status.PARTLY)


def _status_gap(item: Item, answer: Answer, binds: Tri) -> tuple[GapKind | None, list[str]]:
    status = answer.status
    condition = f"Required {item.condition.text}." if item.condition else ""
    if item.duty is Duty.REQUIRED and binds is not False:
        if binds is None:
            if status in (Status.IN_PLACE, Status.NOT_APPLICABLE):
                return None, []
            condition += " Your choices so far do not settle whether it applies."
        if status is Status.PARTLY:
            return GapKind.REQUIRED_PARTLY, _said("Partly in place.", condition)
        if status is Status.NOT_APPLICABLE:
            why = "your choices make it apply" if item.condition else "every Party must provide it"
            return GapKind.REQUIRED, _said(f"Marked not applicable, but {why}.", condition)
        if status is not Status.IN_PLACE:
            return GapKind.REQUIRED, _said(f"{_status_text(answer).capitalize()}.", condition)
    if item.duty is Duty.RECOMMENDED and status not in (Status.IN_PLACE, Status.NOT_APPLICABLE):
        return GapKind.RECOMMENDED, [f"{_status_text(answer).capitalize()}."]
    return None, []


def _said(*sentences: str) -> list[str]:
    return [s.strip() for s in sentences if s.strip()]


def _status_text(answer: Answer) -> str:
    return {
        None: "not assessed yet",
        Status.NOT_YET: "not yet in domestic law",
        Status.PARTLY: "partly in place",
    }.get(answer.status, str(answer.status))


def _takes_up(choice: object) -> bool:
    """Whether a choice takes up an option (so there is something to put into law)."""
    return choice is not None and choice != NONE and choice != []
