"""Answers in words, for the gap list, the summary and the app."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from toolkit.implementation.model import NONE, STATUS_LABELS, Answer, Duty, Item, Shape

DUTY_LABELS = {
    Duty.REQUIRED: "Required",
    Duty.RECOMMENDED: "Recommended",
    Duty.OPTIONAL: "Optional",
}


def duty_text(item: Item) -> str:
    """'Required', 'Optional', or 'Required when ...' for a conditional duty."""
    label = DUTY_LABELS[item.duty]
    return f"{label} {item.condition.text}" if item.condition else label


def status_text(answer: Answer) -> str:
    return "not assessed" if answer.status is None else STATUS_LABELS[answer.status]


def choice_text(item: Item, choice: object) -> str:
    """The option chosen, as a sentence fragment; '' for an item without an option."""
    option = item.option
    if option is None:
        return ""
    if choice is None:
        return "not chosen yet"
    if choice == NONE and option.none:
        return option.none
    if option.shape is Shape.SOME_OF and isinstance(choice, list):
        return "; ".join(option.label(value) for value in choice) or "none"
    if option.shape is Shape.TIME_LIMIT and isinstance(choice, dict):
        start = option.label(choice.get("starts"))
        return f"{choice.get('years')} years from {start}"
    if option.shape is Shape.AMOUNT and isinstance(choice, dict):
        return f"{_amount(choice.get('amount'))} {choice.get('currency')}"
    if option.shape is Shape.SECURITY and isinstance(choice, dict):
        roles = "; ".join(option.label(role) for role in choice.get("roles") or [])
        return f"{choice.get('kind')}, required of: {roles or 'not said'}"
    return option.label(choice) if option.shape is Shape.ONE_OF else str(choice)


def _amount(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        exact = Decimal(str(value))
        return f"{exact:,.0f}" if exact == exact.to_integral_value() else f"{exact:,.2f}"
    return str(value)
