"""The checklist: what the Supplementary Protocol asks of domestic law, provision by provision.

Sections follow the agenda item "liability and redress at the national level": the competent
authority and operators (Art. 5), rules and procedures (Arts. 3, 4, 12), the elements of
purpose-made civil liability rules (Art. 12(3)), and the choices left to domestic law.
"""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.implementation.model import (
    NONE,
    Assessment,
    Condition,
    Duty,
    Item,
    Option,
    Shape,
)
from toolkit.profile import CivilLiabilityRoute, SecurityKind, Standard, StartEvent
from toolkit.rules.art6_exemptions import event_text
from toolkit.rules.engine import Tri, any_of
from toolkit.scenario import Event, Role

REQUIRED, RECOMMENDED, OPTIONAL = Duty.REQUIRED, Duty.RECOMMENDED, Duty.OPTIONAL

ROLES = (
    (Role.PERMIT_HOLDER.value, "permit holder"),
    (Role.MARKETER.value, "person who placed the LMO on the market"),
    (Role.DEVELOPER.value, "developer"),
    (Role.PRODUCER.value, "producer"),
    (Role.NOTIFIER.value, "notifier"),
    (Role.EXPORTER.value, "exporter"),
    (Role.IMPORTER.value, "importer"),
    (Role.CARRIER.value, "carrier"),
    (Role.SUPPLIER.value, "supplier"),
    (Role.OTHER.value, "anyone else in control of the LMO"),
)
EVENTS = tuple((event.value, event_text(event)) for event in Event)
_EXEMPTION_PARAGRAPH = {
    Event.FORCE_MAJEURE: "Art. 6(1)(a)",
    Event.WAR_OR_CIVIL_UNREST: "Art. 6(1)(b)",
}
EXEMPTIONS = tuple(
    (event.value, f"{event_text(event)} ({_EXEMPTION_PARAGRAPH.get(event, 'Art. 6(2)')})")
    for event in Event
)
ROUTES = (
    (CivilLiabilityRoute.EXISTING_GENERAL.value, "existing domestic law, including general civil "
     "liability rules where they fit (letter a)"),
    (CivilLiabilityRoute.SPECIFIC.value, "civil liability rules and procedures made for this "
     "purpose (letter b)"),
    (CivilLiabilityRoute.COMBINATION.value, "a combination of both (letter c)"),
)  # fmt: skip
START_EVENTS = (
    (StartEvent.INCIDENT.value, "the incident"),
    (StartEvent.DAMAGE_KNOWN.value, "the day the damage became known"),
    (StartEvent.AUTHORITY_DECISION.value, "the competent authority's decision"),
)
SECURITY_KINDS = tuple((kind.value, kind.value) for kind in SecurityKind)
PURPOSE_MADE = {CivilLiabilityRoute.SPECIFIC.value, CivilLiabilityRoute.COMBINATION.value}


def _purpose_made_civil_liability(a: Assessment) -> Tri:
    routes = (a.answer(ART12_1_RULES.key).choice, a.answer(ART12_2_CIVIL_LIABILITY.key).choice)
    return any_of(*(None if route is None else route in PURPOSE_MADE for route in routes))


def _financial_security_required(a: Assessment) -> Tri:
    choice = a.answer(ART10_1_SECURITY.key).choice
    return None if choice is None else choice != NONE


PURPOSE_MADE_RULES = Condition(
    "when domestic law makes civil liability rules for this purpose (Art. 12(1)(b)-(c) or "
    "12(2)(b)-(c))",
    _purpose_made_civil_liability,
)
SECURITY_REQUIRED = Condition(
    "when domestic law requires financial security (Art. 10(1))", _financial_security_required
)

# -- the competent authority and operators (Art. 5) -------------------------------------------

ART5_1_A = Item(
    "art5_1_a_operator_informs", cite(5, 1, "a"), "operator informs the authority", REQUIRED,
    "When damage occurs, domestic law requires the operator to inform the competent authority "
    "immediately.",
    "Look for a duty to notify in biosafety, environmental or emergency law, and for who "
    "counts as 'the appropriate operator'.",
)  # fmt: skip
ART5_1_B = Item(
    "art5_1_b_operator_evaluates", cite(5, 1, "b"), "operator evaluates the damage", REQUIRED,
    "Domestic law requires the operator to evaluate the damage.",
)  # fmt: skip
ART5_1_C = Item(
    "art5_1_c_operator_responds", cite(5, 1, "c"), "operator takes response measures", REQUIRED,
    "Domestic law requires the operator to take appropriate response measures.",
    "Response measures mean preventing, minimising, containing or mitigating the damage and "
    "restoring biodiversity (Art. 2(2)(d)).",
)  # fmt: skip
ART5_2_A = Item(
    "art5_2_a_identify_operator", cite(5, 2, "a"), "authority identifies the operator",
    REQUIRED, "The competent authority identifies the operator that caused the damage.",
    "The Party must have designated a competent authority with this power.",
)  # fmt: skip
ART5_2_B = Item(
    "art5_2_b_evaluate_damage", cite(5, 2, "b"), "authority evaluates the damage", REQUIRED,
    "The competent authority evaluates the damage.",
)  # fmt: skip
ART5_2_C = Item(
    "art5_2_c_determine_measures", cite(5, 2, "c"), "authority determines the measures",
    REQUIRED, "The competent authority decides which response measures the operator must take.",
)  # fmt: skip
ART5_3 = Item(
    "art5_3_sufficient_likelihood", cite(5, 3), "action against a likely threat", REQUIRED,
    "Where information shows damage is sufficiently likely unless measures are taken in time, "
    "domestic law requires the operator to take measures to avoid it.",
    "The duty arises before any damage: the information may be scientific information or "
    "information in the Biosafety Clearing-House.",
)  # fmt: skip
ART5_4 = Item(
    "art5_4_authority_acts", cite(5, 4), "authority takes measures itself", OPTIONAL,
    "The competent authority may carry out response measures itself, in particular when the "
    "operator has not.",
    "The Protocol allows this; domestic law must give the authority the power if it is to use "
    "it.",
)  # fmt: skip
ART5_5_RECOVERY = Item(
    "art5_5_cost_recovery", cite(5, 5), "authority recovers its costs", REQUIRED,
    "The competent authority can recover from the operator the costs of evaluating the damage "
    "and of response measures, and costs incidental to them.",
    "The Protocol gives the authority this right; domestic law needs a basis to enforce it.",
)  # fmt: skip
ART5_6_REMEDIES = Item(
    "art5_6_remedies", cite(5, 6), "review of decisions", REQUIRED,
    "Domestic law offers remedies against the authority's decisions on response measures, "
    "including administrative or judicial review.",
)  # fmt: skip
ART5_6_INFORMED = Item(
    "art5_6_operator_told_of_remedies", cite(5, 6), "operator told of remedies", REQUIRED,
    "The competent authority tells the operator which remedies are available.",
)  # fmt: skip
ART5_6_REASONS = Item(
    "art5_6_reasons_and_notice", cite(5, 6), "reasoned, notified decisions", RECOMMENDED,
    "Decisions requiring response measures state their reasons and are notified to the "
    "operator.",
    "Using a remedy does not stop the authority acting where appropriate, unless domestic law "
    "provides otherwise.",
)  # fmt: skip
ART5_7 = Item(
    "art5_7_civil_liability_covers_measures", cite(5, 7), "civil law and response measures",
    OPTIONAL,
    "In implementing Art. 5 the Party may check whether its civil liability law already "
    "addresses response measures.",
)  # fmt: skip

# -- rules and procedures (Arts. 3, 4 and 12) --------------------------------------------------

ART12_1_RULES = Item(
    "art12_1_rules_on_damage", cite(12, 1), "rules and procedures on damage", REQUIRED,
    "Domestic law has rules and procedures that address damage as the Protocol defines it "
    "(Art. 2(2)(b)).",
    "Parties may use existing law, make civil liability rules for this purpose, or combine "
    "both; the choice matters for Art. 12(3).",
    Option("How does domestic law address damage (Art. 12(1)(a)-(c))?", Shape.ONE_OF,
           choices=ROUTES),
)  # fmt: skip
ART12_1_MEASURES = Item(
    "art12_1_response_measures", cite(12, 1), "response measures provided for", REQUIRED,
    "Domestic law provides for response measures as the Protocol sets them out.",
)  # fmt: skip
ART3_7 = Item(
    "art3_7_non_parties", cite(3, 7), "movements from non-Parties", REQUIRED,
    "The implementing law also applies to damage from movements of LMOs that come from "
    "non-Parties.",
)  # fmt: skip
ART4 = Item(
    "art4_causal_link", cite(4), "causal link", REQUIRED,
    "Domestic law says how the causal link between the damage and the LMO is established.",
    "The standard and burden of proof are domestic choices.",
    Option("How is the causal link established (standard and burden of proof)?", Shape.WORDS,
           field="causation_standard"),
)  # fmt: skip
ART12_2_CIVIL_LIABILITY = Item(
    "art12_2_civil_liability", cite(12, 2), "civil liability for material or personal damage",
    REQUIRED,
    "Domestic law has adequate civil liability rules for material or personal damage "
    "associated with damage under the Protocol.",
    "Loss of property or income and injury to people that go with damage to biodiversity.",
    Option("Which civil liability rules apply (Art. 12(2)(a)-(c))?", Shape.ONE_OF,
           field="civil_liability_route", choices=ROUTES),
)  # fmt: skip

# -- elements of purpose-made civil liability rules (Art. 12(3)) ------------------------------

ART12_3_A = Item(
    "art12_3_a_damage", cite(12, 3, "a"), "damage covered", REQUIRED,
    "The civil liability rules say which damage they cover.",
    condition=PURPOSE_MADE_RULES,
)  # fmt: skip
ART12_3_B = Item(
    "art12_3_b_standard", cite(12, 3, "b"), "standard of liability", REQUIRED,
    "The civil liability rules set the standard of liability, strict or fault-based.",
    "Even under general civil law there is a standard: record it, since the casebook's civil "
    "claims turn on it.",
    Option("What is the standard of liability?", Shape.ONE_OF, field="standard_of_liability",
           choices=((Standard.STRICT.value, "strict"), (Standard.FAULT.value, "fault-based"))),
    condition=PURPOSE_MADE_RULES,
)  # fmt: skip
ART12_3_C = Item(
    "art12_3_c_channelling", cite(12, 3, "c"), "channelling", REQUIRED,
    "Where appropriate, the civil liability rules channel liability to one person.",
    "Channelling makes one operator answer every claim, whoever else was involved.",
    Option("Is liability channelled, and to whom?", Shape.ONE_OF, field="channelling",
           choices=ROLES[:-1], none="not channelled"),
    condition=PURPOSE_MADE_RULES,
)  # fmt: skip
ART12_3_D = Item(
    "art12_3_d_right_to_claim", cite(12, 3, "d"), "right to bring claims", REQUIRED,
    "The civil liability rules say who may bring a claim.",
    condition=PURPOSE_MADE_RULES,
)  # fmt: skip

# -- choices left to domestic law -------------------------------------------------------------

ART2_2_C = Item(
    "art2_2_c_operator_roles", cite(2, 2, "c"), "who is an operator", OPTIONAL,
    "Domestic law decides which persons in control of the LMO count as operators.",
    "The Protocol's list is illustrative; control of the LMO is the test.",
    Option("Which roles can make a person an operator?", Shape.SOME_OF, field="operator_roles",
           choices=ROLES),
)  # fmt: skip
ART3_6 = Item(
    "art3_6_domestic_criteria", cite(3, 6), "domestic criteria for damage", OPTIONAL,
    "Domestic law may use its own criteria to address damage within the Party's jurisdiction.",
    option=Option("Which criteria does domestic law use?", Shape.WORDS,
                  field="domestic_criteria", none="none"),
)  # fmt: skip
ART5_5_EXCEPTIONS = Item(
    "art5_5_cost_exceptions", cite(5, 5), "operator spared the costs", OPTIONAL,
    "Domestic law may list situations in which the operator need not bear the costs of "
    "evaluation and response.",
    option=Option("In which situations is the operator spared the costs?", Shape.SOME_OF,
                  field="cost_exceptions", choices=EVENTS, none="none"),
)  # fmt: skip
ART6 = Item(
    "art6_exemptions", cite(6), "exemptions", OPTIONAL,
    "Domestic law may exempt the operator for force majeure, for war or civil unrest, and for "
    "other causes it considers appropriate.",
    "No exemption applies unless domestic law provides it.",
    Option("Which exemptions does domestic law provide?", Shape.SOME_OF, field="exemptions",
           choices=EXEMPTIONS, none="none"),
)  # fmt: skip
ART7_RELATIVE = Item(
    "art7_a_relative_limit", cite(7, letter="a"), "relative time limit", OPTIONAL,
    "Domestic law may set a relative time limit, and when it starts to run (Art. 7(b)).",
    "A relative limit usually runs from when the damage became known.",
    Option("Is there a relative time limit?", Shape.TIME_LIMIT, field="time_limits.relative",
           choices=START_EVENTS, none="none"),
)  # fmt: skip
ART7_ABSOLUTE = Item(
    "art7_a_absolute_limit", cite(7, letter="a"), "absolute time limit", OPTIONAL,
    "Domestic law may set an absolute time limit, and when it starts to run (Art. 7(b)).",
    "An absolute limit usually runs from the incident, whatever anyone knew.",
    Option("Is there an absolute time limit?", Shape.TIME_LIMIT, field="time_limits.absolute",
           choices=START_EVENTS, none="none"),
)  # fmt: skip
ART8 = Item(
    "art8_financial_limit", cite(8), "financial limit", OPTIONAL,
    "Domestic law may cap the recovery of costs and expenses of response measures.",
    option=Option("Is cost recovery capped?", Shape.AMOUNT, field="financial_limit",
                  none="none"),
)  # fmt: skip
ART9 = Item(
    "art9_recourse", cite(9), "recourse", OPTIONAL,
    "Domestic law governs any right of recourse or indemnity the operator has against others; "
    "the Protocol does not limit it.",
)  # fmt: skip
ART10_1_SECURITY = Item(
    "art10_1_financial_security", cite(10, 1), "financial security", OPTIONAL,
    "Domestic law may require financial security, such as insurance, a bond or a fund.",
    option=Option("Does domestic law require financial security, and of whom?", Shape.SECURITY,
                  field="financial_security", choices=ROLES, none="none"),
)  # fmt: skip
ART10_2 = Item(
    "art10_2_international_law", cite(10, 2), "security consistent with international law",
    REQUIRED,
    "A financial security requirement is consistent with the Party's rights and obligations "
    "under international law.",
    "Including the trade provisions the last three paragraphs of the Cartagena Protocol's "
    "preamble refer to.",
    condition=SECURITY_REQUIRED,
)  # fmt: skip

SECTIONS: tuple[tuple[str, tuple[Item, ...]], ...] = (
    ("The competent authority and operators (Art. 5)",
     (ART5_1_A, ART5_1_B, ART5_1_C, ART5_2_A, ART5_2_B, ART5_2_C, ART5_3, ART5_4,
      ART5_5_RECOVERY, ART5_6_REMEDIES, ART5_6_INFORMED, ART5_6_REASONS, ART5_7)),
    ("Rules and procedures (Arts. 3, 4 and 12)",
     (ART12_1_RULES, ART12_1_MEASURES, ART3_7, ART4, ART12_2_CIVIL_LIABILITY)),
    ("Civil liability rules made for this purpose (Art. 12(3))",
     (ART12_3_A, ART12_3_B, ART12_3_C, ART12_3_D)),
    ("Choices left to domestic law (Arts. 2(2)(c), 3(6), 5(5), 6-10)",
     (ART2_2_C, ART3_6, ART5_5_EXCEPTIONS, ART6, ART7_RELATIVE, ART7_ABSOLUTE, ART8, ART9,
      ART10_1_SECURITY, ART10_2)),
)  # fmt: skip
CHECKLIST: tuple[Item, ...] = tuple(item for _, items in SECTIONS for item in items)
ITEMS = {item.key: item for item in CHECKLIST}


def _check(items: tuple[Item, ...]) -> None:
    """Keys and labels are unique, and each profile field is filled by one item only."""
    for what, values in (
        ("key", [i.key for i in items]),
        ("label", [i.label for i in items]),
        ("profile field", [i.option.field for i in items if i.option and i.option.field]),
    ):
        repeated = {v for v in values if values.count(v) > 1}
        if repeated:
            raise ValueError(f"checklist {what}s repeated: {sorted(repeated)}")


_check(CHECKLIST)
