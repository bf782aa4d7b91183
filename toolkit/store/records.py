"""What the store hands out: frozen records, plain values that are safe to pass between threads.

A record is a snapshot of a row when it was read; the verbs take records (or their ids) back,
so an app never holds a live database object.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Session:
    """A workshop session, joined by its short code. (Not SQLAlchemy's ORM session.)"""

    id: int
    code: str
    title: str
    created_at: datetime
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Group:
    """A small group of participants, who answer together under one name."""

    id: int
    session_id: int
    name: str
    created_at: datetime


@dataclass(frozen=True)
class Answer:
    """One saved answer. ``id`` grows with every save: the highest id is the current answer."""

    id: int
    session_id: int
    group_id: int
    case_id: str
    question_id: str
    value: object  # decoded JSON
    saved_at: datetime


@dataclass(frozen=True)
class ReleaseEvent:
    """The trainer released (``released=True``) or hid a case's model answers in a session."""

    id: int
    session_id: int
    case_id: str
    released: bool
    at: datetime
