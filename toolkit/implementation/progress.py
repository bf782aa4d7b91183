"""A learner's self-assessment kept between visits: one JSON file per learner name.

Files live in ``self-assessments/`` under the data folder (``LRKIT_DATA_DIR``, default
``./data/``) and are replaced atomically, so a crash mid-save leaves the previous version.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from toolkit.implementation.checklist import ITEMS
from toolkit.implementation.model import Assessment
from toolkit.implementation.national_profile import profile_id
from toolkit.loading import Reader, read_file
from toolkit.render import plain

DATA_DIR_VARIABLE = "LRKIT_DATA_DIR"
DEFAULT_DATA_DIR = "data"
FOLDER = "self-assessments"


def progress_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """Where self-assessments are kept (not created until the first save)."""
    root = environ.get(DATA_DIR_VARIABLE, "").strip() or DEFAULT_DATA_DIR
    return Path(root) / FOLDER


def progress_file(folder: Path, learner: str) -> Path:
    """The learner's file: readable, and distinct for names that differ only in punctuation."""
    name = " ".join(learner.split()).casefold()
    if not name:
        raise ValueError("a learner name is needed to keep progress; type your name first")
    digest = hashlib.sha256(name.encode()).hexdigest()[:10]
    return folder / f"{profile_id(name)[:40]}-{digest}.json"


def save_progress(folder: Path, assessment: Assessment) -> Path:
    """Write the assessment under its learner's name, replacing the old file atomically."""
    path = progress_file(folder, assessment.learner)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(plain(assessment), indent=1, ensure_ascii=False)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_progress(folder: Path, learner: str) -> Assessment | None:
    """The learner's saved assessment, None if there is none; LoadError if it is damaged."""
    path = progress_file(folder, learner)
    if not path.is_file():
        return None
    data, lines, file = read_file(path)
    reader = Reader(file, lines)
    assessment = reader.read(data, Assessment)
    if not reader.problems:
        for key in assessment.answers:
            if key not in ITEMS:
                reader.fail(("answers", key), "is no item of this toolkit's checklist")
    reader.raise_problems()
    return assessment
