"""Art. 3 (scope), paragraph by paragraph: each rule on its own, one row per situation.

The baseline (tests/builders.py) is in scope: an intentional, authorised import of food/feed
maize in 2020 from Exportia into Importia, both Parties bound since 2018-03-05, with damage in
Importia. Each row states only how its case differs from that baseline.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import DELETE, FAILS, HOLDS, UNKNOWN, Case, check, says

from toolkit.rules.art3_scope import (
    art3_1_lmo_from_transboundary_movement,
    art3_2_authorised_use,
    art3_3_unintentional_or_illegal,
    art3_4_movement_after_entry_into_force,
    art3_5_within_national_jurisdiction,
    art3_6_domestic_criteria,
    art3_7_movement_from_non_party,
    art3_scope,
)


def non_party(state: str) -> dict[str, Any]:
    """Changes making ``state`` a non-Party to the Supplementary Protocol."""
    return {f"states.{state}.supplementary.party": False,
            f"states.{state}.supplementary.deposited": DELETE}  # fmt: skip


def importer_deposited(on: str, cartagena: Any = "2004-01-01") -> dict[str, Any]:
    """Changes giving Importia's deposit date (and its Cartagena date, DELETE if unknown)."""
    return {"states.importer.supplementary.deposited": on,
            "states.importer.cartagena.in_force_since": cartagena}  # fmt: skip


THIRDIA = {"name": "Thirdia", "cartagena": {"party": True, "in_force_since": "2004-01-01"}}
DAMAGE_IN_NON_PARTY = {"states.thirdia": {**THIRDIA, "supplementary": {"party": False}},
                       "damage.state": "thirdia"}  # fmt: skip
DAMAGE_IN_STATE_OF_UNKNOWN_STATUS = {"states.thirdia": THIRDIA, "damage.state": "thirdia"}
# Deposited 2019-06-01 (after the 40th instrument): deposit + 90 days is 2019-08-30, but the
# Cartagena Protocol binds Importia only from 2019-10-01, so Art. 18(2) gives 2019-10-01.
LATE_PARTY = importer_deposited("2019-06-01", cartagena="2019-10-01")
LATE_PARTY_CARTAGENA_UNKNOWN = importer_deposited("2019-06-01", cartagena=DELETE)


ART3_1 = [
    Case("Art. 3(1): an LMO for food, feed or processing that crossed a border is covered",
         {}, {}, HOLDS),
    Case("Art. 3(1): an LMO destined for contained use that crossed a border is covered",
         {"lmo.intended_use": "contained_use"}, {}, HOLDS),
    Case("Art. 3(1): an LMO for release into the environment that strayed across a border is "
         "covered", {"lmo.intended_use": "intentional_introduction",
                     "movement.kind": "unintentional"}, {}, HOLDS),
    Case("Art. 3(1): an LMO that never crossed a border is outside the Protocol",
         {"movement.kind": "none"}, {}, FAILS),
    Case("Art. 3(1): an LMO that never crossed a border is outside whatever it was meant for",
         {"movement.kind": "none", "lmo.intended_use": DELETE}, {}, FAILS),
    Case("Art. 3(1): an LMO whose intended use is unknown leaves its category open",
         {"lmo.intended_use": DELETE}, {}, UNKNOWN, ("lmo.intended_use",)),
    Case("Art. 3(1): an LMO not known to have crossed a border leaves coverage open",
         {"movement.kind": DELETE}, {}, UNKNOWN, ("movement.kind",)),
]  # fmt: skip

ART3_2 = [
    Case("Art. 3(2): damage from an authorised use after an intentional movement is covered",
         {}, {}, HOLDS),
    Case("Art. 3(2): damage from an unauthorised use of a lawfully imported LMO is not covered "
         "by para. 2", {"movement.use_authorised": False}, {}, FAILS),
    Case("Art. 3(2): an illegal movement is not para. 2's business, even after an authorised use",
         {"movement.kind": "illegal"}, {}, FAILS),
    Case("Art. 3(2): an unauthorised use fails para. 2 even when the kind of movement is unknown",
         {"movement.kind": DELETE, "movement.use_authorised": False}, {}, FAILS),
    Case("Art. 3(2): an intentional movement whose use is not known to be authorised is open",
         {"movement.use_authorised": DELETE}, {}, UNKNOWN, ("movement.use_authorised",)),
    Case("Art. 3(2): an authorised use after a movement of unknown kind is open",
         {"movement.kind": DELETE}, {}, UNKNOWN, ("movement.kind",)),
]  # fmt: skip

ART3_3 = [
    Case("Art. 3(3): an illegal movement (CP Art. 25) is covered even though the use was not "
         "authorised", {"movement.kind": "illegal", "movement.use_authorised": False}, {}, HOLDS),
    Case("Art. 3(3): an unintentional movement (CP Art. 17) is covered",
         {"movement.kind": "unintentional"}, {}, HOLDS),
    Case("Art. 3(3): an intentional movement is left to para. 2",
         {}, {}, FAILS),
    Case("Art. 3(3): an LMO that never crossed a border is not a movement at all",
         {"movement.kind": "none"}, {}, FAILS),
    Case("Art. 3(3): a movement of unknown kind leaves para. 3 open",
         {"movement.kind": DELETE}, {}, UNKNOWN, ("movement.kind",)),
]  # fmt: skip

ART3_4 = [
    Case("Art. 3(4): a shipment in 2020 into a Party bound since 2018-03-05 is within scope",
         {}, {}, HOLDS),
    Case("Art. 3(4): a shipment dispatched before entry into force for the importing Party is "
         "outside scope", {"movement.started_on": "2017-06-01"}, {}, FAILS),
    Case("Art. 3(4): a shipment dispatched on the very day of entry into force (2018-03-05) did "
         "not start 'after' it", {"movement.started_on": "2018-03-05"}, {}, FAILS),
    Case("Art. 3(4): a shipment dispatched the day after entry into force is within scope",
         {"movement.started_on": "2018-03-06"}, {}, HOLDS),
    Case("Art. 3(4): a Party that deposited on the day of the 40th instrument (2017-12-05) is "
         "bound from 2018-03-05, so a shipment of that day is outside scope",
         {**importer_deposited("2017-12-05"), "movement.started_on": "2018-03-05"}, {}, FAILS),
    Case("Art. 3(4): a Party that deposited by the 40th instrument is bound from 2018-03-05 "
         "whatever its Cartagena date",
         {**importer_deposited("2017-12-05", cartagena=DELETE),
          "movement.started_on": "2018-03-06"}, {}, HOLDS),
    Case("Art. 3(4): a Party that deposited the day after the 40th instrument is bound only 90 "
         "days after its own deposit (2018-03-06)",
         {**importer_deposited("2017-12-06"), "movement.started_on": "2018-03-06"}, {}, FAILS),
    Case("Art. 3(4): a late Party is bound from deposit + 90 days when the Cartagena Protocol "
         "already binds it, so a shipment on the 90th day is outside scope",
         {**importer_deposited("2019-06-01"), "movement.started_on": "2019-08-30"}, {}, FAILS),
    Case("Art. 3(4): a late Party's shipment on the 91st day after its deposit is within scope",
         {**importer_deposited("2019-06-01"), "movement.started_on": "2019-08-31"}, {}, HOLDS),
    Case("Art. 3(4): a late Party whose Cartagena date is later than deposit + 90 days is bound "
         "only from the Cartagena date (Art. 18(2))",
         {**LATE_PARTY, "movement.started_on": "2019-09-15"}, {}, FAILS),
    Case("Art. 3(4): a late Party's shipment on the very day the Cartagena Protocol binds it is "
         "outside scope", {**LATE_PARTY, "movement.started_on": "2019-10-01"}, {}, FAILS),
    Case("Art. 3(4): a late Party's shipment the day after its Cartagena date is within scope",
         {**LATE_PARTY, "movement.started_on": "2019-10-02"}, {}, HOLDS),
    Case("Art. 3(4): a late Party's shipment on deposit + 90 days is outside scope whatever its "
         "Cartagena date", {**LATE_PARTY_CARTAGENA_UNKNOWN, "movement.started_on": "2019-08-30"},
         {}, FAILS),
    Case("Art. 3(4): a late Party's shipment after deposit + 90 days needs its Cartagena date",
         {**LATE_PARTY_CARTAGENA_UNKNOWN, "movement.started_on": "2019-09-15"}, {}, UNKNOWN,
         ("states.importer.cartagena.in_force_since",)),
    Case("Art. 3(4): a shipment into a non-Party importer is outside scope",
         non_party("importer"), {}, FAILS),
    Case("Art. 3(4): a shipment into a non-Party importer is outside scope whenever it started",
         {**non_party("importer"), "movement.started_on": DELETE}, {}, FAILS),
    Case("Art. 3(4): a shipment whose start date is unknown leaves the timing open",
         {"movement.started_on": DELETE}, {}, UNKNOWN, ("movement.started_on",)),
    Case("Art. 3(4): a shipment into an unknown State leaves the timing open",
         {"movement.to_state": DELETE}, {}, UNKNOWN, ("movement.to_state",)),
    Case("Art. 3(4): a movement that started before 2018-03-05 is outside scope whatever the "
         "importer's status, since the Protocol bound no one before then",
         {"movement.started_on": "2016-05-01", "movement.to_state": DELETE}, {}, FAILS),
    Case("Art. 3(4): a Party whose deposit date is unknown leaves the timing open",
         {"states.importer.supplementary.deposited": DELETE}, {}, UNKNOWN,
         ("states.importer.supplementary.deposited",)),
    Case("Art. 3(4): an importer not known to be a Party leaves the timing open",
         {"states.importer.supplementary.party": DELETE,
          "states.importer.supplementary.deposited": DELETE}, {}, UNKNOWN,
         ("states.importer.supplementary.party", "states.importer.supplementary.deposited")),
]  # fmt: skip

ART3_5 = [
    Case("Art. 3(5): damage within the national jurisdiction of a Party is covered",
         {}, {}, HOLDS),
    Case("Art. 3(5): damage beyond national jurisdiction (the high seas) is not covered",
         {"damage.where": "beyond_national_jurisdiction"}, {}, FAILS),
    Case("Art. 3(5): damage within a non-Party is not covered",
         DAMAGE_IN_NON_PARTY, {}, FAILS),
    Case("Art. 3(5): damage linked to a non-Party is not covered, whether or not it is within "
         "its jurisdiction", {**DAMAGE_IN_NON_PARTY, "damage.where": DELETE}, {}, FAILS),
    Case("Art. 3(5): damage whose place is unknown leaves coverage open",
         {"damage.where": DELETE}, {}, UNKNOWN, ("damage.where",)),
    Case("Art. 3(5): damage within a State not named leaves coverage open",
         {"damage.state": DELETE}, {}, UNKNOWN, ("damage.state",)),
    Case("Art. 3(5): damage within a State not known to be a Party leaves coverage open",
         DAMAGE_IN_STATE_OF_UNKNOWN_STATUS, {}, UNKNOWN,
         ("states.thirdia.supplementary.party", "states.thirdia.supplementary.deposited")),
    Case("Art. 3(5): a State that deposited an instrument is a Party even if not flagged as one",
         {"states.importer.supplementary.party": DELETE}, {}, HOLDS),
]  # fmt: skip

ART3_6 = [
    Case("Art. 3(6): a Party whose domestic law sets its own criteria applies them",
         {}, {"domestic_criteria": "damage to landraces of cultural value"}, HOLDS),
    Case("Art. 3(6): a Party whose domestic law sets no criteria of its own applies none",
         {}, {}, FAILS),
    Case("Art. 3(6): a profile silent on domestic criteria leaves para. 6 open",
         {}, {"domestic_criteria": DELETE}, UNKNOWN, ("profile.domestic_criteria",)),
]  # fmt: skip

ART3_7 = [
    Case("Art. 3(7): an LMO exported from a non-Party is reached by the domestic implementing law",
         non_party("exporter"), {}, HOLDS),
    Case("Art. 3(7): an LMO exported from a Party does not need para. 7",
         {}, {}, FAILS),
    Case("Art. 3(7): an LMO from an unknown State leaves para. 7 open",
         {"movement.from_state": DELETE}, {}, UNKNOWN, ("movement.from_state",)),
    Case("Art. 3(7): an LMO from a State not known to be a Party leaves para. 7 open",
         {"states.exporter.supplementary.party": DELETE,
          "states.exporter.supplementary.deposited": DELETE}, {}, UNKNOWN,
         ("states.exporter.supplementary.party", "states.exporter.supplementary.deposited")),
]  # fmt: skip

ART3 = [
    Case("Art. 3: an authorised use after a timely import, harming a Party, is within scope",
         {}, {}, HOLDS),
    Case("Art. 3: an illegal movement brings an unauthorised use within scope through para. 3",
         {"movement.kind": "illegal", "movement.use_authorised": False}, {}, HOLDS),
    Case("Art. 3: an unauthorised use of a lawfully imported LMO is outside scope",
         {"movement.use_authorised": False}, {}, FAILS),
    Case("Art. 3: damage beyond national jurisdiction is outside scope",
         {"damage.where": "beyond_national_jurisdiction"}, {}, FAILS),
    Case("Art. 3: a movement before entry into force is outside scope even if the place of "
         "damage is unknown", {"movement.started_on": "2017-06-01", "damage.where": DELETE},
         {}, FAILS),
    Case("Art. 3: a movement of unknown kind leaves scope open",
         {"movement.kind": DELETE}, {}, UNKNOWN, ("movement.kind",)),
    Case("Art. 3: a movement of unknown date leaves scope open",
         {"movement.started_on": DELETE}, {}, UNKNOWN, ("movement.started_on",)),
]  # fmt: skip

TABLES = {
    art3_1_lmo_from_transboundary_movement: ART3_1,
    art3_2_authorised_use: ART3_2,
    art3_3_unintentional_or_illegal: ART3_3,
    art3_4_movement_after_entry_into_force: ART3_4,
    art3_5_within_national_jurisdiction: ART3_5,
    art3_6_domestic_criteria: ART3_6,
    art3_7_movement_from_non_party: ART3_7,
    art3_scope: ART3,
}


@pytest.mark.parametrize("case", ART3_1, ids=says)
def test_art3_1_covers_lmos_of_the_listed_kinds_that_crossed_a_border(case: Case) -> None:
    check(art3_1_lmo_from_transboundary_movement, case)


@pytest.mark.parametrize("case", ART3_2, ids=says)
def test_art3_2_covers_only_authorised_uses_after_an_intentional_movement(case: Case) -> None:
    check(art3_2_authorised_use, case)


@pytest.mark.parametrize("case", ART3_3, ids=says)
def test_art3_3_covers_unintentional_and_illegal_movements(case: Case) -> None:
    check(art3_3_unintentional_or_illegal, case)


@pytest.mark.parametrize("case", ART3_4, ids=says)
def test_art3_4_covers_movements_started_strictly_after_entry_into_force(case: Case) -> None:
    check(art3_4_movement_after_entry_into_force, case)


@pytest.mark.parametrize("case", ART3_5, ids=says)
def test_art3_5_covers_damage_within_the_national_jurisdiction_of_a_party(case: Case) -> None:
    check(art3_5_within_national_jurisdiction, case)


@pytest.mark.parametrize("case", ART3_6, ids=says)
def test_art3_6_domestic_criteria_apply_only_where_domestic_law_sets_them(case: Case) -> None:
    check(art3_6_domestic_criteria, case)


@pytest.mark.parametrize("case", ART3_7, ids=says)
def test_art3_7_domestic_law_also_reaches_movements_from_non_parties(case: Case) -> None:
    check(art3_7_movement_from_non_party, case)


@pytest.mark.parametrize("case", ART3, ids=says)
def test_art3_scope_needs_paras_1_4_and_5_and_either_para_2_or_para_3(case: Case) -> None:
    check(art3_scope, case)
