"""The domestic-law profile a self-assessment amounts to: each choice fills the right field,
the profile validates, and its YAML reads back through ``load_profile`` as the same profile."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from toolkit import Profile, load_profile, shipped_profiles
from toolkit.implementation import (
    CHECKLIST,
    ITEMS,
    Answer,
    Assessment,
    AssessmentError,
    national_profile,
    profile_yaml,
)
from toolkit.implementation.national_profile import profile_id
from toolkit.loading import PROFILES, read_file
from toolkit.profile import (
    NONE_PROVIDED,
    CivilLiabilityRoute,
    FinancialSecurity,
    Money,
    SecurityKind,
    Standard,
    StartEvent,
    TimeLimit,
)
from toolkit.scenario import Event, Role

HEADER = ("schema_version", "id", "name", "description")


def chosen(**choices: object) -> Assessment:
    """An assessment of Testland with these choices (by item key) and nothing else."""
    answers = {key: Answer(choice=choice) for key, choice in choices.items()}
    return Assessment(learner="Test", country="Testland", answers=answers)


def field_of(profile: Profile, path: str) -> Any:
    value: Any = profile
    for name in path.split("."):
        value = getattr(value, name) if value is not None else None
    return value


class Row(NamedTuple):
    item: str
    choice: object
    field: str
    value: object


ROWS = [
    Row("art2_2_c_operator_roles", ["importer", "carrier"], "operator_roles",
        (Role.IMPORTER, Role.CARRIER)),
    Row("art3_6_domestic_criteria", "Damage to centres of origin is always significant",
        "domestic_criteria", "Damage to centres of origin is always significant"),
    Row("art3_6_domestic_criteria", "none", "domestic_criteria", NONE_PROVIDED),
    Row("art4_causal_link", "balance of probabilities", "causation_standard",
        "balance of probabilities"),
    Row("art5_5_cost_exceptions", ["third_party_act", "public_authority_order"],
        "cost_exceptions", (Event.THIRD_PARTY_ACT, Event.PUBLIC_AUTHORITY_ORDER)),
    Row("art5_5_cost_exceptions", [], "cost_exceptions", ()),
    Row("art6_exemptions", ["force_majeure", "war_or_civil_unrest"], "exemptions",
        (Event.FORCE_MAJEURE, Event.WAR_OR_CIVIL_UNREST)),
    Row("art6_exemptions", [], "exemptions", ()),
    Row("art7_a_relative_limit", {"years": 3, "starts": "damage_known"}, "time_limits.relative",
        TimeLimit(3, StartEvent.DAMAGE_KNOWN)),
    Row("art7_a_relative_limit", "none", "time_limits.relative", NONE_PROVIDED),
    Row("art7_a_absolute_limit", {"years": 15, "starts": "incident"}, "time_limits.absolute",
        TimeLimit(15, StartEvent.INCIDENT)),
    Row("art8_financial_limit", {"amount": 2000000, "currency": "USD"}, "financial_limit",
        Money(Decimal(2000000), "USD")),
    Row("art8_financial_limit", {"amount": 1250.5, "currency": "EUR"}, "financial_limit",
        Money(Decimal("1250.5"), "EUR")),
    Row("art8_financial_limit", "none", "financial_limit", NONE_PROVIDED),
    Row("art10_1_financial_security", {"kind": "insurance", "roles": ["permit_holder"]},
        "financial_security", FinancialSecurity(SecurityKind.INSURANCE, (Role.PERMIT_HOLDER,))),
    Row("art10_1_financial_security", {"kind": "fund"}, "financial_security",
        FinancialSecurity(SecurityKind.FUND)),
    Row("art10_1_financial_security", "none", "financial_security", NONE_PROVIDED),
    Row("art12_2_civil_liability", "combination", "civil_liability_route",
        CivilLiabilityRoute.COMBINATION),
    Row("art12_3_b_standard", "strict", "standard_of_liability", Standard.STRICT),
    Row("art12_3_c_channelling", "permit_holder", "channelling", Role.PERMIT_HOLDER),
    Row("art12_3_c_channelling", "none", "channelling", NONE_PROVIDED),
]  # fmt: skip


@pytest.mark.parametrize(
    "row", ROWS, ids=[f"{ITEMS[r.item].label} {r.choice!r} fills {r.field}" for r in ROWS]
)
def test_each_choice_fills_its_profile_field_and_reads_back_from_yaml(
    row: Row, tmp_path: Path
) -> None:
    assessment = chosen(**{row.item: row.choice})
    profile = national_profile(assessment)
    assert field_of(profile, row.field) == row.value
    assert ITEMS[row.item].option is not None and ITEMS[row.item].option.field == row.field
    file = tmp_path / "testland.yaml"
    file.write_text(profile_yaml(assessment), encoding="utf-8")
    assert load_profile(file) == profile


def test_every_choice_of_a_profile_has_an_item_and_no_item_fills_two() -> None:
    fields = [item.option.field for item in CHECKLIST if item.option and item.option.field]
    expected = [f.name for f in dataclasses.fields(Profile) if f.name not in HEADER]
    expected = [f for f in expected if f != "time_limits"]
    expected += ["time_limits.relative", "time_limits.absolute"]
    assert sorted(fields) == sorted(expected)


def test_a_choice_not_made_leaves_its_field_unknown() -> None:
    profile = national_profile(chosen())
    for item in CHECKLIST:
        if item.option and item.option.field:
            assert field_of(profile, item.option.field) is None, item.key


def test_the_art12_1_approach_is_recorded_but_is_no_profile_field() -> None:
    item = ITEMS["art12_1_rules_on_damage"]
    assert item.option is not None and item.option.field is None
    assert national_profile(chosen(art12_1_rules_on_damage="specific")) == national_profile(
        chosen()
    )


@pytest.mark.parametrize("name", shipped_profiles())
def test_recording_a_shipped_profiles_choices_gives_that_profile_back(
    name: str, tmp_path: Path
) -> None:
    data, _, _ = read_file(PROFILES / f"{name}.yaml")
    choices = {}
    for item in CHECKLIST:
        if item.option and item.option.field:
            value: Any = data
            for part in item.option.field.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if value is not None:
                choices[item.key] = value
    assessment = chosen(**choices)
    shipped = load_profile(name)
    mine = national_profile(assessment)
    assert mine == dataclasses.replace(shipped, id=mine.id, name=mine.name,
                                       description=mine.description)  # fmt: skip
    file = tmp_path / f"{name}.yaml"
    file.write_text(profile_yaml(assessment), encoding="utf-8")
    assert load_profile(file) == mine


def test_the_profile_is_named_for_the_country() -> None:
    profile = national_profile(Assessment(country="Côte d'Ivoire"))
    assert (profile.id, profile.name) == ("cote-d-ivoire", "Côte d'Ivoire (self-assessment)")
    assert national_profile(Assessment()).id == "my-country"


def test_the_yaml_cites_the_article_of_each_field() -> None:
    text = profile_yaml(chosen(art6_exemptions=["force_majeure"], art8_financial_limit="none"))
    assert "# Art. 6: exemptions\nexemptions: [force_majeure]" in text
    assert "# Art. 8: financial limit\nfinancial_limit: none" in text


LEARNER_TEXT = [
    "yes",
    "2020-01-01",
    "12",
    "a: b # not a comment",
    "line one\nline two",
    "'quoted' and \"double\"",
    "null",
    "~",
    "  padded  ",
    "émission \u2013 ünïcode",
]


@pytest.mark.parametrize("text", LEARNER_TEXT, ids=repr)
def test_learner_text_that_looks_like_yaml_reads_back_as_the_same_text(
    text: str, tmp_path: Path
) -> None:
    assessment = chosen(art3_6_domestic_criteria=text, art4_causal_link=text)
    file = tmp_path / "p.yaml"
    file.write_text(profile_yaml(assessment), encoding="utf-8")
    assert load_profile(file) == national_profile(assessment)
    assert load_profile(file).causation_standard == text


class Bad(NamedTuple):
    says: str
    item: str
    choice: object
    message: str


BAD = [
    Bad("a reserved word cannot describe a rule", "art4_causal_link", "unknown",
        "reserved word"),
    Bad("'none' is no causation standard", "art4_causal_link", "none", "reserved word"),
    Bad("an empty description is no rule", "art3_6_domestic_criteria", "  ", "in words"),
    Bad("a time limit is at least a year", "art7_a_relative_limit",
        {"years": 0, "starts": "incident"}, "at least one year"),
    Bad("a time limit starts at an event the rules know", "art7_a_absolute_limit",
        {"years": 5, "starts": "harvest"}, "must be one of incident"),
    Bad("a currency is a three-letter code", "art8_financial_limit",
        {"amount": 5, "currency": "dollars"}, "three-letter code"),
    Bad("an amount has at most two decimals", "art8_financial_limit",
        {"amount": 0.125, "currency": "USD"}, "two decimal places"),
    Bad("a cap of nothing is no cap", "art8_financial_limit",
        {"amount": 0, "currency": "USD"}, "a cap of 0"),
    Bad("an amount is not negative", "art8_financial_limit",
        {"amount": -5, "currency": "USD"}, "must not be negative"),
    Bad("a route is one of the three", "art12_1_rules_on_damage", "treaty", "must be one of"),
    Bad("a role is one the Protocol lists", "art2_2_c_operator_roles", ["landlord"],
        "offers no choice 'landlord'"),
    Bad("a list is needed for exemptions", "art6_exemptions", "force_majeure", "must be a list"),
]  # fmt: skip


@pytest.mark.parametrize("bad", BAD, ids=[b.says for b in BAD])
def test_an_unusable_choice_is_reported_with_its_item(bad: Bad) -> None:
    with pytest.raises(AssessmentError) as raised:
        national_profile(chosen(**{bad.item: bad.choice}))
    (problem,) = raised.value.problems
    assert problem.field == ITEMS[bad.item].label
    assert bad.message in problem.message


def test_profile_ids_are_safe_file_and_profile_names() -> None:
    assert profile_id("../../etc/passwd") == "etc-passwd"
    assert profile_id("日本") == "my-country"
