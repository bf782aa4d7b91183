"""The self-assessment app's widgets, driven as a learner would, on a real data folder."""

from __future__ import annotations

import base64
import io
import logging
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import docx
import ipywidgets as widgets
import pytest

from toolkit.casebook import CASEBOOK, Casebook, load_casebook
from toolkit.implementation import ITEMS, Answer, Status
from toolkit.implementation.progress import APP
from toolkit.progress import ProgressStore
from toolkit.ui import implementation
from toolkit.ui.checklist_view import ChecklistRow
from toolkit.ui.choice_inputs import OPEN, SOME, choice_input
from toolkit.ui.implementation import SelfAssessmentApp

EVIL = "<img src=x onerror=alert(1)><script>"
CHOICES_SECTION = 3  # "Choices left to domestic law"


@pytest.fixture(scope="module")
def casebook() -> Casebook:
    return load_casebook(CASEBOOK)


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path)


def started(casebook: Casebook, store: ProgressStore | None, name: str = "") -> SelfAssessmentApp:
    app = SelfAssessmentApp(casebook, store, today=lambda: date(2025, 11, 6))
    app.learner.value = name
    app.country.value = "Borduria"
    app.start()
    return app


def row(app: SelfAssessmentApp, key: str) -> ChecklistRow:
    for index in range(len(app.checklist.sections)):
        app.checklist.selected_index = index  # the learner opens each section
    return app.checklist.rows[key]


def input_for(key: str) -> Any:
    option = ITEMS[key].option
    assert option is not None, key
    return choice_input(ITEMS[key], option)


CHOICES = [
    ("art12_2_civil_liability", "specific"),
    ("art12_3_c_channelling", "none"),
    ("art2_2_c_operator_roles", ["importer", "carrier"]),
    ("art6_exemptions", []),
    ("art6_exemptions", ["force_majeure", "state_of_the_art"]),
    ("art4_causal_link", "balance of probabilities"),
    ("art3_6_domestic_criteria", "none"),
    ("art7_a_relative_limit", {"years": 3, "starts": "damage_known"}),
    ("art7_a_absolute_limit", "none"),
    ("art8_financial_limit", {"amount": 2000000, "currency": "USD"}),
    ("art8_financial_limit", {"amount": 1250.5, "currency": "EUR"}),
    ("art10_1_financial_security", {"kind": "bond", "roles": ["importer"]}),
    ("art10_1_financial_security", {"kind": "fund"}),
    ("art10_1_financial_security", "none"),
    ("art6_exemptions", None),
]


@pytest.mark.parametrize(("key", "choice"), CHOICES, ids=[f"{k}={c!r}" for k, c in CHOICES])
def test_each_choice_input_shows_a_saved_choice_and_reads_it_back(key: str, choice: object) -> None:
    widget = input_for(key)
    heard: list[object] = []
    widget.on_change(heard.append)
    widget.value = choice
    assert widget.value == choice
    assert heard == []  # setting a saved choice is not the learner answering


def test_ticking_an_exemption_chooses_those_ticked_and_choosing_none_unticks_them() -> None:
    widget = input_for("art6_exemptions")
    heard: list[object] = []
    widget.on_change(heard.append)
    widget.boxes["war_or_civil_unrest"].value = True
    assert widget.mode.value == SOME and heard[-1] == ["war_or_civil_unrest"]
    widget.mode.value = "none"
    assert heard[-1] == [] and not widget.boxes["war_or_civil_unrest"].value
    widget.mode.value = OPEN
    assert heard[-1] is None


def test_typing_criteria_chooses_them_and_a_time_limit_takes_its_years_and_start() -> None:
    words = input_for("art3_6_domestic_criteria")
    words.text.value = "  protected areas  "
    assert words.value == "protected areas"
    limit = input_for("art7_a_absolute_limit")
    limit.mode.value = SOME
    limit.years.value = 30
    limit.starts.value = "incident"
    assert limit.value == {"years": 30, "starts": "incident"}


def test_without_a_name_nothing_is_written(casebook: Casebook, store: ProgressStore) -> None:
    app = started(casebook, store)
    row(app, "art9_recourse").status.value = "in_place"
    assert app.assessment.answer("art9_recourse").status is Status.IN_PLACE
    assert not store.folder.exists()
    assert "No name given" in app.message.value


def test_answers_are_kept_and_come_back_on_the_next_visit(
    casebook: Casebook, store: ProgressStore
) -> None:
    app = started(casebook, store, "Ana Pérez")
    exemptions = row(app, "art6_exemptions")
    exemptions.choice.boxes["force_majeure"].value = True
    exemptions.status.value = "not_yet"
    exemptions.note.value = "Draft bill"
    assert app.saved.value.startswith("Saved at")
    again = started(casebook, store, "ana pérez")
    assert "Welcome back" in again.message.value
    shown = row(again, "art6_exemptions").answer
    assert shown == Answer(Status.NOT_YET, ["force_majeure"], "Draft bill")
    assert again.country.value == "Borduria"


def test_a_damaged_file_is_left_alone_and_the_learner_told(
    casebook: Casebook, store: ProgressStore
) -> None:
    path = store.path(APP, "Ana")
    path.parent.mkdir(parents=True)
    path.write_text("{damaged", encoding="utf-8")
    app = started(casebook, store, "Ana")
    assert "could not be read" in app.message.value
    row(app, "art9_recourse").status.value = "in_place"
    assert path.read_text(encoding="utf-8") == "{damaged"


def test_a_name_too_long_is_refused_with_what_to_do(
    casebook: Casebook, store: ProgressStore
) -> None:
    app = started(casebook, store, "x" * 200)
    assert "shorter name" in app.message.value
    assert app.children[0] is app.start_panel


def test_the_tabs_show_the_gaps_the_profile_and_the_casebook(casebook: Casebook) -> None:
    app = started(casebook, None)
    row(app, "art5_1_a_operator_informs").status.value = "in_place"
    row(app, "art6_exemptions").choice.boxes["force_majeure"].value = True
    app.tabs.selected_index = 1
    assert 'data-item="art5_1_b_operator_evaluates"' in app.gaps.value
    assert 'data-item="art5_1_a_operator_informs"' not in app.gaps.value
    app.tabs.selected_index = 2
    assert "exemptions: [force_majeure]" in app.profile.value
    assert app.comparison.value.count("<tr data-case=") == len(casebook.cases)


def test_the_summary_downloads_as_word_markdown_and_profile(casebook: Casebook) -> None:
    app = started(casebook, None)
    row(app, "art3_7_non_parties").status.value = "not_yet"
    app.prepare_downloads()
    link = r'download="([^"]+)" href="data:[^;]+(?:;charset=utf-8)?;base64,([^"]+)"'
    files = dict(re.findall(link, app.downloads.value))
    assert set(files) == {
        "national-implementation-borduria.md",
        "national-implementation-borduria.docx",
        "borduria.yaml",
    }
    word = docx.Document(
        io.BytesIO(base64.b64decode(files["national-implementation-borduria.docx"]))
    )
    assert any(p.text.startswith("Art. 3(7) movements from non-Parties") for p in word.paragraphs)
    text = base64.b64decode(files["national-implementation-borduria.md"]).decode()
    assert "- **Art. 3(7)** movements from non-Parties" in text
    row(app, "art9_recourse").status.value = "in_place"
    assert app.downloads.value == ""  # the summary no longer matches the answers


def html_values(root: widgets.Widget) -> str:
    """The HTML every HTML widget under ``root`` puts into the page."""
    found: list[str] = []

    def walk(widget: Any) -> None:
        if isinstance(widget, widgets.HTML):
            found.append(widget.value)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(root)
    return "\n".join(found)


def test_what_the_learner_typed_reaches_the_page_only_as_text(casebook: Casebook) -> None:
    app = started(casebook, None)
    app.country.value = EVIL
    notes = row(app, "art4_causal_link")
    notes.note.value = EVIL
    notes.choice.text.value = EVIL
    for tab in (1, 2):
        app.tabs.selected_index = tab
    app.prepare_downloads()
    page = html_values(app)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page


def test_a_failing_tab_says_so_instead_of_going_dead(
    casebook: Casebook, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = started(casebook, None)

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(implementation, "summarise", broken)
    with caplog.at_level(logging.ERROR):
        app.tabs.selected_index = 2
        app.prepare_downloads()
    assert "Something went wrong" in app.message.value
    assert "Something went wrong" in app.downloads.value
    assert "boom" in caplog.text


def test_an_unusable_choice_is_named_under_its_item_until_it_is_put_right(
    casebook: Casebook,
) -> None:
    app = started(casebook, None)
    cap = row(app, "art8_financial_limit")
    cap.choice.mode.value = "some"
    assert "a cap of 0" in cap.message.value and 'role="alert"' in cap.message.value
    cap.choice.amount.value = 500000
    cap.choice.currency.value = "dollars"
    assert "three-letter code" in cap.message.value
    cap.choice.currency.value = "usd"
    assert cap.message.value == ""
    assert app.assessment.answer("art8_financial_limit").choice == {
        "amount": 500000,
        "currency": "USD",
    }


def test_the_core_needs_only_pyyaml_and_the_page_loads_word_support_only_for_a_download() -> None:
    code = (
        "import sys, toolkit.implementation; core = set(sys.modules); "
        "import toolkit.ui.implementation; "
        "print(sorted(m for m in ('ipywidgets', 'docx', 'sqlalchemy') if m in core), "
        "'docx' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["[]", "False", "False"]
