"""The facts of a hypothetical case. Every fact may be unknown: None means the case is silent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

SCHEMA_VERSION = 1


class IntendedUse(StrEnum):
    """The three categories of LMO in Art. 3(1)(a)-(c)."""

    FOOD_FEED_PROCESSING = "food_feed_processing"
    CONTAINED_USE = "contained_use"
    INTENTIONAL_INTRODUCTION = "intentional_introduction"


class MovementKind(StrEnum):
    """How the LMO crossed a border (Art. 3(2)-(3); CP Arts 17 and 25)."""

    INTENTIONAL = "intentional"
    UNINTENTIONAL = "unintentional"  # CP Art. 17
    ILLEGAL = "illegal"  # CP Art. 25
    NONE = "none"  # the LMO never crossed a border: a domestic release


class Place(StrEnum):
    WITHIN_NATIONAL_JURISDICTION = "within_national_jurisdiction"
    BEYOND_NATIONAL_JURISDICTION = "beyond_national_jurisdiction"


class DamageStatus(StrEnum):
    OBSERVED = "observed"
    THREATENED = "threatened"  # no damage yet: the Art. 5(3) situation


class Baseline(StrEnum):
    """Whether a competent authority recognises a scientific baseline (Art. 2(2)(b)(i))."""

    RECOGNISED = "recognised"
    NONE_RECOGNISED = "none_recognised"


class Assessment(StrEnum):
    SIGNIFICANT = "significant"
    NOT_SIGNIFICANT = "not_significant"


class Role(StrEnum):
    """Roles Art. 2(2)(c) lists as possible operators (plus 'other')."""

    PERMIT_HOLDER = "permit_holder"
    MARKETER = "marketer"  # the person who placed the LMO on the market
    DEVELOPER = "developer"
    PRODUCER = "producer"
    NOTIFIER = "notifier"
    EXPORTER = "exporter"
    IMPORTER = "importer"
    CARRIER = "carrier"
    SUPPLIER = "supplier"
    OTHER = "other"


class Control(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    NONE = "none"


class Event(StrEnum):
    """Events a domestic exemption (Art. 6) or cost exception (Art. 5(5)) may turn on."""

    FORCE_MAJEURE = "force_majeure"  # act of God or force majeure, Art. 6(1)(a)
    WAR_OR_CIVIL_UNREST = "war_or_civil_unrest"  # Art. 6(1)(b)
    THIRD_PARTY_ACT = "third_party_act"  # harm done by a third party despite safety measures
    PUBLIC_AUTHORITY_ORDER = "public_authority_order"  # complying with a compulsory order
    PERMIT_COMPLIANCE = "permit_compliance"  # the use fully complied with its permit
    STATE_OF_THE_ART = "state_of_the_art"  # harm unforeseeable with the science of the day


@dataclass(frozen=True)
class CartagenaStatus:
    party: bool | None = None
    in_force_since: date | None = None  # when the Cartagena Protocol entered into force for it


@dataclass(frozen=True)
class SupplementaryStatus:
    """Party status; the entry-into-force date follows from the deposit by Art. 18."""

    party: bool | None = None
    deposited: date | None = None  # its instrument of ratification, acceptance, approval, accession


@dataclass(frozen=True)
class State:
    name: str
    cartagena: CartagenaStatus = field(default_factory=CartagenaStatus)
    supplementary: SupplementaryStatus = field(default_factory=SupplementaryStatus)


@dataclass(frozen=True)
class Lmo:
    organism: str | None = None
    trait: str | None = None
    intended_use: IntendedUse | None = None


@dataclass(frozen=True)
class Movement:
    kind: MovementKind | None = None
    from_state: str | None = None
    to_state: str | None = None  # the State into whose jurisdiction the movement was made
    started_on: date | None = None
    use_authorised: bool | None = None  # was the use that caused the harm authorised?


@dataclass(frozen=True)
class Significance:
    """The indicative factors of Art. 2(3) and the competent authority's own assessment."""

    authority_assessment: Assessment | None = None
    long_term_or_permanent: bool | None = None  # (a)
    extent_of_change: bool | None = None  # (b)
    goods_and_services_reduced: bool | None = None  # (c)
    human_health_affected: bool | None = None  # (d)
    other_factors: bool | None = None  # the list is indicative, not closed


@dataclass(frozen=True)
class Damage:
    status: DamageStatus | None = None
    where: Place | None = None
    state: str | None = None  # within whose jurisdiction the harm occurred
    components: tuple[str, ...] | None = None  # components of biological diversity affected
    adverse_effect: bool | None = None  # on conservation and sustainable use
    measurable_or_observable: bool | None = None
    baseline: Baseline | None = None
    variation_accounted: bool | None = None  # baseline nets out natural and human variation
    significance: Significance = field(default_factory=Significance)
    sufficient_likelihood: bool | None = None  # of damage without timely measures, Art. 5(3)
    material_or_personal: bool | None = None  # associated traditional damage, Art. 12(2)


@dataclass(frozen=True)
class Causation:
    established: bool | None = None  # under the domestic standard of proof (Art. 4)
    evidence: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[Role, ...] | None = None
    control: Control | None = None
    holds_financial_security: bool | None = None
    at_fault: bool | None = None


@dataclass(frozen=True)
class Costs:
    evaluation: Decimal | None = None
    response: Decimal | None = None
    incidental: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True)
class Response:
    operator_informed_authority: bool | None = None
    operator_took_measures: bool | None = None
    authority_took_measures: bool | None = None
    costs: Costs = field(default_factory=Costs)


@dataclass(frozen=True)
class Dates:
    incident: date | None = None
    damage_known: date | None = None
    authority_decision: date | None = None
    action_brought: date | None = None  # the authority's claim for its costs


@dataclass(frozen=True)
class Scenario:
    """One hypothetical case as the rule checks read it."""

    schema_version: int
    id: str
    title: str
    states: dict[str, State] = field(default_factory=dict)
    lmo: Lmo = field(default_factory=Lmo)
    movement: Movement = field(default_factory=Movement)
    damage: Damage = field(default_factory=Damage)
    causation: Causation = field(default_factory=Causation)
    persons: dict[str, Person] | None = None  # None: the case does not say who was involved
    events: dict[Event, bool | None] = field(default_factory=dict)  # absent: the case is silent
    response: Response = field(default_factory=Response)
    dates: Dates = field(default_factory=Dates)
