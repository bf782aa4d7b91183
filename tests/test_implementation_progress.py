"""A learner's self-assessment kept between visits, on a real data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.implementation import Answer, Assessment, Status
from toolkit.implementation.progress import APP, load_assessment, save_assessment
from toolkit.progress import ProgressError, ProgressStore

ANSWERS = {
    "art5_1_a_operator_informs": Answer(Status.IN_PLACE, note="Biosafety Act s. 12"),
    "art6_exemptions": Answer(Status.NOT_YET, ["force_majeure"], "Projet de loi n\u00b0 12"),
    "art7_a_relative_limit": Answer(None, {"years": 3, "starts": "damage_known"}),
    "art8_financial_limit": Answer(Status.PARTLY, {"amount": 1250.5, "currency": "EUR"}),
    "art3_6_domestic_criteria": Answer(Status.IN_PLACE, "none"),
    "art4_causal_link": Answer(choice="balance of probabilities\nburden on the authority"),
    "art12_3_d_right_to_claim": Answer(Status.NOT_APPLICABLE),
}


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path)


def test_a_saved_assessment_reads_back_whole(store: ProgressStore) -> None:
    saved = Assessment(learner="Ana Pérez", country="Borduria", answers=ANSWERS)
    save_assessment(store, saved)
    assert load_assessment(store, "Ana Pérez") == saved


def test_the_same_name_typed_differently_finds_the_same_file(store: ProgressStore) -> None:
    save_assessment(store, Assessment(learner="Ana Pérez", answers=ANSWERS))
    found = load_assessment(store, "  ana   PÉREZ ")
    assert found is not None and found.answers == ANSWERS


def test_a_learner_without_a_file_has_no_assessment(store: ProgressStore) -> None:
    assert load_assessment(store, "Nobody") is None


def test_saving_again_replaces_the_file_and_leaves_no_temporary_files(
    store: ProgressStore,
) -> None:
    first = Assessment(learner="Ana", answers=ANSWERS)
    save_assessment(store, first)
    second = first.answered("art9_recourse", Answer(Status.IN_PLACE))
    path = save_assessment(store, second)
    assert load_assessment(store, "Ana") == second
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def damage(store: ProgressStore, change: dict[str, object]) -> None:
    path = store.path(APP, "Ana")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["values"].update(change)
    path.write_text(json.dumps(data), encoding="utf-8")


DAMAGE = [
    ("an answer to no item of the checklist", {"art99_made_up.status": "in_place"},
     "'art99_made_up.status' is no answer"),
    ("a status the checklist does not know", {"art9_recourse.status": "done"},
     "must be one of in_place"),
    ("a choice that is not JSON", {"art6_exemptions.choice": "[force"}, "is not JSON"),
]  # fmt: skip


@pytest.mark.parametrize(("says", "change", "message"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_file_is_reported_not_used(
    store: ProgressStore, says: str, change: dict[str, object], message: str
) -> None:
    save_assessment(store, Assessment(learner="Ana", answers=ANSWERS))
    damage(store, change)
    with pytest.raises(ProgressError, match="could not be read") as raised:
        load_assessment(store, "Ana")
    assert message in str(raised.value)


def test_a_file_that_is_not_json_is_reported(store: ProgressStore) -> None:
    path = store.path(APP, "Ana")
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProgressError, match="could not be read"):
        load_assessment(store, "Ana")
