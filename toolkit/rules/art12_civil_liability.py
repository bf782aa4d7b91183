"""Art. 12: civil liability for material or personal damage associated with the damage."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.profile import NONE_PROVIDED, CivilLiabilityRoute, Standard
from toolkit.rules.art2_terms import art2_2_b_damage, operator_status
from toolkit.rules.art3_scope import art3_scope
from toolkit.rules.art4_causation import art4_causal_link
from toolkit.rules.engine import (
    Facts,
    Tri,
    Verdict,
    all_of,
    any_of,
    gates,
    is_,
    listing,
    rule,
    verdict,
)

_ROUTES = {
    CivilLiabilityRoute.EXISTING_GENERAL: "its existing general law of civil liability",
    CivilLiabilityRoute.SPECIFIC: "civil liability rules made for this purpose",
    CivilLiabilityRoute.COMBINATION: "a combination of general and purpose-made civil "
    "liability rules",
}
_STANDARDS = {Standard.STRICT: "strict", Standard.FAULT: "fault-based"}


def liable_persons(f: Facts) -> dict[str, Tri]:
    """Operators a civil claim can reach, given channelling and the standard of liability."""
    channelled = f.get("profile.channelling")
    standard = f.get("profile.standard_of_liability")
    strict = is_(standard, Standard.STRICT)
    liable: dict[str, Tri] = {}
    for key, is_operator in operator_status(f).items():
        if is_operator is False:
            liable[key] = False
            continue
        roles = f.get(f"persons.{key}.roles")
        if channelled is None or channelled is NONE_PROVIDED:
            reached: Tri = None if channelled is None else True
        else:
            reached = None if roles is None else channelled in roles
        fault = (
            f.flag(f"persons.{key}.at_fault")
            if strict is not True and reached is not False
            else None
        )
        liable[key] = all_of(is_operator, reached, any_of(strict, fault))
    return liable


@rule(
    cite(12, 2),
    "Material or personal damage associated with the damage can be claimed "
    "under domestic civil liability law",
)
def art12_2_civil_liability(f: Facts) -> Verdict:
    route = f.get("profile.civil_liability_route")
    standard = f.get("profile.standard_of_liability")
    channelled = f.get("profile.channelling")
    liable = liable_persons(f)
    parts = {
        "material or personal damage": f.flag("damage.material_or_personal"),
        "associated damage under Art. 2(2)(b)": f.holds(art2_2_b_damage),
        "scope (Art. 3)": f.holds(art3_scope),
        "causal link (Art. 4)": f.holds(art4_causal_link),
        "a domestic civil liability route (Art. 12(2))": None if route is None else True,
        "a liable person under the standard of liability": any_of(*liable.values())
        if f.get("persons") is not None
        else None,
    }
    names = listing(f.get(f"persons.{k}.name") for k, v in liable.items() if v)
    return verdict(
        all_of(*parts.values()),
        "Parties must have civil liability rules for material or personal damage associated "
        "with damage under the Protocol.",
        f"This Party relies on {_ROUTES[route]}." if route else "",
        f"Liability is {_STANDARDS[standard]}"
        + (
            f", channelled to the {channelled.value.replace('_', ' ')}"
            if channelled not in (None, NONE_PROVIDED)
            else ""
        )
        + " (Art. 12(3))."
        if standard
        else "",
        f"A claim lies against {names}." if names else "",
        *gates(parts),
    )
