"""What kernels ask of the serving process over loopback HTTP: the answer store's verbs, and, for
a preheated kernel, the request of the page it was handed to.

    POST /lrkit/store/<verb>     {"argument": value, ...}  ->  {"result": ...}
    GET  /lrkit/request/<kernel id>                         ->  {"request": {...}} or 204

Every request must come from this machine and carry the run's secret token (header
``X-Lrkit-Token``, given to the kernels in their environment). Errors answer 4xx or 5xx with
``{"error": class name, "message": ...}``, never a traceback: the client raises the same error.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any

import tornado.web
from tornado.log import app_log
from voila.request_info_handler import RequestInfoSocketHandler

from toolkit.store.database import Store
from toolkit.store.errors import StoreBusyError, StoreError
from toolkit.store.wire import (
    TOKEN_HEADER,
    AccessError,
    Arguments,
    RequestError,
    answers_by_group_to_json,
    error_to_json,
    record_to_json,
)

STORE_PATH = "lrkit/store"
REQUEST_PATH = "lrkit/request"
REQUEST_WAIT_S = 30.0  # a kernel waiting for its page asks again after this long

# The verbs kernels may call: each reads its arguments, calls the store, and returns JSON data.
VERBS: dict[str, Callable[[Store, Arguments], object]] = {
    "open_session": lambda store, a: record_to_json(store.open_session(a.text("title"))),
    "find_session": lambda store, a: record_to_json(store.find_session(a.text("code"))),
    "sessions": lambda store, a: [record_to_json(s) for s in store.sessions()],
    "close_session": lambda store, a: record_to_json(store.close_session(a.session())),
    "join": lambda store, a: record_to_json(store.join(a.text("code"), a.text("group_name"))),
    "groups": lambda store, a: [record_to_json(g) for g in store.groups(a.session())],
    "save_answer": lambda store, a: record_to_json(
        store.save_answer(a.group(), a.text("case_id"), a.text("question_id"), a.value("value"))
    ),
    "answers": lambda store, a: store.answers(a.group(), a.text("case_id")),
    "history": lambda store, a: [
        record_to_json(answer)
        for answer in store.history(
            a.group(), a.optional_text("case_id"), a.optional_text("question_id")
        )
    ],
    "all_answers": lambda store, a: answers_by_group_to_json(
        store.all_answers(a.session(), a.text("case_id"))
    ),
    "release": lambda store, a: record_to_json(store.release(a.session(), a.text("case_id"))),
    "hide": lambda store, a: record_to_json(store.hide(a.session(), a.text("case_id"))),
    "is_released": lambda store, a: store.is_released(a.session(), a.text("case_id")),
    "releases": lambda store, a: [record_to_json(r) for r in store.releases(a.session())],
}


@dataclass(frozen=True)
class Gate:
    """Who may ask: a process on this machine (the kernels) with the run's secret token."""

    token: str
    # The address kernels reach the server at, if the server listens on one of this machine's
    # network addresses only (then kernels come from it, not from loopback).
    server_address: str = "127.0.0.1"

    def admits(self, remote_ip: str | None, token: str) -> bool:
        return _from_this_machine(remote_ip, self.server_address) and hmac.compare_digest(
            token.encode(), self.token.encode()
        )


def handlers(
    base_url: str, gate: Gate, store: Store, executor: Executor
) -> list[tuple[str, type[tornado.web.RequestHandler], dict[str, Any]]]:
    """The routes to add to the server's tornado application."""
    return [
        (f"{base_url}{STORE_PATH}/(.*)", StoreHandler,
         {"gate": gate, "store": store, "executor": executor}),
        (f"{base_url}{REQUEST_PATH}/(.*)", PageRequestHandler, {"gate": gate}),
    ]  # fmt: skip


class KernelAPIHandler(tornado.web.RequestHandler):
    """Refuses, as JSON, what does not come from this machine with the token."""

    def initialize(self, gate: Gate) -> None:
        self.gate = gate

    def prepare(self) -> None:
        if not self.gate.admits(self.request.remote_ip, self.request.headers.get(TOKEN_HEADER, "")):
            self.log_refusal()
            self.send_error_json(
                403,
                AccessError(
                    "Only the workshop server's own pages may use this address; it needs the "
                    "token the server gave them."
                ),
            )

    def log_refusal(self) -> None:
        app_log.warning(
            "Refused %s %s from %s: no valid token", self.request.method, self.request.path,
            self.request.remote_ip,
        )  # fmt: skip

    def send_error_json(self, status: int, error: StoreError) -> None:
        self.set_status(status)
        self.set_header("Cache-Control", "no-store")
        self.finish(error_to_json(error))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """Whatever tornado itself refuses (a wrong method, a bad request) as JSON, too."""
        self.finish(error_to_json(RequestError(f"{self._reason} (HTTP {status_code}).")))


class StoreHandler(KernelAPIHandler):
    """One verb of the store per request, run in a worker thread: the database may wait."""

    def initialize(self, gate: Gate, store: Store, executor: Executor) -> None:  # type: ignore[override]
        super().initialize(gate)
        self.store = store
        self.executor = executor

    async def post(self, verb: str) -> None:
        call = VERBS.get(verb)
        if call is None:
            known = ", ".join(VERBS)
            self.send_error_json(
                404, RequestError(f"The store has no verb {verb!r}; it has {known}.")
            )
            return
        try:
            arguments = Arguments(json.loads(self.request.body or b"{}"))
            loop = asyncio.get_running_loop()
            result = await loop.run_in_executor(self.executor, call, self.store, arguments)
        except ValueError as error:  # StoreError is a ValueError, as is bad JSON
            store_error = error if isinstance(error, StoreError) else RequestError(
                f"The request body must be a JSON object of arguments: {error}."
            )  # fmt: skip
            status = 503 if isinstance(error, StoreBusyError) else 400
            self.send_error_json(status, store_error)
            return
        except Exception:
            app_log.exception("The answer store failed on %r", verb)
            self.send_error_json(
                500,
                StoreError(
                    f"The workshop server could not {verb.replace('_', ' ')}: an unexpected "
                    "error, logged by the server. Try again; if it persists, tell the trainer."
                ),
            )
            return
        self.set_header("Cache-Control", "no-store")
        self.finish({"result": result})


class PageRequestHandler(KernelAPIHandler):
    """A preheated kernel's page request (query string and the like), once Voila hands the
    kernel to a page; 204 if that has not happened within ``REQUEST_WAIT_S``.

    Voila passes the request to ``RequestInfoSocketHandler``, meant for its own websocket
    client, which costs a kernel tens of MiB of imports; this reads the same hand-over (the
    cache it keeps, or a waiter it calls) and answers plain HTTP instead.
    """

    async def get(self, kernel_id: str) -> None:
        info = RequestInfoSocketHandler._cache.pop(kernel_id, None)
        if info is None:
            waiter = _Waiter()
            RequestInfoSocketHandler._waiters[kernel_id] = waiter
            try:
                info = await asyncio.wait_for(waiter.request, REQUEST_WAIT_S)
            except TimeoutError:
                self.set_status(204)
                self.finish()
                return
            finally:
                if RequestInfoSocketHandler._waiters.get(kernel_id) is waiter:
                    del RequestInfoSocketHandler._waiters[kernel_id]
        self.set_header("Cache-Control", "no-store")
        self.finish({"request": info})


class _Waiter:
    """Stands in for a websocket in ``RequestInfoSocketHandler._waiters``."""

    def __init__(self) -> None:
        self.request: asyncio.Future[object] = asyncio.get_running_loop().create_future()

    def write_message(self, payload: object) -> None:
        if not self.request.done():
            self.request.set_result(payload)


def _from_this_machine(address: str | None, server_address: str) -> bool:
    if address is None:
        return False
    try:
        return address == server_address or ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
