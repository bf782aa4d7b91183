"""The trainer dashboard's door: a passcode box, and nothing else until the passcode is right.

Nothing of any session is built, read or sent to the page before then: the dashboard is made
only by the callback this panel calls on acceptance.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from toolkit.trainer.passcode import PasscodeCheck


class PasscodeGate(widgets.VBox):
    """Asks for the trainer passcode; calls ``on_accept()`` once it is right."""

    def __init__(self, check: PasscodeCheck, on_accept: Callable[[], None]) -> None:
        self._check = check
        self._on_accept = on_accept
        intro = widgets.HTML(
            "<p>This page is for the trainer. Type the trainer passcode that <code>lrkit "
            "serve</code> printed when it started.</p>"
        )
        self.passcode = widgets.Password(
            description="Passcode",
            placeholder="the trainer passcode",
            continuous_update=False,  # sent on Enter (or on leaving the box), not per key
            tooltip="The trainer passcode printed by lrkit serve",
        )
        self.passcode.add_class("lr-passcode")
        self.enter = widgets.Button(description="Open the dashboard", button_style="primary")
        self.enter.add_class("lr-passcode-enter")
        self.message = widgets.HTML("")
        self.message.add_class("lr-passcode-message")
        super().__init__([intro, self.passcode, self.enter, self.message])
        self.add_class("lr-passcode-gate")
        self.passcode.observe(self._typed, names="value")
        self.enter.on_click(lambda _: self.try_passcode(self.passcode.value))

    def _typed(self, change: Any) -> None:
        if change["new"]:
            self.try_passcode(change["new"])

    def try_passcode(self, given: str) -> None:
        """Check ``given``; the box is emptied either way, so no try is counted twice."""
        if not given.strip():
            self.say("Type the passcode first.")
            return
        self.passcode.value = ""
        verdict = self._check.check(given)
        if verdict.accepted:
            self.say("")
            self._on_accept()
        else:
            self.say(verdict.message)

    def say(self, message: str) -> None:
        self.message.value = f'<p role="alert">{html.escape(message)}</p>' if message else ""
