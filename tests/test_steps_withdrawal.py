"""Withdrawal (Art. 20), reservations (Art. 19) and review (Art. 13), table by table; and the
quiz, whose answers must be those the treaty steps give."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from state_builders import FAILS, HOLDS, KESTRELIA, UNKNOWN, kestrelia

from toolkit import Outcome
from toolkit.steps import (
    InstrumentKind,
    StateFacts,
    Step,
    art13_reviews,
    art18_1_instrument,
    art18_3_counts_toward_forty,
    art18_entry_into_force,
    art19_no_reservations,
    art20_1_withdrawal_notice,
    art20_2_withdrawal_takes_effect,
    art20_3_withdrawal_with_cartagena,
    movement_timing,
)
from toolkit.steps.quiz import QUIZ, Question

D = date.fromisoformat
EARLY = kestrelia(signed=True, deposited=D("2016-01-01"))  # bound from 2018-03-05
LEAP = kestrelia(deposited=D("2019-12-01"))  # bound from 2020-02-29
NOT_A_PARTY = kestrelia(cartagena_party=False, cartagena_in_force=None)

NOTICE = [
    ("Art. 20(1): a notice received exactly two years after entry into force is too early",
     EARLY, D("2020-03-05"), FAILS, D("2020-03-06"), (), "strictly after"),
    ("Art. 20(1): a notice received the next day comes after the wait",
     EARLY, D("2020-03-06"), HOLDS, D("2020-03-06"), (), ""),
    ("Art. 20(1): a notice received before the Protocol bound the Party is explained",
     EARLY, D("2018-01-01"), FAILS, None, (), "nothing yet to withdraw from"),
    ("Art. 20(1): without a notice date, the earliest day is given and the date asked for",
     EARLY, None, UNKNOWN, D("2020-03-06"), ("withdrawal_received",), ""),
    ("Art. 20(1): two years from 29 February end on 28 February: that day is too early",
     LEAP, D("2022-02-28"), FAILS, D("2022-03-01"), (), "28 February"),
    ("Art. 20(1): two years from 29 February: 1 March is after the wait",
     LEAP, D("2022-03-01"), HOLDS, D("2022-03-01"), (), ""),
    ("Art. 20(1): while entry into force is open, so is the wait",
     kestrelia(cartagena_in_force=None), D("2024-01-01"), UNKNOWN, None,
     ("cartagena_in_force",), ""),
    ("Art. 20(1): while both are open, both are asked for",
     kestrelia(cartagena_in_force=None), None, UNKNOWN, None,
     ("cartagena_in_force", "withdrawal_received"), ""),
    ("Art. 20(1): a State the Protocol does not bind has nothing to withdraw from",
     NOT_A_PARTY, D("2024-01-01"), FAILS, None, (), "nothing to withdraw from"),
]  # fmt: skip


def _check(
    answer: Step[date],
    outcome: Outcome,
    value: date | None,
    missing: tuple[str, ...],
    explains: str,
) -> None:
    assert answer.outcome is outcome, answer.reasons
    assert answer.value == value, answer.reasons
    assert answer.missing_facts == missing, answer.reasons
    assert not explains or any(explains in reason for reason in answer.reasons), answer.reasons


@pytest.mark.parametrize(
    ("state", "received", "outcome", "earliest", "missing", "explains"),
    [row[1:] for row in NOTICE],
    ids=[row[0] for row in NOTICE],
)
def test_art20_1_notice_only_after_two_years(
    state: StateFacts,
    received: date | None,
    outcome: Outcome,
    earliest: date | None,
    missing: tuple[str, ...],
    explains: str,
) -> None:
    _check(art20_1_withdrawal_notice(state, received), outcome, earliest, missing, explains)


EFFECT = [
    ("Art. 20(2): a withdrawal takes effect one year after the notice is received",
     EARLY, D("2020-03-10"), None, HOLDS, D("2021-03-10"), ""),
    ("Art. 20(2): a later date named in the notice applies",
     EARLY, D("2020-03-10"), D("2021-06-30"), HOLDS, D("2021-06-30"), "later date"),
    ("Art. 20(2): an earlier date named in the notice does not apply",
     EARLY, D("2020-03-10"), D("2021-01-01"), HOLDS, D("2021-03-10"), "does not apply"),
    ("Art. 20(2): the very date one year on, named in the notice, is that date",
     EARLY, D("2020-03-10"), D("2021-03-10"), HOLDS, D("2021-03-10"), "same date"),
    ("Art. 20(2): a year from 29 February ends on 28 February",
     EARLY, D("2024-02-29"), None, HOLDS, D("2025-02-28"), "leap day"),
    ("Art. 20(2): a notice that comes too early takes no effect",
     EARLY, D("2020-03-05"), D("2022-01-01"), FAILS, None, "too early"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("state", "received", "named", "outcome", "effect", "explains"),
    [row[1:] for row in EFFECT],
    ids=[row[0] for row in EFFECT],
)
def test_art20_2_withdrawal_takes_effect_a_year_after_notice_or_later(
    state: StateFacts,
    received: date,
    named: date | None,
    outcome: Outcome,
    effect: date | None,
    explains: str,
) -> None:
    answer = art20_2_withdrawal_takes_effect(state, received, named)
    _check(answer, outcome, effect, (), explains)


LEAVING_CARTAGENA = [
    ("Art. 20(3): leaving the Cartagena Protocol ends this Protocol when that takes effect",
     KESTRELIA, D("2024-05-05"), None, HOLDS, D("2025-05-05"), "withdrawn from this Protocol"),
    ("Art. 20(3) with CP Art. 39(2): a later date named in the Cartagena notice applies",
     KESTRELIA, D("2024-05-05"), D("2026-01-01"), HOLDS, D("2026-01-01"), ""),
    ("Art. 20(3) with CP Art. 39(1): the Cartagena Protocol's own two-year wait applies",
     kestrelia(cartagena_in_force=D("2023-01-01"), deposited=D("2023-06-01")),
     D("2024-06-01"), None, FAILS, None, "CP Art. 39(1)"),
    ("Art. 20(3): for a State this Protocol does not bind, it changes nothing",
     NOT_A_PARTY, D("2024-05-05"), None, FAILS, None, "changes nothing"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("state", "received", "named", "outcome", "effect", "explains"),
    [row[1:] for row in LEAVING_CARTAGENA],
    ids=[row[0] for row in LEAVING_CARTAGENA],
)
def test_art20_3_leaving_the_cartagena_protocol_is_leaving_this_one(
    state: StateFacts,
    received: date,
    named: date | None,
    outcome: Outcome,
    effect: date | None,
    explains: str,
) -> None:
    answer = art20_3_withdrawal_with_cartagena(state, received, named)
    _check(answer, outcome, effect, (), explains)


RESERVATIONS = [
    ("Art. 19: an instrument without reservations holds", (), HOLDS, ()),
    ("Art. 19: blank text is no reservation", ("   ",), HOLDS, ()),
    ("Art. 19: any reservation is refused", ("Art. 5(3) does not apply to us",), FAILS, None),
    ("Art. 19: several reservations are all refused", ("Art. 6", "Art. 12(2)"), FAILS, None),
    ("Art. 19: whether the instrument carries one may be unknown", None, UNKNOWN, None),
]


@pytest.mark.parametrize(
    ("reservations", "outcome", "value"),
    [row[1:] for row in RESERVATIONS],
    ids=[row[0] for row in RESERVATIONS],
)
def test_art19_no_reservations(
    reservations: tuple[str, ...] | None, outcome: Outcome, value: tuple[str, ...] | None
) -> None:
    answer = art19_no_reservations(reservations)
    assert answer.outcome is outcome
    assert answer.value == value
    assert answer.missing_facts == (("reservations",) if outcome is UNKNOWN else ())
    if outcome is FAILS:
        assert any("No reservation may be made" in reason for reason in answer.reasons)


@pytest.mark.parametrize(
    ("through", "due"),
    [
        (D("2023-03-04"), ()),
        (D("2023-03-05"), (D("2023-03-05"),)),
        (D("2030-12-31"), (D("2023-03-05"), D("2028-03-05"))),
    ],
    ids=["none before the fifth anniversary", "the first on it", "every five years"],
)
def test_art13_review_five_years_after_entry_into_force_then_every_five(
    through: date, due: tuple[date, ...]
) -> None:
    answer = art13_reviews(through)
    assert answer.outcome is HOLDS
    assert answer.value == due


KESTRELIA_2018 = kestrelia(signed=True, deposited=D("2016-01-01"))
QUIZ_ANSWERS: dict[str, Callable[[], str]] = {
    "accession": lambda: (
        "By accession" if art18_1_instrument(KESTRELIA).value == (InstrumentKind.ACCESSION,) else ""
    ),
    "leap-day": lambda: str(art18_entry_into_force(kestrelia(deposited=D("2019-12-01"))).value),
    "later-of": lambda: str(
        art18_entry_into_force(
            kestrelia(deposited=D("2021-06-01"), cartagena_in_force=D("2021-10-01"))
        ).value
    ),
    "reservation": lambda: (
        "No: no reservation may be made"
        if art19_no_reservations(["Art. 5(3)"]).outcome is FAILS
        else ""
    ),
    "regional-organisation": lambda: (
        "No: it is not counted in addition to its member States' instruments"
        if art18_3_counts_toward_forty(kestrelia(reio=True)).outcome is FAILS
        else ""
    ),
    "withdrawal-effect": lambda: str(
        art20_2_withdrawal_takes_effect(KESTRELIA_2018, D("2020-03-10"), D("2021-01-01")).value
    ),
    "leaving-cartagena": lambda: (
        "It is taken to have withdrawn from the Supplementary Protocol too"
        if art20_3_withdrawal_with_cartagena(KESTRELIA, D("2024-05-05")).outcome is HOLDS
        else ""
    ),
    "earlier-movement": lambda: (
        "No: the movement started before the Protocol entered into force for Kestrelia"
        if movement_timing(kestrelia(deposited=D("2019-12-01")), D("2019-11-01")).outcome is FAILS
        else ""
    ),
}


@pytest.mark.parametrize("question", QUIZ, ids=lambda q: q.key)
def test_quiz_answers_are_those_the_treaty_steps_give(question: Question) -> None:
    assert question.answer in question.options
    assert QUIZ_ANSWERS[question.key]() == question.answer
    right, text = question.feedback(question.answer)
    assert right and text.endswith(f"({question.citation})")
    wrong = next(option for option in question.options if option != question.answer)
    assert question.feedback(wrong)[0] is False


def test_every_quiz_question_is_checked() -> None:
    assert {q.key for q in QUIZ} == set(QUIZ_ANSWERS)
