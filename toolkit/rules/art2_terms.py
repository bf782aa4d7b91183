"""Art. 2: what counts as "damage" and who counts as an "operator"."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.rules.engine import (
    Facts,
    Tri,
    Verdict,
    all_of,
    any_of,
    is_,
    listing,
    rule,
    said,
    verdict,
)
from toolkit.scenario import Assessment, Baseline, Control, DamageStatus

_FACTORS = {
    "a": (
        "long_term_or_permanent",
        "a long-term or permanent change that natural recovery "
        "will not put right within a reasonable time",
    ),
    "b": (
        "extent_of_change",
        "qualitative or quantitative changes that harm components of biological diversity",
    ),
    "c": (
        "goods_and_services_reduced",
        "a reduced ability of those components to provide goods and services",
    ),
    "d": ("human_health_affected", "adverse effects on human health"),
}


@rule(cite(2, 2, "b", "i"), "The adverse effect is measurable or otherwise observable")
def art2_2_b_i_measurable(f: Facts) -> Verdict:
    measurable = f.flag("damage.measurable_or_observable")
    baseline = f.get("damage.baseline")
    variation = (
        f.flag("damage.variation_accounted") if baseline is not Baseline.NONE_RECOGNISED else None
    )
    netted = any_of(is_(baseline, Baseline.NONE_RECOGNISED), variation)
    return verdict(
        all_of(measurable, netted),
        said(
            measurable,
            "The effect can be measured or observed.",
            "The effect cannot be measured or observed, so it is not damage in the "
            "Protocol's sense.",
            "The case does not say whether the effect can be measured or observed.",
        ),
        said(
            is_(baseline, Baseline.RECOGNISED),
            "A competent authority recognises a scientific baseline; the effect must be measured "
            "against it, net of natural and other human-made variation.",
            "No baseline recognised by a competent authority exists, so the effect is observed "
            "without one (baselines count only 'wherever available').",
            "The case does not say whether a competent authority recognises a baseline.",
        ),
        ""
        if baseline is not Baseline.RECOGNISED
        else said(
            variation,
            "The measurement allows for natural and other human-made variation.",
            "The measurement does not separate the effect from natural and other human-made "
            "variation, as the baseline requires.",
            "The case does not say whether natural and other human-made variation was allowed for.",
        ),
    )


@rule(cite(2, 3), "The adverse effect is significant")
def art2_3_significance(f: Facts) -> Verdict:
    assessment = f.get("damage.significance.authority_assessment")
    # The factors inform the authority's judgment; only its assessment settles the outcome.
    factors = {
        letter: f.context(f"damage.significance.{name}") for letter, (name, _) in _FACTORS.items()
    }
    other = f.context("damage.significance.other_factors")
    present = [f"({letter}) {_FACTORS[letter][1]}" for letter, v in factors.items() if v]
    if other:
        present.append("other factors the authority may weigh (the list is only indicative)")
    evidence = (
        f"Factors pointing to significance: {'; '.join(present)}."
        if present
        else "None of the factors Art. 2(3) lists is shown to be present."
    )
    return verdict(
        is_(assessment, Assessment.SIGNIFICANT),
        evidence,
        said(
            is_(assessment, Assessment.SIGNIFICANT),
            "The competent authority judged the effect significant.",
            "The competent authority judged the effect not significant.",
            "Art. 2(3) sets no thresholds: the judgment belongs to the competent authority, "
            "and the case does not record it.",
        ),
    )


@rule(cite(2, 2, "b"), "The harm is 'damage' as the Protocol defines it")
def art2_2_b_damage(f: Facts) -> Verdict:
    status = f.get("damage.status")
    adverse = f.flag("damage.adverse_effect")
    observed = is_(status, DamageStatus.OBSERVED)
    measurable = f.holds(art2_2_b_i_measurable)
    significant = f.holds(art2_3_significance)
    return verdict(
        all_of(observed, adverse, measurable, significant),
        said(
            observed,
            "Harm has occurred.",
            "No harm has occurred yet; the case describes a threat, which Art. 5(3) deals with.",
            "The case does not say whether harm has occurred or is only threatened.",
        ),
        said(
            adverse,
            "It is an adverse effect on the conservation and sustainable use of "
            "biological diversity (risks to human health also taken into account).",
            "There is no adverse effect on the conservation or sustainable use of biological "
            "diversity.",
            "The case does not say whether there is an adverse effect on the conservation or "
            "sustainable use of biological diversity.",
        ),
        said(
            measurable,
            "It is measurable or observable (Art. 2(2)(b)(i)).",
            "It is not measurable or observable as Art. 2(2)(b)(i) requires.",
            "Whether it is measurable or observable is open (Art. 2(2)(b)(i)).",
        ),
        said(
            significant,
            "It is significant (Art. 2(2)(b)(ii) and 2(3)).",
            "It is not significant (Art. 2(2)(b)(ii) and 2(3)).",
            "Whether it is significant is open (Art. 2(2)(b)(ii) and 2(3)).",
        ),
    )


def operator_status(f: Facts) -> dict[str, Tri]:
    """For each person in the case: is it an operator under Art. 2(2)(c) and the profile?"""
    persons = f.get("persons")
    if persons is None:
        return {}
    status = {}
    for key in persons:
        control = f.get(f"persons.{key}.control")
        in_control = None if control is None else control is not Control.NONE
        counted: Tri = None
        if in_control is not False:  # roles matter only for someone who may be in control
            roles = f.get(f"persons.{key}.roles")
            allowed = f.get("profile.operator_roles")
            if roles is not None and allowed is not None:
                counted = any(r in allowed for r in roles)
        status[key] = all_of(in_control, counted)
    return status


def operators_known(f: Facts) -> Tri:
    """Whether at least one operator is identified (unknown if the case lists no one)."""
    if f.get("persons") is None:
        return None
    return any_of(*operator_status(f).values())


@rule(cite(2, 2, "c"), "At least one person involved is an operator")
def art2_2_c_operator(f: Facts) -> Verdict:
    status = operator_status(f)
    names = {key: f.get(f"persons.{key}.name") for key in status}
    operators = [names[k] for k, v in status.items() if v]
    others = [names[k] for k, v in status.items() if v is False]
    open_ = [names[k] for k, v in status.items() if v is None]
    reasons = [
        "An operator is anyone with direct or indirect control of the LMO; domestic law "
        "decides which roles count (the profile's operator roles).",
    ]
    if f.get("persons") is None:
        reasons.append("The case does not say who was involved.")
    if operators:
        reasons.append(f"Operators: {listing(operators)}.")
    if others:
        reasons.append(
            f"Not operators (no control, or a role domestic law does not count): {listing(others)}."
        )
    if open_:
        reasons.append(f"Not yet settled, for want of facts on control or roles: {listing(open_)}.")
    return verdict(operators_known(f), *reasons)
