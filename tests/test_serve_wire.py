"""The answer store on the wire: records, all_answers' mapping and errors survive a round trip
through JSON; bad records are refused naming what is wrong; and the kernel's side stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from toolkit.store import (
    Answer,
    AnswerError,
    Group,
    GroupNameError,
    ReleaseEvent,
    SchemaVersionError,
    Session,
    SessionClosedError,
    StoreBusyError,
    StoreError,
    UnknownGroupError,
    UnknownSessionError,
    errors,
)
from toolkit.store.client import AnswerStore, StoreClient, connect
from toolkit.store.database import Store
from toolkit.store.wire import (
    ERRORS,
    AccessError,
    Arguments,
    Record,
    RequestError,
    answers_by_group_from_json,
    answers_by_group_to_json,
    error_from_json,
    error_to_json,
    record_from_json,
    record_to_json,
    records_from_json,
)

KUALA_LUMPUR = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 24, 9, 30, 15, 123456, tzinfo=UTC)
SESSION = Session(id=7, code="ABC234", title="Kuala Lumpur, morning", created_at=NOW)
CLOSED = Session(
    id=8, code="DEF567", title="Rome", created_at=NOW, closed_at=NOW + timedelta(hours=2)
)
GROUP = Group(id=3, session_id=7, name="Équipe A", created_at=NOW)
RECORDS: list[Record] = [
    SESSION,
    CLOSED,
    GROUP,
    Answer(7, 7, 3, "smuggled-rice-seed", "q1", "yes", NOW),
    Answer(8, 7, 3, "smuggled-rice-seed", "q2", {"choice": ["a", "b"], "n": 2.5}, NOW),
    Answer(9, 7, 3, "smuggled-rice-seed", "q3", None, NOW),
    ReleaseEvent(id=1, session_id=7, case_id="smuggled-rice-seed", released=True, at=NOW),
    Session(1, "GHJ234", "Kuala Lumpur time", datetime(2026, 1, 1, 12, tzinfo=KUALA_LUMPUR)),
]  # fmt: skip


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{type(r).__name__}-{r.id}")
def test_every_record_comes_back_equal_from_its_json(record: Record) -> None:
    data = json.loads(json.dumps(record_to_json(record)))
    assert record_from_json(type(record), data) == record  # type: ignore[type-var]


def test_a_list_of_records_and_every_groups_answers_come_back_in_order() -> None:
    second = Group(id=4, session_id=7, name="Team B", created_at=NOW)
    answers = {GROUP: {"q1": "yes", "q2": [1, 2]}, second: {}}
    wire = json.loads(json.dumps(answers_by_group_to_json(answers)))
    assert list(answers_by_group_from_json(wire).items()) == list(answers.items())
    assert records_from_json(Group, [record_to_json(GROUP), record_to_json(second)]) == [
        GROUP,
        second,
    ]


BAD_RECORDS: list[tuple[str, type[Any], object, str]] = [
    ("not an object", Group, ["Team A"], "must be a JSON object"),
    ("a field missing", Group, {"id": 3, "session_id": 7, "name": "A"}, "has the fields"),
    ("a field too many", Group, {**record_to_json(GROUP), "admin": True}, "has the fields"),
    ("text for a number", Group, {**record_to_json(GROUP), "id": "3"}, "Group.id must be int"),
    ("true for a number", Group, {**record_to_json(GROUP), "id": True}, "Group.id must be int"),
    ("a number for text", Group, {**record_to_json(GROUP), "name": 5}, "Group.name must be str"),
    ("a date that is no date", Session, {**record_to_json(SESSION), "created_at": "noon"},
     "Session.created_at must be datetime"),
    ("no date where one is needed", Session, {**record_to_json(SESSION), "created_at": None},
     "Session.created_at must be datetime"),
    ("text for true/false", ReleaseEvent, {**record_to_json(RECORDS[6]), "released": "yes"},
     "ReleaseEvent.released must be bool"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "data", "message"), [row[1:] for row in BAD_RECORDS], ids=[r[0] for r in BAD_RECORDS]
)
def test_a_record_that_is_not_one_is_refused_naming_the_field(
    kind: type[Group], data: object, message: str
) -> None:
    with pytest.raises(RequestError, match=message):
        record_from_json(kind, data)


def _all_subclasses(cls: type[StoreError]) -> set[type[StoreError]]:
    return {cls} | {s for sub in cls.__subclasses__() for s in _all_subclasses(sub)}


STORE_ERRORS = [
    UnknownSessionError("No open session has the code 'ZZZZZZ'."),
    SessionClosedError("The session was closed."),
    GroupNameError("A group name cannot be empty."),
    UnknownGroupError("The group is not in the answer store."),
    AnswerError("The answer must be JSON data."),
    SchemaVersionError("A database from a newer toolkit."),
    StoreBusyError("The answer store stayed locked."),
    StoreError("Something the store cannot do."),
    RequestError("The argument 'code' is missing."),
    AccessError("No token."),
]


@pytest.mark.parametrize("error", STORE_ERRORS, ids=lambda e: type(e).__name__)
def test_every_store_error_comes_back_as_the_same_class_with_the_same_message(
    error: StoreError,
) -> None:
    back = error_from_json(json.loads(json.dumps(error_to_json(error))))
    assert type(back) is type(error)
    assert str(back) == str(error)


def test_every_error_of_the_store_can_cross_the_wire() -> None:
    store_errors = {cls for cls in _all_subclasses(StoreError) if cls.__module__ == errors.__name__}
    assert store_errors <= set(ERRORS.values())


def test_an_error_class_unknown_to_the_wire_crosses_as_its_nearest_known_ancestor() -> None:
    class LocalGroupNameError(GroupNameError):
        pass

    back = error_from_json(error_to_json(LocalGroupNameError("Too long.")))
    assert type(back) is GroupNameError and str(back) == "Too long."


@pytest.mark.parametrize(
    "data",
    [None, "error", {"error": "ValueError"}, {"message": "m"}, {"error": 1, "message": "m"}],
)
def test_what_is_not_an_error_is_not_read_as_one(data: object) -> None:
    assert error_from_json(data) is None


def test_an_error_name_the_wire_does_not_know_is_read_as_a_store_error() -> None:
    back = error_from_json({"error": "SystemExit", "message": "m"})
    assert type(back) is StoreError and str(back) == "m"


ARGUMENT_PROBLEMS = [
    ("arguments not an object", ["x"], lambda a: a.text("code"), "must be a JSON object"),
    ("missing", {}, lambda a: a.text("code"), "The argument 'code' is missing"),
    ("a number for text", {"code": 5}, lambda a: a.text("code"), "'code' must be text"),
    ("a broken group", {"group": {}}, lambda a: a.group(), "A Group record has the fields"),
    ("no session", {}, lambda a: a.session(), "The argument 'session' is missing"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "read", "message"),
    [row[1:] for row in ARGUMENT_PROBLEMS],
    ids=[row[0] for row in ARGUMENT_PROBLEMS],
)
def test_a_verbs_arguments_are_checked_as_they_are_read(
    data: object, read: Callable[[Arguments], object], message: str
) -> None:
    with pytest.raises(RequestError, match=message):
        read(Arguments(data))


def test_optional_text_may_be_absent_or_null_but_not_another_kind() -> None:
    arguments = Arguments({"case_id": None, "question_id": 3})
    assert arguments.optional_text("case_id") is None
    assert arguments.optional_text("missing") is None
    with pytest.raises(RequestError, match="'question_id' must be text"):
        arguments.optional_text("question_id")


# -- the client, without a server --------------------------------------------------------------


@pytest.mark.parametrize(
    "value", [{1, 2}, float("nan"), object(), {"when": NOW}], ids=["set", "nan", "object", "date"]
)
def test_an_answer_that_is_not_json_fails_in_the_client_as_in_the_store(
    store: Store, value: object
) -> None:
    group = store.join(store.open_session("Rome").code, "Team A")
    with pytest.raises(AnswerError) as in_store:
        store.save_answer(group, "smuggled-rice-seed", "q1", value)
    client = StoreClient("http://127.0.0.1:9/lrkit/store", "token")  # never reached
    with pytest.raises(AnswerError) as in_client:
        client.save_answer(group, "smuggled-rice-seed", "q1", value)
    assert str(in_client.value) == str(in_store.value)


def test_connect_asks_the_workshop_server_when_the_page_was_served_by_one() -> None:
    store = connect(
        {"LRKIT_STORE_URL": "http://127.0.0.1:8866/lrkit/store/", "LRKIT_STORE_TOKEN": "s3cret"}
    )
    assert isinstance(store, StoreClient)
    assert store.url == "http://127.0.0.1:8866/lrkit/store"
    assert "s3cret" not in repr(store)


def test_connect_without_the_token_says_where_it_comes_from() -> None:
    with pytest.raises(StoreError, match="LRKIT_STORE_TOKEN is not"):
        connect({"LRKIT_STORE_URL": "http://127.0.0.1:8866/lrkit/store"})


def test_connect_outside_a_served_page_opens_the_database_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LRKIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("LRKIT_DATA_DIR", str(tmp_path))
    store = connect({})
    assert isinstance(store, Store)
    store.close()
    assert (tmp_path / "workshop.sqlite").exists()


def test_the_store_and_its_client_offer_the_same_verbs(store: Store) -> None:
    as_typed: list[AnswerStore] = [store, StoreClient("http://127.0.0.1:9/lrkit/store", "t")]
    verbs = {name for name in vars(AnswerStore) if not name.startswith("_")}
    for implementation in as_typed:
        assert verbs <= set(dir(implementation))


@pytest.mark.parametrize("module", ["toolkit.store.client", "toolkit.serve.request"])
def test_what_a_kernel_imports_to_reach_the_store_leaves_sqlalchemy_and_voila_out(
    module: str,
) -> None:
    code = (
        f"import sys, {module}\n"
        "heavy = [m for m in ('sqlalchemy', 'voila', 'tornado', 'jupyter_server') "
        "if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
