"""Scenarios and profiles for tests: a complete, in-scope baseline plus targeted changes."""

from __future__ import annotations

import copy
from typing import Any, NamedTuple

from hypothesis import strategies as st

from toolkit import Outcome, Profile, Scenario, parse
from toolkit.rules import Rule

BASE_SCENARIO: dict[str, Any] = {
    "schema_version": 1,
    "id": "baseline",
    "title": "A baseline case within scope, with damage and one operator",
    "states": {
        "importer": {
            "name": "Importia",
            "cartagena": {"party": True, "in_force_since": "2004-01-01"},
            "supplementary": {"party": True, "deposited": "2016-01-01"},
        },
        "exporter": {
            "name": "Exportia",
            "cartagena": {"party": True, "in_force_since": "2003-09-11"},
            "supplementary": {"party": True, "deposited": "2017-01-01"},
        },
    },
    "lmo": {
        "organism": "maize",
        "trait": "insect resistance",
        "intended_use": "food_feed_processing",
    },
    "movement": {
        "kind": "intentional",
        "from_state": "exporter",
        "to_state": "importer",
        "started_on": "2020-01-10",
        "use_authorised": True,
    },
    "damage": {
        "status": "observed",
        "where": "within_national_jurisdiction",
        "state": "importer",
        "components": ["landraces"],
        "adverse_effect": True,
        "measurable_or_observable": True,
        "baseline": "recognised",
        "variation_accounted": True,
        "significance": {"authority_assessment": "significant", "long_term_or_permanent": True},
        "material_or_personal": True,
    },
    "causation": {"established": True},
    "persons": {
        "op": {
            "name": "Operator Ltd",
            "roles": ["importer", "permit_holder"],
            "control": "direct",
            "holds_financial_security": True,
            "at_fault": True,
        },
        "ship": {"name": "Carrier Co", "roles": ["carrier"], "control": "none"},
    },
    "events": {"force_majeure": False, "war_or_civil_unrest": False},
    "response": {
        "operator_took_measures": False,
        "authority_took_measures": True,
        "costs": {"evaluation": 100, "response": 1000, "incidental": 10, "currency": "USD"},
    },
    "dates": {
        "incident": "2020-02-01",
        "damage_known": "2021-01-01",
        "authority_decision": "2021-03-01",
        "action_brought": "2022-01-01",
    },
}

BASE_PROFILE: dict[str, Any] = {
    "schema_version": 1,
    "id": "test",
    "name": "Test profile (neutral choices)",
    "domestic_criteria": "none",
    "operator_roles": [
        "permit_holder",
        "marketer",
        "developer",
        "producer",
        "notifier",
        "exporter",
        "importer",
        "carrier",
        "supplier",
        "other",
    ],
    "channelling": "none",
    "causation_standard": "balance of probabilities",
    "exemptions": [],
    "cost_exceptions": [],
    "time_limits": {"relative": "none", "absolute": "none"},
    "financial_limit": "none",
    "financial_security": "none",
    "civil_liability_route": "existing_general",
    "standard_of_liability": "strict",
}

DELETE = object()  # a change that removes the field, making the fact unknown


def changed(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``base`` with dotted-path ``changes`` applied ('damage.status': ...)."""
    data = copy.deepcopy(base)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = data
        for name in parents:
            target = target.setdefault(name, {})
        if value is DELETE:
            target.pop(last, None)
        else:
            target[last] = value
    return data


def scenario(**changes: Any) -> Scenario:
    """The baseline scenario with changes; keyword '__' stands for '.' ('damage__status')."""
    return parse(changed(BASE_SCENARIO, _dotted(changes)), Scenario, "<test scenario>")


def profile(**changes: Any) -> Profile:
    return parse(changed(BASE_PROFILE, _dotted(changes)), Profile, "<test profile>")


def _dotted(changes: dict[str, Any]) -> dict[str, Any]:
    return {key.replace("__", "."): value for key, value in changes.items()}


HOLDS, FAILS, UNKNOWN = Outcome.HOLDS, Outcome.FAILS, Outcome.UNKNOWN


class Case(NamedTuple):
    """One row of a rule's table: what it shows, changes to the baselines, expected finding."""

    says: str
    facts: dict[str, Any]
    law: dict[str, Any]
    outcome: Outcome
    missing: tuple[str, ...] = ()  # exactly the facts an unknown finding must ask for


def says(case: Case) -> str:
    return case.says


def check(rule: Rule, case: Case) -> None:
    finding = rule(scenario(**case.facts), profile(**case.law))
    assert finding.outcome == case.outcome, finding.reasons
    assert set(finding.missing_facts) == set(case.missing), finding.reasons


# Any data a YAML or JSON file could hold, for fuzzing the loaders.
PLAIN_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.dates(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.integers(), children, max_size=4)
    ),
    max_leaves=20,
)
