"""Where the toolkit keeps what it writes and what a trainer adds: ``LRKIT_DATA_DIR``,
default ``./data/`` (relative to the process's working folder)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DATA_DIR_VARIABLE = "LRKIT_DATA_DIR"
DEFAULT_DATA_DIR = "data"


def data_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The data folder (not created: writers create what they need)."""
    return Path(environ.get(DATA_DIR_VARIABLE, "").strip() or DEFAULT_DATA_DIR)
