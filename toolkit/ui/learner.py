"""The learner's name, under which a self-study app keeps their progress between visits."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets


class LearnerBar(widgets.VBox):
    """Name, keep and forget buttons, and a message. The app decides what they do."""

    def __init__(self) -> None:
        intro = widgets.HTML(
            "<p>To come back to your work later, type your name and press <b>Keep my "
            "progress</b>: what you enter and answer is then saved on the workshop computer "
            "under that name, and restored when you type it again. Without a name nothing is "
            "saved.</p>"
        )
        self.name = widgets.Text(
            description="Your name",
            placeholder="e.g. Ana Pereira",
            tooltip="Your progress is saved under this name",
            continuous_update=False,
        )
        self.name.add_class("lr-learner-name")
        self.keep = widgets.Button(
            description="Keep my progress",
            button_style="primary",
            tooltip="Save your progress under this name, or restore what you saved before",
        )
        self.keep.add_class("lr-keep")
        self.forget = widgets.Button(
            description="Forget my progress",
            tooltip="Delete what was saved under this name (for example on a shared computer)",
        )
        self.forget.add_class("lr-forget")
        self.message = widgets.HTML("")
        self.message.add_class("lr-learner-message")
        super().__init__([intro, widgets.HBox([self.name, self.keep, self.forget]), self.message])
        self.add_class("lr-learner")

    def on_keep(self, callback: Callable[[str], None]) -> None:
        self.keep.on_click(lambda _: callback(self.name.value))

    def on_forget(self, callback: Callable[[str], None]) -> None:
        self.forget.on_click(lambda _: callback(self.name.value))

    def say(self, message: str) -> None:
        """Show a message (plain text, escaped) where screen readers announce it."""
        self.message.value = f'<p role="status">{html.escape(message)}</p>' if message else ""
