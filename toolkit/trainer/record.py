"""A session's record for the exports: every group's current answer to every case the session
worked on, with when it was saved, and the releases of model answers.

Read from the store's history (one read per group), so the record holds exactly what the store
holds: the newest save of each question is the answer, its time the time it was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from toolkit.casebook import Casebook
from toolkit.store import Group, ReleaseEvent, Session
from toolkit.store.client import AnswerStore
from toolkit.trainer.board import Board, build_board

Progress = Callable[[int, int, str], None]  # (done, of, what is being done now)


@dataclass(frozen=True)
class CaseRecord:
    board: Board  # cells carry saved_at
    released: bool  # the model answers are shown to the groups now
    releases: tuple[ReleaseEvent, ...]


@dataclass(frozen=True)
class SessionRecord:
    session: Session
    groups: tuple[Group, ...]
    cases: tuple[CaseRecord, ...]  # the cases answered or released in the session
    exported_at: datetime
    left_out: dict[str, int]  # case ids not in the casebook -> how many answers they hold


def gather(
    store: AnswerStore, session: Session, casebook: Casebook, progress: Progress | None = None
) -> SessionRecord:
    """The session's record; ``progress`` hears of each group read."""
    groups = store.groups(session)
    current: dict[str, dict[Group, dict[str, object]]] = {}
    saved_at: dict[str, dict[tuple[int, str], datetime]] = {}
    for done, group in enumerate(groups):
        if progress is not None:
            progress(done, len(groups), f"Reading the answers of group {done + 1}")
        for answer in store.history(group):  # oldest first: the newest save wins
            current.setdefault(answer.case_id, {}).setdefault(group, {})[answer.question_id] = (
                answer.value
            )
            saved_at.setdefault(answer.case_id, {})[group.id, answer.question_id] = answer.saved_at
    events = store.releases(session)
    worked = set(current) | {event.case_id for event in events}
    cases = []
    for case in casebook.cases:
        if case.id not in worked:
            continue
        answers = {group: current.get(case.id, {}).get(group, {}) for group in groups}
        own = tuple(event for event in events if event.case_id == case.id)
        cases.append(
            CaseRecord(
                board=build_board(case, answers, saved_at.get(case.id, {})),
                released=bool(own) and own[-1].released,
                releases=own,
            )
        )
    known = {case.id for case in casebook.cases}
    left_out = {
        case_id: sum(len(given) for given in by_group.values())
        for case_id, by_group in sorted(current.items())
        if case_id not in known
    }
    return SessionRecord(session, tuple(groups), tuple(cases), datetime.now(UTC), left_out)
