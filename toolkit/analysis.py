"""Run every rule check on a scenario under a domestic-law profile, in legal order."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit import render
from toolkit.finding import Finding
from toolkit.profile import Profile
from toolkit.rules import RULES
from toolkit.scenario import Scenario


@dataclass(frozen=True)
class Analysis:
    """The article-by-article findings for one scenario under one profile."""

    scenario: Scenario
    profile: Profile
    findings: tuple[Finding, ...]

    def finding(self, rule: str) -> Finding:
        """The finding of the rule named ``rule`` (e.g. 'art3_scope')."""
        for finding in self.findings:
            if finding.rule == rule:
                return finding
        raise KeyError(f"no rule named {rule!r}")

    def to_text(self) -> str:
        return render.text(self)

    def to_markdown(self) -> str:
        return render.markdown(self)

    def to_html(self) -> str:
        return render.html_fragment(self)

    def to_json(self) -> str:
        return render.json_text(self.findings)


def analyse(scenario: Scenario, profile: Profile) -> Analysis:
    """Apply every rule once; a rule's prerequisites are shared, not recomputed."""
    memo: dict[str, Finding] = {}
    for rule in RULES:
        if rule.name not in memo:
            memo[rule.name] = rule.apply(scenario, profile, memo)
    return Analysis(scenario, profile, tuple(memo[rule.name] for rule in RULES))
