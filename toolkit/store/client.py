"""The answer store as a participant's kernel reaches it: over loopback HTTP from the serving
process, which holds the one database connection.

A kernel must stay light (SQLAlchemy alone costs about 26 MiB per process), so this module uses
the standard library only. ``connect()`` is what an app calls: a ``StoreClient`` when the kernel
was started by ``lrkit serve`` (which sets ``LRKIT_STORE_URL`` and ``LRKIT_STORE_TOKEN``), else the
database opened in this process, for self-study, tests and scripts.

    from toolkit.store.client import connect
    store = connect()
    group = store.join("ABC234", "Team A")
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Protocol

from toolkit.store.errors import AnswerError, StoreError
from toolkit.store.records import Answer, Group, ReleaseEvent, Session
from toolkit.store.wire import (
    TOKEN_HEADER,
    answers_by_group_from_json,
    error_from_json,
    record_from_json,
    record_to_json,
    records_from_json,
)

STORE_URL_VARIABLE = "LRKIT_STORE_URL"
TOKEN_VARIABLE = "LRKIT_STORE_TOKEN"
# The server may itself wait on a locked database (30 s busy timeout, then retries).
TIMEOUT_S = 60.0


class AnswerStore(Protocol):
    """The verbs of the answer store, as ``Store`` (in-process) and ``StoreClient`` both offer
    them; type apps against this."""

    def open_session(self, title: str) -> Session: ...
    def find_session(self, code: str) -> Session: ...
    def sessions(self) -> list[Session]: ...
    def close_session(self, session: Session) -> Session: ...
    def join(self, code: str, group_name: str) -> Group: ...
    def groups(self, session: Session) -> list[Group]: ...
    def save_answer(
        self, group: Group, case_id: str, question_id: str, value: object
    ) -> Answer: ...
    def answers(self, group: Group, case_id: str) -> dict[str, object]: ...
    def history(
        self, group: Group, case_id: str | None = None, question_id: str | None = None
    ) -> list[Answer]: ...
    def all_answers(self, session: Session, case_id: str) -> dict[Group, dict[str, object]]: ...
    def release(self, session: Session, case_id: str) -> ReleaseEvent: ...
    def hide(self, session: Session, case_id: str) -> ReleaseEvent: ...
    def is_released(self, session: Session, case_id: str) -> bool: ...
    def releases(self, session: Session) -> list[ReleaseEvent]: ...


class ServerUnreachableError(StoreError):
    """The workshop server did not answer: it is stopped, restarting, or overloaded."""


def connect(environ: Mapping[str, str] = os.environ) -> AnswerStore:
    """The store through the workshop server if this kernel was started by one, else the
    database itself (``LRKIT_DATABASE_URL``, or ``workshop.sqlite`` in ``LRKIT_DATA_DIR``)."""
    url = environ.get(STORE_URL_VARIABLE, "").strip()
    if not url:
        from toolkit.store.database import open_store  # SQLAlchemy: only outside a served page

        return open_store()
    token = environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise StoreError(
            f"{STORE_URL_VARIABLE} is set but {TOKEN_VARIABLE} is not: the workshop server "
            f"gives both to the pages it starts. Unset {STORE_URL_VARIABLE} to use the "
            "database directly, or set the token the server was started with."
        )
    return StoreClient(url, token)


class StoreClient:
    """The store's verbs, asked of the workshop server: same arguments, same return values and
    the same errors as ``Store``, plus ``ServerUnreachableError`` when the server is away."""

    def __init__(self, url: str, token: str, *, timeout_s: float = TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self._token = token
        self.timeout_s = timeout_s
        # Straight to the server: a proxy set for the machine must not see loopback requests.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def __repr__(self) -> str:  # never the token
        return f"StoreClient({self.url!r})"

    # -- sessions ------------------------------------------------------------------------------

    def open_session(self, title: str) -> Session:
        return record_from_json(Session, self._call("open_session", title=title))

    def find_session(self, code: str) -> Session:
        return record_from_json(Session, self._call("find_session", code=code))

    def sessions(self) -> list[Session]:
        return records_from_json(Session, self._call("sessions"))

    def close_session(self, session: Session) -> Session:
        return record_from_json(
            Session, self._call("close_session", session=record_to_json(session))
        )

    # -- groups --------------------------------------------------------------------------------

    def join(self, code: str, group_name: str) -> Group:
        return record_from_json(Group, self._call("join", code=code, group_name=group_name))

    def groups(self, session: Session) -> list[Group]:
        return records_from_json(Group, self._call("groups", session=record_to_json(session)))

    # -- answers -------------------------------------------------------------------------------

    def save_answer(self, group: Group, case_id: str, question_id: str, value: object) -> Answer:
        try:  # the store's own check, so that a value that is not JSON fails the same way
            json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise AnswerError(
                f"The answer to question {question_id!r} must be JSON data (text, a number, "
                f"true/false, null, or lists and mappings of those); got {value!r}: {error}."
            ) from None
        result = self._call(
            "save_answer", group=record_to_json(group), case_id=case_id,
            question_id=question_id, value=value,
        )  # fmt: skip
        return record_from_json(Answer, result)

    def answers(self, group: Group, case_id: str) -> dict[str, object]:
        result = self._call("answers", group=record_to_json(group), case_id=case_id)
        if not isinstance(result, dict):
            raise StoreError(f"The workshop server sent answers that are not a mapping: {result!r}")
        return result

    def history(
        self, group: Group, case_id: str | None = None, question_id: str | None = None
    ) -> list[Answer]:
        result = self._call(
            "history", group=record_to_json(group), case_id=case_id, question_id=question_id
        )
        return records_from_json(Answer, result)

    def all_answers(self, session: Session, case_id: str) -> dict[Group, dict[str, object]]:
        result = self._call("all_answers", session=record_to_json(session), case_id=case_id)
        return answers_by_group_from_json(result)

    # -- releases of model answers -------------------------------------------------------------

    def release(self, session: Session, case_id: str) -> ReleaseEvent:
        result = self._call("release", session=record_to_json(session), case_id=case_id)
        return record_from_json(ReleaseEvent, result)

    def hide(self, session: Session, case_id: str) -> ReleaseEvent:
        result = self._call("hide", session=record_to_json(session), case_id=case_id)
        return record_from_json(ReleaseEvent, result)

    def is_released(self, session: Session, case_id: str) -> bool:
        result = self._call("is_released", session=record_to_json(session), case_id=case_id)
        return result is True

    def releases(self, session: Session) -> list[ReleaseEvent]:
        return records_from_json(
            ReleaseEvent, self._call("releases", session=record_to_json(session))
        )

    # -- the request ---------------------------------------------------------------------------

    def _call(self, verb: str, **arguments: object) -> object:
        """POST the arguments to <url>/<verb>; the result, or the server's error raised here."""
        request = urllib.request.Request(
            f"{self.url}/{verb}",
            data=json.dumps(arguments, ensure_ascii=False, allow_nan=False).encode(),
            method="POST",
            headers={"Content-Type": "application/json", TOKEN_HEADER: self._token},
        )
        try:
            with self._opener.open(request, timeout=self.timeout_s) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:  # an answer, with an error status
            status, body = error.code, error.read()
        except (OSError, http.client.HTTPException) as error:  # URLError is an OSError
            raise self._unreachable(getattr(error, "reason", error)) from None
        return _result(verb, status, body)

    def _unreachable(self, reason: object) -> ServerUnreachableError:
        if isinstance(reason, TimeoutError):
            return ServerUnreachableError(
                f"The workshop server did not answer within {self.timeout_s:.0f} s, so what "
                "you just did may not be saved. Try again in a moment; if this keeps "
                "happening, tell the trainer."
            )
        return ServerUnreachableError(
            f"The workshop server cannot be reached ({reason}). If the trainer restarted it, "
            f"reload this page; otherwise tell the trainer. (Server address: {self.url})"
        )


def _result(verb: str, status: int, body: bytes) -> object:
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    error = error_from_json(data)
    if error is not None:
        raise error
    if status != 200 or not isinstance(data, dict) or "result" not in data:
        raise StoreError(
            f"The workshop server answered {verb!r} with HTTP {status} and no result it "
            f"understands; check that {STORE_URL_VARIABLE} points at 'lrkit serve'."
        )
    return data["result"]
