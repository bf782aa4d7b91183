"""Fixtures shared by every test."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
# Files the tests read (some are notebooks that fail on purpose); nbval must not collect them.
collect_ignore = ["data"]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout's root folder (the one holding pyproject.toml)."""
    return REPO_ROOT
