"""The trainer's dashboard: behind the passcode, the session and its join code, the groups'
answers to a case as they arrive (table and charts), the release of model answers, the
presenter view and the exports.

The answers follow the store live (``Poller``): each look reads the store and renders the HTML
in a worker thread; the event loop only sets the widgets' values.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from toolkit.casebook import Case, Casebook
from toolkit.store import Session, StoreError
from toolkit.store.client import AnswerStore
from toolkit.trainer.board import Board, build_board
from toolkit.trainer.charts import CHART_CSS, bars_html
from toolkit.trainer.grid import GRID_CSS, grid_html
from toolkit.trainer.passcode import PasscodeCheck
from toolkit.ui.export_panel import ExportPanel
from toolkit.ui.live import Poller
from toolkit.ui.passcode_gate import PasscodeGate
from toolkit.ui.presenter import Presenter
from toolkit.ui.sessions import SESSION_CSS, SessionPanel

log = logging.getLogger(__name__)
TABS = ("Session", "Answers", "Presenter", "Export")
EXPORT_CSS = (
    ".lr-export-result a { color: #1a5fb4; text-decoration: underline; font-weight: bold; }"
)


class TrainerDashboard(widgets.VBox):
    """The passcode gate; once it is passed, the ``Desk``. ``connect`` is called only then."""

    def __init__(
        self,
        casebook: Casebook,
        connect: Callable[[], AnswerStore],
        check: PasscodeCheck | None = None,
    ) -> None:
        self.casebook = casebook
        self._connect = connect
        self.desk: Desk | None = None
        self.gate = PasscodeGate(check or PasscodeCheck(), self.open_desk)
        super().__init__([self.gate])
        self.add_class("lr-trainer")

    def open_desk(self) -> None:
        try:
            store = self._connect()
        except Exception as error:
            log.exception("connecting the dashboard to the answer store failed")
            self.gate.say(f"The answer store could not be opened: {error}")
            return
        self.desk = Desk(store, self.casebook)
        self.children = [self.desk]
        self.desk.follow()


@dataclass(frozen=True)
class Look:
    """What one look at the store found, rendered: for this session and case only."""

    session: Session
    case_id: str
    board: Board
    released: bool
    grid: str
    charts: str
    at: datetime


def look(store: AnswerStore, session: Session, case: Case) -> Look:
    """Read the case's answers and release state, and render them (in a worker thread)."""
    board = build_board(case, store.all_answers(session, case.id))
    released = store.is_released(session, case.id)
    charts = "".join(
        f'<div class="lr-question-chart"><h4>Q{n}. {html.escape(question.prompt)}</h4>'
        f"{bars_html(board.distribution(key))}</div>"
        for n, (key, question) in enumerate(case.questions.items(), start=1)
    )
    return Look(session, case.id, board, released, grid_html(board), charts, datetime.now())


class Desk(widgets.VBox):
    def __init__(self, store: AnswerStore, casebook: Casebook) -> None:
        self.store = store
        self._cases = {case.id: case for case in casebook.cases}
        self.sessions = SessionPanel(store)
        self.case = widgets.Dropdown(
            options=[(case.title, case.id) for case in casebook.cases],
            description="Case", tooltip="The case whose answers, release and slides are shown",
            layout=widgets.Layout(width="max-content"),
        )  # fmt: skip
        self.case.add_class("lr-trainer-case")
        self.release = widgets.Button(
            description="Release model answers",
            tooltip="Show (or hide again) this case's model answers and analysis on the groups' "
            "pages",
            layout=widgets.Layout(width="auto"),
        )  # fmt: skip
        self.release.add_class("lr-release")
        self.released = widgets.HTML("")
        self.released.add_class("lr-release-state")
        self.status = widgets.HTML("")
        self.status.add_class("lr-live-status")
        self.grid = widgets.HTML("")
        self.grid.add_class("lr-trainer-grid")
        self.charts = widgets.HTML("")
        self.charts.add_class("lr-trainer-charts")
        self.presenter = Presenter()
        self.exports = ExportPanel(store, casebook, lambda: self.sessions.session)
        self.tabs = widgets.Tab(
            [self.sessions, widgets.VBox([self.grid, self.charts]), self.presenter, self.exports],
            titles=TABS,
        )
        self.poller = Poller(self.read, self.show, self.failed)
        self._shown: Look | None = None
        self.shown_session = widgets.HTML("")
        self.shown_session.add_class("lr-shown-session")
        style = widgets.HTML(f"<style>{GRID_CSS}{CHART_CSS}{SESSION_CSS}{EXPORT_CSS}</style>")
        bar = widgets.HBox([self.case, self.release, self.released])
        super().__init__([style, self.shown_session, bar, self.status, self.tabs])
        self.add_class("lr-desk")
        self.sessions.on_change(lambda _: self.refresh())
        self.case.observe(lambda _: self.refresh(), names="value")
        self.release.on_click(lambda _: self.toggle_release())
        self.refresh()

    @property
    def current(self) -> Case:
        return self._cases[self.case.value]

    def follow(self) -> bool:
        """Follow the store every few seconds while the page is open (in a running kernel)."""
        return self.poller.start()

    def read(self) -> Look | None:
        session = self.sessions.session
        return None if session is None else look(self.store, session, self.current)

    def show(self, found: Look | None) -> None:
        session = self.sessions.session
        self.shown_session.value = (
            "" if session is None else f"<p>Session <b>{html.escape(session.code)}</b> · "
            f"{html.escape(session.title)}{'' if session.is_open else ' (closed)'}</p>"
        )  # fmt: skip
        if found is None or session is None:
            self._shown = None
            self.grid.value = self.charts.value = self.released.value = ""
            self.release.disabled = True
            self.status.value = "<p>Open a session to see its groups' answers here.</p>"
            return
        if found.session.id != session.id or found.case_id != self.case.value:
            return  # the trainer switched while this was read; the next look shows the new one
        self._shown = found
        self.grid.value, self.charts.value = found.grid, found.charts
        self.release.disabled = False
        self.release.description = (
            "Hide model answers" if found.released else "Release model answers"
        )
        self.released.value = (
            "<b>Model answers: shown to the groups.</b>" if found.released
            else "Model answers: hidden from the groups."
        )  # fmt: skip
        groups = len(found.board.rows)
        self.status.value = (
            f"<p>{groups} group{'' if groups == 1 else 's'} · updated "
            f"{found.at:%H:%M:%S} (every few seconds)</p>"
        )
        self.presenter.show(found.board)

    def failed(self, error: Exception) -> None:
        message = str(error) if isinstance(error, StoreError) else "the answer store did not answer"
        self.status.value = (
            f'<p role="alert">Could not read the answers: {html.escape(message)}. Trying again '
            "in a few seconds.</p>"
        )

    def refresh(self) -> None:
        """Look now (on the event loop: after the trainer's own changes)."""
        try:
            found = self.read()
        except Exception as error:
            log.warning("reading the answers failed", exc_info=True)
            self.failed(error)
            return
        self.show(found)

    def toggle_release(self, _change: Any = None) -> None:
        session = self.sessions.session
        if session is None or self._shown is None:
            return
        try:
            if self._shown.released:
                self.store.hide(session, self.case.value)
            else:
                self.store.release(session, self.case.value)
        except Exception as error:
            log.warning("releasing or hiding %s failed", self.case.value, exc_info=True)
            self.failed(error)
            return
        self.refresh()
