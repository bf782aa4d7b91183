"""Many pages opened at once by lightweight clients, each doing what a browser must before
its widgets are usable; thirty Chromiums on two cores would measure Chromium instead.

A client GETs the page (Voila starts the kernel and runs the notebook while the HTML
streams), reads the kernel id from the page config, opens the kernel websocket and does what
the widget manager does on load: a kernel_info_request, then the ``jupyter.widget.control``
comm and its ``request_states``. The page is usable once ``update_states`` arrives.
"""

from __future__ import annotations

import asyncio
import json
import re
import struct
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from tornado.httpclient import AsyncHTTPClient
from tornado.websocket import WebSocketClientConnection, websocket_connect

KERNEL_ID = re.compile(rb'"kernelId":\s*"([0-9a-f-]{36})"')
CONTROL_TARGET = "jupyter.widget.control"
CONTROL_VERSION = "1.0.0"  # ipywidgets 8's control protocol, sent by the widget manager
T = TypeVar("T")


@dataclass
class Client:
    """What one client saw, in ms from the moment all clients started."""

    html_ms: float | None = None
    usable_ms: float | None = None
    widgets: int = 0
    kernel_id: str | None = None
    error: str | None = None


def _message(
    session: str, msg_type: str, content: dict[str, Any], metadata: dict[str, Any] | None = None
) -> str:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": session,
        "username": "",
        "date": "",
        "version": "5.3",
    }
    message = {
        "header": header,
        "parent_header": {},
        "metadata": metadata or {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }
    return json.dumps(message)


def _decode(frame: str | bytes) -> dict[str, Any]:
    """A kernel message in jupyter_server's legacy websocket format: JSON text, or, for a
    message with buffers, a binary frame of offsets whose first part is the JSON."""
    if isinstance(frame, bytes):
        count = struct.unpack_from("!I", frame)[0]
        offsets = struct.unpack_from(f"!{count}I", frame, 4)
        end = offsets[1] if count > 1 else len(frame)
        frame = frame[offsets[0] : end].decode()
    decoded: dict[str, Any] = json.loads(frame)
    return decoded


async def _widget_states(ws: WebSocketClientConnection, session: str) -> int:
    """Load the widgets as the widget manager does; return how many states came back."""
    comm_id = uuid.uuid4().hex
    await ws.write_message(_message(session, "kernel_info_request", {}))
    await ws.write_message(
        _message(
            session,
            "comm_open",
            {"comm_id": comm_id, "target_name": CONTROL_TARGET, "data": {}},
            {"version": CONTROL_VERSION},
        )
    )
    await ws.write_message(
        _message(session, "comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
    )
    while True:
        frame = await ws.read_message()
        if frame is None:
            raise ConnectionError("kernel websocket closed before the widget states came")
        message = _decode(frame)
        content = message.get("content", {})
        if message["header"]["msg_type"] == "comm_close" and content.get("comm_id") == comm_id:
            raise RuntimeError("the kernel refused the widget control comm")
        data = content.get("data", {})
        if message["header"]["msg_type"] == "comm_msg" and data.get("method") == "update_states":
            await ws.write_message(_message(session, "comm_close", {"comm_id": comm_id}))
            return len(data["states"])


async def _client(
    http: AsyncHTTPClient,
    url: str,
    timeout: float,
    t0: float,
    arrived: asyncio.Barrier,
    hold: asyncio.Event,
) -> Client:
    seen = Client()
    ws: WebSocketClientConnection | None = None
    try:
        response = await http.fetch(url, request_timeout=timeout, connect_timeout=timeout)
        seen.html_ms = (time.perf_counter() - t0) * 1e3
        match = KERNEL_ID.search(response.body)
        if match is None:
            raise RuntimeError("no kernel id in the page")
        seen.kernel_id = match.group(1).decode()
        session = uuid.uuid4().hex
        host = urlsplit(url).netloc
        ws = await websocket_connect(
            f"ws://{host}/api/kernels/{seen.kernel_id}/channels?session_id={session}",
            connect_timeout=timeout,
        )
        seen.widgets = await asyncio.wait_for(_widget_states(ws, session), timeout)
        seen.usable_ms = (time.perf_counter() - t0) * 1e3
    except Exception as error:  # one failed page is a result, not the end of the run
        seen.error = f"{type(error).__name__}: {error}"
    # Every page stays open until the server has been measured, reading what the kernel
    # sends as a page would (unread, it would stall the connection's answers to pings).
    reading = asyncio.create_task(_read_all(ws)) if ws is not None else None
    await arrived.wait()
    await hold.wait()
    if ws is not None and reading is not None:
        ws.close()
        await reading
    return seen


async def _read_all(ws: WebSocketClientConnection) -> None:
    while await ws.read_message() is not None:
        pass


async def open_at_once(
    url: str, count: int, timeout: float, measure: Callable[[], T]
) -> tuple[list[Client], T]:
    """Open ``count`` pages at once; once each is usable (or failed), call ``measure()``
    while all are still open, then close them."""
    http = AsyncHTTPClient(force_instance=True, max_clients=count)
    arrived = asyncio.Barrier(count + 1)
    hold = asyncio.Event()
    t0 = time.perf_counter()
    tasks = [
        asyncio.create_task(_client(http, url, timeout, t0, arrived, hold)) for _ in range(count)
    ]
    await arrived.wait()
    measured = measure()
    hold.set()
    clients = await asyncio.gather(*tasks)
    http.close()
    return clients, measured
