"""`lrkit serve` as a trainer starts it: its options, what it prints, why it refuses to start,
and, over HTTP, the pages it serves: a preheated page that joins the group its link names
through the store, and the busy page once the kernels are all taken."""

from __future__ import annotations

import argparse
import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import psutil
import pytest
import websocket
from workshop_server import TEST_NOTEBOOKS, ServerFailed, Workshop, serve

from toolkit.serve import options
from toolkit.serve.app import announcement
from toolkit.serve.pages import BUSY_RETRY_S
from toolkit.store.database import open_store
from toolkit.store.engine import sqlite_url

PAGE = "/voila/render/13_case_exercise.ipynb"
KERNEL_INFO_REQUEST = json.dumps({
    "header": {"msg_id": "1", "msg_type": "kernel_info_request", "session": "s",
               "username": "", "date": "", "version": "5.3"},
    "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell",
})  # fmt: skip


def parse(*argv: str) -> options.ServeOptions:
    parser = argparse.ArgumentParser()
    options.add_arguments(parser)
    return options.from_arguments(parser.parse_args(argv))


def test_by_default_the_server_listens_on_this_machine_only_with_a_cap_from_its_memory() -> None:
    served = parse()
    assert (served.host, served.port, served.preheat) == ("127.0.0.1", 8866, False)
    assert options.MAX_KERNELS_FLOOR <= served.max_kernels <= options.MAX_KERNELS_CEILING
    assert served.max_kernels == options.default_max_kernels()
    assert parse("--lan").host == "0.0.0.0"
    assert parse("--cull-idle", "120").cull_interval_s == 30  # culled at most 30 s late


@pytest.mark.parametrize(
    "argv",
    [["--port", "0"], ["--port", "70000"], ["--max-kernels", "0"], ["--cull-idle", "soon"],
     ["--lan", "--host", "10.0.0.1"]],
    ids=["port 0", "port too high", "no kernels", "not a number", "lan and host"],
)  # fmt: skip
def test_an_option_out_of_range_is_refused_before_anything_starts(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        parse(*argv)
    assert refused.value.code == 2


def test_with_lan_the_trainer_gets_an_address_for_every_network_of_the_machine(
    tmp_path: Path,
) -> None:
    store = open_store(sqlite_url(tmp_path / "workshop.sqlite"))
    served = options.ServeOptions(notebooks=TEST_NOTEBOOKS, host="0.0.0.0", max_kernels=12)
    text = announcement(served, TEST_NOTEBOOKS, store, "abcd-efgh")
    store.close()
    addresses = {
        a.address
        for nic in psutil.net_if_addrs().values()
        for a in nic
        if a.family == socket.AF_INET and not a.address.startswith("127.")
    }
    for address in addresses:
        assert f"http://{address}:8866{PAGE}" in text
    if not addresses:
        assert "no network address" in text
    assert "0.0.0.0" not in text
    assert f"Answers are stored in sqlite:///{tmp_path}" in text
    assert "At most 12 pages at once" in text


def run_lrkit(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "toolkit.cli", "serve", *argv],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_without_a_folder_of_notebooks_the_server_says_where_it_looked(tmp_path: Path) -> None:
    result = run_lrkit("--notebooks", str(tmp_path / "nowhere"), "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert f"no folder of notebooks at {tmp_path / 'nowhere'}" in result.stderr
    assert "--notebooks" in result.stderr


def test_a_port_in_use_is_reported_with_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_lrkit("--port", str(port), "--notebooks", str(TEST_NOTEBOOKS),
                           "--data-dir", str(tmp_path))  # fmt: skip
    assert result.returncode == 2
    assert f"Port {port} is in use" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


# -- pages, over HTTP --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def preheated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workshop]:
    """One kernel kept ready for the (stand-in) participants' page, three kernels at most."""
    data = tmp_path_factory.mktemp("preheated")
    try:
        with serve(data, "--preheat", "--pool-size", "1", "--max-kernels", "3",
                   notebooks=TEST_NOTEBOOKS) as workshop:  # fmt: skip
            yield workshop
    except ServerFailed as error:
        pytest.fail(str(error), pytrace=False)


def get(url: str) -> tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_preheated_page_reads_its_link_and_joins_that_group_through_the_server(
    preheated: Workshop,
) -> None:
    store = preheated.store()
    session = store.open_session("Rome, morning")
    store.join(session.code, "Team A")
    preheated.wait_for_log("Kernel pool of 13_case_exercise.ipynb is filled")

    status, headers, html = get(f"{preheated.url}{PAGE}?session={session.code}&group=team+a")

    assert status == 200
    assert "Using pre-heated kernel" in preheated.log()
    assert "Joined as Team A." in html  # the stored name: the same group
    assert [g.name for g in store.groups(session)] == ["Team A"]
    store.close()
    # the page of the lrkit template: an announced loading indicator, nothing from elsewhere
    assert re.search(r'id="loading" role="status"', html)
    assert "lr-connection-lost" in html and "lr-group-link" in html
    assert not re.search(r'(?:src|href)="https?://', html)
    assert any(c.startswith("_xsrf=") for c in headers.get_all("Set-Cookie", []))


def test_a_failing_page_shows_no_traceback_and_the_server_logs_it(preheated: Workshop) -> None:
    status, _, html = get(f"{preheated.url}/voila/render/fails.ipynb")
    assert status == 200
    assert "a secret detail of the failure" not in html and "Traceback" not in html
    assert "The details are in the workshop server&#39;s log: tell the trainer." in html
    preheated.wait_for_log("Error at server while executing cell")
    assert re.search(r"ValueError\S*: a secret detail of the failure", preheated.log())


def test_past_the_cap_a_page_gets_the_busy_page_which_retries_by_itself(
    preheated: Workshop,
) -> None:
    statuses: list[int] = []
    while 503 not in statuses and len(statuses) <= 3:  # the pool's kernel counts towards 3
        status, headers, html = get(f"{preheated.url}{PAGE}")
        statuses.append(status)

    assert statuses[-1] == 503 and set(statuses[:-1]) <= {200}
    assert headers["Retry-After"] == str(BUSY_RETRY_S)
    assert f'<meta http-equiv="refresh" content="{BUSY_RETRY_S}">' in html
    assert "The workshop server is busy: try again in a moment" in html
    assert "Traceback" not in html and "Served the busy page" in preheated.log()


def test_the_kernel_of_a_page_that_went_is_culled_and_that_of_an_open_one_is_not(
    tmp_path: Path,
) -> None:
    with serve(tmp_path, "--cull-idle", "1", notebooks=TEST_NOTEBOOKS) as workshop:
        open_page = kernel_id(get(f"{workshop.url}{PAGE}")[2])
        channel = websocket.create_connection(
            f"{workshop.url.replace('http', 'ws')}/api/kernels/{open_page}/channels", timeout=30
        )
        try:
            gone_page = kernel_id(get(f"{workshop.url}{PAGE}")[2])  # no browser ever connects
            workshop.wait_for_log(f"({gone_page}) with 0 connections due to")
            # The open page's kernel has been idle longer, and was looked at first: only its
            # connection kept it.
            assert f"({open_page}) with" not in workshop.log()
            channel.send(KERNEL_INFO_REQUEST)  # and it still answers
            while json.loads(channel.recv())["header"]["msg_type"] != "kernel_info_reply":
                pass
        finally:
            channel.close()


def kernel_id(html: str) -> str:
    found = re.search(r'"kernelId": "([0-9a-f-]{36})"', html)
    assert found, "the page names no kernel"
    return found.group(1)
