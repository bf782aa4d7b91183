"""Arts. 7-12: time limits, financial limits, recourse, financial security and civil liability.

The baseline (tests/builders.py) has an incident on 2020-02-01, damage known on 2021-01-01, the
authority's decision on 2021-03-01 and its action on 2022-01-01; costs of 100 + 1000 + 10 USD;
Operator Ltd (importer and permit holder, insured, at fault) and Carrier Co (no control). The
baseline profile sets no time limit, cap or security requirement, and strict liability.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import DELETE, FAILS, HOLDS, UNKNOWN, Case, check, says

from toolkit.rules.art7_time_limits import art7_time_limits
from toolkit.rules.art8_financial_limits import art8_financial_limit
from toolkit.rules.art9_recourse import art9_recourse
from toolkit.rules.art10_financial_security import art10_1_financial_security
from toolkit.rules.art12_civil_liability import art12_2_civil_liability


def limits(relative: Any = "none", absolute: Any = "none") -> dict[str, Any]:
    """Profile changes: the domestic relative and absolute time limits."""
    return {"time_limits": {"relative": relative, "absolute": absolute}}


def years(count: int, starts: str) -> dict[str, Any]:
    """A time limit of ``count`` years from the event ``starts``."""
    return {"years": count, "starts": starts}


def cap(amount: int, currency: str = "USD") -> dict[str, Any]:
    """Profile changes: domestic law caps cost recovery at ``amount``."""
    return {"financial_limit": {"amount": amount, "currency": currency}}


def insurance_of(*roles: str) -> dict[str, Any]:
    """Profile changes: domestic law requires insurance of operators in these roles."""
    return {"financial_security": {"kind": "insurance", "roles": list(roles)}}


LEAP_DAY_INCIDENT = {"dates.incident": "2020-02-29"}
FAULT_BASED = {"standard_of_liability": "fault"}


ART7 = [
    Case("Art. 7: with no domestic time limit an action is never late",
         {}, {}, HOLDS),
    Case("Art. 7: an action within a relative limit of three years from the damage becoming "
         "known is in time", {}, limits(relative=years(3, "damage_known")), HOLDS),
    Case("Art. 7: an action brought on the last day of the limit is in time",
         {}, limits(relative=years(1, "damage_known")), HOLDS),
    Case("Art. 7: an action brought the day after the last day is late",
         {"dates.action_brought": "2022-01-02"}, limits(relative=years(1, "damage_known")), FAILS),
    Case("Art. 7: the start the profile chooses decides: one year from the incident has run out",
         {}, limits(relative=years(1, "incident")), FAILS),
    Case("Art. 7: the start the profile chooses decides: one year from the authority's decision "
         "has not", {}, limits(relative=years(1, "authority_decision")), HOLDS),
    Case("Art. 7: an action within the relative limit is still late after the absolute limit",
         {}, limits(relative=years(3, "damage_known"), absolute=years(1, "incident")), FAILS),
    Case("Art. 7: a year from 29 February runs to 28 February, and an action that day is in time",
         {**LEAP_DAY_INCIDENT, "dates.action_brought": "2021-02-28"},
         limits(absolute=years(1, "incident")), HOLDS),
    Case("Art. 7: a year from 29 February has run out on 1 March",
         {**LEAP_DAY_INCIDENT, "dates.action_brought": "2021-03-01"},
         limits(absolute=years(1, "incident")), FAILS),
    Case("Art. 7: four years from 29 February run to 29 February",
         {**LEAP_DAY_INCIDENT, "dates.action_brought": "2024-02-29"},
         limits(absolute=years(4, "incident")), HOLDS),
    Case("Art. 7: an action after the absolute limit is late whatever the relative limit",
         {}, {"time_limits": {"absolute": years(1, "incident")}}, FAILS),
    Case("Art. 7: a profile silent on time limits leaves both open",
         {}, {"time_limits": DELETE}, UNKNOWN,
         ("profile.time_limits.relative", "profile.time_limits.absolute")),
    Case("Art. 7: a limit running from the damage becoming known needs that date",
         {"dates.damage_known": DELETE}, limits(relative=years(3, "damage_known")), UNKNOWN,
         ("dates.damage_known",)),
    Case("Art. 7: a limit cannot be applied to an action of unknown date",
         {"dates.action_brought": DELETE}, limits(absolute=years(15, "incident")), UNKNOWN,
         ("dates.action_brought",)),
]  # fmt: skip

ART8 = [
    Case("Art. 8: with no domestic cap the authority recovers its costs in full",
         {}, {}, HOLDS),
    Case("Art. 8: costs below the cap are recovered in full",
         {}, cap(2_000_000), HOLDS),
    Case("Art. 8: costs exactly at the cap are recovered in full",
         {}, cap(1110), HOLDS),
    Case("Art. 8: costs above the cap are cut to it",
         {}, cap(1000), FAILS),
    Case("Art. 8: a cap exceeded by the known costs alone cuts them though one cost is unknown",
         {"response.costs.incidental": DELETE}, cap(1000), FAILS),
    Case("Art. 8: with no cost recovery under Art. 5(5) there is nothing to recover in full",
         {"response.authority_took_measures": False}, {}, FAILS),
    Case("Art. 8: known costs under the cap leave it open while one cost is unknown",
         {"response.costs.incidental": DELETE}, cap(1105), UNKNOWN,
         ("response.costs.incidental",)),
    Case("Art. 8: costs in another currency than the cap must be converted to compare",
         {"response.costs.currency": "EUR"}, cap(2_000_000), UNKNOWN, ("response.costs in USD",)),
    Case("Art. 8: a profile silent on caps leaves full recovery open",
         {}, {"financial_limit": DELETE}, UNKNOWN, ("profile.financial_limit",)),
]  # fmt: skip

ART9 = [
    Case("Art. 9: the operator keeps its rights of recourse against the carrier and others",
         {}, {}, HOLDS),
    Case("Art. 9: with no operator no question of recourse arises",
         {"persons.op.control": "none"}, {}, FAILS),
    Case("Art. 9: a case silent on who was involved leaves recourse open",
         {"persons": DELETE}, {}, UNKNOWN, ("persons",)),
]  # fmt: skip

ART10 = [
    Case("Art. 10(1): where domestic law requires no security, no one lacks it",
         {}, {}, HOLDS),
    Case("Art. 10(1): an insured permit holder meets a requirement of insurance for permit "
         "holders", {}, insurance_of("permit_holder"), HOLDS),
    Case("Art. 10(1): security required of permit holders only is not required of an operator "
         "that holds no permit", {"persons.op.roles": ["importer"],
                                  "persons.op.holds_financial_security": False},
         insurance_of("permit_holder"), HOLDS),
    Case("Art. 10(1): a carrier with no control is no operator and needs no security",
         {}, insurance_of("carrier"), HOLDS),
    Case("Art. 10(1): an insured operator complies whichever roles the profile binds",
         {}, {"financial_security": {"kind": "insurance"}}, HOLDS),
    Case("Art. 10(1): a permit holder without the required insurance lacks it",
         {"persons.op.holds_financial_security": False}, insurance_of("permit_holder"), FAILS),
    Case("Art. 10(1): a profile silent on financial security leaves it open",
         {}, {"financial_security": DELETE}, UNKNOWN, ("profile.financial_security",)),
    Case("Art. 10(1): a required security is open while the case does not say who was involved",
         {"persons": DELETE}, insurance_of("permit_holder"), UNKNOWN, ("persons",)),
]  # fmt: skip

ART12 = [
    Case("Art. 12(2): under strict liability a claim lies against the operator",
         {}, {}, HOLDS),
    Case("Art. 12(2): under fault-based liability a claim lies against an operator at fault",
         {}, FAULT_BASED, HOLDS),
    Case("Art. 12(2): liability channelled to the permit holder reaches an operator holding the "
         "permit", {}, {"channelling": "permit_holder"}, HOLDS),
    Case("Art. 12(2): an operator at fault is liable whichever standard the profile sets",
         {}, {"standard_of_liability": DELETE}, HOLDS),
    Case("Art. 12(2): under fault-based liability no claim lies against an operator not at fault",
         {"persons.op.at_fault": False}, FAULT_BASED, FAILS),
    Case("Art. 12(2): liability channelled to a role the operator lacks reaches no one here",
         {}, {"channelling": "developer"}, FAILS),
    Case("Art. 12(2): with no material or personal damage there is nothing to claim",
         {"damage.material_or_personal": False}, {}, FAILS),
    Case("Art. 12(2): associated damage from a movement before entry into force is outside the "
         "Protocol", {"movement.started_on": "2017-06-01"}, {}, FAILS),
    Case("Art. 12(2): a profile silent on the civil liability route leaves the claim open",
         {}, {"civil_liability_route": DELETE}, UNKNOWN, ("profile.civil_liability_route",)),
    Case("Art. 12(2): a profile silent on channelling leaves open whom the claim reaches",
         {}, {"channelling": DELETE}, UNKNOWN, ("profile.channelling",)),
    Case("Art. 12(2): a case silent on who was involved leaves the claim open",
         {"persons": DELETE}, {}, UNKNOWN, ("persons",)),
]  # fmt: skip

TABLES = {
    art7_time_limits: ART7,
    art8_financial_limit: ART8,
    art9_recourse: ART9,
    art10_1_financial_security: ART10,
    art12_2_civil_liability: ART12,
}


@pytest.mark.parametrize("case", ART7, ids=says)
def test_art7_an_action_is_late_only_after_a_domestic_time_limit(case: Case) -> None:
    check(art7_time_limits, case)


@pytest.mark.parametrize("case", ART8, ids=says)
def test_art8_only_a_domestic_cap_cuts_the_costs_recovered(case: Case) -> None:
    check(art8_financial_limit, case)


@pytest.mark.parametrize("case", ART9, ids=says)
def test_art9_the_operator_keeps_its_rights_of_recourse(case: Case) -> None:
    check(art9_recourse, case)


@pytest.mark.parametrize("case", ART10, ids=says)
def test_art10_1_security_is_required_only_of_operators_domestic_law_names(case: Case) -> None:
    check(art10_1_financial_security, case)


@pytest.mark.parametrize("case", ART12, ids=says)
def test_art12_2_a_civil_claim_lies_against_an_operator_liable_under_domestic_law(
    case: Case,
) -> None:
    check(art12_2_civil_liability, case)
