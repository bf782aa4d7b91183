"""The national implementation self-assessment app (agenda item "liability and redress at the
national level"): fill in the checklist, read the gaps, run the casebook under your own
country's choices, and download a summary.

With a name, answers are kept between visits in a JSON file per learner; without one they
stay on the page only.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import ipywidgets as widgets

from toolkit.casebook import Casebook
from toolkit.implementation.gaps import gaps
from toolkit.implementation.model import Answer, Assessment
from toolkit.implementation.national_profile import AssessmentError, national_profile, profile_id
from toolkit.implementation.progress import load_assessment, save_assessment
from toolkit.implementation.summary import Summary, gap_count, markdown, summarise
from toolkit.progress import ProgressError, ProgressStore, learner_name
from toolkit.ui.checklist_view import ChecklistView
from toolkit.ui.choice_inputs import WIDE
from toolkit.ui.downloads import DOCX, MARKDOWN, YAML, download_link
from toolkit.ui.implementation_html import block, comparison_html, gaps_html, profile_html

log = logging.getLogger(__name__)
TABS = ("1. Checklist", "2. Gaps", "3. Profile, casebook", "4. Summary")
INTRO = (
    "<p>Type the country you assess, and your name if you want your answers kept between "
    "visits. Then, item by item, say whether your country's law already provides what the "
    "Protocol asks, and where it leaves a choice to domestic law, record the option your "
    "country took or plans. For an optional item, <i>in place</i> means domestic law has "
    "settled the choice.</p>"
)
GENERIC_PROBLEM = (
    "Something went wrong; the error is in the server log. Try again, or ask your trainer."
)


class SelfAssessmentApp(widgets.VBox):
    """Name and country first; then the four tabs. ``store`` None keeps nothing on disk."""

    def __init__(
        self,
        casebook: Casebook,
        store: ProgressStore | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.casebook = casebook
        self.store = store
        self.today = today
        self.assessment = Assessment()
        self.keeping = False  # whether answers are saved to the learner's file
        self.learner = widgets.Text(
            description="Your name",
            placeholder="to keep your answers between visits (optional)",
            style=WIDE,
        )
        self.country = widgets.Text(
            description="Country", placeholder="the country you assess", style=WIDE,
            continuous_update=False,
        )  # fmt: skip
        self.start_button = widgets.Button(description="Start", button_style="primary")
        self.start_button.on_click(lambda _: self.start())
        self.message = widgets.HTML("")
        self.message.add_class("lr-message")
        self.start_panel = widgets.VBox(
            [widgets.HTML(block(INTRO)), self.learner, self.country, self.start_button]
        )
        super().__init__([self.start_panel, self.message])
        self.add_class("lr-self-assessment")

    # -- starting, keeping ---------------------------------------------------------------------

    def start(self) -> None:
        """Open the learner's assessment (their saved one, if they gave a name and have one)."""
        name = " ".join(self.learner.value.split())
        if name:
            try:
                name = learner_name(name)
            except ProgressError as error:
                self.say(str(error))
                return
        assessment = Assessment(learner=name, country=self.country.value.strip())
        self.keeping = bool(name) and self.store is not None
        note = "No name given: your answers stay on this page and are lost when you close it."
        if self.keeping and self.store is not None:
            note = f"Your answers are saved as you go under the name {name}."
            try:
                saved = load_assessment(self.store, name)
            except ProgressError as error:
                log.warning("cannot read the self-assessment of %r: %s", name, error)
                self.keeping = False  # never overwrite a file that may still be repaired
                saved = None
                note = f"{error} This visit starts afresh."
            if saved is not None:
                assessment = dataclasses.replace(
                    saved, learner=name, country=assessment.country or saved.country
                )
                note = f"Welcome back, {name}: your answers are loaded and saved as you go."
        self.assessment = assessment
        self.country.value = assessment.country
        self._build()
        self.say(note)

    def _build(self) -> None:
        self.checklist = ChecklistView(lambda: self.assessment)
        self.checklist.on_answer(self.answer)
        self.gaps = widgets.HTML("")
        self.gaps.add_class("lr-gaps")
        self.profile = widgets.HTML("")
        self.profile.add_class("lr-profile")
        self.comparison = widgets.HTML("")
        self.comparison.add_class("lr-comparison-panel")
        self.prepare = widgets.Button(
            description="Prepare the summary",
            tooltip="Write the gaps, the checklist and your profile as Markdown and Word files",
            button_style="primary",
        )
        self.prepare.on_click(lambda _: self.prepare_downloads())
        self.downloads = widgets.HTML("")
        self.downloads.add_class("lr-downloads")
        self.saved = widgets.Label("")
        self.saved.add_class("lr-saved")
        self.tabs = widgets.Tab(
            [
                self.checklist,
                self.gaps,
                widgets.VBox([self.profile, self.comparison]),
                widgets.VBox([self.prepare, self.downloads]),
            ],
            titles=TABS,
        )
        self.tabs.observe(self._tab_chosen, names="selected_index")
        self.country.observe(self._country_changed, names="value")
        header = widgets.HBox([self.country, self.saved])
        self.children = [header, self.message, self.tabs]

    def answer(self, key: str, answer: Answer) -> None:
        """Record the learner's answer to one item, keep it, and say if its choice is unusable."""
        self.assessment = self.assessment.answered(key, answer)
        self._changed()
        row = self.checklist.rows.get(key)
        if row is not None:
            item = row.item
            try:
                national_profile(Assessment(answers={key: answer}))
            except AssessmentError as error:
                row.say(" ".join(p.message for p in error.problems if p.field == item.label))
            else:
                row.say("")

    def _country_changed(self, _change: Any = None) -> None:
        self.assessment = dataclasses.replace(self.assessment, country=self.country.value.strip())
        self._changed()

    def _changed(self) -> None:
        self.downloads.value = ""  # a summary prepared earlier no longer matches the answers
        if not self.keeping or self.store is None:
            return
        try:
            save_assessment(self.store, self.assessment)
        except OSError:
            log.exception("saving the self-assessment of %r failed", self.assessment.learner)
            self.saved.value = "Not saved: the data folder cannot be written. Ask your trainer."
            return
        self.saved.value = f"Saved at {datetime.now():%H:%M:%S}"

    def say(self, message: str) -> None:
        """Show a message (plain text, escaped) where screen readers announce it."""
        self.message.value = f'<p role="status">{html.escape(message)}</p>' if message else ""

    # -- the results ---------------------------------------------------------------------------

    def _tab_chosen(self, _change: Any = None) -> None:
        try:
            if self.tabs.selected_index == 1:
                self.gaps.value = gaps_html(gaps(self.assessment))
            elif self.tabs.selected_index == 2:
                self.show_profile()
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("showing tab %s failed", self.tabs.selected_index)
            self.say(GENERIC_PROBLEM)

    def show_profile(self) -> None:
        summary = summarise(self.assessment, self.today(), self.casebook.cases)
        self.profile.value = profile_html(summary.profile_yaml, summary.profile_problems)
        self.comparison.value = comparison_html(summary.comparison) if summary.profile_yaml else ""

    def prepare_downloads(self) -> None:
        """Build the summary files and offer them as links."""
        try:
            summary = summarise(self.assessment, self.today(), self.casebook.cases)
            self.downloads.value = _download_links(summary, profile_id(summary.country))
        except Exception:
            log.exception("preparing the summary failed")
            self.downloads.value = f'<p role="alert">{html.escape(GENERIC_PROBLEM)}</p>'


def _download_links(summary: Summary, stem: str) -> str:
    # python-docx (with lxml) costs a kernel 0.2 s and 12 MiB: only learners who download pay.
    from toolkit.ui.summary_docx import docx_bytes

    name = f"national-implementation-{stem}"
    links = [
        download_link(markdown(summary).encode(), f"{name}.md", MARKDOWN,
                      "Download the summary (Markdown)", "lr-download lr-download-markdown"),
        download_link(docx_bytes(summary), f"{name}.docx", DOCX,
                      "Download the summary (Word)", "lr-download lr-download-word"),
    ]  # fmt: skip
    if summary.profile_yaml is not None:
        links.append(
            download_link(summary.profile_yaml.encode(), f"{stem}.yaml", YAML,
                          "Download your profile (YAML)", "lr-download lr-download-profile")
        )  # fmt: skip
    items = "".join(f"<li>{link}</li>" for link in links)
    return f'<div role="status"><p>{html.escape(gap_count(summary))}</p><ul>{items}</ul></div>'
