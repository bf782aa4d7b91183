"""The self-assessment checklist and the gap list its answers leave, table by table."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from toolkit.citation import Citation
from toolkit.implementation import (
    CHECKLIST,
    ITEMS,
    Answer,
    Assessment,
    Duty,
    GapKind,
    Shape,
    Status,
    gaps,
)
from toolkit.implementation.gaps import item_gap

IN_PLACE, PARTLY, NOT_YET, NOT_APPLICABLE = (
    Status.IN_PLACE,
    Status.PARTLY,
    Status.NOT_YET,
    Status.NOT_APPLICABLE,
)


def assessment(**answers: Answer) -> Assessment:
    return Assessment(learner="Test", country="Testland", answers=answers)


GENERAL_LAW = {
    "art12_1_rules_on_damage": Answer(IN_PLACE, "existing_general"),
    "art12_2_civil_liability": Answer(IN_PLACE, "existing_general"),
}


class Row(NamedTuple):
    says: str
    answers: dict[str, Answer]
    item: str
    kind: GapKind | None
    reason: str = ""  # a phrase the gap's reasons must contain


DUTIES = [
    ("art5_1_a_operator_informs", Duty.REQUIRED),
    ("art5_2_c_determine_measures", Duty.REQUIRED),
    ("art5_3_sufficient_likelihood", Duty.REQUIRED),
    ("art5_4_authority_acts", Duty.OPTIONAL),
    ("art5_5_cost_recovery", Duty.REQUIRED),
    ("art5_5_cost_exceptions", Duty.OPTIONAL),
    ("art5_6_remedies", Duty.REQUIRED),
    ("art5_6_reasons_and_notice", Duty.RECOMMENDED),
    ("art5_7_civil_liability_covers_measures", Duty.OPTIONAL),
    ("art3_7_non_parties", Duty.REQUIRED),
    ("art12_1_rules_on_damage", Duty.REQUIRED),
    ("art12_2_civil_liability", Duty.REQUIRED),
    ("art12_3_c_channelling", Duty.REQUIRED),
    ("art2_2_c_operator_roles", Duty.OPTIONAL),
    ("art3_6_domestic_criteria", Duty.OPTIONAL),
    ("art6_exemptions", Duty.OPTIONAL),
    ("art7_a_relative_limit", Duty.OPTIONAL),
    ("art8_financial_limit", Duty.OPTIONAL),
    ("art9_recourse", Duty.OPTIONAL),
    ("art10_1_financial_security", Duty.OPTIONAL),
    ("art10_2_international_law", Duty.REQUIRED),
]


@pytest.mark.parametrize(("key", "duty"), DUTIES, ids=[key for key, _ in DUTIES])
def test_each_item_says_whether_the_protocol_requires_it(key: str, duty: Duty) -> None:
    assert ITEMS[key].duty is duty


def test_every_item_cites_a_provision_of_the_protocol_and_is_named_for_it() -> None:
    for item in CHECKLIST:
        assert isinstance(item.citation, Citation)
        assert item.key.startswith(item.citation.slug + "_"), item.key
        assert item.text.endswith("."), item.key


def test_only_the_art12_3_elements_and_art10_2_are_conditional() -> None:
    conditional = {item.key for item in CHECKLIST if item.condition}
    assert conditional == {
        "art12_3_a_damage",
        "art12_3_b_standard",
        "art12_3_c_channelling",
        "art12_3_d_right_to_claim",
        "art10_2_international_law",
    }


ROWS = [
    Row("A required item not yet assessed is a required gap",
        {}, "art5_1_a_operator_informs", GapKind.REQUIRED, "Not assessed yet."),
    Row("A required item in place leaves no gap",
        {"art5_1_a_operator_informs": Answer(IN_PLACE)}, "art5_1_a_operator_informs", None),
    Row("A required item partly in place is a gap of its own kind",
        {"art5_2_b_evaluate_damage": Answer(PARTLY)}, "art5_2_b_evaluate_damage",
        GapKind.REQUIRED_PARTLY, "Partly in place."),
    Row("A required item not yet in domestic law is a required gap",
        {"art5_3_sufficient_likelihood": Answer(NOT_YET)}, "art5_3_sufficient_likelihood",
        GapKind.REQUIRED, "Not yet in domestic law."),
    Row("Every Party must provide a required item, so 'not applicable' is still a gap",
        {"art3_7_non_parties": Answer(NOT_APPLICABLE)}, "art3_7_non_parties", GapKind.REQUIRED,
        "every Party must provide it"),
    Row("Art. 12(3): under general civil law its elements are no duty and no gap",
        GENERAL_LAW, "art12_3_a_damage", None),
    Row("Art. 12(3): purpose-made rules under Art. 12(2)(b) make its elements required",
        {**GENERAL_LAW, "art12_2_civil_liability": Answer(IN_PLACE, "specific")},
        "art12_3_d_right_to_claim", GapKind.REQUIRED, "Required when domestic law makes"),
    Row("Art. 12(3): a combination under Art. 12(1)(c) is enough, whatever Art. 12(2) says",
        {**GENERAL_LAW, "art12_1_rules_on_damage": Answer(IN_PLACE, "combination")},
        "art12_3_a_damage", GapKind.REQUIRED),
    Row("Art. 12(3): until the routes are chosen its elements count as required, saying why",
        {}, "art12_3_a_damage", GapKind.REQUIRED, "do not settle whether it applies"),
    Row("Art. 12(3): 'not applicable' is accepted while the routes are open",
        {"art12_3_a_damage": Answer(NOT_APPLICABLE)}, "art12_3_a_damage", None),
    Row("Art. 12(3): 'not applicable' is a gap once purpose-made rules make it apply",
        {"art12_2_civil_liability": Answer(IN_PLACE, "specific"),
         "art12_3_d_right_to_claim": Answer(NOT_APPLICABLE)},
        "art12_3_d_right_to_claim", GapKind.REQUIRED, "your choices make it apply"),
    Row("Art. 10(2) binds no Party that requires no financial security",
        {"art10_1_financial_security": Answer(IN_PLACE, "none")}, "art10_2_international_law",
        None),
    Row("Art. 10(2) binds a Party that requires insurance",
        {"art10_1_financial_security": Answer(IN_PLACE, {"kind": "insurance"})},
        "art10_2_international_law", GapKind.REQUIRED, "requires financial security"),
    Row("Art. 5(6): reasoned, notified decisions are recommended, not required",
        {}, "art5_6_reasons_and_notice", GapKind.RECOMMENDED, "Not assessed yet."),
    Row("Art. 5(6): recommended and in place leaves no gap",
        {"art5_6_reasons_and_notice": Answer(IN_PLACE)}, "art5_6_reasons_and_notice", None),
    Row("An optional provision with nothing to choose is never a gap",
        {"art9_recourse": Answer(NOT_YET)}, "art9_recourse", None),
    Row("Art. 5(4): the authority's power to act itself is optional",
        {}, "art5_4_authority_acts", None),
    Row("An open choice is a gap: the profile leaves its field unknown",
        {}, "art6_exemptions", GapKind.CHOICE_OPEN, "leaves 'exemptions' unknown"),
    Row("A choice taken up but not yet in domestic law is a gap",
        {"art6_exemptions": Answer(NOT_YET, ["force_majeure"])}, "art6_exemptions",
        GapKind.CHOICE_NOT_IN_LAW, "not yet in domestic law"),
    Row("A choice partly in domestic law is a gap",
        {"art8_financial_limit": Answer(PARTLY, {"amount": 5, "currency": "USD"})},
        "art8_financial_limit", GapKind.CHOICE_NOT_IN_LAW, "only partly in domestic law"),
    Row("Taking up none of an option needs no law",
        {"art6_exemptions": Answer(NOT_YET, [])}, "art6_exemptions", None),
    Row("A choice in place leaves no gap",
        {"art6_exemptions": Answer(IN_PLACE, ["force_majeure"])}, "art6_exemptions", None),
    Row("Art. 4: a causal-link rule in place with its standard unrecorded is an open choice",
        {"art4_causal_link": Answer(IN_PLACE)}, "art4_causal_link", GapKind.CHOICE_OPEN),
    Row("Art. 4: a required gap also says the choice is open",
        {}, "art4_causal_link", GapKind.REQUIRED, "leaves 'causation_standard' unknown"),
]  # fmt: skip


@pytest.mark.parametrize("row", ROWS, ids=[row.says for row in ROWS])
def test_gap(row: Row) -> None:
    gap = item_gap(ITEMS[row.item], assessment(**row.answers))
    assert (gap and gap.kind) == row.kind, gap and gap.reasons
    if gap is not None:
        assert row.reason in " ".join(gap.reasons), gap.reasons


def test_required_items_not_in_place_come_first_then_each_kind_in_checklist_order() -> None:
    found = gaps(
        assessment(
            art6_exemptions=Answer(NOT_YET, ["force_majeure"]),
            art5_2_b_evaluate_damage=Answer(PARTLY),
        )
    )
    kinds = [gap.kind for gap in found]
    assert kinds[0] is GapKind.REQUIRED
    assert kinds == sorted(kinds, key=list(GapKind).index)
    assert set(kinds) == set(GapKind)
    order = [item.key for item in CHECKLIST]
    for kind in GapKind:
        keys = [gap.item.key for gap in found if gap.kind is kind]
        assert keys == sorted(keys, key=order.index)


def test_a_gap_carries_the_learners_note() -> None:
    (gap,) = [
        g
        for g in gaps(assessment(art3_7_non_parties=Answer(NOT_YET, note="Bill 12 of 2025")))
        if g.item.key == "art3_7_non_parties"
    ]
    assert gap.note == "Bill 12 of 2025"


def test_everything_in_place_and_chosen_leaves_no_gap() -> None:
    choices = {item.key: Answer(IN_PLACE, _first_choice(item.key)) for item in CHECKLIST}
    assert gaps(assessment(**choices)) == ()


def _first_choice(key: str) -> object:
    option = ITEMS[key].option
    if option is None:
        return None
    if option.shape is Shape.SOME_OF:
        return [option.choices[0][0]]
    if option.shape is Shape.WORDS:
        return "as the Civil Code provides"
    if option.shape in (Shape.TIME_LIMIT, Shape.AMOUNT, Shape.SECURITY):
        return "none"
    return option.choices[0][0]
