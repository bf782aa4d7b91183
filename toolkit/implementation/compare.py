"""Every casebook case under the learner's profile beside the neutral one, finding by finding.

Only the findings that read domestic-law choices are compared: the others cannot change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.analysis import analyse
from toolkit.casebook import Case
from toolkit.finding import Outcome
from toolkit.profile import Profile
from toolkit.rules import Rule
from toolkit.rules.art2_terms import art2_2_c_operator
from toolkit.rules.art5_response import art5_5_cost_recovery
from toolkit.rules.art6_exemptions import (
    art6_1_a_force_majeure,
    art6_1_b_war_or_civil_unrest,
    art6_2_other_exemptions,
)
from toolkit.rules.art7_time_limits import art7_time_limits
from toolkit.rules.art8_financial_limits import art8_financial_limit
from toolkit.rules.art10_financial_security import art10_1_financial_security
from toolkit.rules.art12_civil_liability import art12_2_civil_liability

KEY_FINDINGS: tuple[Rule, ...] = (
    art2_2_c_operator,
    art6_1_a_force_majeure,
    art6_1_b_war_or_civil_unrest,
    art6_2_other_exemptions,
    art5_5_cost_recovery,
    art7_time_limits,
    art8_financial_limit,
    art10_1_financial_security,
    art12_2_civil_liability,
)


@dataclass(frozen=True)
class Cell:
    rule: Rule
    baseline: Outcome
    yours: Outcome

    @property
    def changed(self) -> bool:
        return self.baseline is not self.yours


@dataclass(frozen=True)
class CaseComparison:
    case_id: str
    title: str
    cells: tuple[Cell, ...]  # one per key finding, in the order of KEY_FINDINGS

    @property
    def changed(self) -> tuple[Cell, ...]:
        return tuple(cell for cell in self.cells if cell.changed)


def compare(cases: Iterable[Case], yours: Profile, baseline: Profile) -> tuple[CaseComparison, ...]:
    """Each case's facts as written, analysed under ``baseline`` and under ``yours``."""
    result = []
    for case in cases:
        before = analyse(case.facts, baseline)
        after = analyse(case.facts, yours)
        cells = tuple(
            Cell(rule, before.finding(rule.name).outcome, after.finding(rule.name).outcome)
            for rule in KEY_FINDINGS
        )
        result.append(CaseComparison(case.id, case.title, cells))
    return tuple(result)
