"""Art. 20: withdrawal, after two years in force, taking effect a year after notice; leaving
the Cartagena Protocol means leaving this Protocol too."""

from __future__ import annotations

from datetime import date, timedelta

from toolkit.citation import cite
from toolkit.finding import Outcome
from toolkit.steps.answer import Reply, Step, reply, step
from toolkit.steps.art18_entry_into_force import art18_entry_into_force
from toolkit.steps.cp_art37_cartagena import art37_cartagena_entry_into_force
from toolkit.steps.facts import StateFacts
from toolkit.treaty_dates import WITHDRAWAL_NOTICE_YEARS, WITHDRAWAL_WAIT_YEARS, years_after

STRICTLY_AFTER = (
    "The text says 'after two years', read here as strictly after: a notice received on the "
    "second anniversary itself is too early."
)


def _leap_anniversary(start: date) -> str:
    if (start.month, start.day) != (2, 29):
        return ""
    return (
        f"{start} is a leap day: a period of years counted from it ends on 28 February when the "
        "final year has no 29 February."
    )


def _notice(
    in_force: Step[date], received: date | None, article: str, treaty: str, name: str
) -> Reply[date]:
    """Whether a notice received on ``received`` comes after the two-year wait (Art. 20(1), or
    CP Art. 39(1) with the Cartagena date)."""
    facts = {"in_force": in_force.value, "received": received}
    if in_force.outcome is Outcome.FAILS:
        return reply(
            False,
            f"{name} is not bound, so it has nothing to withdraw from:",
            *in_force.reasons,
            facts=facts,
        )
    start = in_force.value
    if start is None:
        wanted = ("withdrawal_received",) if received is None else ()
        return reply(
            None,
            f"A Party may withdraw only after two years in force for it ({article}); the date "
            "it entered into force is still open.",
            facts=facts,
            missing=(*in_force.missing_facts, *wanted),
        )
    anniversary = years_after(start, WITHDRAWAL_WAIT_YEARS)
    earliest = anniversary + timedelta(days=1)
    wait = (
        f"{treaty[0].upper()}{treaty[1:]} entered into force for {name} on {start}; two years "
        f"later is {anniversary}, so the Secretary-General must receive the notice on "
        f"{earliest} or later ({article})."
    )
    if received is None:
        return reply(
            None,
            wait,
            _leap_anniversary(start),
            value=earliest,
            facts=facts,
            missing=("withdrawal_received",),
        )
    if received < start:
        return reply(
            False,
            f"A notice received on {received}, before {treaty} entered into force for "
            f"{name} on {start}, cannot be a withdrawal: there is nothing yet to withdraw "
            "from. Check the date.",
            wait,
            facts=facts,
        )
    if received <= anniversary:
        return reply(
            False,
            f"A notice received on {received} comes too early.",
            wait,
            STRICTLY_AFTER if received == anniversary else "",
            _leap_anniversary(start),
            value=earliest,
            facts=facts,
        )
    return reply(
        True,
        wait,
        f"The notice was received on {received}, after the wait.",
        _leap_anniversary(start),
        value=earliest,
        facts=facts,
    )


def _effect(received: date, named: date | None) -> tuple[date, str]:
    """One year after receipt, or a later date the notice names (Art. 20(2), CP Art. 39(2))."""
    one_year = years_after(received, WITHDRAWAL_NOTICE_YEARS)
    base = f"One year after the Secretary-General received the notice on {received} is {one_year}."
    if named is not None and named > one_year:
        return named, base + f" The notice names a later date, {named}, which applies."
    if named is not None and named < one_year:
        return one_year, base + (
            f" The notice names {named}, which is earlier: only a later date can be named, so "
            "that date does not apply."
        )
    return one_year, base + (" The notice names that same date." if named else "")


@step(cite(20, 1), "The notice of withdrawal comes after two years in force for the Party")
def art20_1_withdrawal_notice(state: StateFacts, received: date | None) -> Reply[date]:
    in_force = art18_entry_into_force(state)
    return _notice(in_force, received, "Art. 20(1)", "the Protocol", state.name)


@step(cite(20, 2), "The date the withdrawal takes effect")
def art20_2_withdrawal_takes_effect(
    state: StateFacts, received: date | None, named: date | None = None
) -> Reply[date]:
    notice = art20_1_withdrawal_notice(state, received)
    if notice.outcome is not Outcome.HOLDS or received is None:
        return reply(
            notice.outcome.truth,
            *notice.reasons,
            facts={"received": received, "named": named},
            missing=notice.missing_facts,
        )
    day, how = _effect(received, named)
    return reply(
        True,
        how,
        _leap_anniversary(received),
        f"The withdrawal takes effect on {day}; until then the Protocol keeps binding "
        f"{state.name}.",
        value=day,
        facts={"received": received, "named": named},
    )


@step(cite(20, 3), "Withdrawing from the Cartagena Protocol is withdrawing from this one too")
def art20_3_withdrawal_with_cartagena(
    state: StateFacts, received: date | None, named: date | None = None
) -> Reply[date]:
    facts = {"received": received, "named": named}
    bound = art18_entry_into_force(state)
    if bound.outcome is Outcome.FAILS:
        return reply(
            False,
            f"The Supplementary Protocol does not bind {state.name}, so leaving the Cartagena "
            "Protocol changes nothing here:",
            *bound.reasons,
            facts=facts,
        )
    cartagena = art37_cartagena_entry_into_force(state)
    notice = _notice(cartagena, received, "CP Art. 39(1)", "the Cartagena Protocol", state.name)
    if notice.truth is not True or received is None:
        return reply(
            notice.truth,
            "A Party that withdraws from the Cartagena Protocol is taken to have withdrawn from "
            "this Protocol as well; that withdrawal follows the Cartagena Protocol's own rules "
            "(CP Art. 39).",
            *notice.reasons,
            facts=facts,
            missing=notice.missing,
        )
    day, how = _effect(received, named)
    return reply(
        True,
        "A Party that withdraws from the Cartagena Protocol is taken to have withdrawn from "
        "this Protocol as well.",
        *notice.reasons,
        how.removesuffix(".") + " (CP Art. 39(2)).",
        f"On {day} {state.name} leaves the Cartagena Protocol and, with it, this Protocol. The "
        "two-year wait of Art. 20(1) is not read as applying to this withdrawal, which follows "
        "the Cartagena one.",
        value=day,
        facts=facts,
    )
