"""A treaty step's answer: a finding (article, outcome, reasons) and the value it settles.

A step is a plain function named after its provision, like a rule check; ``step`` turns what
it replies into a ``Step`` carrying a ``Finding``, so the same renderers show both.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

from toolkit.citation import Citation
from toolkit.finding import Finding, Outcome
from toolkit.rules.engine import RuleDefinitionError, Tri

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Step(Generic[T]):
    """What one treaty step answers.

    It holds when the step is open to the State and its value is settled; it fails when the
    Protocol rules the step out or the facts given are impossible (the reasons say which and
    what to check); it is unknown when a fact is missing (``missing_facts`` names it). A step
    that fails or is open may still give a value that stays true, such as the earliest day a
    notice of withdrawal may arrive.
    """

    finding: Finding
    value: T | None = None

    @property
    def outcome(self) -> Outcome:
        return self.finding.outcome

    @property
    def citation(self) -> Citation:
        return self.finding.citation

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.finding.reasons

    @property
    def missing_facts(self) -> tuple[str, ...]:
        return self.finding.missing_facts


@dataclass(frozen=True)
class Reply(Generic[T]):
    """What a step function returns; ``step`` adds the citation and title."""

    truth: Tri
    reasons: tuple[str, ...]
    value: T | None = None
    facts: tuple[tuple[str, Any], ...] = ()
    missing: tuple[str, ...] = ()


def reply(
    truth: Tri,
    *reasons: str,
    value: T | None = None,
    facts: dict[str, Any] | None = None,
    missing: tuple[str, ...] = (),
) -> Reply[T]:
    """A step's reply; empty reasons are dropped so conditional sentences can be passed as ''."""
    return Reply(
        truth, tuple(r for r in reasons if r), value, tuple((facts or {}).items()), missing
    )


def step(citation: Citation, title: str) -> Callable[[Callable[P, Reply[T]]], Callable[P, Step[T]]]:
    """Make a function the step for ``citation``; its name must start with the citation."""

    def register(function: Callable[P, Reply[T]]) -> Callable[P, Step[T]]:
        name = function.__name__
        if not name.startswith(citation.slug + "_"):
            raise RuleDefinitionError(f"step {name} must be named {citation.slug}_... ({citation})")

        @functools.wraps(function)
        def answer(*args: P.args, **kwargs: P.kwargs) -> Step[T]:
            replied = function(*args, **kwargs)
            outcome = Outcome.of(replied.truth)
            finding = Finding(
                rule=name,
                citation=citation,
                title=title,
                outcome=outcome,
                reasons=replied.reasons,
                facts_used=replied.facts,
                missing_facts=tuple(dict.fromkeys(replied.missing))
                if outcome is Outcome.UNKNOWN
                else (),
            )
            return Step(finding, replied.value)

        return answer

    return register
