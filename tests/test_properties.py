"""Properties that hold for every scenario, however much of it is unknown."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import Outcome, Profile, Scenario, analyse, parse
from toolkit.citation import Citation
from toolkit.profile import CivilLiabilityRoute, SecurityKind, Standard, StartEvent
from toolkit.rules import RULES
from toolkit.scenario import (
    Assessment,
    Baseline,
    Control,
    DamageStatus,
    Event,
    IntendedUse,
    MovementKind,
    Place,
    Role,
)

STATES = ["north", "south", "east"]
DAY = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


def enum(cls: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in cls])


def subset(cls: Any) -> st.SearchStrategy[list[str]]:
    return st.lists(enum(cls), unique=True)


@st.composite
def states(draw: st.DrawFn) -> dict[str, Any]:
    result = {}
    for key in STATES:
        cartagena = draw(st.booleans())
        sp_party = cartagena and draw(st.booleans())
        result[key] = {
            "name": key.title(),
            "cartagena": {"party": cartagena, "in_force_since": draw(DAY).isoformat()},
            "supplementary": {
                "party": sp_party,
                **({"deposited": draw(DAY).isoformat()} if sp_party else {}),
            },
        }
    return result


@st.composite
def complete_scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """A scenario in which every fact is known and consistent."""
    start = draw(DAY)
    later = sorted(start + timedelta(days=draw(st.integers(0, 4000))) for _ in range(4))
    incident, known, decided, brought = later[0], later[1], later[2], max(later[1:])
    persons = {
        f"p{i}": {
            "name": f"Person {i}",
            "roles": draw(subset(Role)),
            "control": draw(enum(Control)),
            "holds_financial_security": draw(st.booleans()),
            "at_fault": draw(st.booleans()),
        }
        for i in range(draw(st.integers(0, 3)))
    }
    money = st.integers(0, 5_000_000)
    return {
        "schema_version": 1,
        "id": "generated",
        "title": "Generated",
        "states": draw(states()),
        "lmo": {"organism": "x", "trait": "y", "intended_use": draw(enum(IntendedUse))},
        "movement": {
            "kind": draw(enum(MovementKind)),
            "from_state": draw(st.sampled_from(STATES)),
            "to_state": draw(st.sampled_from(STATES)),
            "started_on": start.isoformat(),
            "use_authorised": draw(st.booleans()),
        },
        "damage": {
            "status": draw(enum(DamageStatus)),
            "where": draw(enum(Place)),
            "state": draw(st.sampled_from(STATES)),
            "components": ["z"],
            "adverse_effect": draw(st.booleans()),
            "measurable_or_observable": draw(st.booleans()),
            "baseline": draw(enum(Baseline)),
            "variation_accounted": draw(st.booleans()),
            "significance": {
                "authority_assessment": draw(enum(Assessment)),
                **{
                    name: draw(st.booleans())
                    for name in (
                        "long_term_or_permanent",
                        "extent_of_change",
                        "goods_and_services_reduced",
                        "human_health_affected",
                        "other_factors",
                    )
                },
            },
            "sufficient_likelihood": draw(st.booleans()),
            "material_or_personal": draw(st.booleans()),
        },
        "causation": {"established": draw(st.booleans()), "evidence": "e"},
        "persons": persons,
        "events": {event.value: draw(st.booleans()) for event in Event},
        "response": {
            "operator_informed_authority": draw(st.booleans()),
            "operator_took_measures": draw(st.booleans()),
            "authority_took_measures": draw(st.booleans()),
            "costs": {
                "evaluation": draw(money),
                "response": draw(money),
                "incidental": draw(money),
                "currency": draw(st.sampled_from(["USD", "EUR"])),
            },
        },
        "dates": {
            "incident": incident.isoformat(),
            "damage_known": known.isoformat(),
            "authority_decision": decided.isoformat(),
            "action_brought": brought.isoformat(),
        },
    }


@st.composite
def complete_profiles(draw: st.DrawFn) -> dict[str, Any]:
    none_or = lambda strategy: st.one_of(st.just("none"), strategy)  # noqa: E731
    limit = st.fixed_dictionaries({"years": st.integers(1, 30), "starts": enum(StartEvent)})
    money = st.fixed_dictionaries(
        {"amount": st.integers(0, 5_000_000), "currency": st.sampled_from(["USD", "EUR"])}
    )
    security = st.fixed_dictionaries(
        {"kind": enum(SecurityKind), "roles": subset(Role), "minimum": money}
    )
    return {
        "schema_version": 1,
        "id": "generated",
        "name": "Generated",
        "domestic_criteria": draw(none_or(st.just("criteria"))),
        "operator_roles": draw(subset(Role)),
        "channelling": draw(none_or(enum(Role))),
        "causation_standard": "some standard",
        "exemptions": draw(subset(Event)),
        "cost_exceptions": draw(subset(Event)),
        "time_limits": {"relative": draw(none_or(limit)), "absolute": draw(none_or(limit))},
        "financial_limit": draw(none_or(money)),
        "financial_security": draw(none_or(security)),
        "civil_liability_route": draw(enum(CivilLiabilityRoute)),
        "standard_of_liability": draw(enum(Standard)),
    }


# Removing these would make the file invalid rather than less known.
_KEEP = {"schema_version", "id", "title", "name", "states", "currency", "years", "starts", "amount"}


def deletable(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every field whose removal turns a known fact (or group of facts) into an unknown one."""
    paths = []
    for key, value in data.items():
        path = (*prefix, key)
        if key in _KEEP or (prefix[:1] == ("states",) and len(path) == 2):
            continue
        if not (prefix[:1] == ("persons",) and len(path) == 2):
            paths.append(path)
        if isinstance(value, dict):
            paths.extend(deletable(value, path))
    return paths


def without(data: dict[str, Any], paths: list[tuple[str, ...]]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for path in paths:
        target = data
        for key in path[:-1]:
            target = target.get(key, {})
        target.pop(path[-1], None)
    return data


@st.composite
def partial(draw: st.DrawFn, complete: dict[str, Any]) -> dict[str, Any]:
    """``complete`` with some facts forgotten."""
    candidates = deletable(complete)
    forget = draw(st.lists(st.booleans(), min_size=len(candidates), max_size=len(candidates)))
    return without(complete, [path for path, gone in zip(candidates, forget, strict=True) if gone])


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.data())
def test_a_definite_outcome_never_changes_when_unknown_facts_become_known(
    data: st.DataObject,
) -> None:
    """The core promise: holds or fails is never said while a fact that matters is unknown."""
    full_scenario, full_profile = data.draw(complete_scenarios()), data.draw(complete_profiles())
    known = analyse(
        parse(full_scenario, Scenario, "<full>"), parse(full_profile, Profile, "<full>")
    )
    less = analyse(
        parse(data.draw(partial(full_scenario)), Scenario, "<partial>"),
        parse(data.draw(partial(full_profile)), Profile, "<partial>"),
    )
    for partial_finding, full_finding in zip(less.findings, known.findings, strict=True):
        if partial_finding.outcome is not Outcome.UNKNOWN:
            assert partial_finding.outcome == full_finding.outcome, (
                f"{partial_finding.rule} said {partial_finding.outcome} with facts unknown "
                f"but {full_finding.outcome} once they were known: {partial_finding.reasons}"
            )


@PROPERTY
@given(st.data())
def test_every_finding_cites_an_article_and_names_what_it_lacks(data: st.DataObject) -> None:
    scenario = parse(data.draw(partial(data.draw(complete_scenarios()))), Scenario, "<s>")
    profile = parse(data.draw(partial(data.draw(complete_profiles()))), Profile, "<p>")
    analysis = analyse(scenario, profile)
    assert [f.rule for f in analysis.findings] == [r.name for r in RULES]
    for finding in analysis.findings:
        assert isinstance(finding.citation, Citation)
        assert str(finding.citation).startswith("Art. ")
        assert finding.reasons, f"{finding.rule} gave no reason"
        if finding.outcome is Outcome.UNKNOWN:
            assert finding.missing_facts, f"{finding.rule} is unknown but names no missing fact"
        else:
            assert finding.missing_facts == ()


@PROPERTY
@given(st.data())
def test_analysis_renders_in_every_format(data: st.DataObject) -> None:
    scenario = parse(data.draw(partial(data.draw(complete_scenarios()))), Scenario, "<s>")
    profile = parse(data.draw(complete_profiles()), Profile, "<p>")
    analysis = analyse(scenario, profile)
    assert analysis.to_text() and analysis.to_markdown() and analysis.to_html()
    assert analysis.to_json().startswith("[")
