"""The store's HTTP API (toolkit.serve.kernel_api) on a real tornado server and a real SQLite
file, asked through StoreClient as a kernel asks it: every verb gives what the store gives,
every error comes back as the same class with the same message, and what lacks the token or
names no verb is refused."""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tornado.httpserver
import tornado.netutil
import tornado.web
from voila.request_info_handler import RequestInfoSocketHandler

from toolkit.serve import kernel_api
from toolkit.serve.request import query_string
from toolkit.store import (
    AnswerError,
    Group,
    GroupNameError,
    Session,
    SessionClosedError,
    StoreError,
    UnknownGroupError,
    UnknownSessionError,
)
from toolkit.store.client import AnswerStore, ServerUnreachableError, StoreClient
from toolkit.store.database import Store, open_store
from toolkit.store.engine import sqlite_url
from toolkit.store.wire import TOKEN_HEADER, AccessError

CASE = "smuggled-rice-seed"


@dataclass
class Api:
    """The kernel API served on a free port, from its own thread and event loop."""

    base: str
    token: str
    store: Store
    loop: asyncio.AbstractEventLoop

    @property
    def client(self) -> StoreClient:
        return StoreClient(f"{self.base}/{kernel_api.STORE_PATH}", self.token, timeout_s=10)


@contextlib.contextmanager
def serving(store: Store) -> Iterator[Api]:
    token = secrets.token_urlsafe(16)
    sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
    port = sockets[0].getsockname()[1]
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        with ThreadPoolExecutor(2) as executor:
            app = tornado.web.Application(
                kernel_api.handlers("/", kernel_api.Gate(token), store, executor)
            )
            server = tornado.httpserver.HTTPServer(app)
            server.add_sockets(sockets)
            loop.call_soon(started.set)
            loop.run_forever()
            server.stop()
            loop.run_until_complete(server.close_all_connections())
        loop.close()

    thread = threading.Thread(target=run, name="kernel-api")
    thread.start()
    started.wait(10)
    try:
        yield Api(f"http://127.0.0.1:{port}", token, store, loop)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(sqlite_url(tmp_path_factory.mktemp("api") / "workshop.sqlite"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def api(store: Store) -> Iterator[Api]:
    with serving(store) as api:
        yield api


@pytest.fixture
def session(store: Store) -> Session:
    return store.open_session("Kuala Lumpur, afternoon")


def post(api: Api, path: str, body: bytes, token: str | None) -> tuple[int, dict[str, object]]:
    headers = {"Content-Type": "application/json"} | ({TOKEN_HEADER: token} if token else {})
    request = urllib.request.Request(f"{api.base}/{path}", body, headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# -- every verb ---------------------------------------------------------------------------------


def test_a_group_joins_answers_and_reads_back_through_the_client_as_through_the_store(
    api: Api, session: Session
) -> None:
    client: AnswerStore = api.client
    group = client.join(session.code.lower(), "  Team   A ")
    assert group == api.store.join(session.code, "team a")
    assert client.find_session(f" {session.code} ") == session
    first = client.save_answer(group, CASE, "q1", "yes")
    client.save_answer(group, CASE, "q1", "no")
    client.save_answer(group, CASE, "q2", {"choices": ["a", "b"], "note": "ça va", "n": 1.5})
    assert first.value == "yes" and first.saved_at.tzinfo is not None
    assert client.answers(group, CASE) == api.store.answers(group, CASE)
    assert client.answers(group, CASE) == {
        "q1": "no",
        "q2": {"choices": ["a", "b"], "note": "ça va", "n": 1.5},
    }
    assert client.history(group) == api.store.history(group)
    assert [a.value for a in client.history(group, CASE, "q1")] == ["yes", "no"]
    assert client.history(group, "another-case") == []


def test_the_trainer_verbs_give_what_the_store_gives(api: Api, session: Session) -> None:
    client: AnswerStore = api.client
    a, b = client.join(session.code, "Team A"), client.join(session.code, "Team B")
    client.save_answer(b, CASE, "q1", True)
    assert client.groups(session) == [a, b]
    assert client.all_answers(session, CASE) == {a: {}, b: {"q1": True}}
    assert list(client.all_answers(session, CASE)) == [a, b]  # join order
    assert client.is_released(session, CASE) is False
    released = client.release(session, CASE)
    assert released.released and client.is_released(session, CASE) is True
    hidden = client.hide(session, CASE)
    assert not hidden.released and client.is_released(session, CASE) is False
    assert client.releases(session) == [released, hidden] == api.store.releases(session)
    opened = client.open_session("Rome, evening")
    assert client.sessions() == api.store.sessions() and client.sessions()[0] == opened
    closed = client.close_session(opened)
    assert closed.closed_at is not None and closed == api.store.find_session(opened.code)


# -- errors --------------------------------------------------------------------------------------

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
GHOST = Group(id=999_999, session_id=1, name="Ghosts", created_at=NOW)
ERRORS: list[tuple[str, Callable[[AnswerStore, Session], object], type[StoreError]]] = [
    ("no such code", lambda s, _: s.join("ZZZZZZ", "Team A"), UnknownSessionError),
    ("no code at all", lambda s, _: s.find_session("  "), UnknownSessionError),
    ("empty group name", lambda s, x: s.join(x.code, "   "), GroupNameError),
    ("group name too long", lambda s, x: s.join(x.code, "x" * 41), GroupNameError),
    ("a group not in the store", lambda s, _: s.answers(GHOST, CASE) or s.save_answer(
        GHOST, CASE, "q1", "yes"), UnknownGroupError),
    ("an empty case id", lambda s, x: s.save_answer(s.join(x.code, "A"), "", "q1", 1), AnswerError),
    ("a session not in the store", lambda s, x: s.release(
        Session(999_999, "QQQQQQ", "Gone", NOW), CASE), UnknownSessionError),
    ("an empty title", lambda s, _: s.open_session("   "), StoreError),
]  # fmt: skip


@pytest.mark.parametrize(("call", "error"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_an_error_comes_back_as_the_stores_own_class_and_message(
    api: Api,
    session: Session,
    call: Callable[[AnswerStore, Session], object],
    error: type[StoreError],
) -> None:
    with pytest.raises(error) as directly:
        call(api.store, session)
    with pytest.raises(error) as remotely:
        call(api.client, session)
    assert type(remotely.value) is type(directly.value)
    assert str(remotely.value) == str(directly.value)


def test_joining_a_closed_session_is_refused_with_the_stores_message(
    api: Api, session: Session
) -> None:
    api.store.close_session(session)
    with pytest.raises(SessionClosedError, match=r"was closed at .* Ask your trainer"):
        api.client.join(session.code, "Team A")


@pytest.mark.parametrize(
    "token", [None, "", "wrong", "x" * 200], ids=["none", "empty", "wrong", "long"]
)
def test_a_request_without_the_servers_token_is_refused(api: Api, token: str | None) -> None:
    status, body = post(api, f"{kernel_api.STORE_PATH}/sessions", b"{}", token)
    assert status == 403 and body["error"] == "AccessError"
    with pytest.raises(AccessError, match="needs the token"):
        StoreClient(f"{api.base}/{kernel_api.STORE_PATH}", token or "-").sessions()


@pytest.mark.parametrize("verb", ["drop_everything", "close", "engine", "_write", "__init__", ""])
def test_a_verb_not_on_the_list_is_refused_naming_those_that_are(api: Api, verb: str) -> None:
    status, body = post(api, f"{kernel_api.STORE_PATH}/{verb}", b"{}", api.token)
    assert status == 404 and body["error"] == "RequestError"
    assert "it has open_session, find_session" in str(body["message"])


BAD_BODIES = [
    ("not JSON", b"{session", "must be a JSON object of arguments"),
    ("not an object", b"[1, 2]", "The arguments must be a JSON object"),
    ("an argument missing", b"{}", "The argument 'code' is missing"),
    ("a number for text", b'{"code": 234234}', "'code' must be text"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "message"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
def test_a_malformed_request_is_refused_saying_what_is_wrong(
    api: Api, body: bytes, message: str
) -> None:
    status, answer = post(api, f"{kernel_api.STORE_PATH}/find_session", body, api.token)
    assert status == 400 and answer["error"] == "RequestError"
    assert message in str(answer["message"])


def test_what_tornado_itself_refuses_is_json_too(api: Api) -> None:
    request = urllib.request.Request(
        f"{api.base}/{kernel_api.STORE_PATH}/sessions", headers={TOKEN_HEADER: api.token}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 405
    assert json.loads(refused.value.read())["error"] == "RequestError"


def test_a_failure_inside_the_server_says_so_without_a_traceback(tmp_path: Path) -> None:
    broken = open_store(sqlite_url(tmp_path / "workshop.sqlite"))
    group = broken.join(broken.open_session("Rome").code, "Team A")
    with sqlite3.connect(tmp_path / "workshop.sqlite") as db:
        db.execute("DROP TABLE answers")
    with serving(broken) as api, pytest.raises(StoreError) as failed:
        api.client.save_answer(group, CASE, "q1", "yes")
    broken.close()
    assert type(failed.value) is StoreError
    assert "could not save answer" in str(failed.value) and "Traceback" not in str(failed.value)


def test_a_server_that_is_not_there_is_reported_with_what_to_do(free_port: int) -> None:
    client = StoreClient(f"http://127.0.0.1:{free_port}/lrkit/store", "token", timeout_s=5)
    with pytest.raises(ServerUnreachableError, match=r"cannot be reached .* reload this page"):
        client.join("ABC234", "Team A")


def test_an_address_that_is_not_the_store_is_reported_as_such(api: Api) -> None:
    client = StoreClient(f"{api.base}/not/the/store", api.token)
    with pytest.raises(StoreError, match=r"HTTP 404 .* points at 'lrkit serve'"):
        client.sessions()


@pytest.fixture
def free_port() -> int:
    with contextlib.closing(tornado.netutil.bind_sockets(0, "127.0.0.1")[0]) as sock:
        port: int = sock.getsockname()[1]
        return port


# -- a preheated kernel's page request ---------------------------------------------------------


def kernel_environ(api: Api, kernel_id: str) -> dict[str, str]:
    return {
        "VOILA_PREHEAT": "True",
        "VOILA_KERNEL_ID": kernel_id,
        "LRKIT_REQUEST_URL": f"{api.base}/{kernel_api.REQUEST_PATH}",
        "LRKIT_STORE_TOKEN": api.token,
    }


def hand_over(api: Api, kernel_id: str, query: str) -> None:
    """What Voila does when a page takes a preheated kernel."""
    payload = {"QUERY_STRING": query, "SCRIPT_NAME": "/voila/render/13_case_exercise.ipynb"}
    api.loop.call_soon_threadsafe(
        RequestInfoSocketHandler.send_updates, {"kernel_id": kernel_id, "payload": payload}
    )


def test_a_preheated_kernel_handed_over_before_it_asks_reads_its_pages_query(api: Api) -> None:
    hand_over(api, "k-before", "session=ABC234&group=Team+A")
    time.sleep(0.2)  # let the hand-over land first: this test is of that order
    assert query_string(kernel_environ(api, "k-before")) == "session=ABC234&group=Team+A"


def test_a_preheated_kernel_that_asks_first_waits_for_its_page(api: Api) -> None:
    answers: list[str] = []
    asking = threading.Thread(
        target=lambda: answers.append(query_string(kernel_environ(api, "k-waiting")))
    )
    asking.start()
    deadline = time.monotonic() + 10
    while "k-waiting" not in RequestInfoSocketHandler._waiters:
        assert time.monotonic() < deadline, "the kernel's request never arrived"
        time.sleep(0.02)  # polling interval
    hand_over(api, "k-waiting", "case=spilled-maize-port")
    asking.join(10)
    assert answers == ["case=spilled-maize-port"]


def test_a_kernel_not_yet_handed_over_is_told_to_ask_again(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kernel_api, "REQUEST_WAIT_S", 0.2)
    request = urllib.request.Request(
        f"{api.base}/{kernel_api.REQUEST_PATH}/k-nobody", headers={TOKEN_HEADER: api.token}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204


def test_outside_a_preheated_kernel_the_query_string_is_voilas() -> None:
    assert query_string({"QUERY_STRING": "group=Team+A"}) == "group=Team+A"
    assert query_string({"VOILA_PREHEAT": "False", "QUERY_STRING": "a=1"}) == "a=1"
    assert query_string({}) == ""


GATE = [
    ("a kernel, over loopback", "127.0.0.1", "127.0.0.1", "s3cret", True),
    ("a kernel, over IPv6 loopback", "::1", "127.0.0.1", "s3cret", True),
    ("a kernel of a server on one address", "192.168.1.20", "192.168.1.20", "s3cret", True),
    ("a laptop on the room's network", "192.168.1.31", "127.0.0.1", "s3cret", False),
    ("a kernel without the token", "127.0.0.1", "127.0.0.1", "guess", False),
    ("no address at all", None, "127.0.0.1", "s3cret", False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("remote", "server", "token", "admitted"), [g[1:] for g in GATE], ids=[g[0] for g in GATE]
)
def test_only_this_machine_with_the_token_is_let_through(
    remote: str | None, server: str, token: str, admitted: bool
) -> None:
    assert kernel_api.Gate("s3cret", server).admits(remote, token) is admitted
