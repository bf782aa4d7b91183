"""Art. 18(1) and (3): who may join, by which instrument, deposited with whom, and which
instruments count toward the 40 that brought the Protocol into force."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from toolkit.citation import cite
from toolkit.finding import Outcome
from toolkit.steps.answer import Reply, reply, step
from toolkit.steps.cp_art37_cartagena import NOT_A_PARTY, art37_cartagena_entry_into_force
from toolkit.steps.facts import (
    FOR_NON_SIGNATORIES,
    FOR_SIGNATORIES,
    InstrumentKind,
    StateFacts,
    approx,
)
from toolkit.treaty_dates import (
    ADOPTED,
    DAYS_AFTER_DEPOSIT,
    FORTIETH_INSTRUMENT,
    INSTRUMENTS_NEEDED,
    SIGNATURE_CLOSES,
    SIGNATURE_OPENS,
)

Kinds = tuple[InstrumentKind, ...]


def either(kinds: Sequence[InstrumentKind]) -> str:
    """'accession', 'ratification, acceptance or approval'."""
    names = [kind.value for kind in kinds]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


@step(cite(18, 1), "Only a Party to the Cartagena Protocol can become a Party")
def art18_1_cartagena_party(state: StateFacts) -> Reply[bool]:
    cartagena = art37_cartagena_entry_into_force(state)
    facts = {"cartagena_party": state.cartagena_party}
    if state.cartagena_party is False:
        return reply(False, NOT_A_PARTY.format(name=state.name), value=False, facts=facts)
    if cartagena.outcome is Outcome.HOLDS:
        return reply(
            True,
            f"{state.name} is a Party to the Cartagena Protocol, or joins it: the Cartagena "
            f"Protocol binds it from {cartagena.value}.",
            value=True,
            facts=facts,
        )
    if cartagena.outcome is Outcome.FAILS:
        return reply(False, *cartagena.reasons, facts=facts)
    if state.cartagena_party:
        return reply(
            True,
            f"{state.name} is a Party to the Cartagena Protocol, so it may join.",
            value=True,
            facts=facts,
        )
    return reply(
        None,
        "Only Parties to the Cartagena Protocol can become Parties; it is not known whether "
        f"{state.name} is one.",
        facts=facts,
        missing=("cartagena_party",),
    )


@step(cite(18, 1), "The instrument by which the State joins")
def art18_1_instrument(state: StateFacts) -> Reply[Kinds]:
    signed, recorded, name = state.signatory, state.instrument, state.name
    facts = {"signed": signed, "instrument": recorded}
    if signed is None:
        return reply(
            None,
            "A State that signed the Protocol joins by ratification, acceptance or approval; a "
            "State that did not sign it joins by accession. Whether it signed is not known.",
            f"The record says {name} deposited an instrument of {recorded}." if recorded else "",
            facts=facts,
            missing=("signed",),
        )
    if state.in_cartagena is False:
        return reply(False, NOT_A_PARTY.format(name=name), facts=facts)
    kinds = FOR_SIGNATORIES if signed else FOR_NON_SIGNATORIES
    if recorded is not None and recorded not in kinds:
        return reply(
            False,
            f"The record says {name} deposited an instrument of {recorded}, but "
            + (
                "it signed the Protocol: a signatory ratifies, accepts or approves."
                if signed
                else "it did not sign the Protocol: a State that did not sign accedes."
            )
            + " Check the record.",
            facts=facts,
        )
    why = (
        f"{name} signed the Protocol, so it joins by {either(kinds)}: the three have the same "
        "effect, and which one a State uses follows its constitutional practice (Japan "
        "accepted; the European Union approved)."
        if signed
        else f"{name} did not sign while the Protocol was open for signature, so it joins by "
        "accession, which has the same effect as ratification."
    )
    return reply(
        True,
        why,
        f"The record shows an instrument of {recorded}." if recorded else "",
        "Only a Party to the Cartagena Protocol can join; whether it is one is not known."
        if state.in_cartagena is None
        else "",
        value=(recorded,) if recorded else kinds,
        facts=facts,
    )


def deposit_problems(state: StateFacts) -> tuple[str, ...]:
    """What makes the State's deposit date impossible, as sentences saying what to check."""
    deposited, name = state.deposited, state.name
    if deposited is None:
        return ()
    if deposited < ADOPTED:
        return (
            f"A deposit on {deposited} is not possible: the Protocol was adopted only on "
            f"{ADOPTED} (decision BS-V/11). Check the date.",
        )
    if deposited < SIGNATURE_OPENS:
        return (
            f"A deposit on {deposited} is not possible: no instrument could be deposited before "
            f"the Protocol opened for signature on {SIGNATURE_OPENS} (Art. 17). Check the date.",
        )
    problems = []
    if state.signed_on is not None and deposited < state.signed_on:
        problems.append(
            f"{name} is recorded as depositing on {deposited}, before it signed on "
            f"{state.signed_on}: a State ratifies, accepts or approves what it has signed. "
            "Check both dates."
        )
    if state.signatory is False and deposited <= SIGNATURE_CLOSES:
        problems.append(
            f"{name} did not sign, and accession is for States that did not sign while the "
            f"Protocol was open for signature, which ended on {SIGNATURE_CLOSES}; a deposit on "
            f"{deposited} falls in that period. Check the date, or whether {name} signed."
        )
    if state.in_cartagena is False:
        problems.append(
            f"{name} is not a Party to the Cartagena Protocol, so its instrument cannot make it "
            "a Party (Art. 18(1)); the Depositary counts only instruments of Parties to the "
            "Cartagena Protocol. It must join the Cartagena Protocol first, or at the same time."
        )
    return tuple(problems)


@step(cite(18, 1), "The instrument is deposited with the Secretary-General of the United Nations")
def art18_1_deposit(state: StateFacts) -> Reply[date]:
    deposited = state.deposited
    facts = {"deposited": deposited}
    where = (
        "Instruments go to the Secretary-General of the United Nations (the UN Treaty Section "
        "in New York), Depositary of the Convention on Biological Diversity and its protocols "
        "(CBD Art. 41), who also keeps the original text (Art. 21)."
    )
    problems = deposit_problems(state)
    if problems:
        return reply(False, *problems, facts=facts)
    if deposited is None:
        return reply(
            None,
            where,
            "The date of deposit is not given; the days of Art. 18 count from it.",
            facts=facts,
            missing=("deposited",),
        )
    instrument = art18_1_instrument(state)
    kind = either(instrument.value or list(InstrumentKind))
    return reply(
        True,
        where,
        f"{state.name} deposits its instrument of {kind} on {deposited}; the 90 days of "
        "Art. 18 count from that day.",
        approx(state, "deposited"),
        value=deposited,
        facts=facts,
    )


@step(cite(18, 3), "The instrument counts toward the 40 that bring the Protocol into force")
def art18_3_counts_toward_forty(state: StateFacts) -> Reply[bool]:
    facts = {"reio": state.reio, "deposited": state.deposited}
    if state.reio is None:
        return reply(
            None,
            "A regional economic integration organisation's instrument does not count; a "
            "State's does. Which one this is is not known.",
            facts=facts,
            missing=("reio",),
        )
    if state.reio:
        return reply(
            False,
            f"{state.name} is a regional economic integration organisation: its instrument is "
            "not counted in addition to those of its member States, so the European Union's "
            "approval did not count toward the 40. It still makes the organisation a Party.",
            value=False,
            facts=facts,
        )
    late = state.deposited is not None and state.deposited > FORTIETH_INSTRUMENT
    return reply(
        True,
        f"A State's instrument counts toward the {INSTRUMENTS_NEEDED} of Art. 18(1).",
        f"The 40th was deposited on {FORTIETH_INSTRUMENT}, before {state.name}'s; its instrument "
        "now makes it a Party, by the date Art. 18(2) gives."
        if late
        else "",
        value=True,
        facts=facts,
    )


@step(cite(18, 1), "The 40th counted instrument, found in a list of Parties")
def art18_1_fortieth_instrument(parties: Sequence[StateFacts]) -> Reply[date]:
    counted = sorted(
        (p for p in parties if p.reio is False and p.deposited is not None),
        key=lambda p: p.deposited or FORTIETH_INSTRUMENT,
    )
    organisations = [p.name for p in parties if p.reio]
    skipped = (
        f"Instruments of regional organisations ({', '.join(organisations)}) are left out "
        "(Art. 18(3))."
        if organisations
        else ""
    )
    facts = {"states_with_deposit_dates": len(counted)}
    if len(counted) < INSTRUMENTS_NEEDED:
        return reply(
            None,
            f"The list gives deposit dates for {len(counted)} States; the Protocol entered into "
            f"force 90 days after the {INSTRUMENTS_NEEDED}th, so the list cannot show which that "
            "was. The list may be incomplete.",
            skipped,
            facts=facts,
            missing=("parties_list",),
        )
    fortieth = counted[INSTRUMENTS_NEEDED - 1]
    day = fortieth.deposited or FORTIETH_INSTRUMENT
    uncertain = [p.name for p in counted[:INSTRUMENTS_NEEDED] if p.approximate & {"deposited"}]
    agrees = day == FORTIETH_INSTRUMENT
    return reply(
        True,
        f"Counting States' instruments in the order deposited, the 40th is {fortieth.name}'s of "
        f"{day}, so entry into force falls on {day + timedelta(days=DAYS_AFTER_DEPOSIT)}.",
        skipped,
        f"Some of these dates are approximate ({', '.join(uncertain)})." if uncertain else "",
        "That agrees with the Secretariat's record (Japan, 2017-12-05)."
        if agrees
        else f"The Secretariat records the 40th as Japan's of {FORTIETH_INSTRUMENT}: check the "
        "list.",
        value=day,
        facts=facts,
    )
