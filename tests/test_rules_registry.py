"""The rule registry as a whole: names, citations, order, and the tables that test each rule.

The per-article tables live in the other tests/test_rules_*.py files; each exposes ``TABLES``
(rule -> rows), which this file reads to check that no rule goes untested in any outcome.
"""

from __future__ import annotations

import re

import pytest
import test_rules_art2
import test_rules_art3
import test_rules_art4_6
import test_rules_art5
import test_rules_art7_12
from builders import profile, scenario

from toolkit import Outcome, analyse
from toolkit.rules import RULES, Rule

TABLES = {
    rule: cases
    for module in (test_rules_art2, test_rules_art3, test_rules_art4_6, test_rules_art5,
                   test_rules_art7_12)
    for rule, cases in module.TABLES.items()
}  # fmt: skip
SUBDIVISION = re.compile(r"(\d+|[a-z]|[ivx]+)(_|$)")  # a paragraph, letter or item in a name


def name(rule: Rule) -> str:
    return rule.name


@pytest.mark.parametrize("rule", RULES, ids=name)
def test_every_finding_cites_exactly_the_provision_its_rule_is_named_after(rule: Rule) -> None:
    finding = analyse(scenario(), profile()).finding(rule.name)
    assert finding.citation == rule.citation
    assert finding.rule.startswith(finding.citation.slug + "_")
    assert not SUBDIVISION.match(finding.rule.removeprefix(finding.citation.slug + "_")), (
        f"{finding.rule} names a finer provision than {finding.citation}"
    )


def test_analyse_returns_one_finding_per_rule_in_the_registry_order() -> None:
    findings = analyse(scenario(), profile()).findings
    assert [finding.rule for finding in findings] == [rule.name for rule in RULES]


def test_every_table_tests_a_registered_rule_and_every_registered_rule_has_a_table() -> None:
    assert set(TABLES) == set(RULES)


@pytest.mark.parametrize("rule", RULES, ids=name)
def test_every_rule_has_a_table_row_for_each_outcome_it_can_give(rule: Rule) -> None:
    assert {case.outcome for case in TABLES.get(rule, [])} == set(Outcome)


def test_a_rule_applied_alone_finds_what_a_full_analysis_finds() -> None:
    for rule, cases in TABLES.items():
        for case in cases:
            facts, law = scenario(**case.facts), profile(**case.law)
            assert rule(facts, law) == analyse(facts, law).finding(rule.name), case.says
