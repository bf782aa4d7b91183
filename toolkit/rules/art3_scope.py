"""Art. 3: which damage the Protocol covers, paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from toolkit.citation import cite
from toolkit.profile import NONE_PROVIDED
from toolkit.rules.engine import (
    Facts,
    Tri,
    Verdict,
    all_of,
    any_of,
    gates,
    is_,
    not_,
    rule,
    said,
    verdict,
)
from toolkit.scenario import IntendedUse, MovementKind, Place
from toolkit.treaty_dates import (
    ENTRY_INTO_FORCE,
    FORTIETH_INSTRUMENT,
    earliest_entry_into_force,
    entry_into_force,
)

_USES = {
    IntendedUse.FOOD_FEED_PROCESSING: "(a) direct use as food or feed, or for processing",
    IntendedUse.CONTAINED_USE: "(b) contained use",
    IntendedUse.INTENTIONAL_INTRODUCTION: "(c) intentional introduction into the environment",
}


@rule(cite(3, 1), "The damage comes from an LMO of a covered kind that crossed a border")
def art3_1_lmo_from_transboundary_movement(f: Facts) -> Verdict:
    use = f.get("lmo.intended_use")
    kind = f.get("movement.kind")
    crossed = not_(is_(kind, MovementKind.NONE))
    return verdict(
        all_of(True if use else None, crossed),
        f"The LMO was intended for {_USES[use]}, a category Art. 3(1) covers."
        if use
        else "The case does not say what the LMO was intended for (food, feed or processing; "
        "contained use; or introduction into the environment).",
        said(
            crossed,
            "It originates in a transboundary movement.",
            "It never crossed a border: damage from a purely domestic LMO is outside the "
            "Protocol, though domestic law may still reach it.",
            "The case does not say whether the LMO crossed a border.",
        ),
    )


_NOT_PARA_2 = {
    MovementKind.UNINTENTIONAL: "The movement was unintentional, so para. 2, which covers "
    "intentional movements, does not apply; see para. 3.",
    MovementKind.ILLEGAL: "The movement was illegal: para. 2 covers the authorised uses of lawful "
    "intentional movements, so it does not apply; see para. 3.",
    MovementKind.NONE: "There was no transboundary movement, so para. 2 does not apply.",
}


@rule(cite(3, 2), "The movement was intentional and the damage came from an authorised use")
def art3_2_authorised_use(f: Facts) -> Verdict:
    kind = f.get("movement.kind")
    intentional = is_(kind, MovementKind.INTENTIONAL)
    authorised = f.flag("movement.use_authorised") if intentional is not False else None
    return verdict(
        all_of(intentional, authorised),
        said(
            intentional,
            "The movement was intentional, so para. 2 asks whether the use that "
            "caused the damage was authorised.",
            _NOT_PARA_2.get(kind, ""),
            "The case does not say how the LMO crossed the border.",
        ),
        ""
        if not intentional
        else said(
            authorised,
            "The use that caused the damage was authorised.",
            "The use that caused the damage was not authorised. Para. 2 covers only authorised "
            "uses; whether damage from an unauthorised use of a lawfully imported LMO is covered "
            "is an open question (unless the movement itself was illegal, para. 3).",
            "The case does not say whether the use that caused the damage was authorised.",
        ),
    )


@rule(cite(3, 3), "The movement was unintentional (CP Art. 17) or illegal (CP Art. 25)")
def art3_3_unintentional_or_illegal(f: Facts) -> Verdict:
    kind = f.get("movement.kind")
    covered = None if kind is None else kind in (MovementKind.UNINTENTIONAL, MovementKind.ILLEGAL)
    text = {
        MovementKind.UNINTENTIONAL: "The movement was unintentional in the sense of CP Art. 17, "
        "which para. 3 brings within scope.",
        MovementKind.ILLEGAL: "The movement was illegal in the sense of CP Art. 25, which para. 3 "
        "brings within scope.",
        MovementKind.INTENTIONAL: "The movement was intentional: para. 2 governs it, not para. 3.",
        MovementKind.NONE: "There was no transboundary movement at all.",
    }
    return verdict(covered, text[kind] if kind else "The case does not say how the LMO crossed.")


@dataclass(frozen=True)
class InForce:
    """When the Protocol binds a State, as far as the case tells (Art. 18)."""

    never: bool  # not a Party at all
    earliest: date | None  # it surely did not bind the State before this date
    exact: date | None  # the date itself, when the facts settle it
    how: str


def is_party(f: Facts, state: str) -> Tri:
    """Whether ``state`` is a Party to the Supplementary Protocol; a deposit makes it one."""
    party = f.flag(f"states.{state}.supplementary.party")
    if party is None and f.date(f"states.{state}.supplementary.deposited") is not None:
        return True
    return party


def in_force_for(f: Facts, state: str) -> InForce:
    party = is_party(f, state)
    deposited = f.date(f"states.{state}.supplementary.deposited")
    if party is False:
        return InForce(True, None, None, "it is not a Party to the Supplementary Protocol")
    if deposited is None:
        return InForce(False, None, None, "the case does not say when it deposited its instrument")
    earliest = earliest_entry_into_force(deposited)
    if deposited <= FORTIETH_INSTRUMENT:
        return InForce(
            False,
            earliest,
            earliest,
            (
                f"it deposited its instrument on {deposited}, by the 40th instrument, so the "
                "Protocol "
                f"binds it from its general entry into force on {earliest} (Art. 18(1))"
            ),
        )
    exact = entry_into_force(deposited, f.date(f"states.{state}.cartagena.in_force_since"))
    rule_text = (
        "the later of the 90th day after its deposit and the date the Cartagena Protocol "
        "binds it (Art. 18(2))"
    )
    if exact is None:
        return InForce(
            False,
            earliest,
            None,
            (
                f"it deposited its instrument on {deposited}, so the Protocol binds it from "
                f"{rule_text}; "
                "the case does not give the Cartagena date"
            ),
        )
    return InForce(
        False,
        earliest,
        exact,
        f"it deposited its instrument on {deposited}, so the Protocol binds it from "
        f"{exact}, {rule_text}",
    )


@rule(
    cite(3, 4),
    "The movement started after the Protocol entered into force for the State "
    "into whose jurisdiction it was made",
)
def art3_4_movement_after_entry_into_force(f: Facts) -> Verdict:
    started = f.date("movement.started_on")
    if started is not None and started <= ENTRY_INTO_FORCE:
        return verdict(
            False,
            f"The movement started on {started}. The Protocol bound no State before its entry "
            f"into force on {ENTRY_INTO_FORCE} (Art. 18(1)), so the movement cannot have started "
            "after it entered into force for any State.",
        )
    state = f.get("movement.to_state")
    if state is None:
        return verdict(None, "The case does not say into which State the LMO moved.")
    binds = in_force_for(f, state)
    name = f.get(f"states.{state}.name")
    after: Tri = None
    if binds.never:
        after = False
    elif started is not None and binds.earliest is not None and started <= binds.earliest:
        after = False  # not after the earliest possible date, so not after the real one
    elif started is not None and binds.exact is not None:
        after = started > binds.exact
    if started is None:
        timing = "The case does not say when the movement started."
    elif binds.never:
        timing = "So the Protocol does not cover damage from this movement."
    else:
        timing = said(
            after,
            f"The movement started on {started}, after that date.",
            f"The movement started on {started}, not after that date, so the Protocol "
            "does not cover damage from it.",
            f"The movement started on {started}; the date it is compared with is open.",
        )
    boundary = started is not None and started == binds.exact
    return verdict(
        after,
        f"For {name}, {binds.how}.",
        timing,
        "A movement that starts on the very day of entry into force is a boundary case: the text "
        "says 'after', read here as strictly after."
        if boundary
        else "",
    )


@rule(cite(3, 5), "The damage occurred within the national jurisdiction of a Party")
def art3_5_within_national_jurisdiction(f: Facts) -> Verdict:
    where = f.get("damage.where")
    within = is_(where, Place.WITHIN_NATIONAL_JURISDICTION)
    state = f.get("damage.state") if within is not False else None
    party = is_party(f, state) if state else None
    name = f.get(f"states.{state}.name") if state else None
    return verdict(
        all_of(within, party),
        said(
            within,
            "The damage occurred within a State's national jurisdiction.",
            "The damage occurred beyond national jurisdiction (for instance the high seas), "
            "which the Protocol does not cover.",
            "The case does not say where the damage occurred.",
        ),
        ""
        if within is False
        else said(
            party,
            f"{name} is a Party to the Supplementary Protocol.",
            f"{name} is not a Party to the Supplementary Protocol, so the Protocol does not "
            "cover damage there.",
            "The case does not say whether the State where the damage occurred is a Party.",
        ),
    )


@rule(cite(3, 6), "The Party applies criteria of its own domestic law to this damage")
def art3_6_domestic_criteria(f: Facts) -> Verdict:
    criteria = f.get("profile.domestic_criteria")
    applies = None if criteria is None else criteria is not NONE_PROVIDED
    return verdict(
        applies,
        "Art. 3(6) lets a Party use criteria set in its domestic law to address damage within "
        "its jurisdiction.",
        said(
            applies,
            f"The profile records such criteria: {criteria}",
            "The profile records none.",
            "The profile does not say.",
        ),
    )


@rule(cite(3, 7), "The LMO came from a non-Party, to which domestic implementing law also applies")
def art3_7_movement_from_non_party(f: Facts) -> Verdict:
    state = f.get("movement.from_state")
    party = is_party(f, state) if state else None
    name = f.get(f"states.{state}.name") if state else "the exporting State"
    return verdict(
        not_(party),
        said(
            not_(party),
            f"{name} is not a Party: the importing Party's law implementing the "
            "Protocol applies to movements from non-Parties too.",
            f"{name} is a Party, so para. 7 is not needed.",
            "The case does not say whether the State of origin is a Party.",
        ),
    )


@rule(cite(3), "The damage falls within the scope of the Supplementary Protocol")
def art3_scope(f: Facts) -> Verdict:
    origin = f.holds(art3_1_lmo_from_transboundary_movement)
    route = any_of(f.holds(art3_2_authorised_use), f.holds(art3_3_unintentional_or_illegal))
    timing = f.holds(art3_4_movement_after_entry_into_force)
    place = f.holds(art3_5_within_national_jurisdiction)
    parts = {
        "para. 1 (kind of LMO, transboundary origin)": origin,
        "para. 2 or 3 (authorised use, or unintentional or illegal movement)": route,
        "para. 4 (timing)": timing,
        "para. 5 (place)": place,
    }
    covered = all_of(*parts.values())
    return verdict(
        covered,
        "The Protocol covers the damage only if paras. 1, 4 and 5 hold and para. 2 or 3 does.",
        *(gates(parts) or ["All are met."]),
    )
