"""Art. 18(1)-(2): when the Protocol binds a State; and Art. 3(4): what that date means for
damage from movements that started before it."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from toolkit.citation import cite
from toolkit.finding import Outcome
from toolkit.profile import Profile
from toolkit.rules.art3_scope import art3_4_movement_after_entry_into_force
from toolkit.scenario import CartagenaStatus, Movement, Scenario, State, SupplementaryStatus
from toolkit.steps.answer import Reply, Step, reply, step
from toolkit.steps.art18_joining import art18_1_deposit
from toolkit.steps.cp_art37_cartagena import art37_cartagena_entry_into_force
from toolkit.steps.facts import StateFacts, approx
from toolkit.treaty_dates import (
    DAYS_AFTER_DEPOSIT,
    ENTRY_INTO_FORCE,
    FORTIETH_INSTRUMENT,
    entry_into_force,
    spans_leap_day,
)


def _leap(start: date, end: date) -> str:
    leap_day = spans_leap_day(start, end)
    return f"The days counted include the leap day {leap_day}." if leap_day else ""


@step(cite(18), "The date the Protocol enters into force for the State")
def art18_entry_into_force(state: StateFacts) -> Reply[date]:
    deposit = art18_1_deposit(state)
    deposited, name = state.deposited, state.name
    facts = {"deposited": deposited, "cartagena_in_force": state.cartagena_in_force}
    if deposit.outcome is not Outcome.HOLDS or deposited is None:
        return reply(
            deposit.outcome.truth,
            *deposit.reasons,
            facts=facts,
            missing=deposit.missing_facts,
        )
    if deposited <= FORTIETH_INSTRUMENT:
        return reply(
            True,
            f"Art. 18(1): {name} deposited on {deposited}, no later than the 40th counted "
            f"instrument ({FORTIETH_INSTRUMENT}), so the Protocol binds it from its entry into "
            f"force on {ENTRY_INTO_FORCE}, the 90th day after the 40th instrument.",
            "A regional organisation's instrument did not count toward the 40 (Art. 18(3)), "
            "but binds it from the same date."
            if state.reio
            else "",
            approx(state, "deposited"),
            value=ENTRY_INTO_FORCE,
            facts=facts,
        )
    ninetieth = deposited + timedelta(days=DAYS_AFTER_DEPOSIT)
    cartagena = art37_cartagena_entry_into_force(state)
    later_of = (
        f"Art. 18(2): {name} deposited on {deposited}, after the 40th counted instrument "
        f"({FORTIETH_INSTRUMENT}), so the Protocol binds it from the later of the 90th day "
        f"after its deposit ({ninetieth}) and the date the Cartagena Protocol binds it"
    )
    if cartagena.outcome is Outcome.FAILS:
        return reply(False, *cartagena.reasons, facts=facts)
    if cartagena.value is None:
        return reply(
            None,
            later_of + f": so from {ninetieth} at the earliest, and later if the Cartagena "
            "Protocol binds it only later.",
            _leap(deposited, ninetieth),
            facts=facts,
            missing=cartagena.missing_facts,
        )
    day = entry_into_force(deposited, cartagena.value) or ninetieth
    which = (
        "the Cartagena date is the later, so the Protocol waits for it"
        if cartagena.value > ninetieth
        else "the 90th day is the later"
        if cartagena.value < ninetieth
        else "both fall on the same day"
    )
    return reply(
        True,
        later_of + f" ({cartagena.value}): {which}. It enters into force for {name} on {day}.",
        _leap(deposited, ninetieth) if day == ninetieth else "",
        approx(state, "deposited"),
        value=day,
        facts=facts,
    )


_KEY = "state"  # the State's key in the one-State scenario handed to the Art. 3(4) rule
_AS_STEP_FACTS = {
    "movement.started_on": "movement_started",
    f"states.{_KEY}.supplementary.party": "deposited",
    f"states.{_KEY}.supplementary.deposited": "deposited",
    f"states.{_KEY}.cartagena.in_force_since": "cartagena_in_force",
}
_NO_CHOICES = Profile(schema_version=1, id="treaty-steps", name="No domestic choices")


def movement_timing(state: StateFacts, started_on: date | None) -> Step[date]:
    """Art. 3(4) as the rule checks apply it, for a movement into ``state``'s jurisdiction.

    The value is the date the movement must start after; a failed entry into force (an
    impossible deposit, a non-Party) is answered by that step instead.
    """
    in_force = art18_entry_into_force(state)
    if in_force.outcome is Outcome.FAILS:
        return in_force
    cartagena = art37_cartagena_entry_into_force(state)
    scenario = Scenario(
        schema_version=1,
        id="treaty-steps",
        title=f"A movement into {state.name}",
        states={
            _KEY: State(
                name=state.name,
                cartagena=CartagenaStatus(state.in_cartagena, cartagena.value),
                supplementary=SupplementaryStatus(
                    True if state.deposited else None, state.deposited
                ),
            )
        },
        movement=Movement(to_state=_KEY, started_on=started_on),
    )
    finding = art3_4_movement_after_entry_into_force(scenario, _NO_CHOICES)
    missing = (_AS_STEP_FACTS.get(path, path) for path in finding.missing_facts)
    return Step(
        dataclasses.replace(finding, missing_facts=tuple(dict.fromkeys(missing))), in_force.value
    )
