"""Art. 5: what the operator and the competent authority must, and may, do."""

from __future__ import annotations

from decimal import Decimal

from toolkit.citation import cite
from toolkit.rules.art2_terms import art2_2_b_damage, art2_2_c_operator, operator_status
from toolkit.rules.art3_scope import art3_scope
from toolkit.rules.art4_causation import art4_causal_link
from toolkit.rules.art6_exemptions import event_text, exempt, provided_and_happened
from toolkit.rules.art7_time_limits import art7_time_limits
from toolkit.rules.engine import (
    Facts,
    Tri,
    Verdict,
    all_of,
    any_of,
    gates,
    is_,
    listing,
    not_,
    rule,
    said,
    verdict,
)
from toolkit.scenario import DamageStatus, Event


def operator_names(f: Facts) -> str:
    status = operator_status(f)
    return listing(f.get(f"persons.{key}.name") for key, v in status.items() if v) or "the operator"


@rule(cite(5, 1), "The operator must inform the authority, evaluate the damage and respond")
def art5_1_operator_duties(f: Facts) -> Verdict:
    parts = {
        "scope (Art. 3)": f.holds(art3_scope),
        "damage (Art. 2(2)(b))": f.holds(art2_2_b_damage),
        "an operator (Art. 2(2)(c))": f.holds(art2_2_c_operator),
        "causal link (Art. 4)": f.holds(art4_causal_link),
        "no exemption (Art. 6)": not_(exempt(f)),
    }
    duty = all_of(*parts.values())
    return verdict(
        duty,
        "Where damage within the Protocol's scope occurs, domestic law must require the "
        "operator to inform the competent authority at once, evaluate the damage and take "
        "appropriate response measures.",
        f"That duty falls on {operator_names(f)}." if duty else "",
        *gates(parts),
    )


@rule(
    cite(5, 2),
    "The competent authority must identify the operator, evaluate the damage "
    "and decide the response measures",
)
def art5_2_authority_duties(f: Facts) -> Verdict:
    parts = {
        "scope (Art. 3)": f.holds(art3_scope),
        "damage (Art. 2(2)(b))": f.holds(art2_2_b_damage),
    }
    return verdict(
        all_of(*parts.values()),
        "Once damage within scope occurs, the authority must identify the operator that caused "
        "it, evaluate it and decide which response measures the operator should take.",
        *gates(parts),
    )


def threat_parts(f: Facts) -> dict[str, Tri]:
    """The conditions of a threat within para. 3, before asking who must act."""
    threatened = is_(f.get("damage.status"), DamageStatus.THREATENED)
    likely = f.flag("damage.sufficient_likelihood") if threatened is not False else None
    return {
        "scope (Art. 3)": f.holds(art3_scope),
        "damage not yet occurred": threatened,
        "sufficient likelihood of damage": likely,
    }


@rule(cite(5, 3), "The operator must be required to act against a sufficiently likely threat")
def art5_3_threat_response(f: Facts) -> Verdict:
    parts = {
        **threat_parts(f),
        "an operator (Art. 2(2)(c))": f.holds(art2_2_c_operator),
        "no exemption (Art. 6)": not_(exempt(f)),
    }
    duty = all_of(*parts.values())
    return verdict(
        duty,
        "Where relevant information, including scientific information or information in the "
        "Biosafety Clearing-House, shows that damage is sufficiently likely unless measures are "
        "taken in time, the operator must be required to take measures to avoid it. The treaty "
        "does not quantify 'sufficient likelihood'.",
        f"{operator_names(f)} must be required to act before damage occurs." if duty else "",
        *gates(parts),
    )


@rule(cite(5, 4), "The competent authority may take response measures itself")
def art5_4_authority_may_act(f: Facts) -> Verdict:
    engaged = any_of(f.holds(art5_2_authority_duties), all_of(*threat_parts(f).values()))
    failed = not_(f.context("response.operator_took_measures"))
    return verdict(
        engaged,
        "The authority may carry out appropriate response measures, in particular when the "
        "operator has failed to.",
        said(
            engaged,
            "The authority's duties under para. 2 or 3 are engaged, so it may act.",
            "Neither damage within scope nor a threat within para. 3 engages the authority.",
            "Whether the authority's powers are engaged is open.",
        ),
        ""
        if not engaged
        else said(
            failed,
            "Here the operator did not take the measures.",
            "The operator took measures itself.",
            "",
        ),
    )


def total_costs(f: Facts) -> tuple[Decimal, bool]:
    """Sum of the known costs, and whether every part is known."""
    parts = [f.get(f"response.costs.{name}") for name in ("evaluation", "response", "incidental")]
    return sum((p for p in parts if p is not None), Decimal(0)), None not in parts


def _claimed(f: Facts) -> str:
    total, complete = total_costs(f)
    currency = f.get("response.costs.currency") or ""
    return f"Costs claimed: {total} {currency}" + (
        "." if complete else " (some amounts not given)."
    )


@rule(cite(5, 5), "The authority may recover its costs from the operator")
def art5_5_cost_recovery(f: Facts) -> Verdict:
    exceptions = [provided_and_happened(f, "profile.cost_exceptions", e) for e in Event]
    excepted = any_of(*(all_of(p, h) for p, h in exceptions))
    listed = f.get("profile.cost_exceptions")
    parts = {
        "the authority took measures": f.flag("response.authority_took_measures"),
        "its power to act (para. 4)": f.holds(art5_4_authority_may_act),
        "an operator (Art. 2(2)(c))": f.holds(art2_2_c_operator),
        "causal link (Art. 4)": f.holds(art4_causal_link),
        "no exemption (Art. 6)": not_(exempt(f)),
        "no domestic exception to paying": not_(excepted),
        "a claim within any domestic time limit (Art. 7)": f.holds(art7_time_limits),
    }
    recover = all_of(*parts.values())
    hit = [event_text(e) for e, (p, h) in zip(Event, exceptions, strict=True) if p and h]
    return verdict(
        recover,
        "The authority may recover from the operator the costs of evaluating the damage and of "
        "the response measures, and costs incidental to them; domestic law may list situations "
        "in which the operator need not bear them.",
        f"Domestic law spares the operator these costs where it results from {listing(hit)}."
        if hit
        else "",
        ""
        if listed is None or hit
        else "Domestic law lists no situation here in which the operator is spared the costs."
        if not listed
        else "",
        _claimed(f) if recover else "",
        *gates(parts),
    )
