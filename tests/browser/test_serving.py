"""What a participant's browser meets on the workshop server: the busy page past the cap, a
kernel that runs nothing the browser sends, a notice when the server goes away, and the
group's link kept in the address bar."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import websocket
from playwright.sync_api import Browser, Page, expect
from workshop_server import TEST_NOTEBOOKS, ServerFailed, Workshop, serve

TIMEOUT = 60_000  # ms: a first render starts a kernel and runs the notebook
PAGE = "/voila/render/13_case_exercise.ipynb"  # the stand-in in tests/data/serve
BUSY = "The workshop server is busy: try again in a moment"


@pytest.fixture(scope="module")
def test_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workshop]:
    """lrkit serve over the test notebooks."""
    try:
        with serve(tmp_path_factory.mktemp("pages"), notebooks=TEST_NOTEBOOKS) as workshop:
            yield workshop
    except ServerFailed as error:
        pytest.fail(str(error), pytrace=False)


def open_ready(page: Page, url: str) -> None:
    """Open the page and wait until its widgets are drawn (the kernel's socket is open)."""
    response = page.goto(url, timeout=TIMEOUT)
    assert response is not None and response.ok, f"GET {url}: HTTP {response and response.status}"
    expect(page.locator("a.lr-group-link")).to_be_visible(timeout=TIMEOUT)


def kernel_of(page: Page) -> str:
    config = json.loads(page.locator("#jupyter-config-data").text_content() or "{}")
    kernel_id: str = config["kernelId"]
    return kernel_id


def test_past_the_cap_the_page_says_the_server_is_busy_and_opens_once_a_place_frees(
    browser: Browser, tmp_path: Path
) -> None:
    first, second = browser.new_context(), browser.new_context()
    try:
        with serve(tmp_path, "--max-kernels", "1", notebooks=TEST_NOTEBOOKS) as workshop:
            open = first.new_page()
            open_ready(open, workshop.url + PAGE)
            kernel_id = kernel_of(open)
            waiting = second.new_page()
            response = waiting.goto(workshop.url + PAGE, timeout=TIMEOUT)

            assert response is not None and response.status == 503
            assert response.headers["retry-after"].isdigit()
            expect(waiting.get_by_role("status")).to_contain_text(BUSY)
            expect(waiting.locator("body")).not_to_contain_text("Traceback")

            open.close(run_before_unload=True)  # as a tab closes: the page shuts its kernel down
            expect(waiting.locator("a.lr-group-link")).to_be_visible(timeout=TIMEOUT)
            assert f"Kernel shutdown: {kernel_id}" in workshop.log()
    finally:
        first.close()
        second.close()


def test_code_sent_to_the_kernel_over_its_websocket_is_not_run(
    page: Page, test_pages: Workshop, tmp_path: Path
) -> None:
    open_ready(page, test_pages.url + PAGE)
    kernel_id = kernel_of(page)
    planted = tmp_path / "planted-by-the-browser"
    ws_url = test_pages.url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    channel = websocket.create_connection(ws_url, timeout=30)
    try:
        channel.send(json.dumps(message("execute_request", {
            "code": f"open({str(planted)!r}, 'w').write('ran')", "silent": False,
            "store_history": False, "user_expressions": {}, "allow_stdin": False,
        })))  # fmt: skip
        # The kernel answers its shell channel in order: once it has answered this, it would
        # have run the code above, had the code reached it.
        info = message("kernel_info_request", {})
        channel.send(json.dumps(info))
        reply = read_until_reply_to(channel, info["header"]["msg_id"])
    finally:
        channel.close()
    assert reply["msg_type"] == "kernel_info_reply"
    assert not planted.exists()
    assert 'Received message of type "execute_request", which is not allowed' in (test_pages.log())


def message(msg_type: str, content: dict[str, object]) -> dict[str, Any]:
    """A Jupyter message as the browser sends it on the kernel's websocket (JSON form)."""
    header = {
        "msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "participant",
        "session": uuid.uuid4().hex, "date": datetime.now(UTC).isoformat(), "version": "5.3",
    }  # fmt: skip
    return {"header": header, "parent_header": {}, "metadata": {}, "content": content,
            "channel": "shell", "buffers": []}  # fmt: skip


def read_until_reply_to(channel: websocket.WebSocket, msg_id: str) -> dict[str, object]:
    while True:
        received = json.loads(channel.recv())
        if (
            received.get("parent_header", {}).get("msg_id") == msg_id
            and received.get("channel") == "shell"
        ):
            header: dict[str, object] = received["header"]
            return header


def test_when_the_server_goes_away_the_page_says_the_connection_is_lost(
    page: Page, tmp_path: Path
) -> None:
    with serve(tmp_path, notebooks=TEST_NOTEBOOKS) as workshop:
        open_ready(page, workshop.url + PAGE)
        expect(page.locator(".lr-connection-lost")).to_have_count(0)
        workshop.kill()
        notice = page.get_by_role("alert")
        expect(notice).to_have_class(re.compile(r"\blr-connection-lost\b"), timeout=TIMEOUT)
        expect(notice).to_contain_text("connection to the workshop server was lost")
        expect(notice.get_by_role("button", name="Reload")).to_be_visible()


def test_the_groups_link_replaces_the_address_and_a_reload_opens_the_group_again(
    page: Page, test_pages: Workshop
) -> None:
    store = test_pages.store()
    session = store.open_session("Browser, morning")
    store.join(session.code, "Team A")
    store.close()
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: elsewhere.append(r.url) if not r.url.startswith(test_pages.url) else None,
    )

    open_ready(page, f"{test_pages.url}{PAGE}?session={session.code}&group=team+a")
    expect(page).to_have_url(re.compile(rf"\?session={session.code}&group=Team\+A$"))
    expect(page.get_by_text("Joined as Team A.")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Joined as Team A.")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(rf"\?session={session.code}&group=Team\+A$"))
    assert elsewhere == [], "the page fetched something from outside the workshop server"
