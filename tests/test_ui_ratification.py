"""The ratification app's widgets without a browser: picking or describing a State, the walk,
the quiz, progress kept between visits, and what the app says when something goes wrong."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from toolkit.progress import ProgressStore
from toolkit.status import Milestone, load_indicators, load_milestones, shipped_parties
from toolkit.ui.charts import instruments_chart
from toolkit.ui.ratification import APP, RatificationApp
from toolkit.ui.ratification_inputs import MY_COUNTRY
from toolkit.ui.ratification_walk import PAGES

DATA = Path(__file__).parent / "data"


@pytest.fixture
def app(tmp_path: Path) -> RatificationApp:
    return RatificationApp.from_data_folder({"LRKIT_DATA_DIR": str(tmp_path)})


def page_named(app: RatificationApp, key: str) -> str:
    app.walk.show([page.key for page in PAGES].index(key))
    return str(app.walk.answers.value)


def test_every_step_answers_with_its_article_for_a_state_from_the_list(
    app: RatificationApp,
) -> None:
    app.inputs.state.value = "Japan"
    assert app.inputs.name.value == "Japan"
    assert "incomplete" in app.inputs.notice.value and "incomplete" in app.inputs.origin.value
    for page in PAGES:
        answers = page_named(app, page.key)
        assert "Art. " in answers, page.key
        assert "could not be answered" not in answers, page.key
    assert "Answer: <b>2018-03-05</b>" in page_named(app, "deposit")


def test_my_country_described_by_hand_gets_its_own_dates(app: RatificationApp) -> None:
    app.inputs.state.value = "Japan"
    app.inputs.state.value = MY_COUNTRY
    assert app.inputs.origin.value == ""
    app.inputs.name.value = "Kestrelia"
    app.inputs.signed.value = "no"
    app.inputs.cartagena.value = "yes"
    app.inputs.cartagena_in_force.value = date(2005, 1, 1)
    app.inputs.deposited.value = date(2019, 12, 1)
    assert "Answer: <b>2020-02-29</b>" in page_named(app, "deposit")
    assert "Answer: <b>accession</b>" in page_named(app, "instrument")
    app.inputs.movement_started.value = date(2019, 11, 1)
    assert 'data-outcome="fails"' in page_named(app, "movements")


def test_an_impossible_date_is_explained_on_the_page(app: RatificationApp) -> None:
    app.inputs.deposited.value = date(2009, 5, 1)
    assert "adopted only on 2010-10-15" in page_named(app, "deposit")


def test_a_missing_fact_is_named_in_words(app: RatificationApp) -> None:
    assert "the date its instrument is deposited with the Secretary-General" in page_named(
        app, "deposit"
    )


def test_the_walk_stops_at_its_first_and_last_steps(app: RatificationApp) -> None:
    assert app.walk.back.disabled and not app.walk.next.disabled
    for _ in range(len(PAGES) + 2):
        app.walk.next.click()
    assert app.walk.index == len(PAGES) - 1 and app.walk.next.disabled
    assert f"Step {len(PAGES)} of {len(PAGES)}" in app.walk.position.value


def test_the_quiz_answers_at_once_citing_the_article(app: RatificationApp) -> None:
    app.quiz.choices["leap-day"].value = "2020-03-01"
    feedback = app.quiz.feedback["leap-day"].value
    assert "Not quite" in feedback and "(Art. 18(2))" in feedback
    app.quiz.choices["leap-day"].value = "2020-02-29"
    assert "Right." in app.quiz.feedback["leap-day"].value
    assert "1 of 8 right" in app.quiz.score.value


def test_progress_kept_under_a_name_comes_back_on_the_next_visit(tmp_path: Path) -> None:
    environ = {"LRKIT_DATA_DIR": str(tmp_path)}
    first = RatificationApp.from_data_folder(environ)
    first.keep("Ana Pereira")
    first.inputs.state.value = "Congo"
    first.inputs.deposited.value = date(2016, 5, 17)
    first.walk.show(4)
    first.quiz.choices["accession"].value = "By accession"

    again = RatificationApp.from_data_folder(environ)
    again.keep("ana pereira")
    assert "Welcome back, Ana Pereira" in again.learner.message.value
    assert again.inputs.state.value == "Congo"
    assert again.inputs.deposited.value == date(2016, 5, 17)
    assert again.walk.index == 4
    assert again.quiz.choices["accession"].value == "By accession"
    assert "Right." in again.quiz.feedback["accession"].value


def test_nothing_is_saved_without_a_name(tmp_path: Path) -> None:
    app = RatificationApp.from_data_folder({"LRKIT_DATA_DIR": str(tmp_path)})
    app.inputs.state.value = "Japan"
    app.keep("  ")
    assert "Type your name first" in app.learner.message.value
    assert not (tmp_path / "learners").exists()


def test_forgetting_removes_what_was_saved(app: RatificationApp, tmp_path: Path) -> None:
    app.keep("Ana")
    assert ProgressStore(tmp_path).find(APP, "Ana") is not None
    app.forget("Ana")
    assert ProgressStore(tmp_path).find(APP, "Ana") is None
    app.inputs.state.value = "Japan"  # no longer saved
    assert ProgressStore(tmp_path).find(APP, "Ana") is None
    assert "gone" in app.learner.message.value


def test_a_damaged_progress_file_is_reported_and_left_alone(
    app: RatificationApp, tmp_path: Path
) -> None:
    path = ProgressStore(tmp_path).path(APP, "Ana")
    path.parent.mkdir(parents=True)
    path.write_text("{damaged")
    app.keep("Ana")
    assert "could not be read" in app.learner.message.value
    app.inputs.state.value = "Japan"
    assert path.read_text() == "{damaged"


def test_a_trainers_list_that_does_not_load_is_reported_on_the_page(tmp_path: Path) -> None:
    shutil.copy(DATA / "bad_status" / "parties-impossible-date.csv", tmp_path / "parties.csv")
    app = RatificationApp.from_data_folder({"LRKIT_DATA_DIR": str(tmp_path)})
    assert "parties.csv:3: deposit_date" in app.inputs.notice.value
    assert "lr-partial-notice" in app.inputs.notice.value


def test_a_trainers_list_replaces_the_partial_one(tmp_path: Path) -> None:
    shutil.copy(DATA / "parties-official-sample.csv", tmp_path / "parties.csv")
    app = RatificationApp.from_data_folder({"LRKIT_DATA_DIR": str(tmp_path)})
    assert "lr-official-notice" in app.inputs.notice.value
    app.inputs.state.value = "Kestrelia"
    assert "Answer: <b>2020-02-29</b>" in page_named(app, "deposit")


def test_a_step_that_fails_says_so_on_the_page_and_logs_why(
    app: RatificationApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_inputs: object) -> tuple[()]:
        raise RuntimeError("boom")

    pages = list(app.walk.pages)
    pages[0] = dataclasses.replace(pages[0], answers=broken)
    monkeypatch.setattr(app.walk, "pages", tuple(pages))
    with caplog.at_level(logging.ERROR):
        app.walk.show(0)
    assert "could not be answered" in app.walk.answers.value
    assert "boom" in caplog.text


def test_the_status_view_says_the_list_is_partial_and_draws_the_charts(
    app: RatificationApp,
) -> None:
    html = "".join(child.value for child in app.status.children)
    assert "incomplete" in html
    assert "40th instrument 2017-12-05" in html and "In force 2018-03-05" in html
    assert html.count('class="lr-indicator"') == 18


def test_chart_text_is_escaped() -> None:
    sneaky = Milestone(date(2016, 1, 1), "<script>alert(1)</script>", 3, None, "<b>x</b>")
    html = instruments_chart([*load_milestones(), sneaky], [], 40)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_app_builds_from_the_shipped_data_alone() -> None:
    app = RatificationApp(shipped_parties(), load_milestones(), load_indicators(), None)
    app.keep("Ana")
    assert "cannot be kept" in app.learner.message.value


def test_the_apps_kernel_loads_no_database_library() -> None:
    code = "import sys, toolkit.ui.ratification; print('sqlalchemy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
