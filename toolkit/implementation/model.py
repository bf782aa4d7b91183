"""The parts of a national implementation self-assessment: checklist items and answers.

An item is one provision a Party must, should or may implement. The learner answers each
with a status and, where the provision leaves a choice to domestic law, the option chosen,
kept as plain data in exactly the form a domestic-law profile file holds it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from toolkit.citation import Citation
from toolkit.rules.engine import Tri

SCHEMA_VERSION = 1
NONE = "none"  # a profile's word for "domestic law takes up none of this option"


class Duty(StrEnum):
    """How strongly the Protocol asks for an item."""

    REQUIRED = "required"  # Parties shall
    RECOMMENDED = "recommended"  # Parties should
    OPTIONAL = "optional"  # Parties may, or the Protocol leaves it to domestic law


class Status(StrEnum):
    """Where domestic law stands on an item, as the learner judges it."""

    IN_PLACE = "in_place"
    PARTLY = "partly"
    NOT_YET = "not_yet"
    NOT_APPLICABLE = "not_applicable"


STATUS_LABELS = {
    Status.IN_PLACE: "in place",
    Status.PARTLY: "partly in place",
    Status.NOT_YET: "not yet",
    Status.NOT_APPLICABLE: "not applicable",
}


class Shape(StrEnum):
    """The form of an option's choice, which is the form of its profile field."""

    ONE_OF = "one_of"  # one value of the option's choices
    SOME_OF = "some_of"  # a list of its choices; the empty list takes up none
    WORDS = "words"  # text describing the domestic rule
    TIME_LIMIT = "time_limit"  # {years, starts}
    AMOUNT = "amount"  # {amount, currency}
    SECURITY = "security"  # {kind, roles}


@dataclass(frozen=True)
class Option:
    """A choice the Protocol leaves to domestic law, and the profile field that records it."""

    question: str
    shape: Shape
    field: str | None = None  # dotted profile field; None: the choice is not part of a profile
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); roles for SECURITY
    none: str | None = None  # how to say "none of this", where domestic law may take up none

    def label(self, value: object) -> str:
        return next((label for key, label in self.choices if key == value), str(value))


@dataclass(frozen=True)
class Condition:
    """When a conditional duty applies, as three-valued logic over the other answers."""

    text: str  # e.g. "where domestic law makes civil liability rules for this purpose"
    test: Callable[[Assessment], Tri]


@dataclass(frozen=True)
class Item:
    """One provision to implement; its key starts with its citation, as a rule's name does."""

    key: str
    citation: Citation
    name: str  # a few words telling it apart from items citing the same provision
    duty: Duty
    text: str  # what the provision asks of domestic law, in one sentence
    help: str = ""  # why it matters, or what to look for in domestic law
    option: Option | None = None
    condition: Condition | None = None  # a required item that applies only in some cases

    def __post_init__(self) -> None:
        if not self.key.startswith(self.citation.slug + "_"):
            raise ValueError(f"item {self.key} must be named {self.citation.slug}_... ")

    @property
    def label(self) -> str:
        return f"{self.citation} {self.name}"


@dataclass(frozen=True)
class Answer:
    status: Status | None = None  # None: not assessed yet
    choice: object = None  # the option's value as a profile holds it; None: not chosen yet
    note: str = ""


@dataclass(frozen=True)
class Assessment:
    """A learner's answers for one country, keyed by item."""

    schema_version: int = SCHEMA_VERSION
    learner: str = ""
    country: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)

    def answer(self, key: str) -> Answer:
        return self.answers.get(key, Answer())

    def answered(self, key: str, answer: Answer) -> Assessment:
        """A copy with ``answer`` given to the item ``key``."""
        return dataclasses.replace(self, answers={**self.answers, key: answer})
