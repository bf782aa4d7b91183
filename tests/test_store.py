"""The workshop answer store, on real SQLite files: its verbs, its errors, its schema versions,
and that no saved answer is lost to concurrent writers or to a killed process."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect, text

from toolkit.store import (
    AnswerError,
    Group,
    GroupNameError,
    SchemaVersionError,
    Session,
    SessionClosedError,
    StoreBusyError,
    StoreError,
    UnknownGroupError,
    UnknownSessionError,
)
from toolkit.store.database import CODE_ALPHABET, Store, open_store
from toolkit.store.engine import create_engine, database_url, sqlite_url
from toolkit.store.schema import VERSION, Step, migrate, stored_version

WORKER = Path(__file__).parent / "store_worker.py"
CASE = "smuggled-rice-seed"


@pytest.fixture
def session(store: Store) -> Session:
    return store.open_session("Kuala Lumpur, morning")


@pytest.fixture
def group(store: Store, session: Session) -> Group:
    return store.join(session.code, "Team A")


def worker(*args: object, stdin: int = subprocess.PIPE) -> subprocess.Popen[str]:
    """tests/store_worker.py in a process of its own, with its own engine."""
    return subprocess.Popen(
        [sys.executable, str(WORKER), *map(str, args)],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# -- sessions ----------------------------------------------------------------------------------


def test_a_new_session_is_open_under_a_six_character_code_without_look_alikes(
    store: Store,
) -> None:
    codes = {store.open_session(f"Session {n}").code for n in range(100)}
    assert len(codes) == 100
    assert all(len(code) == 6 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_a_session_is_found_by_its_code_typed_in_any_case_or_spacing(
    store: Store, session: Session
) -> None:
    typed = f" {session.code[:3].lower()}-{session.code[3:]} "
    assert store.find_session(typed) == session
    assert session.is_open and session.created_at.tzinfo is UTC


def test_closing_a_session_keeps_it_findable_and_closing_twice_changes_nothing(
    store: Store, session: Session
) -> None:
    closed = store.close_session(session)
    assert not closed.is_open and closed.closed_at is not None
    assert store.find_session(session.code) == closed
    assert store.close_session(closed) == closed


def test_sessions_are_listed_newest_first(store: Store) -> None:
    first, second = store.open_session("One"), store.open_session("Two")
    assert store.sessions() == [second, first]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "A session needs a title of 1 to 200 characters; got ''."),
        ("   ", "A session needs a title of 1 to 200 characters; got ''."),
        ("x" * 201, "A session needs a title of 1 to 200 characters; got 'xxx"),
    ],
    ids=["empty", "blank", "too long"],
)
def test_a_session_needs_a_title(store: Store, title: str, message: str) -> None:
    with pytest.raises(StoreError) as error:
        store.open_session(title)
    assert str(error.value).startswith(message)


def test_an_unknown_code_is_not_found(store: Store) -> None:
    with pytest.raises(UnknownSessionError, match=r"^No session has the code 'K7PX2Q'\. Check"):
        store.find_session("k7px2q")


# -- groups ------------------------------------------------------------------------------------

GOOD_NAMES = [
    ("Team A", "Team A"),
    ("  Team A \n", "Team A"),
    ("Team \t  A", "Team A"),
    ("x" * 40, "x" * 40),
    ("  " + "x" * 40 + "  ", "x" * 40),
    ("Équipe Ñandú 🌱", "Équipe Ñandú 🌱"),
]


@pytest.mark.parametrize(("typed", "stored"), GOOD_NAMES, ids=[t for t, _ in GOOD_NAMES])
def test_a_group_name_is_trimmed_and_its_spaces_made_single(
    store: Store, session: Session, typed: str, stored: str
) -> None:
    assert store.join(session.code, typed).name == stored


JOIN_ERRORS = [
    (
        "ZZZZZZ",
        "Team A",
        UnknownSessionError,
        "No open session has the code 'ZZZZZZ'. Check the code with your trainer.",
    ),
    (
        " ",
        "Team A",
        UnknownSessionError,
        "Type the code of your session: the 6 characters your trainer gave you.",
    ),
    (
        "{code}",
        "",
        GroupNameError,
        "A group name cannot be empty. Type a name for your group (1 to 40 characters).",
    ),
    (
        "{code}",
        " \t\n ",
        GroupNameError,
        "A group name cannot be empty. Type a name for your group (1 to 40 characters).",
    ),
    (
        "{code}",
        "x" * 41,
        GroupNameError,
        f"The group name '{'x' * 41}' has 41 characters; shorten it to 40 at most.",
    ),
    (
        "{code}",
        "Team\x00A",
        GroupNameError,
        "The group name 'Team\\x00A' holds control characters; type it with letters, digits, "
        "spaces and punctuation only.",
    ),
]


@pytest.mark.parametrize(
    ("code", "name", "error", "message"),
    JOIN_ERRORS,
    ids=["unknown code", "no code", "empty name", "blank name", "41 characters", "control"],
)
def test_joining_with_a_bad_code_or_name_says_what_to_do(
    store: Store, session: Session, code: str, name: str, error: type[StoreError], message: str
) -> None:
    with pytest.raises(error) as raised:
        store.join(code.format(code=session.code), name)
    assert str(raised.value) == message
    assert isinstance(raised.value, ValueError)
    assert store.groups(session) == []


def test_a_closed_session_takes_no_more_groups(store: Store, session: Session) -> None:
    store.close_session(session)
    with pytest.raises(SessionClosedError) as error:
        store.join(session.code, "Team A")
    assert str(error.value).startswith(
        f"The session '{session.code}' (Kuala Lumpur, morning) was closed at "
    )
    assert str(error.value).endswith(
        "and takes no more groups. Ask your trainer for the code of the session running now."
    )


def test_the_same_group_name_joins_the_same_group_whatever_its_case_and_spacing(
    store: Store, session: Session, group: Group
) -> None:
    assert store.join(session.code, "Team A") == group
    assert store.join(session.code.lower(), "  team   a ") == group
    assert store.groups(session) == [group]


def test_groups_are_listed_in_the_order_they_joined_and_only_in_their_session(
    store: Store, session: Session
) -> None:
    other = store.open_session("Afternoon")
    joined = [store.join(session.code, name) for name in ("Rice", "Maize", "Fish")]
    elsewhere = store.join(other.code, "Rice")
    assert store.groups(session) == joined
    assert store.groups(other) == [elsewhere]
    assert elsewhere != joined[0]


# -- answers -----------------------------------------------------------------------------------


def test_a_saved_answer_reads_back_and_the_newest_wins(store: Store, group: Group) -> None:
    first = store.save_answer(group, CASE, "q1", "yes")
    store.save_answer(group, CASE, "q2", ["cp17", "cp25"])
    newest = store.save_answer(group, CASE, "q1", "unknown")
    assert newest.id > first.id and newest.value == "unknown"
    assert store.answers(group, CASE) == {"q1": "unknown", "q2": ["cp17", "cp25"]}
    assert [a.value for a in store.history(group, CASE, "q1")] == ["yes", "unknown"]
    assert len(store.history(group)) == 3


def test_any_json_value_is_kept_as_it_was_given(store: Store, group: Group) -> None:
    values: list[object] = [None, True, 0, 2.5, "", "ünïcode", [], {"amount": 1200, "ccy": "EUR"}]
    for n, value in enumerate(values):
        store.save_answer(group, CASE, f"q{n}", value)
    assert list(store.answers(group, CASE).values()) == values


def test_one_groups_answers_are_invisible_to_another(
    store: Store, session: Session, group: Group
) -> None:
    other = store.join(session.code, "Team B")
    store.save_answer(group, CASE, "q1", "yes")
    store.save_answer(group, "other-case", "q1", "no")
    assert store.answers(other, CASE) == {}
    assert store.history(other) == []
    assert store.answers(group, "other-case") == {"q1": "no"}
    store.save_answer(other, CASE, "q1", "no")
    assert store.answers(group, CASE) == {"q1": "yes"}


def test_the_trainer_sees_every_groups_current_answers_including_groups_without_any(
    store: Store, session: Session, group: Group
) -> None:
    quiet = store.join(session.code, "Team B")
    busy = store.join(session.code, "Team C")
    store.save_answer(group, CASE, "q1", "yes")
    store.save_answer(busy, CASE, "q1", "no")
    store.save_answer(busy, CASE, "q1", "unknown")
    store.save_answer(busy, "other-case", "q1", "no")
    assert store.all_answers(session, CASE) == {
        group: {"q1": "yes"},
        quiet: {},
        busy: {"q1": "unknown"},
    }
    assert list(store.all_answers(session, CASE)) == [group, quiet, busy]


SAVE_ERRORS = [
    ("", "q1", "yes", "A case id must be text of 1 to 100 characters; got ''."),
    ("c" * 101, "q1", "yes", "A case id must be text of 1 to 100 characters; got 'ccc"),
    (CASE, "", "yes", "A question id must be text of 1 to 100 characters; got ''."),
    (CASE, "q1", {1, 2}, "The answer to question 'q1' must be JSON data (text, a number, "),
    (CASE, "q1", float("nan"), "The answer to question 'q1' must be JSON data"),
    (CASE, "q1", datetime(2025, 1, 1), "The answer to question 'q1' must be JSON data"),
]


@pytest.mark.parametrize(
    ("case_id", "question_id", "value", "message"),
    SAVE_ERRORS,
    ids=["no case", "long case id", "no question", "a set", "NaN", "a datetime"],
)
def test_an_answer_that_cannot_be_stored_is_refused_and_nothing_is_saved(
    store: Store, group: Group, case_id: str, question_id: str, value: object, message: str
) -> None:
    with pytest.raises(AnswerError) as error:
        store.save_answer(group, case_id, question_id, value)
    assert str(error.value).startswith(message)
    assert store.history(group) == []


def test_a_closed_session_takes_no_more_answers_but_keeps_those_it_has(
    store: Store, session: Session, group: Group
) -> None:
    store.save_answer(group, CASE, "q1", "yes")
    store.close_session(session)
    with pytest.raises(SessionClosedError, match="takes no more answers"):
        store.save_answer(group, CASE, "q1", "no")
    assert store.answers(group, CASE) == {"q1": "yes"}


def test_an_answer_for_a_group_not_in_the_store_is_refused(store: Store, group: Group) -> None:
    ghost = Group(id=999, session_id=group.session_id, name="Ghosts", created_at=group.created_at)
    with pytest.raises(UnknownGroupError, match=r"^The group 'Ghosts' is not in the answer store"):
        store.save_answer(ghost, CASE, "q1", "yes")


# -- releases of model answers -----------------------------------------------------------------


def test_model_answers_are_hidden_until_released_and_hidden_again(
    store: Store, session: Session
) -> None:
    other = store.open_session("Afternoon")
    assert not store.is_released(session, CASE)
    store.release(session, CASE)
    assert store.is_released(session, CASE)
    assert not store.is_released(session, "other-case")
    assert not store.is_released(other, CASE)
    store.hide(session, CASE)
    assert not store.is_released(session, CASE)
    store.release(session, CASE)
    assert store.is_released(session, CASE)
    assert [event.released for event in store.releases(session)] == [True, False, True]


def test_releasing_in_a_session_not_in_the_store_is_refused(store: Store, session: Session) -> None:
    ghost = Session(id=999, code="ZZZZZZ", title="Ghost", created_at=session.created_at)
    with pytest.raises(UnknownSessionError, match=r"^No session has the id 999"):
        store.release(ghost, CASE)


# -- configuration and SQLite settings ---------------------------------------------------------


def test_the_default_store_is_an_sqlite_file_in_the_data_folder_which_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert database_url({}).database == str(tmp_path / "data" / "workshop.sqlite")
    assert (tmp_path / "data").is_dir()
    elsewhere = tmp_path / "elsewhere" / "deeper"
    url = database_url({"LRKIT_DATA_DIR": str(elsewhere)})
    assert url.database == str(elsewhere / "workshop.sqlite") and elsewhere.is_dir()


def test_a_database_url_is_taken_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = database_url({"LRKIT_DATABASE_URL": "postgresql://lrkit:secret@db.example/workshop"})
    assert url.render_as_string(hide_password=False) == (
        "postgresql://lrkit:secret@db.example/workshop"
    )
    assert not (tmp_path / "data").exists()


def test_open_store_reads_the_data_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LRKIT_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.delenv("LRKIT_DATABASE_URL", raising=False)
    store = open_store()
    store.open_session("Default file")
    store.close()
    assert (tmp_path / "d" / "workshop.sqlite").is_file()


def test_every_sqlite_connection_uses_wal_full_sync_a_busy_timeout_and_foreign_keys(
    store: Store,
) -> None:
    with store.engine.connect() as one, store.engine.connect() as two:
        for conn in (one, two):
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
            }
            assert pragma == {
                "journal_mode": "wal",
                "synchronous": 2,  # FULL
                "busy_timeout": 30_000,
                "foreign_keys": 1,
            }


def hold_write_lock(db: Path, release: threading.Event) -> threading.Thread:
    """Another connection holding the write lock until ``release`` is set, as a busy writer."""
    locked = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(db, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(timeout=30)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    locked.wait()
    return thread


def test_a_locked_database_is_retried_until_it_is_free(
    store: Store, group: Group, db: Path
) -> None:
    impatient = Store(create_engine(sqlite_url(db), busy_timeout_s=0.01))
    release = threading.Event()
    holder = hold_write_lock(db, release)
    threading.Timer(0.4, release.set).start()  # long past the busy timeout: retries must wait
    saved = impatient.save_answer(group, CASE, "q1", "yes")
    holder.join()
    impatient.close()
    assert store.history(group) == [saved]


def test_a_database_locked_through_every_retry_says_nothing_was_saved(
    store: Store, group: Group, db: Path
) -> None:
    impatient = Store(create_engine(sqlite_url(db), busy_timeout_s=0.01))
    release = threading.Event()
    holder = hold_write_lock(db, release)
    try:
        with pytest.raises(StoreBusyError, match=r"through 6 tries; nothing was saved\. Try again"):
            impatient.save_answer(group, CASE, "q1", "yes")
    finally:
        release.set()
        holder.join()
    impatient.close()
    assert store.history(group) == []


# -- schema versions ---------------------------------------------------------------------------


def layout(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        rows += conn.execute("SELECT * FROM schema_version").fetchall()
    conn.close()
    return rows


def test_a_new_database_gets_the_current_schema(store: Store) -> None:
    assert stored_version(store.engine) == VERSION == 1
    assert set(inspect(store.engine).get_table_names()) >= {
        "schema_version",
        "sessions",
        "groups",
        "answers",
        "release_events",
    }


def test_a_store_at_the_current_version_reopens_unchanged(
    store: Store, session: Session, db: Path
) -> None:
    before = layout(db)
    reopened = open_store(sqlite_url(db))
    assert migrate(reopened.engine) == VERSION
    assert reopened.find_session(session.code) == session
    reopened.close()
    assert layout(db) == before


def add_a_note_to_sessions(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE sessions ADD COLUMN note VARCHAR(200)"))


def test_an_older_store_is_upgraded_step_by_step_and_keeps_its_data(
    store: Store, session: Session, group: Group
) -> None:
    store.save_answer(group, CASE, "q1", "yes")
    step = Step(VERSION + 1, "a note on each session", add_a_note_to_sessions)
    assert migrate(store.engine, [step]) == VERSION + 1
    assert stored_version(store.engine) == VERSION + 1
    assert "note" in {column["name"] for column in inspect(store.engine).get_columns("sessions")}
    assert store.answers(group, CASE) == {"q1": "yes"}
    assert migrate(store.engine, [step]) == VERSION + 1  # nothing left to do


def test_a_store_written_by_a_newer_toolkit_is_refused(store: Store, group: Group) -> None:
    step = Step(VERSION + 1, "a note on each session", add_a_note_to_sessions)
    migrate(store.engine, [step])
    with pytest.raises(SchemaVersionError) as error:
        open_store(store.engine.url)
    assert str(error.value) == (
        f"The answer store at {str(store.engine.url)!r} has schema version 2, written by a newer "
        "lrkit; this one knows versions up to 1. Open it with that newer lrkit (update this "
        "checkout, then run make install)."
    )


def test_a_database_with_the_stores_tables_but_no_version_is_refused(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(SchemaVersionError, match=r"\(answers\) but no schema_version table"):
        open_store(sqlite_url(db))


def test_upgrade_steps_must_be_numbered_in_order(store: Store) -> None:
    with pytest.raises(ValueError, match=r"must count up from 2; got \[3\]"):
        migrate(store.engine, [Step(3, "skips 2", add_a_note_to_sessions)])


# -- concurrency and durability ----------------------------------------------------------------


def test_one_store_serves_many_threads_at_once(store: Store, session: Session) -> None:
    def answer(n: int) -> None:
        group = store.join(session.code, f"Team {n % 4}")
        for i in range(25):
            store.save_answer(group, CASE, f"t{n}-{i}", i)

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    groups = store.groups(session)
    assert len(groups) == 4
    assert sum(len(store.answers(group, CASE)) for group in groups) == 12 * 25


PROCESSES, ANSWERS_EACH, GROUPS = 30, 50, 10


def test_thirty_processes_saving_fifty_answers_each_lose_none_and_never_see_a_lock(
    store: Store, session: Session, db: Path
) -> None:
    started = time.perf_counter()
    workers = [
        worker("burst", sqlite_url(db), session.code, f"Team {n % GROUPS}", f"w{n}", ANSWERS_EACH)
        for n in range(PROCESSES)
    ]
    for process in workers:
        ready = process.stdout.readline()
        assert ready == "ready\n", process.communicate()[1]
    go = time.perf_counter()
    for process in workers:
        process.stdin.write("go\n")
        process.stdin.flush()
    errors = [process.communicate(timeout=120)[1] for process in workers]
    done = time.perf_counter()
    print(f"\n30x50: {go - started:.1f} s to start, {done - go:.1f} s to save 1,500 answers")

    assert [p.returncode for p in workers] == [0] * PROCESSES, "\n".join(errors)
    assert not any("locked" in error for error in errors)
    groups = store.groups(session)
    assert len(groups) == GROUPS
    saved = [answer for group in groups for answer in store.history(group)]
    assert len(saved) == PROCESSES * ANSWERS_EACH
    assert len({answer.id for answer in saved}) == len(saved)
    assert {answer.question_id for answer in saved} == {
        f"w{n}-{i}" for n in range(PROCESSES) for i in range(ANSWERS_EACH)
    }
    for answer in saved:
        owner, i = answer.question_id.split("-")
        assert answer.value == {"worker": owner, "i": int(i)}


@pytest.mark.parametrize("kill_after", [1, 25, 150])
def test_every_answer_saved_before_a_sigkill_is_still_there(
    store: Store, session: Session, db: Path, kill_after: int
) -> None:
    process = worker("loop", sqlite_url(db), session.code, "Team A", stdin=subprocess.DEVNULL)
    assert process.stdout is not None
    printed: list[int] = []
    while len(printed) < kill_after:
        line = process.stdout.readline()
        assert line, process.communicate()[1]
        printed.append(int(line))
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    printed += [int(line) for line in rest.splitlines(keepends=True) if line.endswith("\n")]

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    group = store.join(session.code, "Team A")
    stored = {answer.id for answer in store.history(group)}
    assert set(printed) <= stored
    assert len(printed) >= kill_after


# -- weight ------------------------------------------------------------------------------------


def test_importing_the_legal_core_does_not_import_the_store_or_sqlalchemy() -> None:
    script = (
        "import sys, toolkit, toolkit.casebook\n"
        "print(sorted(m for m in sys.modules if m.startswith(('toolkit.store', 'sqlalchemy'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
