"""A State for the treaty-step tests: Kestrelia, a later Party, plus targeted changes."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, NamedTuple

from toolkit import Outcome
from toolkit.steps import StateFacts, Step

# Kestrelia did not sign; the Cartagena Protocol has bound it since 2005; it deposited its
# instrument of accession on 2019-06-01, so the Protocol binds it from 2019-08-30.
KESTRELIA = StateFacts(
    "Kestrelia",
    reio=False,
    signed=False,
    cartagena_party=True,
    cartagena_in_force=date(2005, 1, 1),
    deposited=date(2019, 6, 1),
)
HOLDS, FAILS, UNKNOWN = Outcome.HOLDS, Outcome.FAILS, Outcome.UNKNOWN


def kestrelia(**changes: Any) -> StateFacts:
    return dataclasses.replace(KESTRELIA, **changes)


class Row(NamedTuple):
    """One row of a step's table: what it shows, the State, and the answer expected."""

    says: str
    state: StateFacts
    outcome: Outcome
    value: Any = None
    missing: tuple[str, ...] = ()  # exactly the facts an unknown answer must ask for
    explains: str = ""  # words a reason must contain (what an impossible input is told)


def says(row: Row) -> str:
    return row.says


def check(step: Step[Any], row: Row) -> None:
    assert step.outcome == row.outcome, step.reasons
    assert step.value == row.value, step.reasons
    assert step.missing_facts == row.missing, step.reasons
    if row.explains:
        assert any(row.explains in reason for reason in step.reasons), step.reasons
    assert step.reasons, "every answer says why"
