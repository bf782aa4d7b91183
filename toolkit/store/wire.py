"""The answer store's records, and its errors, as JSON: what crosses between the serving process
and the participants' kernels.

A record travels as a JSON object of its fields (datetimes in ISO 8601 with their UTC offset);
an error as its class name and message, so the receiving side raises the same ``StoreError``
subclass with the same message. The fields come from the record classes themselves, so a field
added to a record needs nothing here. Standard library only: kernels import this.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any, TypeVar

from toolkit.store.errors import (
    AnswerError,
    GroupNameError,
    SchemaVersionError,
    SessionClosedError,
    StoreBusyError,
    StoreError,
    UnknownGroupError,
    UnknownSessionError,
)
from toolkit.store.records import Answer, Group, ReleaseEvent, Session

TOKEN_HEADER = "X-Lrkit-Token"
R = TypeVar("R", Session, Group, Answer, ReleaseEvent)
Record = Session | Group | Answer | ReleaseEvent


class RequestError(StoreError):
    """A request to the store's server that is not what the store understands."""


class AccessError(StoreError):
    """A request to the store's server without the serving process's secret token."""


# Every error that may cross the wire, by the name it crosses under.
ERRORS: dict[str, type[StoreError]] = {
    cls.__name__: cls
    for cls in (
        StoreError,
        UnknownSessionError,
        SessionClosedError,
        GroupNameError,
        UnknownGroupError,
        AnswerError,
        SchemaVersionError,
        StoreBusyError,
        RequestError,
        AccessError,
    )
}


# -- records -----------------------------------------------------------------------------------


def record_to_json(record: Record) -> dict[str, object]:
    """The record as a JSON object."""
    return {field.name: _to_json(getattr(record, field.name)) for field in fields(record)}


def record_from_json(kind: type[R], data: object) -> R:
    """The record of this kind that ``data`` describes; ``RequestError`` if it describes none."""
    name = kind.__name__
    if not isinstance(data, dict):
        raise RequestError(f"A {name} record must be a JSON object; got {data!r}.")
    hints = _FIELD_TYPES[kind]
    unknown = sorted(set(data) - set(hints))
    missing = [field for field in hints if field not in data]
    if unknown or missing:
        raise RequestError(
            f"A {name} record has the fields {', '.join(hints)}; got {sorted(data)!r}."
        )
    values: dict[str, Any] = {
        field: _from_json(name, field, hints[field], data[field]) for field in hints
    }
    return kind(**values)


def answers_by_group_to_json(answers: Mapping[Group, Mapping[str, object]]) -> list[object]:
    """``Store.all_answers``'s mapping as a list of {group, answers}, in the mapping's order."""
    return [
        {"group": record_to_json(group), "answers": dict(by_question)}
        for group, by_question in answers.items()
    ]


def answers_by_group_from_json(data: object) -> dict[Group, dict[str, object]]:
    """The mapping that ``answers_by_group_to_json`` wrote."""
    result: dict[Group, dict[str, object]] = {}
    for item in _list(data, "the answers of every group"):
        if not isinstance(item, dict) or not isinstance(item.get("answers"), dict):
            raise RequestError(f"Each group's answers must be {{group, answers}}; got {item!r}.")
        result[record_from_json(Group, item.get("group"))] = dict(item["answers"])
    return result


def records_from_json(kind: type[R], data: object) -> list[R]:
    """A list of records of this kind."""
    return [record_from_json(kind, item) for item in _list(data, f"a list of {kind.__name__}")]


# -- errors ------------------------------------------------------------------------------------


def error_to_json(error: StoreError) -> dict[str, str]:
    """The error as {error: class name, message}; a class unknown here goes as its nearest
    known ancestor, so the other side can always raise it."""
    known = next(cls for cls in type(error).__mro__ if cls in ERRORS.values())
    return {"error": known.__name__, "message": str(error)}


def error_from_json(data: object) -> StoreError | None:
    """The error that ``error_to_json`` wrote; None if ``data`` is not one."""
    if not isinstance(data, dict):
        return None
    name, message = data.get("error"), data.get("message")
    if not isinstance(name, str) or not isinstance(message, str):
        return None
    return ERRORS.get(name, StoreError)(message)


# -- the arguments of a verb -------------------------------------------------------------------


class Arguments:
    """A verb's arguments as the client sent them, read with checks: each reader raises
    ``RequestError`` naming the argument when it is missing or of the wrong kind."""

    def __init__(self, data: object) -> None:
        if not isinstance(data, dict):
            raise RequestError(f"The arguments must be a JSON object; got {data!r}.")
        self._data: dict[str, object] = data

    def text(self, name: str) -> str:
        value = self._get(name)
        if not isinstance(value, str):
            raise RequestError(f"The argument {name!r} must be text; got {value!r}.")
        return value

    def optional_text(self, name: str) -> str | None:
        return None if self._data.get(name) is None else self.text(name)

    def value(self, name: str) -> object:
        return self._get(name)

    def session(self) -> Session:
        return record_from_json(Session, self._get("session"))

    def group(self) -> Group:
        return record_from_json(Group, self._get("group"))

    def _get(self, name: str) -> object:
        if name not in self._data:
            raise RequestError(f"The argument {name!r} is missing.")
        return self._data[name]


# -- fields ------------------------------------------------------------------------------------


def _field_types(kind: type[Record]) -> dict[str, object]:
    hints = typing.get_type_hints(kind)
    return {field.name: hints[field.name] for field in fields(kind)}


_FIELD_TYPES = {kind: _field_types(kind) for kind in (Session, Group, Answer, ReleaseEvent)}


def _to_json(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def _from_json(record: str, field: str, kind: object, value: object) -> object:
    """The field's value from JSON, checked against the field's type."""
    optional = typing.get_origin(kind) is not None and type(None) in typing.get_args(kind)
    if optional and value is None:
        return None
    base = next((k for k in typing.get_args(kind) if k is not type(None)), kind)
    if base is object:  # an answer's value: any JSON
        return value
    if base is datetime and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    elif (
        isinstance(base, type)
        and isinstance(value, base)
        and not (base is int and isinstance(value, bool))
    ):
        return value
    expected = getattr(base, "__name__", str(base))
    raise RequestError(f"{record}.{field} must be {expected}; got {value!r}.")


def _list(data: object, what: str) -> list[object]:
    if not isinstance(data, list):
        raise RequestError(f"Expected {what} (a JSON list); got {data!r}.")
    return data
