"""Errors of the answer store: each says what went wrong and what to do about it.

They subclass ``ValueError`` (through ``StoreError``) like the toolkit's other input errors,
so an app can show any of them to a participant or trainer as it is.
"""

from __future__ import annotations


class StoreError(ValueError):
    """Something the store cannot do with the values it was given."""


class UnknownSessionError(StoreError):
    """No session has the code (or id) asked for."""


class SessionClosedError(StoreError):
    """The session exists but was closed: it takes no more groups or answers."""


class GroupNameError(StoreError):
    """A group name that is empty, too long or not plain text."""


class UnknownGroupError(StoreError):
    """A group that is not (or no longer) in the store."""


class AnswerError(StoreError):
    """An answer that cannot be stored: a bad case or question id, or a value that is not JSON."""


class SchemaVersionError(StoreError):
    """A database whose layout this version of the toolkit does not know."""


class StoreBusyError(StoreError):
    """The database stayed locked by other writers through every retry."""
