"""The workshop answer store: sessions, their groups, the groups' answers, and which cases'
model answers the trainer has released. Answers are never overwritten: each save is kept,
and the newest wins.

This package's top level holds only the light parts (the records it hands out and its errors):
SQLAlchemy costs about 26 MiB per process, so the database side lives in submodules that only
the serving process imports, and participants' kernels reach it through that process.

    from toolkit.store.database import open_store
    store = open_store()                    # data/workshop.sqlite, or LRKIT_DATABASE_URL
    session = store.open_session("Rome, morning")
    group = store.join(session.code, "Team A")
    store.save_answer(group, "smuggled-rice-seed", "q1", "yes")
"""

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

__all__ = [
    "Answer",
    "AnswerError",
    "Group",
    "GroupNameError",
    "ReleaseEvent",
    "SchemaVersionError",
    "Session",
    "SessionClosedError",
    "StoreBusyError",
    "StoreError",
    "UnknownGroupError",
    "UnknownSessionError",
]
