"""A Party's domestic-law choices wherever the Protocol says Parties "may" provide.

None means the profile does not say (the analysis then answers unknown); NONE_PROVIDED means
domestic law takes up none of that option.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum

from toolkit.scenario import Event, Role


class NoProvision(Enum):
    """Domestic law takes up none of this option (as opposed to None: unknown)."""

    NONE = "none"


NONE_PROVIDED = NoProvision.NONE


class StartEvent(StrEnum):
    """When a time limit starts to run (Art. 7(b))."""

    INCIDENT = "incident"
    DAMAGE_KNOWN = "damage_known"
    AUTHORITY_DECISION = "authority_decision"


class Standard(StrEnum):
    """Standard of liability (Art. 12(3)(b))."""

    STRICT = "strict"
    FAULT = "fault"


class CivilLiabilityRoute(StrEnum):
    """How domestic law provides civil liability (Art. 12(1)(a)-(c) and 12(2)(a)-(c))."""

    EXISTING_GENERAL = "existing_general"
    SPECIFIC = "specific"
    COMBINATION = "combination"


class SecurityKind(StrEnum):
    INSURANCE = "insurance"
    BOND = "bond"
    FUND = "fund"
    OTHER = "other"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class TimeLimit:
    years: int
    starts: StartEvent


@dataclass(frozen=True)
class TimeLimits:
    relative: TimeLimit | NoProvision | None = None
    absolute: TimeLimit | NoProvision | None = None


@dataclass(frozen=True)
class FinancialSecurity:
    kind: SecurityKind | None = None
    roles: tuple[Role, ...] | None = None  # who must hold it
    minimum: Money | None = None


@dataclass(frozen=True)
class Profile:
    """What one Party chose; the rule checks read it and never assume a choice."""

    schema_version: int
    id: str
    name: str
    description: str | None = None
    domestic_criteria: str | NoProvision | None = None  # Art. 3(6)
    operator_roles: tuple[Role, ...] | None = None  # Art. 2(2)(c): who may count as operator
    channelling: Role | NoProvision | None = None  # Art. 12(3)(c)
    causation_standard: str | None = None  # Art. 4
    exemptions: tuple[Event, ...] | None = None  # Art. 6
    cost_exceptions: tuple[Event, ...] | None = None  # Art. 5(5)
    time_limits: TimeLimits | None = None  # Art. 7
    financial_limit: Money | NoProvision | None = None  # Art. 8
    financial_security: FinancialSecurity | NoProvision | None = None  # Art. 10
    civil_liability_route: CivilLiabilityRoute | None = None  # Art. 12(1)-(2)
    standard_of_liability: Standard | None = None  # Art. 12(3)(b)
