"""The casebook's facts give the answers a trainer would give, article by article.

These rows pin the engine on the first four cases under several profiles, beyond the
profile each case assumes (which its own model answers already pin).
"""

from __future__ import annotations

import pytest

from toolkit import analyse, load_profile
from toolkit.casebook import CASEBOOK, load_case

# (scenario, profile, rule, outcome, why)
EXPECTED = [
    ("spilled-maize-port", "neutral", "art3_2_authorised_use", "holds",
     "Art. 3(2): a spill during authorised handling of a food/feed import is an authorised use"),
    ("spilled-maize-port", "neutral", "art3_4_movement_after_entry_into_force", "holds",
     "Art. 3(4): a 2020 shipment to an early Party is after the 2018 entry into force"),
    ("spilled-maize-port", "neutral", "art2_2_b_damage", "holds",
     "Art. 2(2)(b): measured against a recognised baseline and judged significant"),
    ("spilled-maize-port", "neutral", "art5_1_operator_duties", "holds",
     "Art. 5(1): the importer, carrier and developer all had control"),
    ("spilled-maize-port", "strict-administrative", "art5_1_operator_duties", "holds",
     "Art. 5(1): a use in breach of its permit earns no permit exemption"),
    ("spilled-maize-port", "channelled-with-caps", "art8_financial_limit", "fails",
     "Art. 8: 2.6 million in costs against a 2 million cap"),
    ("spilled-maize-port", "channelled-with-caps", "art10_1_financial_security", "fails",
     "Art. 10(1): the permit holder must be insured and is not"),
    ("spilled-maize-port", "neutral", "art12_2_civil_liability", "holds",
     "Art. 12(2): seed savers' losses, with the importer at fault"),
    ("escaped-fish-river", "neutral", "art3_3_unintentional_or_illegal", "holds",
     "Art. 3(3): fish escaping in a flood is an unintentional movement"),
    ("escaped-fish-river", "neutral", "art3_4_movement_after_entry_into_force", "holds",
     "Art. 3(4): Art. 18(2) makes the Protocol bind the late Party from 2019-08-30"),
    ("escaped-fish-river", "neutral", "art2_2_b_damage", "fails",
     "Art. 2(2)(b): no damage has occurred yet"),
    ("escaped-fish-river", "neutral", "art5_3_threat_response", "holds",
     "Art. 5(3): a sufficiently likely threat calls for preventive measures"),
    ("escaped-fish-river", "strict-administrative", "art5_3_threat_response", "fails",
     "Art. 5(3) with Art. 6(1)(a): domestic law exempts force majeure, and the flood was one"),
    ("escaped-fish-river", "strict-administrative", "art5_4_authority_may_act", "holds",
     "Art. 5(4): the operator's exemption does not stop the authority acting"),
    ("smuggled-rice-seed", "neutral", "art3_2_authorised_use", "fails",
     "Art. 3(2): sowing smuggled seed is no authorised use"),
    ("smuggled-rice-seed", "neutral", "art3_scope", "holds",
     "Art. 3(3): an illegal movement is in scope all the same"),
    ("smuggled-rice-seed", "neutral", "art3_7_movement_from_non_party", "holds",
     "Art. 3(7): the seed came from a non-Party"),
    ("smuggled-rice-seed", "neutral", "art5_5_cost_recovery", "holds",
     "Art. 5(5): the authority acted when the operator did not and may recover"),
    ("smuggled-rice-seed", "channelled-with-caps", "art7_time_limits", "fails",
     "Art. 7: the claim came more than three years after the damage became known"),
    ("smuggled-rice-seed", "neutral", "art12_2_civil_liability", "fails",
     "Art. 12(2): no material or personal damage is reported"),
    ("late-party-shipment", "neutral", "art3_4_movement_after_entry_into_force", "fails",
     "Art. 3(4): dispatched five days before the Protocol bound the importing Party"),
    ("late-party-shipment", "neutral", "art5_1_operator_duties", "fails",
     "Art. 5(1): no duty without scope"),
    ("late-party-shipment", "neutral", "art2_2_b_damage", "holds",
     "Art. 2(2)(b): the harm is damage even though the Protocol does not cover it"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("scenario", "profile", "rule", "outcome"),
    [row[:4] for row in EXPECTED],
    ids=[row[4] for row in EXPECTED],
)
def test_sample_scenario_gets_the_expected_answer(
    scenario: str, profile: str, rule: str, outcome: str
) -> None:
    facts = load_case(CASEBOOK / f"{scenario}.yaml").facts
    analysis = analyse(facts, load_profile(profile))
    finding = analysis.finding(rule)
    assert finding.outcome == outcome, finding.reasons


def test_the_analysis_runs_scope_first_then_the_articles_in_legal_order() -> None:
    analysis = load_case(CASEBOOK / "spilled-maize-port.yaml").analysis()
    articles = list(dict.fromkeys(f.citation.article for f in analysis.findings))
    assert articles == [3, 2, 4, 6, 5, 7, 8, 9, 10, 12]
    assert analysis.findings[0].rule == "art3_1_lmo_from_transboundary_movement"
