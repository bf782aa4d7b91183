"""The trainer's sessions: open a new one, pick one, close it; and its join code, shown large
enough to read from the back of the room on a projector."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from toolkit.store import Session, StoreError
from toolkit.store.client import AnswerStore

log = logging.getLogger(__name__)
CLOSE = "Close this session"
CONFIRM = "Click again to close it: groups can then no longer answer"


class SessionPanel(widgets.VBox):
    """``on_change(callback)`` hears of the session shown (None: no session yet)."""

    def __init__(self, store: AnswerStore) -> None:
        self.store = store
        self._callbacks: list[Callable[[Session | None], None]] = []
        self.choice = widgets.Dropdown(
            description="Session",
            tooltip="The session whose answers this dashboard shows",
            layout=widgets.Layout(width="max-content"),
        )
        self.choice.add_class("lr-session-choice")
        self.title = widgets.Text(
            description="New session",
            placeholder="e.g. Nairobi, morning",
            tooltip="A title for a new session: the place and time of the workshop",
            style={"description_width": "initial"},
        )
        self.title.add_class("lr-session-title")
        self.open_button = widgets.Button(
            description="Open a new session", button_style="primary",
            tooltip="Open a session with a fresh join code for the groups",
        )  # fmt: skip
        self.open_button.add_class("lr-session-open")
        self.close_button = widgets.Button(
            description=CLOSE, tooltip="Stop the session taking groups and answers"
        )
        self.close_button.add_class("lr-session-close")
        self.code = widgets.HTML("")
        self.code.add_class("lr-join-code-big")
        self.message = widgets.HTML("")
        super().__init__(
            [
                widgets.HBox([self.choice, self.close_button]),
                widgets.HBox([self.title, self.open_button]),
                self.message,
                self.code,
            ]
        )
        self.add_class("lr-session-panel")
        self.open_button.on_click(lambda _: self.open_session(self.title.value))
        self.close_button.on_click(lambda _: self._close_clicked())
        self.choice.observe(self._chosen, names="value")
        self.reload()

    @property
    def session(self) -> Session | None:
        value = self.choice.value
        return value if isinstance(value, Session) else None

    def on_change(self, callback: Callable[[Session | None], None]) -> None:
        self._callbacks.append(callback)

    def reload(self, show: Session | None = None) -> None:
        """List the sessions again, showing ``show`` (default: the newest open one)."""
        try:
            sessions = self.store.sessions()
        except Exception as error:
            self.say(_trouble(error, "list the sessions"))
            return
        self.choice.options = [(_label(s), s) for s in sessions]
        if show is None:
            show = next((s for s in sessions if s.is_open), sessions[0] if sessions else None)
        self.choice.value = next((s for s in sessions if show and s.id == show.id), None)
        self._chosen()

    def open_session(self, title: str) -> None:
        try:
            session = self.store.open_session(title)
        except Exception as error:
            self.say(_trouble(error, "open a session"))
            return
        self.title.value = ""
        self.say("")
        self.reload(show=session)

    def _close_clicked(self) -> None:
        session = self.session
        if session is None or not session.is_open:
            return
        if self.close_button.description != CONFIRM:
            self.close_button.description, self.close_button.button_style = CONFIRM, "danger"
            return
        try:
            closed = self.store.close_session(session)
        except Exception as error:
            self.say(_trouble(error, "close the session"))
            return
        self.reload(show=closed)

    def _chosen(self, _change: Any = None) -> None:
        session = self.session
        self.close_button.description, self.close_button.button_style = CLOSE, ""
        self.close_button.disabled = session is None or not session.is_open
        self.code.value = _code_html(session)
        for callback in self._callbacks:
            callback(session)

    def say(self, message: str) -> None:
        self.message.value = f'<p role="alert">{html.escape(message)}</p>' if message else ""


def _label(session: Session) -> str:
    state = "" if session.is_open else " (closed)"
    return f"{session.code} · {session.title}{state}"


def _code_html(session: Session | None) -> str:
    if session is None:
        return "<p>No session yet: give it a title above and open it.</p>"
    e = html.escape
    code = session.code
    spaced = f"{code[:3]} {code[3:]}" if len(code) == 6 else code  # read out in two halves
    state = "" if session.is_open else '<p class="lr-closed">This session is closed.</p>'
    return (
        f'<div class="lr-code-box"><p>Join code for <b>{e(session.title)}</b></p>'
        f'<p class="lr-code" aria-label="Join code {e(" ".join(code))}">{e(spaced)}</p>'
        f"{state}</div>"
    )


def _trouble(error: Exception, doing: str) -> str:
    if isinstance(error, StoreError):
        return str(error)
    log.exception("could not %s", doing)
    return f"Could not {doing}: the answer store did not answer. Try again in a moment."


SESSION_CSS = """
.lr-code-box { text-align: center; margin: .5em 0; }
.lr-code { font: bold min(16vw, 8rem)/1.1 ui-monospace, monospace; letter-spacing: .12em;
  margin: .1em 0; color: #1d2330; }
.lr-closed { color: #b3261e; font-weight: bold; }
"""
