"""What a rule check answers: an outcome, its reasons, and the facts behind it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from toolkit.citation import Citation


class Outcome(StrEnum):
    HOLDS = "holds"
    FAILS = "fails"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | None) -> Outcome:
        if value is None:
            return cls.UNKNOWN
        return cls.HOLDS if value else cls.FAILS

    @property
    def truth(self) -> bool | None:
        """The outcome as three-valued logic: True, False or None (unknown)."""
        return None if self is Outcome.UNKNOWN else self is Outcome.HOLDS


@dataclass(frozen=True)
class Finding:
    """One provision applied to one case; rendering lives in ``toolkit.render``."""

    rule: str
    citation: Citation
    title: str
    outcome: Outcome
    reasons: tuple[str, ...]
    facts_used: tuple[tuple[str, Any], ...]  # (fact path, value); None = unknown
    missing_facts: tuple[str, ...]  # what would settle an unknown outcome
