"""A learner's progress: one JSON file per learner and app in the data folder, written
atomically, found again under the same name, removed on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.data_folder import data_folder
from toolkit.progress import Progress, ProgressError, ProgressStore, learner_name

APP = "ratification"


def test_progress_saved_under_a_name_is_found_under_it_again(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(Progress("Ana Pereira", APP, {"step": 3, "deposited": "2019-12-01"}))
    found = store.find(APP, "Ana Pereira")
    assert found is not None
    assert (found.learner, found.values) == ("Ana Pereira", {"step": 3, "deposited": "2019-12-01"})
    assert found.saved_at


def test_a_name_is_found_whatever_its_letter_case_and_spacing(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(Progress("Ana Pereira", APP, {"step": 1}))
    assert store.find(APP, "  ana   PEREIRA ") is not None


def test_each_learner_and_app_has_a_file_of_their_own(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    paths = {
        store.path(APP, "Ana"),
        store.path(APP, "Ana!"),  # the same letters for a file name, a different learner
        store.path(APP, "Bo"),
        store.path("other-app", "Ana"),
    }
    assert len(paths) == 4


def test_a_name_cannot_lead_outside_the_learners_folder(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    path = store.save(Progress("../../etc/passwd", APP))
    assert path.parent == tmp_path / "learners"


def test_saving_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    progress = Progress("Ana", APP, {"step": 1})
    store.save(progress)
    progress.values = {"step": 2}
    path = store.save(progress)
    assert json.loads(path.read_text())["values"] == {"step": 2}
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_forgetting_removes_the_file(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path)
    store.save(Progress("Ana", APP))
    assert store.remove(APP, "Ana") is True
    assert store.find(APP, "Ana") is None
    assert store.remove(APP, "Ana") is False


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "could not be read"),
        ("[1, 2]", "not a JSON object"),
        ('{"schema_version": 99, "values": {}}', "schema_version 99"),
        ('{"schema_version": 1, "values": []}', "'values' is not a JSON object"),
    ],
    ids=["malformed JSON", "not an object", "a newer schema", "values not an object"],
)
def test_a_damaged_progress_file_is_reported_not_overwritten(
    tmp_path: Path, content: str, says: str
) -> None:
    store = ProgressStore(tmp_path)
    path = store.path(APP, "Ana")
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.raises(ProgressError, match=says):
        store.find(APP, "Ana")
    assert path.read_text() == content


@pytest.mark.parametrize(
    ("typed", "error"),
    [("", "Type your name first"), ("   ", "Type your name first"), ("x" * 81, "shorter name")],
    ids=["empty", "blank", "too long"],
)
def test_a_name_that_will_not_do_says_what_to_type(typed: str, error: str) -> None:
    with pytest.raises(ProgressError, match=error):
        learner_name(typed)


def test_the_data_folder_is_lrkit_data_dir_else_data() -> None:
    assert data_folder({"LRKIT_DATA_DIR": "/srv/workshop"}) == Path("/srv/workshop")
    assert data_folder({}) == Path("data")
