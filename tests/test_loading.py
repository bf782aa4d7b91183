"""Loading scenario and profile files: every problem is named by file, line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from builders import BASE_SCENARIO, PLAIN_DATA, changed
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import (
    LoadError,
    Profile,
    Scenario,
    load_profile,
    load_scenario,
    parse,
    shipped_profiles,
)  # fmt: skip
from toolkit.loading import read_yaml
from toolkit.profile import NONE_PROVIDED
from toolkit.scenario import MovementKind

BAD = Path(__file__).parent / "data" / "bad"
SCENARIO = Path(__file__).parent / "data" / "scenario.yaml"

BAD_FILES = [
    (
        "malformed-yaml.yaml",
        5,
        "",
        "not valid YAML: found unexpected end of stream (while scanning a quoted scalar on line 3)",
    ),
    ("bad-json.json", 5, "", "not valid JSON: Expecting property name enclosed in double quotes"),
    ("not-a-mapping.yaml", 1, "", "must be a mapping of fields, got a list"),
    ("unknown-field.yaml", 6, "movement.strted_on", "unknown field; did you mean 'started_on'?"),
    (
        "wrong-type.yaml",
        6,
        "movement.use_authorised",
        "must be true, false or unknown; got 'perhaps'",
    ),
    (
        "impossible-date.yaml",
        5,
        "movement.started_on",
        "must be a date (YYYY-MM-DD); got '2020-13-01'",
    ),
    (
        "dates-out-of-order.yaml",
        6,
        "dates.damage_known",
        "2020-01-01 is before dates.incident (2021-05-01)",
    ),
    ("duplicate-key.yaml", 6, "lmo.organism", "appears twice (first on line 5)"),
    (
        "unknown-state.yaml",
        7,
        "movement.to_state",
        "names a State 'borealis' not listed under states (listed: aurelia)",
    ),
    (
        "unknown-choice.yaml",
        5,
        "lmo.intended_use",
        "must be one of food_feed_processing, contained_use, intentional_introduction; "
        "got 'pharmaceutical'",
    ),
]


@pytest.mark.parametrize(
    ("name", "line", "field", "message"), BAD_FILES, ids=[row[0] for row in BAD_FILES]
)
def test_a_bad_file_is_reported_with_its_line_field_and_message(
    name: str, line: int, field: str, message: str
) -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / name)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field, problem.message) == (
        str(BAD / name),
        line,
        field,
        message,
    )
    assert str(problem) == f"{BAD / name}:{line}: {field or '(document)'}: {message}"


def test_every_problem_in_a_file_is_reported_in_line_order() -> None:
    with pytest.raises(LoadError) as caught:
        load_scenario(BAD / "many-problems.yaml")
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (1, "title"),
        (1, "schema_version"),
        (2, "id"),
        (4, "lmo.intended_use"),
        (7, "damage.adverse_effect"),
    ]


def test_a_missing_fact_and_the_word_unknown_both_mean_unknown() -> None:
    data = changed(BASE_SCENARIO, {"movement.kind": "unknown"})
    del data["movement"]["started_on"]
    movement = parse(data, Scenario, "<test>").movement
    assert movement.kind is None and movement.started_on is None
    assert movement.use_authorised is True


def test_facts_become_typed_values() -> None:
    scenario = parse(BASE_SCENARIO, Scenario, "<test>")
    assert scenario.movement.kind is MovementKind.INTENTIONAL
    assert scenario.movement.started_on == date(2020, 1, 10)
    assert scenario.persons is not None and scenario.persons["op"].name == "Operator Ltd"


def test_a_scenario_that_lists_no_persons_leaves_the_persons_unknown() -> None:
    data = changed(BASE_SCENARIO, {})
    del data["persons"]
    assert parse(data, Scenario, "<test>").persons is None


def test_yaml_tags_cannot_construct_python_objects(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        "schema_version: 1\nid: evil\ntitle: !!python/object/apply:os.system ['true']\n"
    )
    with pytest.raises(LoadError, match=r"evil\.yaml:3: title: the tag !!python/object/apply:os"):
        load_scenario(path)


def test_a_state_cannot_join_this_protocol_without_the_cartagena_protocol() -> None:
    data = changed(BASE_SCENARIO, {"states.importer.cartagena.party": False})
    with pytest.raises(LoadError, match=r"states\.importer\.supplementary\.party: only a Party"):
        parse(data, Scenario, "<test>")


def test_a_bare_scenario_file_loads() -> None:
    scenario = load_scenario(SCENARIO)
    assert scenario.id == "late-party-shipment"
    assert scenario.persons is not None and "fibreco" in scenario.persons


@pytest.mark.parametrize("name", shipped_profiles())
def test_every_shipped_profile_loads_and_states_every_choice(name: str) -> None:
    profile = load_profile(name)
    unstated = [field for field, value in vars(profile).items() if value is None]
    assert unstated == [], f"profile {name} leaves {unstated} unstated"


def test_the_neutral_profile_takes_up_no_option() -> None:
    neutral = load_profile("neutral")
    assert neutral.exemptions == () and neutral.cost_exceptions == ()
    assert neutral.financial_limit is NONE_PROVIDED
    assert neutral.financial_security is NONE_PROVIDED


def test_an_unknown_profile_name_lists_the_shipped_ones() -> None:
    with pytest.raises(LoadError, match="shipped: neutral, "):
        load_profile("atlantis")


FIELD_NAMES = st.sampled_from(
    ["schema_version", "id", "title", "states", "lmo", "movement", "damage", "persons",
     "events", "response", "dates", "causation", "kind", "party", "roles", "costs"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(FIELD_NAMES, PLAIN_DATA, max_size=8) | PLAIN_DATA)
def test_any_data_either_loads_or_raises_a_load_error(data: object) -> None:
    for cls in (Scenario, Profile):
        try:
            parse(data, cls, "<fuzz>")
        except LoadError as error:
            assert error.problems and all(p.file == "<fuzz>" for p in error.problems)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_either_loads_or_raises_a_load_error(text: str) -> None:
    try:
        data, lines = read_yaml(text, "<fuzz>")
        parse(data, Scenario, "<fuzz>", lines)
    except LoadError as error:
        assert error.problems
