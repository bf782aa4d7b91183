"""A learner's progress through a self-study app, kept between visits as one JSON file per
learner in the data folder, written atomically (standard library only)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
FOLDER = "learners"  # inside the data folder
MAX_NAME = 80
Plain = str | int | float | bool | None  # what a saved value may be


class ProgressError(ValueError):
    """A learner name that cannot be used, or a progress file that cannot be read."""


@dataclass
class Progress:
    """Where one learner got to in one app: the answers they gave, by key."""

    learner: str
    app: str
    values: dict[str, Plain] = field(default_factory=dict)  # inputs, step reached, quiz choices
    saved_at: str = ""  # ISO time of the last save, UTC


def learner_name(text: str) -> str:
    """The name as typed, trimmed; ProgressError saying what to type if it will not do."""
    name = " ".join(text.split())
    if not name:
        raise ProgressError("Type your name first, so your progress can be kept under it.")
    if len(name) > MAX_NAME:
        raise ProgressError(f"Use a shorter name: at most {MAX_NAME} characters.")
    return name


class ProgressStore:
    """Find, save and remove learners' progress files under ``folder/learners/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / FOLDER

    def path(self, app: str, learner: str) -> Path:
        """The file for a learner: readable, yet distinct for names that differ only in
        characters a file name cannot hold (letter case is ignored)."""
        key = learner_name(learner).casefold()
        slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:40] or "learner"
        digest = hashlib.sha256(f"{app}\0{key}".encode()).hexdigest()[:10]
        return self.folder / f"{app}-{slug}-{digest}.json"

    def find(self, app: str, learner: str) -> Progress | None:
        path = self.path(app, learner)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise ProgressError(
                f"Your saved progress ({path.name}) could not be read: {error}. Ask your "
                "trainer to move that file aside; until then nothing is saved under this name."
            ) from error
        return _from_plain(data, path)

    def save(self, progress: Progress) -> Path:
        """Write the whole file anew, atomically: a reader sees the old or the new, never half."""
        progress.saved_at = datetime.now(UTC).isoformat(timespec="seconds")
        path = self.path(progress.app, progress.learner)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "schema_version": SCHEMA_VERSION,
            "app": progress.app,
            "learner": progress.learner,
            "saved_at": progress.saved_at,
            "values": progress.values,
        }
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(data, file, ensure_ascii=False, indent=1, sort_keys=True)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return path

    def remove(self, app: str, learner: str) -> bool:
        """Forget a learner's progress; False if there was none."""
        try:
            self.path(app, learner).unlink()
        except FileNotFoundError:
            return False
        return True


def _from_plain(data: Any, path: Path) -> Progress:
    problem = ""
    if not isinstance(data, dict):
        problem = "it is not a JSON object"
    elif data.get("schema_version") != SCHEMA_VERSION:
        problem = f"it has schema_version {data.get('schema_version')!r}; expected {SCHEMA_VERSION}"
    elif not isinstance(data.get("values"), dict):
        problem = "its 'values' is not a JSON object"
    if problem:
        raise ProgressError(
            f"Your saved progress ({path.name}) could not be read: {problem}. Ask your trainer "
            "to move that file aside; until then nothing is saved under this name."
        )
    values = {
        str(key): value
        for key, value in data["values"].items()
        if value is None or isinstance(value, str | int | float | bool)
    }
    learner, app, saved_at = (str(data.get(key, "")) for key in ("learner", "app", "saved_at"))
    return Progress(learner, app, values, saved_at)
