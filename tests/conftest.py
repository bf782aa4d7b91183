"""Fixtures shared by every test."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.casebook import CASEBOOK, Casebook, load_casebook
from toolkit.store.database import Store, open_store
from toolkit.store.engine import sqlite_url

REPO_ROOT = Path(__file__).resolve().parent.parent
# Files the tests read (some are notebooks that fail on purpose); nbval must not collect them.
collect_ignore = ["data"]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (the one holding pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def casebook() -> Casebook:
    """The shipped casebook (immutable: safe to share)."""
    return load_casebook(CASEBOOK)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where a test's own answer store keeps its SQLite file."""
    return tmp_path / "workshop.sqlite"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    """A fresh answer store of the test's own."""
    store = open_store(sqlite_url(db))
    yield store
    store.close()
