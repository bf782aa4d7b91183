"""The first thing a participant sees: join a workshop session as a group, or study alone."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets


class JoinPanel(widgets.VBox):
    """Join code, group name, and two buttons. The app decides what joining means."""

    def __init__(self, code: str = "", group: str = "") -> None:
        intro = widgets.HTML(
            "<p>Type the join code your trainer shows and your group's name. Everyone in a "
            "group uses the same name, on any device, to work on the same answers.</p>"
        )
        self.code = widgets.Text(value=code, description="Join code", placeholder="e.g. K7MX2P")
        self.code.add_class("lr-join-code")
        self.group = widgets.Text(value=group, description="Group name", placeholder="e.g. Team A")
        self.group.add_class("lr-group-name")
        self.join = widgets.Button(description="Join", button_style="primary")
        self.join.add_class("lr-join")
        self.self_study = widgets.Button(description="Study on my own")
        self.self_study.add_class("lr-self-study")
        self.message = widgets.HTML("")
        self.message.add_class("lr-join-message")
        buttons = widgets.HBox([self.join, self.self_study])
        super().__init__([intro, self.code, self.group, buttons, self.message])
        self.add_class("lr-join-panel")

    def on_join(self, callback: Callable[[str, str], None]) -> None:
        """Call ``callback(code, group name)`` when the Join button is pressed."""
        self.join.on_click(lambda _: callback(self.code.value, self.group.value))

    def on_self_study(self, callback: Callable[[], None]) -> None:
        self.self_study.on_click(lambda _: callback())

    def say(self, message: str) -> None:
        """Show a message (plain text: it is escaped) where screen readers announce it."""
        self.message.value = f'<p role="alert">{html.escape(message)}</p>' if message else ""
