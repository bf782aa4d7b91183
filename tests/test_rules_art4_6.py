"""Art. 4 (causation) and Art. 6 (exemptions, which exist only where domestic law provides them).

The baseline (tests/builders.py) has an established causal link, a profile that provides no
exemption, and a case saying that neither force majeure nor war or civil unrest occurred (it is
silent on every other event).
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import DELETE, FAILS, HOLDS, UNKNOWN, Case, check, says

from toolkit.rules.art4_causation import art4_causal_link
from toolkit.rules.art6_exemptions import (
    art6_1_a_force_majeure,
    art6_1_b_war_or_civil_unrest,
    art6_2_other_exemptions,
)


def exempting(*events: str) -> dict[str, Any]:
    """Profile changes: domestic law provides exemptions for exactly these events."""
    return {"exemptions": list(events)}


SILENT_ON_EXEMPTIONS = {"exemptions": DELETE}


ART4 = [
    Case("Art. 4: a causal link established under domestic law is established",
         {}, {}, HOLDS),
    Case("Art. 4: a causal link domestic law does not accept is not established",
         {"causation.established": False}, {}, FAILS),
    Case("Art. 4: evidence without a finding on the link under the domestic standard leaves it "
         "open", {"causation.established": DELETE,
                  "causation.evidence": "the trait was found in the affected landraces"},
         {}, UNKNOWN, ("causation.established",)),
]  # fmt: skip

ART6_1_A = [
    Case("Art. 6(1)(a): force majeure exempts where domestic law provides the exemption and it "
         "happened", {"events.force_majeure": True}, exempting("force_majeure"), HOLDS),
    Case("Art. 6(1)(a): force majeure that happened exempts no one under a profile without the "
         "exemption", {"events.force_majeure": True}, {}, FAILS),
    Case("Art. 6(1)(a): a domestic exemption for war does not cover force majeure",
         {"events.force_majeure": True}, exempting("war_or_civil_unrest"), FAILS),
    Case("Art. 6(1)(a): a provided force majeure exemption does not apply where none occurred",
         {}, exempting("force_majeure"), FAILS),
    Case("Art. 6(1)(a): with force majeure ruled out, no exemption applies whatever the profile "
         "provides", {}, SILENT_ON_EXEMPTIONS, FAILS),
    Case("Art. 6(1)(a): a provided exemption is open while it is unknown whether force majeure "
         "occurred", {"events.force_majeure": DELETE}, exempting("force_majeure"), UNKNOWN,
         ("events.force_majeure",)),
    Case("Art. 6(1)(a): force majeure that happened is open while the profile is silent on "
         "exemptions", {"events.force_majeure": True}, SILENT_ON_EXEMPTIONS, UNKNOWN,
         ("profile.exemptions",)),
]  # fmt: skip

ART6_1_B = [
    Case("Art. 6(1)(b): war or civil unrest exempts where domestic law provides the exemption and "
         "it happened", {"events.war_or_civil_unrest": True},
         exempting("force_majeure", "war_or_civil_unrest"), HOLDS),
    Case("Art. 6(1)(b): civil unrest that happened exempts no one where domestic law provides "
         "only a force majeure exemption", {"events.war_or_civil_unrest": True},
         exempting("force_majeure"), FAILS),
    Case("Art. 6(1)(b): a profile that provides no exemption gives none, even with the case "
         "silent on war", {"events.war_or_civil_unrest": DELETE}, {}, FAILS),
    Case("Art. 6(1)(b): with war ruled out, no exemption applies though the profile is silent",
         {}, SILENT_ON_EXEMPTIONS, FAILS),
    Case("Art. 6(1)(b): a provided war exemption is open while it is unknown whether war or civil "
         "unrest occurred", {"events.war_or_civil_unrest": DELETE},
         exempting("war_or_civil_unrest"), UNKNOWN, ("events.war_or_civil_unrest",)),
    Case("Art. 6(1)(b): neither the profile nor the case saying anything leaves both open",
         {"events.war_or_civil_unrest": DELETE}, SILENT_ON_EXEMPTIONS, UNKNOWN,
         ("profile.exemptions", "events.war_or_civil_unrest")),
]  # fmt: skip

ART6_2 = [
    Case("Art. 6(2): a domestic exemption for a third party's act applies where such an act "
         "caused the damage", {"events.third_party_act": True}, exempting("third_party_act"),
         HOLDS),
    Case("Art. 6(2): one other exemption that applies is enough though another is open",
         {"events.state_of_the_art": True},
         exempting("permit_compliance", "state_of_the_art"), HOLDS),
    Case("Art. 6(2): a profile with no exemptions provides no other exemption",
         {"events.third_party_act": True}, {}, FAILS),
    Case("Art. 6(2): a domestic exemption for a third party's act does not apply where no such "
         "act occurred", {"events.third_party_act": False}, exempting("third_party_act"), FAILS),
    Case("Art. 6(2): the Art. 6(1) exemptions are not 'other' exemptions",
         {"events.force_majeure": True}, exempting("force_majeure"), FAILS),
    Case("Art. 6(2): a domestic exemption for full permit compliance is open while compliance is "
         "unknown", {}, exempting("permit_compliance"), UNKNOWN, ("events.permit_compliance",)),
    Case("Art. 6(2): a profile silent on exemptions leaves other exemptions open",
         {"events.third_party_act": False}, SILENT_ON_EXEMPTIONS, UNKNOWN, ("profile.exemptions",)),
]  # fmt: skip

TABLES = {
    art4_causal_link: ART4,
    art6_1_a_force_majeure: ART6_1_A,
    art6_1_b_war_or_civil_unrest: ART6_1_B,
    art6_2_other_exemptions: ART6_2,
}


@pytest.mark.parametrize("case", ART4, ids=says)
def test_art4_the_causal_link_is_established_under_domestic_law(case: Case) -> None:
    check(art4_causal_link, case)


@pytest.mark.parametrize("case", ART6_1_A, ids=says)
def test_art6_force_majeure_exemption_applies_only_when_domestic_law_provides_it(
    case: Case,
) -> None:
    check(art6_1_a_force_majeure, case)


@pytest.mark.parametrize("case", ART6_1_B, ids=says)
def test_art6_war_exemption_applies_only_when_domestic_law_provides_it(case: Case) -> None:
    check(art6_1_b_war_or_civil_unrest, case)


@pytest.mark.parametrize("case", ART6_2, ids=says)
def test_art6_other_exemptions_apply_only_when_domestic_law_provides_them(case: Case) -> None:
    check(art6_2_other_exemptions, case)
