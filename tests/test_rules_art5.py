"""Art. 5: the operator's duties, the competent authority's duties and powers, and its costs.

The baseline (tests/builders.py) has damage within scope with an established causal link to
Operator Ltd, no domestic exemption or cost exception, an operator that took no measures, and
an authority that did.
"""

from __future__ import annotations

import pytest
from builders import DELETE, FAILS, HOLDS, UNKNOWN, Case, check, says

from toolkit.rules.art5_response import (
    art5_1_operator_duties,
    art5_2_authority_duties,
    art5_3_threat_response,
    art5_4_authority_may_act,
    art5_5_cost_recovery,
)

THREAT = {"damage.status": "threatened", "damage.sufficient_likelihood": True}
FORCE_MAJEURE = {"events.force_majeure": True}
FORCE_MAJEURE_EXEMPT = {"exemptions": ["force_majeure"]}
BEFORE_ENTRY_INTO_FORCE = {"movement.started_on": "2017-06-01"}
START_UNKNOWN = {"movement.started_on": DELETE}
THIRD_PARTY_COST_EXCEPTION = {"cost_exceptions": ["third_party_act"]}


ART5_1 = [
    Case("Art. 5(1): damage within scope caused by an operator's LMO puts the duties to inform, "
         "evaluate and respond on the operator", {}, {}, HOLDS),
    Case("Art. 5(1): a threat with no damage yet is for para. 3, not para. 1",
         THREAT, {}, FAILS),
    Case("Art. 5(1): no duty arises without a causal link",
         {"causation.established": False}, {}, FAILS),
    Case("Art. 5(1): no duty arises where no one involved is an operator",
         {"persons.op.control": "none"}, {}, FAILS),
    Case("Art. 5(1): no duty arises from a movement before entry into force",
         BEFORE_ENTRY_INTO_FORCE, {}, FAILS),
    Case("Art. 5(1): a domestic force majeure exemption relieves the operator when force majeure "
         "caused the damage", FORCE_MAJEURE, FORCE_MAJEURE_EXEMPT, FAILS),
    Case("Art. 5(1): the duty is open while the profile is silent on exemptions",
         {}, {"exemptions": DELETE}, UNKNOWN, ("profile.exemptions",)),
    Case("Art. 5(1): the duty is open while the timing of the movement is unknown",
         START_UNKNOWN, {}, UNKNOWN, ("movement.started_on",)),
]  # fmt: skip

ART5_2 = [
    Case("Art. 5(2): damage within scope engages the authority's duties",
         {}, {}, HOLDS),
    Case("Art. 5(2): the authority must identify the operator even when the case does not yet "
         "say who was involved", {"persons": DELETE}, {}, HOLDS),
    Case("Art. 5(2): an operator's exemption does not relieve the authority of its duties",
         FORCE_MAJEURE, FORCE_MAJEURE_EXEMPT, HOLDS),
    Case("Art. 5(2): an effect the authority judged not significant is not damage that engages "
         "it", {"damage.significance.authority_assessment": "not_significant"}, {}, FAILS),
    Case("Art. 5(2): damage beyond national jurisdiction does not engage it",
         {"damage.where": "beyond_national_jurisdiction"}, {}, FAILS),
    Case("Art. 5(2): the duties are open while the timing of the movement is unknown",
         START_UNKNOWN, {}, UNKNOWN, ("movement.started_on",)),
    Case("Art. 5(2): the duties are open while the adverse effect is unknown",
         {"damage.adverse_effect": DELETE}, {}, UNKNOWN, ("damage.adverse_effect",)),
]  # fmt: skip

ART5_3 = [
    Case("Art. 5(3): a sufficiently likely threat with no damage yet requires the operator to "
         "act", THREAT, {}, HOLDS),
    Case("Art. 5(3): damage that has occurred is for para. 1, not para. 3",
         {}, {}, FAILS),
    Case("Art. 5(3): a threat that is not sufficiently likely requires nothing",
         {**THREAT, "damage.sufficient_likelihood": False}, {}, FAILS),
    Case("Art. 5(3): a domestic exemption relieves the operator of a threat too",
         {**THREAT, **FORCE_MAJEURE}, FORCE_MAJEURE_EXEMPT, FAILS),
    Case("Art. 5(3): a threat from a movement before entry into force is outside scope",
         {**THREAT, **BEFORE_ENTRY_INTO_FORCE}, {}, FAILS),
    Case("Art. 5(3): a threat of unknown likelihood leaves the duty open",
         {"damage.status": "threatened"}, {}, UNKNOWN, ("damage.sufficient_likelihood",)),
    Case("Art. 5(3): a likely threat with no one yet identified leaves the operator's duty open",
         {**THREAT, "persons": DELETE}, {}, UNKNOWN, ("persons",)),
]  # fmt: skip

ART5_4 = [
    Case("Art. 5(4): the authority may act where the operator failed to",
         {}, {}, HOLDS),
    Case("Art. 5(4): the authority may act even where the operator took measures itself",
         {"response.operator_took_measures": True}, {}, HOLDS),
    Case("Art. 5(4): a sufficiently likely threat lets the authority act before damage occurs",
         THREAT, {}, HOLDS),
    Case("Art. 5(4): an operator's exemption does not stop the authority acting against a threat",
         {**THREAT, **FORCE_MAJEURE}, FORCE_MAJEURE_EXEMPT, HOLDS),
    Case("Art. 5(4): the authority may act against a threat before any operator is identified",
         {**THREAT, "persons": DELETE}, {}, HOLDS),
    Case("Art. 5(4): an LMO that never crossed a border gives the authority no power under the "
         "Protocol", {"movement.kind": "none"}, {}, FAILS),
    Case("Art. 5(4): a threat that is not sufficiently likely gives the authority no power",
         {**THREAT, "damage.sufficient_likelihood": False}, {}, FAILS),
    Case("Art. 5(4): the power against a threat is open while the timing of the movement is "
         "unknown", {**THREAT, **START_UNKNOWN}, {}, UNKNOWN, ("movement.started_on",)),
    Case("Art. 5(4): the power is open while the likelihood of a threat is unknown",
         {"damage.status": "threatened"}, {}, UNKNOWN, ("damage.sufficient_likelihood",)),
]  # fmt: skip

ART5_5 = [
    Case("Art. 5(5): the authority that took response measures may recover its costs from the "
         "operator", {}, {}, HOLDS),
    Case("Art. 5(5): a domestic cost exception for a third party's act does not apply where no "
         "such act occurred", {"events.third_party_act": False}, THIRD_PARTY_COST_EXCEPTION,
         HOLDS),
    Case("Art. 5(5): an authority that took no measures has no costs to recover",
         {"response.authority_took_measures": False}, {}, FAILS),
    Case("Art. 5(5): a domestic cost exception spares the operator where a third party's act "
         "caused the damage", {"events.third_party_act": True}, THIRD_PARTY_COST_EXCEPTION, FAILS),
    Case("Art. 5(5): a claim brought after a domestic time limit ran out recovers nothing "
         "(Art. 7)", {"dates.action_brought": "2025-06-01"},
         {"time_limits": {"relative": {"years": 3, "starts": "damage_known"}, "absolute": "none"}},
         FAILS),
    Case("Art. 5(5): under a domestic time limit, a claim whose date is not given leaves "
         "recovery open", {"dates.action_brought": DELETE},
         {"time_limits": {"relative": {"years": 3, "starts": "damage_known"}, "absolute": "none"}},
         UNKNOWN, ("dates.action_brought",)),
    Case("Art. 5(5): an operator exempt under Art. 6 bears no costs",
         FORCE_MAJEURE, FORCE_MAJEURE_EXEMPT, FAILS),
    Case("Art. 5(5): without a power to act under para. 4 there is nothing to recover",
         BEFORE_ENTRY_INTO_FORCE, {}, FAILS),
    Case("Art. 5(5): recovery is open while it is unknown whether the authority took measures",
         {"response.authority_took_measures": DELETE}, {}, UNKNOWN,
         ("response.authority_took_measures",)),
    Case("Art. 5(5): recovery is open while the event of a domestic cost exception is unknown",
         {}, THIRD_PARTY_COST_EXCEPTION, UNKNOWN, ("events.third_party_act",)),
    Case("Art. 5(5): a profile silent on cost exceptions leaves open every event the case is "
         "silent on", {}, {"cost_exceptions": DELETE}, UNKNOWN,
         ("profile.cost_exceptions", "events.third_party_act", "events.public_authority_order",
          "events.permit_compliance", "events.state_of_the_art")),
]  # fmt: skip

TABLES = {
    art5_1_operator_duties: ART5_1,
    art5_2_authority_duties: ART5_2,
    art5_3_threat_response: ART5_3,
    art5_4_authority_may_act: ART5_4,
    art5_5_cost_recovery: ART5_5,
}


@pytest.mark.parametrize("case", ART5_1, ids=says)
def test_art5_1_the_operator_must_respond_to_damage_within_scope(case: Case) -> None:
    check(art5_1_operator_duties, case)


@pytest.mark.parametrize("case", ART5_2, ids=says)
def test_art5_2_the_authority_must_act_on_damage_within_scope(case: Case) -> None:
    check(art5_2_authority_duties, case)


@pytest.mark.parametrize("case", ART5_3, ids=says)
def test_art5_3_the_operator_must_prevent_a_sufficiently_likely_threat(case: Case) -> None:
    check(art5_3_threat_response, case)


@pytest.mark.parametrize("case", ART5_4, ids=says)
def test_art5_4_the_authority_may_take_response_measures_itself(case: Case) -> None:
    check(art5_4_authority_may_act, case)


@pytest.mark.parametrize("case", ART5_5, ids=says)
def test_art5_5_the_authority_recovers_its_costs_unless_domestic_law_spares_the_operator(
    case: Case,
) -> None:
    check(art5_5_cost_recovery, case)
