"""The store's tables, and the versions of their layout.

A new database gets the current layout at once. An older one is upgraded one numbered step at
a time, in a single transaction, so it is either fully upgraded or left as it was. A database
written by a newer toolkit is refused rather than misread.

To change the layout: change the tables below and append a ``Step`` that changes a database of
the previous version the same way (and test it on a file of that version).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
)

from toolkit.store.engine import run
from toolkit.store.errors import SchemaVersionError

CODE_LENGTH = 6
TITLE_MAX = 200
NAME_MAX = 40
ID_MAX = 100  # case and question ids

# Named constraints, so that a later step can alter them by name on every database.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite keeps no time zone; this adds it back)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(CODE_LENGTH), nullable=False, unique=True),
    Column("title", String(TITLE_MAX), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
)

groups = Table(
    "groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id"), nullable=False),
    Column("name", String(NAME_MAX), nullable=False),  # as first typed, trimmed
    # casefolded, so that 'Team A' and 'team a' are one group; casefolding may lengthen a name
    Column("name_key", String(3 * NAME_MAX), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("session_id", "name_key"),
)

# Append-only: a save adds a row, and the row with the highest id is the current answer.
answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id"), nullable=False),
    Column("group_id", ForeignKey("groups.id"), nullable=False),
    Column("case_id", String(ID_MAX), nullable=False),
    Column("question_id", String(ID_MAX), nullable=False),
    Column("value", Text, nullable=False),  # JSON
    Column("saved_at", UTCDateTime, nullable=False),
    Index(None, "group_id", "case_id", "question_id"),
    Index(None, "session_id", "case_id"),
    sqlite_autoincrement=True,  # ids never reused, so "highest id" stays "newest"
)

# Append-only as well: the newest event for a session and case says whether it is released.
release_events = Table(
    "release_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("sessions.id"), nullable=False),
    Column("case_id", String(ID_MAX), nullable=False),
    Column("released", Boolean, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index(None, "session_id", "case_id"),
    sqlite_autoincrement=True,
)

# One row per version the database has been at, so its history shows how it got here.
schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", UTCDateTime, nullable=False),
)


@dataclass(frozen=True)
class Step:
    """Upgrades a database from ``version - 1`` to ``version``."""

    version: int
    what: str
    apply: Callable[[Connection], None]


FIRST_VERSION = 1  # the layout above, as first released
STEPS: tuple[Step, ...] = ()  # numbered from FIRST_VERSION + 1
VERSION = STEPS[-1].version if STEPS else FIRST_VERSION


def migrate(engine: Engine, steps: Sequence[Step] = STEPS) -> int:
    """Create or upgrade the store's tables; return the version the database is now at.

    Safe to call whenever a process opens the store: a database already at this version is
    left untouched. ``steps`` is for testing the upgrade path with steps of its own.
    """
    target = steps[-1].version if steps else FIRST_VERSION
    numbers = [step.version for step in steps]
    if numbers != list(range(FIRST_VERSION + 1, target + 1)):
        raise ValueError(f"schema steps must count up from {FIRST_VERSION + 1}; got {numbers}")
    if run(engine, _stored_version, write=False) == target:
        return target  # the usual case, without taking the write lock

    def work(conn: Connection) -> int:
        version = _stored_version(conn)
        if version is None:
            metadata.create_all(conn)
            _stamp(conn, target)
        elif version > target:
            raise SchemaVersionError(
                f"The answer store {_where(engine)} has schema version {version}, written by a "
                f"newer lrkit; this one knows versions up to {target}. Open it with that newer "
                "lrkit (update this checkout, then run make install)."
            )
        for step in steps:
            if version is not None and step.version > version:
                step.apply(conn)
                _stamp(conn, step.version)
        return target

    return run(engine, work, write=True)


def stored_version(engine: Engine) -> int | None:
    """The database's schema version, or None when it holds no store yet."""
    return run(engine, _stored_version, write=False)


def _stored_version(conn: Connection) -> int | None:
    inspector = inspect(conn)
    if not inspector.has_table(schema_version.name):
        ours = sorted(t.name for t in metadata.sorted_tables if inspector.has_table(t.name))
        if ours:
            raise SchemaVersionError(
                f"The database {_where(conn.engine)} has tables named like the store's "
                f"({', '.join(ours)}) but no schema_version table, so it is not a store this "
                "toolkit wrote. Point LRKIT_DATABASE_URL or LRKIT_DATA_DIR at another database."
            )
        return None
    version: int | None = conn.scalar(select(func.max(schema_version.c.version)))
    if version is None:
        raise SchemaVersionError(
            f"The answer store {_where(conn.engine)} has an empty schema_version table; "
            "restore it from a backup or start a new store."
        )
    return version


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(insert(schema_version).values(version=version, applied_at=datetime.now(UTC)))


def _where(engine: Engine) -> str:
    return f"at {engine.url.render_as_string(hide_password=True)!r}"
