"""Art. 6: exemptions exist only where a Party's domestic law provides them."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.rules.engine import Facts, Tri, Verdict, all_of, any_of, listing, rule, said, verdict
from toolkit.scenario import Event

_EVENT_TEXT = {
    Event.FORCE_MAJEURE: "an act of God or force majeure",
    Event.WAR_OR_CIVIL_UNREST: "an act of war or civil unrest",
    Event.THIRD_PARTY_ACT: "the act of a third party despite appropriate safety measures",
    Event.PUBLIC_AUTHORITY_ORDER: "compliance with a compulsory order of a public authority",
    Event.PERMIT_COMPLIANCE: "a use that fully complied with its permit",
    Event.STATE_OF_THE_ART: "harm that the science of the day could not foresee",
}


def event_text(event: Event) -> str:
    return _EVENT_TEXT[event]


def provided_and_happened(f: Facts, listed_in: str, event: Event) -> tuple[Tri, Tri]:
    """Whether the profile list at ``listed_in`` includes ``event``, and whether it happened."""
    listed = f.get(listed_in)
    provided = None if listed is None else event in listed
    happened = f.flag(f"events.{event.value}") if provided is not False else None
    return provided, happened


def _named_exemption(f: Facts, event: Event) -> Verdict:
    provided, happened = provided_and_happened(f, "profile.exemptions", event)
    text = event_text(event)
    return verdict(
        all_of(provided, happened),
        said(
            provided,
            f"Domestic law exempts an operator for damage resulting from {text}.",
            f"Domestic law provides no exemption for {text}, so whatever happened, none applies.",
            f"The profile does not say whether domestic law exempts damage from {text}.",
        ),
        ""
        if provided is False
        else said(
            happened,
            f"The damage resulted from {text}.",
            f"The damage did not result from {text}.",
            f"The case does not say whether the damage resulted from {text}.",
        ),
    )


@rule(cite(6, 1, "a"), "A domestic force majeure exemption relieves the operator")
def art6_1_a_force_majeure(f: Facts) -> Verdict:
    return _named_exemption(f, Event.FORCE_MAJEURE)


@rule(cite(6, 1, "b"), "A domestic exemption for war or civil unrest relieves the operator")
def art6_1_b_war_or_civil_unrest(f: Facts) -> Verdict:
    return _named_exemption(f, Event.WAR_OR_CIVIL_UNREST)


@rule(cite(6, 2), "Another exemption or mitigation of domestic law relieves the operator")
def art6_2_other_exemptions(f: Facts) -> Verdict:
    listed = f.get("profile.exemptions")
    if listed is None:
        return verdict(None, "The profile does not say which exemptions domestic law provides.")
    others = [e for e in listed if e not in (Event.FORCE_MAJEURE, Event.WAR_OR_CIVIL_UNREST)]
    happened = {e: f.flag(f"events.{e.value}") for e in others}
    applies = any_of(*happened.values())
    hit = [event_text(e) for e, v in happened.items() if v]
    return verdict(
        applies,
        f"Domestic law also exempts damage resulting from {listing(map(event_text, others))}."
        if others
        else "Domestic law provides no other exemption.",
        f"The damage resulted from {listing(hit)}."
        if hit
        else said(
            applies,
            "",
            "None of those events happened.",
            "The case does not say whether any of those events happened.",
        ),
    )


EXEMPTIONS = (art6_1_a_force_majeure, art6_1_b_war_or_civil_unrest, art6_2_other_exemptions)


def exempt(f: Facts) -> Tri:
    """Whether any domestic exemption under Art. 6 relieves the operator."""
    return any_of(*(f.holds(exemption) for exemption in EXEMPTIONS))
