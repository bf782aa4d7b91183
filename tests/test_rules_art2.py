"""Art. 2: when an adverse effect is "damage", and who is an "operator".

The baseline (tests/builders.py) has observed, measurable damage that the competent authority
judged significant, measured against a recognised baseline net of variation; Operator Ltd
(importer and permit holder) has direct control and Carrier Co has none.
"""

from __future__ import annotations

import pytest
from builders import DELETE, FAILS, HOLDS, UNKNOWN, Case, check, says

from toolkit.rules.art2_terms import (
    art2_2_b_damage,
    art2_2_b_i_measurable,
    art2_2_c_operator,
    art2_3_significance,
)

FACTORS = ("long_term_or_permanent", "extent_of_change", "goods_and_services_reduced",
           "human_health_affected", "other_factors")  # fmt: skip
EVERY_FACTOR_PRESENT = {f"damage.significance.{name}": True for name in FACTORS}
NO_ASSESSMENT = {"damage.significance.authority_assessment": DELETE}
NOT_SIGNIFICANT = {"damage.significance.authority_assessment": "not_significant"}


ART2_2_B_I = [
    Case("Art. 2(2)(b)(i): an effect measured against a recognised baseline, net of natural and "
         "human-made variation, is measurable", {}, {}, HOLDS),
    Case("Art. 2(2)(b)(i): with no recognised baseline the effect is observed without one",
         {"damage.baseline": "none_recognised", "damage.variation_accounted": False}, {}, HOLDS),
    Case("Art. 2(2)(b)(i): an effect measured net of variation passes whether or not a baseline "
         "is recognised", {"damage.baseline": DELETE}, {}, HOLDS),
    Case("Art. 2(2)(b)(i): a recognised baseline used without allowance for natural variation "
         "does not show a measurable effect", {"damage.variation_accounted": False}, {}, FAILS),
    Case("Art. 2(2)(b)(i): an effect that cannot be measured or observed is not damage",
         {"damage.measurable_or_observable": False}, {}, FAILS),
    Case("Art. 2(2)(b)(i): an effect not known to be measurable or observable is open",
         {"damage.measurable_or_observable": DELETE}, {}, UNKNOWN,
         ("damage.measurable_or_observable",)),
    Case("Art. 2(2)(b)(i): a measurement not net of variation is open while it is unknown "
         "whether a baseline is recognised",
         {"damage.baseline": DELETE, "damage.variation_accounted": False}, {}, UNKNOWN,
         ("damage.baseline",)),
]  # fmt: skip

ART2_3 = [
    Case("Art. 2(3): an effect the competent authority judged significant is significant",
         {}, {}, HOLDS),
    Case("Art. 2(3): the factors are only indicative, so none need be shown for the authority to "
         "judge an effect significant",
         {"damage.significance.long_term_or_permanent": DELETE}, {}, HOLDS),
    Case("Art. 2(3): an effect the authority judged not significant is not significant, however "
         "many factors point the other way",
         {**EVERY_FACTOR_PRESENT, **NOT_SIGNIFICANT}, {}, FAILS),
    Case("Art. 2(3): every factor present but no assessment by the authority leaves significance "
         "open", {**EVERY_FACTOR_PRESENT, **NO_ASSESSMENT}, {}, UNKNOWN,
         ("damage.significance.authority_assessment",)),
]  # fmt: skip

ART2_2_B = [
    Case("Art. 2(2)(b): an observed, measurable, significant adverse effect is damage",
         {}, {}, HOLDS),
    Case("Art. 2(2)(b): a threat of harm that has not materialised is not yet damage",
         {"damage.status": "threatened"}, {}, FAILS),
    Case("Art. 2(2)(b): harm with no adverse effect on biological diversity is not damage",
         {"damage.adverse_effect": False}, {}, FAILS),
    Case("Art. 2(2)(b): an effect the authority judged not significant is not damage",
         NOT_SIGNIFICANT, {}, FAILS),
    Case("Art. 2(2)(b): an effect measured against a recognised baseline without allowance for "
         "variation is not damage", {"damage.variation_accounted": False}, {}, FAILS),
    Case("Art. 2(2)(b): harm not known to have occurred leaves damage open",
         {"damage.status": DELETE}, {}, UNKNOWN, ("damage.status",)),
    Case("Art. 2(2)(b): an effect not known to be adverse to biological diversity leaves damage "
         "open", {"damage.adverse_effect": DELETE}, {}, UNKNOWN, ("damage.adverse_effect",)),
    Case("Art. 2(2)(b): an effect awaiting the authority's assessment leaves damage open",
         {**EVERY_FACTOR_PRESENT, **NO_ASSESSMENT}, {}, UNKNOWN,
         ("damage.significance.authority_assessment",)),
]  # fmt: skip

ART2_2_C = [
    Case("Art. 2(2)(c): an importer with direct control is an operator",
         {}, {}, HOLDS),
    Case("Art. 2(2)(c): indirect control is enough to be an operator",
         {"persons.op.control": "indirect"}, {}, HOLDS),
    Case("Art. 2(2)(c): one operator settles it though another person's control is unknown",
         {"persons.ship.control": DELETE}, {}, HOLDS),
    Case("Art. 2(2)(c): no one is an operator where domestic law counts none of the roles held",
         {}, {"operator_roles": ["developer", "producer"]}, FAILS),
    Case("Art. 2(2)(c): a person with no control is not an operator, whatever its role",
         {"persons.op.control": "none"}, {}, FAILS),
    Case("Art. 2(2)(c): a case that does not say who was involved leaves the operator open",
         {"persons": DELETE}, {}, UNKNOWN, ("persons",)),
    Case("Art. 2(2)(c): a person whose control is unknown may or may not be the operator",
         {"persons.op.control": DELETE}, {}, UNKNOWN, ("persons.op.control",)),
    Case("Art. 2(2)(c): a profile silent on which roles count leaves the operator open",
         {}, {"operator_roles": DELETE}, UNKNOWN, ("profile.operator_roles",)),
]  # fmt: skip

TABLES = {
    art2_2_b_i_measurable: ART2_2_B_I,
    art2_3_significance: ART2_3,
    art2_2_b_damage: ART2_2_B,
    art2_2_c_operator: ART2_2_C,
}


@pytest.mark.parametrize("case", ART2_2_B_I, ids=says)
def test_art2_2_b_i_damage_is_measured_against_a_recognised_baseline_net_of_variation(
    case: Case,
) -> None:
    check(art2_2_b_i_measurable, case)


@pytest.mark.parametrize("case", ART2_3, ids=says)
def test_art2_3_significance_is_decided_by_the_competent_authority_alone(case: Case) -> None:
    check(art2_3_significance, case)


@pytest.mark.parametrize("case", ART2_2_B, ids=says)
def test_art2_2_b_damage_is_an_observed_measurable_and_significant_adverse_effect(
    case: Case,
) -> None:
    check(art2_2_b_damage, case)


@pytest.mark.parametrize("case", ART2_2_C, ids=says)
def test_art2_2_c_an_operator_has_control_in_a_role_domestic_law_counts(case: Case) -> None:
    check(art2_2_c_operator, case)
