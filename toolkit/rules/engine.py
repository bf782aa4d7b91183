"""How a rule is written: a function of the case's facts, registered with its citation.

A rule reads facts through ``Facts``, which records what it consulted and what was unknown,
so every finding can say which facts it used and which it still needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from toolkit.citation import Citation
from toolkit.finding import Finding, Outcome
from toolkit.profile import Profile
from toolkit.scenario import Scenario

Tri = bool | None  # three-valued logic: None is unknown


def all_of(*values: Tri) -> Tri:
    """Kleene AND: one False settles it; otherwise any unknown leaves it unknown."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def any_of(*values: Tri) -> Tri:
    """Kleene OR: one True settles it; otherwise any unknown leaves it unknown."""
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def not_(value: Tri) -> Tri:
    return None if value is None else not value


def is_(value: object, expected: object) -> Tri:
    """Whether a fact equals ``expected``; unknown when the fact is unknown."""
    return None if value is None else value == expected


def said(value: Tri, yes: str, no: str, unknown: str) -> str:
    """Pick the sentence that fits a three-valued fact."""
    return unknown if value is None else yes if value else no


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reasons: tuple[str, ...]


def verdict(value: Tri, *reasons: str) -> Verdict:
    return Verdict(Outcome.of(value), tuple(r for r in reasons if r))


class Facts:
    """The facts one rule may read, with a record of what it read."""

    def __init__(self, scenario: Scenario, profile: Profile, memo: dict[str, Finding]) -> None:
        self.scenario = scenario
        self.profile = profile
        self._memo = memo
        self.used: dict[str, Any] = {}
        self.quoted: dict[str, Any] = {}
        self.inherited_missing: list[str] = []
        self.needed: list[str] = []

    def get(self, path: str) -> Any:
        """The fact at a dotted path ('movement.kind', 'profile.exemptions'); None if unknown.

        Reading a fact says the outcome may turn on it: if it is unknown and the outcome is
        unknown, it is listed among the missing facts.
        """
        value = self._lookup(path)
        self.used[path] = value
        return value

    def context(self, path: str) -> Any:
        """A fact quoted in the reasons that cannot change the outcome (never 'missing')."""
        value = self._lookup(path)
        self.quoted[path] = value
        return value

    def _lookup(self, path: str) -> Any:
        head, _, rest = path.partition(".")
        value: Any = self.profile if head == "profile" else self.scenario
        for name in (rest if head == "profile" else path).split("."):
            if value is None:
                break
            value = value.get(name) if isinstance(value, dict) else getattr(value, name)
        return value

    def flag(self, path: str) -> Tri:
        value = self.get(path)
        assert value is None or isinstance(value, bool), path
        return value

    def date(self, path: str) -> date | None:
        value = self.get(path)
        assert value is None or isinstance(value, date), path
        return value

    def finding(self, rule: Rule) -> Finding:
        """Another rule's finding (computed once per analysis); its gaps become ours."""
        if rule.name not in self._memo:
            self._memo[rule.name] = rule.apply(self.scenario, self.profile, self._memo)
        result = self._memo[rule.name]
        if result.outcome is Outcome.UNKNOWN:
            self.inherited_missing.extend(result.missing_facts)
        return result

    def holds(self, rule: Rule) -> Tri:
        return self.finding(rule).outcome.truth

    def need(self, what: str) -> None:
        """Name a missing fact that is not simply an unknown value (e.g. a conversion)."""
        self.needed.append(what)

    def missing(self) -> tuple[str, ...]:
        own = [path for path, value in self.used.items() if value is None]
        return tuple(dict.fromkeys([*own, *self.needed, *self.inherited_missing]))


Check = Callable[[Facts], Verdict]


@dataclass(frozen=True)
class Rule:
    """One provision as code: its name carries the provision (``art3_4_...``)."""

    name: str
    citation: Citation
    title: str
    check: Check

    def apply(self, scenario: Scenario, profile: Profile, memo: dict[str, Finding]) -> Finding:
        facts = Facts(scenario, profile, memo)
        result = self.check(facts)
        unknown = result.outcome is Outcome.UNKNOWN
        return Finding(
            rule=self.name,
            citation=self.citation,
            title=self.title,
            outcome=result.outcome,
            reasons=result.reasons,
            facts_used=tuple({**facts.quoted, **facts.used}.items()),
            missing_facts=facts.missing() if unknown else (),
        )

    def __call__(self, scenario: Scenario, profile: Profile) -> Finding:
        """Apply this rule alone (its prerequisites are computed as needed)."""
        return self.apply(scenario, profile, {})


REGISTERED: list[Rule] = []  # in the order the rule modules happen to be imported


def in_legal_order(modules: Iterable[ModuleType]) -> list[Rule]:
    """The registered rules, module by module in the given order, each module top to bottom."""
    order = [module.__name__ for module in modules]
    unlisted = {r.check.__module__ for r in REGISTERED} - set(order)
    if unlisted:
        raise RuleDefinitionError(f"rule modules missing from the legal order: {unlisted}")
    return sorted(REGISTERED, key=lambda r: order.index(r.check.__module__))


class RuleDefinitionError(Exception):
    """A rule whose name and citation disagree, or that is registered twice."""


def rule(citation: Citation, title: str) -> Callable[[Check], Rule]:
    """Register a check as the rule for ``citation``; its name must start with the citation."""

    def register(check: Check) -> Rule:
        name = check.__name__
        if not name.startswith(citation.slug + "_"):
            raise RuleDefinitionError(f"rule {name} must be named {citation.slug}_... ({citation})")
        if any(existing.name == name for existing in REGISTERED):
            raise RuleDefinitionError(f"rule {name} is defined twice")
        registered = Rule(name, citation, title, check)
        REGISTERED.append(registered)
        return registered

    return register


def gates(parts: dict[str, Tri]) -> list[str]:
    """Sentences naming the conditions of a combined rule that failed or are still open."""
    failed = [name for name, value in parts.items() if value is False]
    open_ = [name for name, value in parts.items() if value is None]
    if failed:
        return [f"Not met: {listing(failed)}."]
    if open_:
        return [f"Still open: {listing(open_)}."]
    return []


def listing(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)
