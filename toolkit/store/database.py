"""The verbs of the answer store, one set per entity: sessions, groups, answers, releases.

Every verb is one transaction, committed before it returns, on a connection of its own. The
store keeps no state but its engine (itself thread-safe), so one server process can serve
many requests at once from one ``Store``. The verbs use portable SQLAlchemy Core only; what
is particular to SQLite lives in ``toolkit.store.engine``.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import URL, Connection, Engine, Row, Select, Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from toolkit.store.engine import create_engine, run
from toolkit.store.errors import (
    AnswerError,
    GroupNameError,
    SessionClosedError,
    StoreError,
    UnknownGroupError,
    UnknownSessionError,
)
from toolkit.store.records import Answer, Group, ReleaseEvent, Session
from toolkit.store.schema import (
    CODE_LENGTH,
    ID_MAX,
    NAME_MAX,
    TITLE_MAX,
    answers,
    groups,
    migrate,
    release_events,
    sessions,
)

# Join codes: no 0/O, 1/I/L, so a code read off a projector is typed right (31**6 codes).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
T = TypeVar("T")


def open_store(url: str | URL | None = None) -> Store:
    """The store at ``url`` (default: ``LRKIT_DATABASE_URL``, else ``data/workshop.sqlite``),
    created or upgraded to this toolkit's schema version."""
    engine = create_engine(url)
    migrate(engine)
    return Store(engine)


class Store:
    """Sessions, groups, answers and releases in one database (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def close(self) -> None:
        """Close the engine's pooled connections (the store can still be used: it reconnects)."""
        self.engine.dispose()

    def _read(self, work: Callable[[Connection], T]) -> T:
        return run(self.engine, work, write=False)

    def _write(self, work: Callable[[Connection], T]) -> T:
        return run(self.engine, work, write=True)

    # -- sessions ------------------------------------------------------------------------------

    def open_session(self, title: str) -> Session:
        """A new, open session under a fresh join code."""
        title = " ".join(str(title).split())
        if not 1 <= len(title) <= TITLE_MAX:
            raise StoreError(
                f"A session needs a title of 1 to {TITLE_MAX} characters; got {title!r}."
            )

        def work(conn: Connection) -> Session:
            code = new_code()
            while conn.scalar(select(sessions.c.id).where(sessions.c.code == code)) is not None:
                code = new_code()
            now = _now()
            key = _insert(conn, sessions, code=code, title=title, created_at=now)
            return Session(id=key, code=code, title=title, created_at=now)

        return self._write(work)

    def find_session(self, code: str) -> Session:
        """The session (open or closed) with this join code, typed in any case or spacing."""
        wanted = normalise_code(code)
        row = self._read(lambda conn: conn.execute(_by_code(wanted)).first())
        if row is None:
            raise _unknown_code(wanted, "session")
        return _session(row)

    def sessions(self) -> list[Session]:
        """Every session, the newest first."""
        query = select(sessions).order_by(sessions.c.id.desc())
        return [_session(row) for row in self._read(lambda conn: conn.execute(query).all())]

    def close_session(self, session: Session) -> Session:
        """Close the session: it takes no more groups or answers. Closing twice changes nothing."""

        def work(conn: Connection) -> Session:
            conn.execute(
                update(sessions)
                .where(sessions.c.id == session.id, sessions.c.closed_at.is_(None))
                .values(closed_at=_now())
            )
            return _session(_session_row(conn, session.id))

        return self._write(work)

    # -- groups --------------------------------------------------------------------------------

    def join(self, code: str, group_name: str) -> Group:
        """The group of this name in the open session with this code, added if new.

        Names are trimmed, and compared ignoring case and runs of spaces, so that everyone in a
        group who types 'Team A' or 'team  a' joins the same group.
        """
        name = clean_group_name(group_name)
        wanted = normalise_code(code)

        def work(conn: Connection) -> Group:
            row = conn.execute(_by_code(wanted)).first()
            if row is None:
                raise _unknown_code(wanted, "open session")
            session = _session(row)
            _check_open(session, "groups")
            found = conn.execute(_group_query(session.id, name)).first()
            if found is not None:
                return _group(found)
            now = _now()
            key = _insert(
                conn, groups, session_id=session.id, name=name, name_key=name.casefold(),
                created_at=now,
            )  # fmt: skip
            return Group(id=key, session_id=session.id, name=name, created_at=now)

        try:
            return self._write(work)
        except IntegrityError:  # another process added the same group since (not on SQLite)
            return self._write(work)

    def groups(self, session: Session) -> list[Group]:
        """The session's groups, in the order they joined."""
        query = _group_select().where(groups.c.session_id == session.id).order_by(groups.c.id)
        return [_group(row) for row in self._read(lambda conn: conn.execute(query).all())]

    # -- answers -------------------------------------------------------------------------------

    def save_answer(self, group: Group, case_id: str, question_id: str, value: object) -> Answer:
        """Add the group's answer to a question; it is committed when this returns.

        ``value`` is any JSON data. Earlier answers stay in the history; the newest wins.
        """
        _check_id(case_id, "case id")
        _check_id(question_id, "question id")
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise AnswerError(
                f"The answer to question {question_id!r} must be JSON data (text, a number, "
                f"true/false, null, or lists and mappings of those); got {value!r}: {error}."
            ) from None

        def work(conn: Connection) -> Answer:
            query = select(sessions).join(groups).where(groups.c.id == group.id)
            row = conn.execute(query).first()
            if row is None:
                raise UnknownGroupError(
                    f"The group {group.name!r} is not in the answer store; join the session again."
                )
            _check_open(_session(row), "answers")
            now = _now()
            key = _insert(
                conn, answers, session_id=row.id, group_id=group.id, case_id=case_id,
                question_id=question_id, value=text, saved_at=now,
            )  # fmt: skip
            return Answer(
                id=key, session_id=row.id, group_id=group.id, case_id=case_id,
                question_id=question_id, value=json.loads(text), saved_at=now,
            )  # fmt: skip

        return self._write(work)

    def answers(self, group: Group, case_id: str) -> dict[str, object]:
        """The group's current answer to each question of the case it has answered."""
        newest = (
            select(func.max(answers.c.id))
            .where(answers.c.group_id == group.id, answers.c.case_id == case_id)
            .group_by(answers.c.question_id)
        )
        query = select(answers).where(answers.c.id.in_(newest)).order_by(answers.c.id)
        rows = self._read(lambda conn: conn.execute(query).all())
        return {row.question_id: json.loads(row.value) for row in rows}

    def history(
        self, group: Group, case_id: str | None = None, question_id: str | None = None
    ) -> list[Answer]:
        """Every answer the group saved (to a case, to a question), the oldest first."""
        query = select(answers).where(answers.c.group_id == group.id).order_by(answers.c.id)
        if case_id is not None:
            query = query.where(answers.c.case_id == case_id)
        if question_id is not None:
            query = query.where(answers.c.question_id == question_id)
        return [_answer(row) for row in self._read(lambda conn: conn.execute(query).all())]

    def all_answers(self, session: Session, case_id: str) -> dict[Group, dict[str, object]]:
        """Every group's current answers to the case, for the trainer; groups in join order."""
        newest = (
            select(func.max(answers.c.id))
            .where(answers.c.session_id == session.id, answers.c.case_id == case_id)
            .group_by(answers.c.group_id, answers.c.question_id)
        )

        def work(conn: Connection) -> dict[Group, dict[str, object]]:
            query = _group_select().where(groups.c.session_id == session.id).order_by(groups.c.id)
            by_id = {row.id: _group(row) for row in conn.execute(query)}
            result: dict[Group, dict[str, object]] = {group: {} for group in by_id.values()}
            for row in conn.execute(
                select(answers).where(answers.c.id.in_(newest)).order_by(answers.c.id)
            ):
                result[by_id[row.group_id]][row.question_id] = json.loads(row.value)
            return result

        return self._read(work)

    # -- releases of model answers -------------------------------------------------------------

    def release(self, session: Session, case_id: str) -> ReleaseEvent:
        """Show the case's model answers to the session's groups."""
        return self._release_event(session, case_id, released=True)

    def hide(self, session: Session, case_id: str) -> ReleaseEvent:
        """Hide the case's model answers again."""
        return self._release_event(session, case_id, released=False)

    def is_released(self, session: Session, case_id: str) -> bool:
        """Whether the case's model answers are shown in the session now."""
        query = (
            select(release_events.c.released)
            .where(release_events.c.session_id == session.id, release_events.c.case_id == case_id)
            .order_by(release_events.c.id.desc())
            .limit(1)
        )
        return bool(self._read(lambda conn: conn.scalar(query)))

    def releases(self, session: Session) -> list[ReleaseEvent]:
        """Every release and hide in the session, the oldest first."""
        query = (
            select(release_events)
            .where(release_events.c.session_id == session.id)
            .order_by(release_events.c.id)
        )
        rows = self._read(lambda conn: conn.execute(query).all())
        return [_release_event(row) for row in rows]

    def _release_event(self, session: Session, case_id: str, *, released: bool) -> ReleaseEvent:
        _check_id(case_id, "case id")

        def work(conn: Connection) -> ReleaseEvent:
            _session_row(conn, session.id)
            now = _now()
            key = _insert(
                conn, release_events, session_id=session.id, case_id=case_id, released=released,
                at=now,
            )  # fmt: skip
            return ReleaseEvent(
                id=key, session_id=session.id, case_id=case_id, released=released, at=now
            )

        return self._write(work)


# -- checks and conversions --------------------------------------------------------------------


def new_code() -> str:
    """A random join code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """A join code as stored: capitals, without the spaces or dashes people type."""
    return "".join(str(code).split()).replace("-", "").upper()


def clean_group_name(name: str) -> str:
    """The name trimmed and with runs of spaces made one; an error if it cannot name a group."""
    if not isinstance(name, str):
        raise GroupNameError(f"A group name must be text; got {name!r}.")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise GroupNameError(
            "A group name cannot be empty. Type a name for your group "
            f"(1 to {NAME_MAX} characters)."
        )
    if len(cleaned) > NAME_MAX:
        raise GroupNameError(
            f"The group name {cleaned!r} has {len(cleaned)} characters; shorten it to "
            f"{NAME_MAX} at most."
        )
    if not cleaned.isprintable():
        raise GroupNameError(
            f"The group name {cleaned!r} holds control characters; type it with letters, digits, "
            "spaces and punctuation only."
        )
    return cleaned


def _unknown_code(code: str, what: str) -> UnknownSessionError:
    if not code:
        return UnknownSessionError(
            f"Type the code of your session: the {CODE_LENGTH} characters your trainer gave you."
        )
    return UnknownSessionError(
        f"No {what} has the code {code!r}. Check the code with your trainer."
    )


def _check_id(value: str, what: str) -> None:
    if not isinstance(value, str) or not 1 <= len(value) <= ID_MAX:
        raise AnswerError(f"A {what} must be text of 1 to {ID_MAX} characters; got {value!r}.")


def _check_open(session: Session, what: str) -> None:
    if session.closed_at is not None:
        raise SessionClosedError(
            f"The session {session.code!r} ({session.title}) was closed at "
            f"{session.closed_at:%H:%M} UTC on {session.closed_at:%Y-%m-%d} and takes no more "
            f"{what}. Ask your trainer for the code of the session running now."
        )


def _now() -> datetime:
    return datetime.now(UTC)


def _insert(conn: Connection, table: Table, **values: object) -> int:
    """Insert a row; its new id."""
    key = conn.execute(insert(table).values(values)).inserted_primary_key
    assert key is not None  # a single-row insert into a table with an id column
    return int(key[0])


def _by_code(code: str) -> Select[Any]:
    return select(sessions).where(sessions.c.code == code)


def _session_row(conn: Connection, session_id: int) -> Row[Any]:
    row = conn.execute(select(sessions).where(sessions.c.id == session_id)).first()
    if row is None:
        raise UnknownSessionError(f"No session has the id {session_id}; it is not in this store.")
    return row


def _group_select() -> Select[Any]:
    return select(groups.c.id, groups.c.session_id, groups.c.name, groups.c.created_at)


def _group_query(session_id: int, name: str) -> Select[Any]:
    return _group_select().where(
        groups.c.session_id == session_id, groups.c.name_key == name.casefold()
    )


def _session(row: Row[Any]) -> Session:
    return Session(**row._asdict())


def _group(row: Row[Any]) -> Group:
    return Group(**row._asdict())


def _release_event(row: Row[Any]) -> ReleaseEvent:
    return ReleaseEvent(**row._asdict())


def _answer(row: Row[Any]) -> Answer:
    fields = row._asdict()
    return Answer(**{**fields, "value": json.loads(fields["value"])})
