"""The checklist as the learner fills it in: a section per part of the Protocol, an item per
provision with its status, the option chosen and a note.

A section's widgets are built when it is first opened, so the page starts light.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from toolkit.implementation.checklist import SECTIONS
from toolkit.implementation.describe import duty_text
from toolkit.implementation.model import STATUS_LABELS, Answer, Assessment, Item, Status
from toolkit.ui.choice_inputs import FIT, WIDE, ChoiceInput, choice_input
from toolkit.ui.implementation_html import block

log = logging.getLogger(__name__)
NOT_ASSESSED = ""  # the status drop-down's value for "not assessed"
STATUS_OPTIONS = [("not assessed", NOT_ASSESSED)] + [
    (label, status.value) for status, label in STATUS_LABELS.items()
]


class ChecklistRow(widgets.VBox):
    """One item. Its status drop-down is labelled with the item ('Art. 5(6) review of
    decisions'), so a screen reader names every control by its provision."""

    def __init__(self, item: Item, answer: Answer) -> None:
        self.item = item
        e = html.escape
        help_ = f'<br><small class="lr-help">{e(item.help)}</small>' if item.help else ""
        text = widgets.HTML(
            block(
                f'<p class="lr-item-text"><span class="lr-duty lr-duty-{item.duty}">'
                f"<b>{e(duty_text(item))}.</b></span> {e(item.text)}{help_}</p>"
            )
        )
        self.status = widgets.Dropdown(
            options=STATUS_OPTIONS, description=item.label, style=WIDE, layout=FIT
        )
        self.status.add_class("lr-status")
        self.choice: ChoiceInput | None = (
            choice_input(item, item.option) if item.option is not None else None
        )
        self.note = widgets.Textarea(
            description=f"Note on {item.label}",
            placeholder="e.g. the law or draft that provides it; saved when you leave the box",
            continuous_update=False,
            style=WIDE,
            layout={"width": "95%", "height": "3em"},
        )
        self.message = widgets.HTML("")
        self._callbacks: list[Callable[[Answer], None]] = []
        self._quiet = False
        self.answer = answer
        parts = [self.status, text, *([self.choice] if self.choice else []), self.note]
        super().__init__(
            [*parts, self.message], layout={"border_top": "1px solid #ddd", "padding": "8px 0"}
        )
        self.add_class("lr-item")
        self.add_class(f"lr-item-{item.key}")
        self.status.observe(self._changed, names="value")
        self.note.observe(self._changed, names="value")
        if self.choice is not None:
            self.choice.on_change(self._changed)

    def on_change(self, callback: Callable[[Answer], None]) -> None:
        self._callbacks.append(callback)

    @property
    def answer(self) -> Answer:
        status = Status(self.status.value) if self.status.value else None
        choice = self.choice.value if self.choice is not None else None
        return Answer(status, choice, self.note.value)

    @answer.setter
    def answer(self, answer: Answer) -> None:
        self._quiet = True
        try:
            self.status.value = answer.status.value if answer.status else NOT_ASSESSED
            self.note.value = answer.note
            if self.choice is not None:
                self.choice.value = answer.choice
        finally:
            self._quiet = False

    def say(self, message: str) -> None:
        """Show a message about this item (plain text, escaped) where screen readers hear it."""
        self.message.value = f'<p role="alert">{html.escape(message)}</p>' if message else ""

    def _changed(self, _change: Any = None) -> None:
        if self._quiet:
            return
        answer = self.answer
        for callback in self._callbacks:
            callback(answer)


class ChecklistView(widgets.Accordion):
    """A section per part of the Protocol; ``on_answer`` hears (item key, answer)."""

    def __init__(self, assessment: Callable[[], Assessment]) -> None:
        self._assessment = assessment
        self._callbacks: list[Callable[[str, Answer], None]] = []
        self.rows: dict[str, ChecklistRow] = {}
        self.sections = [widgets.VBox([]) for _ in SECTIONS]
        titles = [title for title, _ in SECTIONS]
        super().__init__(self.sections, titles=titles, selected_index=None)
        self.add_class("lr-checklist")
        self.observe(self._opened, names="selected_index")

    def on_answer(self, callback: Callable[[str, Answer], None]) -> None:
        self._callbacks.append(callback)

    def _opened(self, _change: Any = None) -> None:
        index = self.selected_index
        if index is None or self.sections[index].children:
            return
        try:
            assessment = self._assessment()
            rows = [ChecklistRow(item, assessment.answer(item.key)) for item in SECTIONS[index][1]]
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("building checklist section %s failed", index)
            self.sections[index].children = [
                widgets.HTML('<p role="alert">This section could not be shown. Reload the page '
                             "or ask your trainer; the error is in the server log.</p>")
            ]  # fmt: skip
            return
        for row in rows:
            row.on_change(functools.partial(self._answered, row.item.key))
            self.rows[row.item.key] = row
        self.sections[index].children = rows

    def _answered(self, key: str, answer: Answer) -> None:
        for callback in self._callbacks:
            callback(key, answer)
