"""The presenter view: one case, slide by slide, in large type for a projector.

Moved on with its Back and Next buttons (focusable: Enter or Space presses them), or with the
arrow and Page Up/Down keys a presentation clicker sends (``keys.presenter_keys``). The slide
showing the groups' answers follows them live, as the dashboard passes each new board in.
"""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as widgets

from toolkit.casebook import Case
from toolkit.trainer.board import Board
from toolkit.trainer.slides import SLIDE_CSS, Slide, Step, slide_html, steps

log = logging.getLogger(__name__)


class Presenter(widgets.VBox):
    def __init__(self) -> None:
        self.board: Board | None = None
        self.steps: list[Step] = []
        self.at = 0
        self.back = widgets.Button(description="Back", tooltip="Previous slide")
        self.back.add_class("lr-presenter-back")
        self.next = widgets.Button(
            description="Next", button_style="primary",
            tooltip="Next slide (or the right arrow, Page Down, a clicker)",
        )  # fmt: skip
        self.next.add_class("lr-presenter-next")
        self.where = widgets.Label("")
        self.where.add_class("lr-presenter-where")
        self.what_if = widgets.Dropdown(
            description="What if", tooltip="The what-if the last slide presents",
            layout=widgets.Layout(width="max-content"),
        )  # fmt: skip
        self.what_if.add_class("lr-presenter-what-if")
        self.slide = widgets.HTML("")
        self.slide.add_class("lr-slide")
        controls = widgets.HBox([self.back, self.next, self.where, self.what_if])
        super().__init__([widgets.HTML(f"<style>{SLIDE_CSS}</style>"), controls, self.slide])
        self.add_class("lr-presenter")
        self.back.on_click(lambda _: self.go(self.at - 1))
        self.next.on_click(lambda _: self.go(self.at + 1))
        self.what_if.observe(self._what_if_chosen, names="value")

    @property
    def case(self) -> Case | None:
        return None if self.board is None else self.board.case

    def show(self, board: Board) -> None:
        """Show ``board``'s case (from its first slide if the case changed)."""
        new_case = self.case is None or self.case.id != board.case.id
        previous = self.board
        self.board = board
        if new_case:
            self.steps = steps(board.case)
            self.what_if.options = [(w.title, key) for key, w in board.case.what_ifs.items()]
            self.what_if.value = next(iter(board.case.what_ifs), None)
            self.go(0)
        elif previous is None or self.steps[self.at].shows_answers:
            self._draw()  # the groups' answers may have changed

    def go(self, at: int) -> None:
        if not self.steps:
            return
        self.at = max(0, min(at, len(self.steps) - 1))
        self._draw()

    def _what_if_chosen(self, _change: Any) -> None:
        if self.steps and self.steps[self.at].slide is Slide.WHAT_IF:
            self._draw()

    def _draw(self) -> None:
        if self.board is None:
            return
        step = self.steps[self.at]
        self.back.disabled = self.at == 0
        self.next.disabled = self.at == len(self.steps) - 1
        self.where.value = f"Slide {self.at + 1} of {len(self.steps)}: {step.slide.value}"
        try:
            self.slide.value = slide_html(step, self.board, self.what_if.value)
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("drawing slide %s of %s failed", self.at, self.board.case.id)
            self.slide.value = "<p><b>This slide could not be shown.</b> Try the next one.</p>"
