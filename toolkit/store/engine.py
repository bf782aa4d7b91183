"""Where the store lives and how every transaction reaches it.

By default an SQLite file, ``workshop.sqlite`` in the data folder (``LRKIT_DATA_DIR``, default
``./data/``); any SQLAlchemy URL through ``LRKIT_DATABASE_URL`` (PostgreSQL works unchanged).

SQLite settings, set on every new connection:

- WAL journal: readers never block the writer, and the writer never blocks readers.
- ``synchronous=FULL``: each commit is fsynced to the WAL before it returns, so a saved answer
  survives not only a killed process (``NORMAL`` already does: the written pages sit in the
  operating system's cache) but also a power cut or a crash of the trainer's laptop, which
  ``NORMAL`` may roll back. The price is one fsync per save, which a workshop never notices.
- a 30 s busy timeout, and ``BEGIN IMMEDIATE`` for writes: a writer queues for the write lock
  when it starts instead of failing halfway when a read turns into a write.
- foreign keys enforced.

On top of that, a transaction that still meets "database is locked" is retried with a bounded,
jittered backoff, so that error never reaches a caller.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

import sqlalchemy
from sqlalchemy import URL, Connection, Engine, event, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from toolkit.data_folder import data_folder
from toolkit.store.errors import StoreBusyError

URL_VARIABLE = "LRKIT_DATABASE_URL"
FILE_NAME = "workshop.sqlite"

BUSY_TIMEOUT_S = 30
SYNCHRONOUS = "FULL"
ATTEMPTS = 6  # tries of one transaction while the database is locked
BACKOFF_S = (0.05, 2.0)  # the first wait between tries, and the longest

_WRITE = "lrkit_write"  # execution option: this transaction will write
T = TypeVar("T")


def database_url(environ: Mapping[str, str] = os.environ) -> URL:
    """``LRKIT_DATABASE_URL``, or the SQLite file in the data folder (created if missing)."""
    url = environ.get(URL_VARIABLE, "").strip()
    if url:
        return make_url(url)
    folder = data_folder(environ)
    folder.mkdir(parents=True, exist_ok=True)
    return URL.create("sqlite", database=str(folder.resolve() / FILE_NAME))


def sqlite_url(path: str | os.PathLike[str]) -> URL:
    """The URL of an SQLite file."""
    return URL.create("sqlite", database=str(Path(path).resolve()))


def create_engine(
    url: str | URL | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S
) -> Engine:
    """An engine for ``url`` (default: ``database_url()``), with the SQLite settings above."""
    url = make_url(url) if url is not None else database_url()
    if url.get_backend_name() != "sqlite":
        return sqlalchemy.create_engine(url, pool_pre_ping=True)
    engine = sqlalchemy.create_engine(url, connect_args={"timeout": busy_timeout_s})

    @event.listens_for(engine, "connect")
    def configure(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        # Take transaction control from the sqlite3 module, which begins transactions too late
        # (just before a write) and never for reads; begin() below emits BEGIN instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {round(busy_timeout_s * 1000)}")  # first: may wait
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def run(engine: Engine, work: Callable[[Connection], T], *, write: bool) -> T:
    """``work`` in one transaction, committed before this returns; retried while locked.

    A retried transaction is rolled back first, so nothing is saved twice: SQLite reports a
    lock before a commit takes effect, never after.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with engine.connect() as conn:
                conn.execution_options(**{_WRITE: write})
                with conn.begin():
                    return work(conn)
        except (DBAPIError, sqlite3.OperationalError) as error:
            if not is_locked(error):
                raise
            if attempt == ATTEMPTS:
                outcome = "nothing was saved" if write else "it could not be read"
                raise StoreBusyError(
                    f"The answer store stayed locked by other writers through {ATTEMPTS} tries; "
                    f"{outcome}. Try again in a moment; if it persists, tell the trainer "
                    "(another program may hold the database file open)."
                ) from error
            time.sleep(_backoff(attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")


def is_locked(error: BaseException) -> bool:
    """Whether ``error`` is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED)."""
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.OperationalError):
        return False
    name = getattr(original, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "is locked" in str(original)


def _backoff(attempt: int) -> float:
    first, longest = BACKOFF_S
    return float(min(longest, first * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0))
