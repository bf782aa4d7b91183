"""The participant app: a group joins a workshop session, works a case, and tries what-ifs.

Every answer is saved the moment it is given and read back from the store whenever the page
opens a case, so a reload, a kernel restart or a second device loses nothing. Model answers,
what-if explanations and the analysis enter the page (and the widget state sent to it) only
once the trainer has released the case; in self-study, when the learner asks for them.
"""

from __future__ import annotations

import asyncio
import functools
import html
import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlencode

import ipywidgets as widgets

from toolkit.casebook import Case, Casebook
from toolkit.render import plain
from toolkit.store import Group, Session, StoreError
from toolkit.store.client import AnswerStore
from toolkit.ui.answers import InvalidAnswer
from toolkit.ui.explorer import AS_WRITTEN, what_if_options
from toolkit.ui.join import JoinPanel
from toolkit.ui.markup import markdown_html
from toolkit.ui.question import QuestionRow

log = logging.getLogger(__name__)
RELEASE_CHECK_S = 3.0  # how often a group's page asks whether the trainer released the case
NOT_RELEASED = (
    "<p>The article-by-article analysis and the model answers appear here when your trainer "
    "releases them for this case.</p>"
)
SERVER_TROUBLE = (
    "Not saved: the workshop server did not answer. Your answer is still here; change it again "
    "to retry, or ask your trainer."
)


class CaseExercise(widgets.VBox):
    """Join panel first; then the case, its questions, and the what-if panel.

    ``connect`` opens the store only when a group joins: self-study never touches it.
    ``query`` is the page's query string: ``session`` and ``group`` join at once (the group's
    link, which a reload keeps), ``case`` opens a case, ``reveal=1`` shows the analysis in
    self-study.
    """

    def __init__(
        self,
        casebook: Casebook,
        connect: Callable[[], AnswerStore],
        query: Mapping[str, str] | None = None,
    ) -> None:
        query = query or {}
        self.casebook = casebook
        self._connect = connect
        self._store: AnswerStore | None = None
        self.session: Session | None = None
        self.group: Group | None = None
        self._first_case = query.get("case", "")
        self._reveal_asked = query.get("reveal") == "1"
        self.join_panel = JoinPanel(query.get("session", ""), query.get("group", ""))
        self.join_panel.on_join(self.join)
        self.join_panel.on_self_study(self.study_alone)
        self.case_view: CaseView | None = None
        super().__init__([self.join_panel])
        self.add_class("lr-exercise")
        if query.get("session") and query.get("group"):
            self.join(query["session"], query["group"])
        elif "case" in query or "reveal" in query:
            self.study_alone()

    def join(self, code: str, group_name: str) -> None:
        """Join (or rejoin) the session as the named group and open the exercise."""
        try:
            if self._store is None:
                self._store = self._connect()
            group = self._store.join(code, group_name)
            session = self._store.find_session(code)
        except StoreError as error:
            self.join_panel.say(str(error))
            return
        except Exception:
            log.exception("joining session %r as %r failed", code, group_name)
            self.join_panel.say(
                "The workshop server could not be reached. Try again in a moment, or ask your "
                "trainer."
            )
            return
        self.session, self.group = session, group
        self._open(Workshop(self._store, session, group))

    def study_alone(self) -> None:
        self._open(SelfStudy(revealed=self._reveal_asked))

    def _open(self, mode: Mode) -> None:
        self.case_view = CaseView(self.casebook, mode, self._first_case)
        self.children = [self.case_view]
        if isinstance(mode, Workshop):
            self.case_view.follow_releases()


class Mode(Protocol):
    """Where answers go and when model answers may be shown: a session or self-study."""

    def header(self, case_id: str) -> str: ...
    def saved(self, case_id: str) -> dict[str, object]: ...
    def save(self, case_id: str, row: QuestionRow, value: object) -> None: ...
    def released(self, case_id: str) -> bool: ...
    def controls(self, refresh: Callable[[], None]) -> list[widgets.Widget]: ...


class Workshop:
    """A group in a session: answers go to the store; the trainer releases model answers."""

    def __init__(self, store: AnswerStore, session: Session, group: Group) -> None:
        self.store, self.session, self.group = store, session, group

    def header(self, case_id: str) -> str:
        e = html.escape
        link = "?" + urlencode(
            {"session": self.session.code, "group": self.group.name, "case": case_id}
        )
        return (
            f'<p class="lr-group-bar">Group <b class="lr-group">{e(self.group.name)}</b> in '
            f"session <b>{e(self.session.code)}</b> ({e(self.session.title)}). "
            f'<a class="lr-group-link" href="{e(link)}">Your group\'s link</a>: open it on '
            "another device, or bookmark it to come back to these answers.</p>"
        )

    def saved(self, case_id: str) -> dict[str, object]:
        return self.store.answers(self.group, case_id)

    def save(self, case_id: str, row: QuestionRow, value: object) -> None:
        row.say("Saving…")
        try:
            answer = self.store.save_answer(self.group, case_id, row.key, value)
        except StoreError as error:
            row.say(f"Not saved: {error}")
            raise
        except Exception:
            log.exception("saving %s/%s for group %s failed", case_id, row.key, self.group.id)
            row.say(SERVER_TROUBLE)
            raise
        row.saved(answer.saved_at)

    def released(self, case_id: str) -> bool:
        return self.store.is_released(self.session, case_id)

    def controls(self, refresh: Callable[[], None]) -> list[widgets.Widget]:
        button = widgets.Button(
            description="Refresh",
            tooltip="Show the answers your group saved on other devices, and any model answers "
            "your trainer has released",
        )
        button.add_class("lr-refresh")
        button.on_click(lambda _: refresh())
        return [button]


class SelfStudy:
    """One learner, nothing stored: model answers and analysis whenever they ask."""

    def __init__(self, *, revealed: bool) -> None:
        self.reveal = widgets.ToggleButton(
            value=revealed,
            description="Show the analysis and model answers",
            tooltip="Compare your answers with the model answers and the article-by-article "
            "analysis",
        )
        self.reveal.add_class("lr-reveal")

    def header(self, case_id: str) -> str:
        return (
            '<p class="lr-group-bar">Studying on your own: your answers stay on this page and '
            "are not stored.</p>"
        )

    def saved(self, case_id: str) -> dict[str, object]:
        return {}

    def save(self, case_id: str, row: QuestionRow, value: object) -> None:
        row.say("")

    def released(self, case_id: str) -> bool:
        return bool(self.reveal.value)

    def controls(self, refresh: Callable[[], None]) -> list[widgets.Widget]:
        self.reveal.observe(lambda _: refresh(), names="value")
        return [self.reveal]


class CaseView(widgets.VBox):
    """A case's narrative and questions, and the what-if panel with the analysis."""

    def __init__(self, casebook: Casebook, mode: Mode, first_case: str = "") -> None:
        self.mode = mode
        self._cases = {case.id: case for case in casebook.cases}
        self.header = widgets.HTML("")
        self.case = widgets.Dropdown(
            options=[(case.title, case.id) for case in casebook.cases],
            description="Case",
            layout=widgets.Layout(width="max-content"),
        )
        self.case.add_class("lr-case")
        if first_case in self._cases:
            self.case.value = first_case
        self.narrative = widgets.HTML("")
        self.narrative.add_class("lr-narrative")
        self.questions = widgets.VBox([])
        self.what_if = widgets.Dropdown(
            description="What if", layout=widgets.Layout(width="max-content")
        )
        self.what_if.add_class("lr-what-if")
        self.changes = widgets.HTML("")
        self.changes.add_class("lr-what-if-changes")
        self.analysis = widgets.HTML("")
        self.analysis.add_class("lr-analysis")
        self.rows: dict[str, QuestionRow] = {}
        self.released: bool | None = None  # as last shown
        self._analyses: dict[str | None, str] = {}  # the current case's, by what-if
        self._follower: asyncio.Task[None] | None = None
        self._unsaved: set[str] = set()
        what_if_panel = widgets.VBox(
            [widgets.HTML("<h3>What if…?</h3>"), self.what_if, self.changes, self.analysis]
        )
        what_if_panel.add_class("lr-what-if-panel")
        super().__init__(
            [
                self.header,
                widgets.HBox([self.case, *mode.controls(self.refresh)]),
                self.narrative,
                self.questions,
                what_if_panel,
            ]
        )
        self.case.observe(self._case_chosen, names="value")
        self.what_if.observe(self._show_released, names="value")
        self._case_chosen()

    @property
    def current(self) -> Case:
        return self._cases[self.case.value]

    def _case_chosen(self, _change: Any = None) -> None:
        case = self.current
        self.header.value = self.mode.header(case.id)
        self.narrative.value = f"<h2>{html.escape(case.title)}</h2>{markdown_html(case.narrative)}"
        self.rows = {
            key: QuestionRow(case, key, number)
            for number, key in enumerate(case.questions, start=1)
        }
        for row in self.rows.values():
            row.input.on_answer(functools.partial(self._answered, row))
        self.questions.children = list(self.rows.values())
        self._unsaved.clear()
        self._analyses.clear()
        self.what_if.options = what_if_options(case)
        self.what_if.value = AS_WRITTEN  # a new list of options is left unselected
        self.refresh()

    def refresh(self) -> None:
        """Read the group's saved answers and the release again (another device, the trainer)."""
        case = self.current
        try:
            saved = self.mode.saved(case.id)
        except Exception as error:
            log.exception("reading the answers to %s failed", case.id)
            self.header.value = self.mode.header(case.id) + _problem(error)
            saved = {}
        for key, row in self.rows.items():
            if key in self._unsaved:
                continue  # keep what the participant gave until it is saved
            row.input.answer = saved.get(key)
            row.say("Saved earlier" if key in saved else "")
        self._show_released()

    def _answered(self, row: QuestionRow, value: object) -> None:
        if isinstance(value, InvalidAnswer):
            row.say(f"Not saved: {value}")
            self._unsaved.add(row.key)
            return
        try:
            self.mode.save(self.current.id, row, value)
        except Exception:
            self._unsaved.add(row.key)
        else:
            self._unsaved.discard(row.key)

    def follow_releases(self, every_s: float = RELEASE_CHECK_S) -> None:
        """Check for the trainer's release every few seconds while the kernel is idle, so the
        model answers appear without Refresh. (Outside a running event loop: not at all.)"""

        async def follow() -> None:
            while True:
                await asyncio.sleep(every_s)
                self.check_release()

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self._follower = loop.create_task(follow())

    def check_release(self) -> None:
        """Redraw only if the case was released or hidden since the page last looked."""
        try:
            released = self.mode.released(self.current.id)
        except Exception:
            log.warning("checking the release of %s failed", self.current.id, exc_info=True)
            return
        if released != self.released:
            self._show_released()

    def _show_released(self, _change: Any = None) -> None:
        """Draw what the release allows: the analysis first, as it is what a what-if is for."""
        case = self.current
        what_if = self.what_if.value or None
        try:
            released = self.mode.released(case.id)
        except Exception as error:
            log.exception("checking the release of %s failed", case.id)
            released, shown = False, _problem(error)
        else:
            shown = self._analysis_of(what_if) if released else NOT_RELEASED
        self.analysis.value = shown
        self.released = released
        self.changes.value = _changes_html(case, what_if)
        for row in self.rows.values():
            if released:
                row.show_model_answer(case, what_if)
            else:
                row.hide_model_answer()
        if released:  # ready the other what-ifs now, while the group reads this one
            for key in case.what_ifs:
                self._analysis_of(key)

    def _analysis_of(self, what_if: str | None) -> str:
        if what_if not in self._analyses:
            self._analyses[what_if] = _analysis_html(self.current, what_if)
        return self._analyses[what_if]


def _changes_html(case: Case, what_if: str | None) -> str:
    """The facts a what-if changes, as a list: what participants reason about before release."""
    if what_if is None:
        return ""
    e = html.escape
    items = "".join(
        f"<li><code>{e(path)}</code>: {e(_fact_text(value))}</li>"
        for path, value in case.what_ifs[what_if].changes.items()
    )
    return f"<p><b>What if:</b> {e(case.what_ifs[what_if].title)}</p><ul>{items}</ul>"


def _fact_text(value: object) -> str:
    shown = plain(value)
    if shown is None:
        return "unknown"
    if isinstance(shown, list):
        return ", ".join(map(str, shown))
    if isinstance(shown, dict):
        return "; ".join(f"{k}: {v}" for k, v in shown.items())
    return str(shown)


def _analysis_html(case: Case, what_if: str | None) -> str:
    try:
        analysis = case.analysis(what_if).to_html()
    except Exception:  # a widget callback must never fail silently in Voila
        log.exception("analysis failed for %s / %s", case.id, what_if)
        return "<p><b>The analysis could not be shown.</b> Ask your trainer.</p>"
    intro = ""
    if what_if is not None:
        explanation = html.escape(case.what_ifs[what_if].explanation)
        intro = f'<p class="lr-what-if-explanation"><b>What it changes:</b> {explanation}</p>'
    return intro + analysis


def _problem(error: Exception) -> str:
    message = str(error) if isinstance(error, StoreError) else "the workshop server did not answer"
    return (
        f'<p role="alert"><b>Could not read from the workshop server:</b> {html.escape(message)}. '
        "Press Refresh to try again.</p>"
    )
