"""One input widget per question kind, each reading and writing the answer as stored JSON.

A stored answer is plain JSON so that the store, the trainer's views and the exports never need
to know widgets: yes/no/unknown and single choices are their ids, multiple choices a list of
ids, dates ISO text, amounts numbers, free text text. ``None`` means not answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets

from toolkit.casebook import Kind, Question

YES_NO_UNKNOWN = [("Yes", "yes"), ("No", "no"), ("Unknown", "unknown")]
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")


class AnswerInput(widgets.VBox):
    """A question's input. ``answer`` is the stored JSON value; ``on_answer`` is called with
    each value the participant gives (never with values set through ``answer``), or with an
    ``InvalidAnswer`` when what they typed cannot be an answer."""

    def __init__(self, question: Question, label: str) -> None:
        self.kind = question.kind
        self._callbacks: list[Callable[[object], None]] = []
        self._quiet = False
        self._checkboxes: dict[str, widgets.Checkbox] = {}
        self.control = self._control(question, label)
        children = [self.control, *self._checkboxes.values()]
        super().__init__(children)
        self.add_class("lr-answer")
        for widget in [self.control, *self._checkboxes.values()]:
            widget.observe(self._changed, names="value")

    def _control(self, question: Question, label: str) -> widgets.Widget:
        kind = question.kind
        layout = widgets.Layout(width="auto")
        common: dict[str, Any] = {"description": label, "tooltip": question.prompt}
        if kind is Kind.YES_NO_UNKNOWN:
            return widgets.RadioButtons(options=YES_NO_UNKNOWN, value=None, **common)
        if kind is Kind.SINGLE_CHOICE:
            options = [(text, key) for key, text in (question.choices or {}).items()]
            return widgets.RadioButtons(options=options, value=None, layout=layout, **common)
        if kind is Kind.MULTIPLE_CHOICE:
            self._checkboxes = {
                key: widgets.Checkbox(description=text, indent=True, layout=layout)
                for key, text in (question.choices or {}).items()
            }
            return widgets.Label(label)
        if kind is Kind.DATE:
            return widgets.DatePicker(value=None, **common)
        if kind is Kind.AMOUNT:
            return widgets.Text(
                placeholder="a number, e.g. 250000", continuous_update=False, **common
            )
        return widgets.Textarea(
            placeholder="Your group's answer; it is saved when you leave the box",
            continuous_update=False,
            layout=widgets.Layout(width="95%", height="5em"),
            **common,
        )

    def on_answer(self, callback: Callable[[object], None]) -> None:
        self._callbacks.append(callback)

    @property
    def answer(self) -> object:
        """The answer as stored JSON (``None`` when not answered)."""
        value = _stored(self.kind, self.control.value, self._checked())
        return None if isinstance(value, InvalidAnswer) else value

    @answer.setter
    def answer(self, value: object) -> None:
        self._quiet = True
        try:
            if self.kind is Kind.MULTIPLE_CHOICE:
                chosen = value if isinstance(value, list) else []
                for key, box in self._checkboxes.items():
                    box.value = key in chosen
            elif isinstance(self.control, widgets.RadioButtons):
                offered = [key for _, key in self.control.options]
                self.control.value = value if value in offered else None
            else:
                self.control.value = _shown(self.kind, value)
        finally:
            self._quiet = False

    def _checked(self) -> list[str]:
        return [key for key, box in self._checkboxes.items() if box.value]

    def _changed(self, _change: Any) -> None:
        if self._quiet:
            return
        value = _stored(self.kind, self.control.value, self._checked())
        for callback in self._callbacks:
            callback(value)


class InvalidAnswer(str):
    """What a participant typed that cannot be stored as an answer, and why."""


def _stored(kind: Kind, shown: Any, checked: list[str]) -> object:
    if kind is Kind.MULTIPLE_CHOICE:
        return checked
    if kind is Kind.DATE:
        return shown.isoformat() if isinstance(shown, date) else None
    if kind is Kind.AMOUNT:
        text = "".join(str(shown).replace(",", "").split())
        if not text:
            return None
        if not _AMOUNT.match(text):
            return InvalidAnswer(f"{shown!r} is not an amount: type digits only, e.g. 250000.")
        number = float(text)
        return int(number) if number.is_integer() else number
    if kind is Kind.TEXT:
        return shown if str(shown).strip() else None
    return shown


def _shown(kind: Kind, value: object) -> Any:
    if kind is Kind.DATE:
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None
    if kind in (Kind.AMOUNT, Kind.TEXT):
        return "" if value is None else str(value)
    return value
