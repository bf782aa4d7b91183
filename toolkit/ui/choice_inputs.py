"""One input per option shape, each reading and writing the choice as a profile holds it.

Every input starts with a drop-down whose first entry is "not chosen yet" (the choice is
``None``), so leaving an option open is always an answer the learner can give or go back to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from toolkit.implementation.checklist import SECURITY_KINDS
from toolkit.implementation.model import NONE, Item, Option, Shape

OPEN = "open"  # the drop-down entry for "not chosen yet"
SOME = "some"  # "those ticked below", "a limit of", "described below"
NOT_CHOSEN = ("not chosen yet", OPEN)
WIDE = {"description_width": "initial"}  # labels name the provision: show them whole
FIT = {"width": "max-content"}


class ChoiceInput(widgets.VBox):
    """An option's input. ``value`` is the choice (None: not chosen); ``on_change`` callbacks
    get each value the learner gives, never values set through ``value``."""

    def __init__(self, item: Item, option: Option, modes: list[tuple[str, str]]) -> None:
        self.item = item
        self.option = option
        self._callbacks: list[Callable[[object], None]] = []
        self._quiet = False
        self.mode = widgets.Dropdown(
            options=[NOT_CHOSEN, *modes],
            value=OPEN,
            description=option.question,
            style=WIDE,
            layout=FIT,
        )
        self.details = self._details()
        super().__init__([self.mode, *self.details])
        self.add_class("lr-choice")
        for widget in [self.mode, *self.details]:
            widget.observe(self._changed, names="value")
        self._show_details()

    def _details(self) -> list[widgets.Widget]:
        return []

    def on_change(self, callback: Callable[[object], None]) -> None:
        self._callbacks.append(callback)

    @property
    def value(self) -> object:
        return None if self.mode.value == OPEN else self._read()

    @value.setter
    def value(self, choice: object) -> None:
        self._quiet = True
        try:
            self._write(choice)
            self._show_details()
        finally:
            self._quiet = False

    def _read(self) -> object:
        return self.mode.value

    def _write(self, choice: object) -> None:
        offered = [value for _, value in self.mode.options]
        self.mode.value = choice if choice in offered else OPEN

    def _show_details(self) -> None:
        for widget in self.details:
            widget.layout.display = "" if self.mode.value == SOME else "none"

    def _changed(self, change: dict[str, Any]) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._adjust(change["owner"])
            self._show_details()
        finally:
            self._quiet = False
        value = self.value
        for callback in self._callbacks:
            callback(value)

    def _adjust(self, changed: widgets.Widget) -> None:
        """Keep the drop-down and the details in step after the learner changed one."""


def _none(option: Option) -> list[tuple[str, str]]:
    return [(option.none, NONE)] if option.none else []


class OneOf(ChoiceInput):
    def __init__(self, item: Item, option: Option) -> None:
        choices = [(label, value) for value, label in option.choices]
        super().__init__(item, option, [*choices, *_none(option)])


class SomeOf(ChoiceInput):
    """A drop-down (not chosen / none / those ticked) and a checkbox per choice."""

    def __init__(self, item: Item, option: Option) -> None:
        modes = [*_none(option), ("those ticked below", SOME)]
        super().__init__(item, option, modes)

    def _details(self) -> list[widgets.Widget]:
        self.boxes = {
            value: widgets.Checkbox(description=label, indent=True, layout={"width": "auto"})
            for value, label in self.option.choices
        }
        return list(self.boxes.values())

    def _show_details(self) -> None:
        for box in self.boxes.values():
            box.layout.display = "" if self.mode.value != NONE else "none"

    def _read(self) -> object:
        return [] if self.mode.value == NONE else [k for k, box in self.boxes.items() if box.value]

    def _write(self, choice: object) -> None:
        chosen = choice if isinstance(choice, list) else []
        for value, box in self.boxes.items():
            box.value = value in chosen
        if choice is None:
            self.mode.value = OPEN
        else:
            self.mode.value = NONE if choice == [] and self.option.none else SOME

    def _adjust(self, changed: widgets.Widget) -> None:
        if changed is self.mode and self.mode.value != SOME:
            for box in self.boxes.values():
                box.value = False
        elif changed is not self.mode and changed.value:
            self.mode.value = SOME


class Words(ChoiceInput):
    def __init__(self, item: Item, option: Option) -> None:
        super().__init__(item, option, [*_none(option), ("described below", SOME)])

    def _details(self) -> list[widgets.Widget]:
        self.text = widgets.Textarea(
            description=f"{self.item.name.capitalize()}, in words",
            placeholder="as domestic law puts it; saved when you leave the box",
            continuous_update=False,
            style=WIDE,
            layout={"width": "95%"},
        )
        return [self.text]

    def _show_details(self) -> None:
        self.text.layout.display = "none" if self.mode.value == NONE else ""

    def _read(self) -> object:
        if self.mode.value == NONE:
            return NONE
        return self.text.value.strip() or None

    def _write(self, choice: object) -> None:
        text = isinstance(choice, str) and choice != NONE
        self.text.value = str(choice) if text else ""
        self.mode.value = OPEN if choice is None else SOME if text else NONE

    def _adjust(self, changed: widgets.Widget) -> None:
        if changed is self.text and self.text.value.strip():
            self.mode.value = SOME
        elif changed is self.mode and self.mode.value == NONE:
            self.text.value = ""


class TimeLimit(ChoiceInput):
    def __init__(self, item: Item, option: Option) -> None:
        super().__init__(item, option, [*_none(option), ("a limit of", SOME)])

    def _details(self) -> list[widgets.Widget]:
        name = self.item.name.capitalize()
        self.years = widgets.BoundedIntText(
            value=3, min=1, max=100, description=f"{name}: years", style=WIDE, layout=FIT
        )
        self.starts = widgets.Dropdown(
            options=[(label, value) for value, label in self.option.choices],
            description=f"{name}: runs from",
            style=WIDE,
            layout=FIT,
        )
        return [self.years, self.starts]

    def _read(self) -> object:
        if self.mode.value == NONE:
            return NONE
        return {"years": self.years.value, "starts": self.starts.value}

    def _write(self, choice: object) -> None:
        if isinstance(choice, dict):
            self.years.value = choice.get("years", self.years.value)
            self.starts.value = choice.get("starts", self.starts.value)
        self.mode.value = SOME if isinstance(choice, dict) else NONE if choice == NONE else OPEN


class Amount(ChoiceInput):
    def __init__(self, item: Item, option: Option) -> None:
        super().__init__(item, option, [*_none(option), ("a cap of", SOME)])

    def _details(self) -> list[widgets.Widget]:
        self.amount = widgets.BoundedFloatText(
            value=0, min=0, max=1e15, description="Cap: amount", style=WIDE, layout=FIT
        )
        self.currency = widgets.Text(
            value="USD", description="Cap: currency", placeholder="e.g. USD", style=WIDE,
            continuous_update=False,
        )  # fmt: skip
        return [self.amount, self.currency]

    def _read(self) -> object:
        if self.mode.value == NONE:
            return NONE
        amount = float(self.amount.value)
        number: int | float = int(amount) if amount.is_integer() else amount
        return {"amount": number, "currency": self.currency.value.strip().upper()}

    def _write(self, choice: object) -> None:
        if isinstance(choice, dict):
            self.amount.value = choice.get("amount", 0)
            self.currency.value = str(choice.get("currency", ""))
        self.mode.value = SOME if isinstance(choice, dict) else NONE if choice == NONE else OPEN


class Security(ChoiceInput):
    """The kind of security required (or none), and a checkbox per role that must hold it."""

    def __init__(self, item: Item, option: Option) -> None:
        super().__init__(item, option, [*_none(option), *SECURITY_KINDS])

    def _details(self) -> list[widgets.Widget]:
        self.boxes = {
            value: widgets.Checkbox(
                description=f"the {label} must hold it", indent=True, layout={"width": "auto"}
            )
            for value, label in self.option.choices
        }
        return list(self.boxes.values())

    def _show_details(self) -> None:
        for box in self.boxes.values():
            box.layout.display = "" if self.mode.value not in (OPEN, NONE) else "none"

    def _read(self) -> object:
        if self.mode.value == NONE:
            return NONE
        roles = [value for value, box in self.boxes.items() if box.value]
        return {"kind": self.mode.value, **({"roles": roles} if roles else {})}

    def _write(self, choice: object) -> None:
        roles = (choice.get("roles") or []) if isinstance(choice, dict) else []
        for value, box in self.boxes.items():
            box.value = value in roles
        kind = choice.get("kind") if isinstance(choice, dict) else choice
        offered = [value for _, value in self.mode.options]
        self.mode.value = kind if kind in offered else OPEN


INPUTS: dict[Shape, Callable[[Item, Option], ChoiceInput]] = {
    Shape.ONE_OF: OneOf,
    Shape.SOME_OF: SomeOf,
    Shape.WORDS: Words,
    Shape.TIME_LIMIT: TimeLimit,
    Shape.AMOUNT: Amount,
    Shape.SECURITY: Security,
}


def choice_input(item: Item, option: Option) -> ChoiceInput:
    return INPUTS[option.shape](item, option)
