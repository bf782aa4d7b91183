"""A learner's self-assessment kept between visits in the toolkit's learner progress files
(``toolkit.progress``). Those hold flat values, so each answer is kept as three: its status,
its choice (as JSON text) and its note."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from toolkit.implementation.checklist import ITEMS
from toolkit.implementation.model import Assessment
from toolkit.loading import Reader
from toolkit.progress import Plain, Progress, ProgressError, ProgressStore

APP = "implementation"
_PARTS = ("status", "choice", "note")


def save_assessment(store: ProgressStore, assessment: Assessment) -> Path:
    """Keep the assessment under its learner's name (the file is replaced atomically)."""
    values: dict[str, Plain] = {"country": assessment.country}
    for key, answer in assessment.answers.items():
        values[f"{key}.status"] = answer.status.value if answer.status else None
        choice = None if answer.choice is None else json.dumps(answer.choice, ensure_ascii=False)
        values[f"{key}.choice"] = choice
        values[f"{key}.note"] = answer.note
    return store.save(Progress(assessment.learner, APP, values))


def load_assessment(store: ProgressStore, learner: str) -> Assessment | None:
    """The learner's saved assessment; None if there is none; ProgressError if it is damaged."""
    progress = store.find(APP, learner)
    if progress is None:
        return None
    path = store.path(APP, learner)
    answers: dict[str, dict[str, Any]] = {}
    problems = []
    for name, value in progress.values.items():
        key, _, part = name.rpartition(".")
        if name == "country":
            continue
        if key not in ITEMS or part not in _PARTS:
            problems.append(f"'{name}' is no answer to this toolkit's checklist")
            continue
        try:
            parsed = json.loads(value) if part == "choice" and isinstance(value, str) else value
        except ValueError:
            problems.append(f"'{name}' is not JSON")
            continue
        answers.setdefault(key, {})[part] = parsed
    country = progress.values.get("country")
    data = {"learner": progress.learner, "country": country or "", "answers": answers}
    reader = Reader(path.name, {})
    assessment = reader.read(data, Assessment)
    problems += [f"{p.field}: {p.message}" for p in reader.problems]
    if problems:
        raise ProgressError(
            f"Your saved self-assessment ({path.name}) could not be read: {'; '.join(problems)}. "
            "Ask your trainer to move that file aside; until then nothing is saved under this "
            "name."
        )
    return assessment
