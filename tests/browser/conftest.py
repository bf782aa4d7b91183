"""Headless Chromium (Playwright, sync API) against a real Voila server over notebooks/.

Chromium is Debian's /usr/bin/chromium, else a Playwright-managed one. Without either the
browser tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import psutil
import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE.parent.parent / "notebooks"
SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
# The network here is closed: without these Chromium keeps dialling out (refused connections).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60.0  # seconds
NO_BROWSER_MESSAGE = (
    "No Chromium for the browser tests. Install one with "
    "`apt-get install chromium` (Debian/Ubuntu) or `playwright install chromium`."
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser with `browser`."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium_executable(playwright: Playwright) -> Path:
    """Debian's Chromium, else Playwright's own; skip (fail under CI=true) if neither."""
    if SYSTEM_CHROMIUM.exists():
        return SYSTEM_CHROMIUM
    try:
        managed = Path(playwright.chromium.executable_path)
    except Exception:  # Playwright may raise when it has no browser of its own
        managed = None
    if managed is not None and managed.exists():
        return managed
    if os.environ.get("CI") == "true":
        pytest.fail(NO_BROWSER_MESSAGE, pytrace=False)
    pytest.skip(NO_BROWSER_MESSAGE)


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_executable: Path) -> Iterator[Browser]:
    browser = playwright.chromium.launch(
        executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no shared cookies or storage) for each test."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop Voila and its process group, then any kernel it left (jupyter_client starts
    each kernel in a session of its own, so the group alone would miss them)."""
    try:
        kernels = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        kernels = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    for kernel in kernels:
        with contextlib.suppress(psutil.NoSuchProcess):
            kernel.terminate()
    for kernel in psutil.wait_procs(kernels, timeout=5)[1]:
        with contextlib.suppress(psutil.NoSuchProcess):
            kernel.kill()


@pytest.fixture(scope="session")
def voila_server() -> Iterator[str]:
    """Base URL (no trailing slash) of a Voila server over notebooks/, alive for the session."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(NOTEBOOKS),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--VoilaConfiguration.show_tracebacks=False",
    ]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            cwd=NOTEBOOKS.parent,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_up(f"{base}/voila/static/voila.js", proc, log)
            yield base
        finally:
            _stop(proc)


def _wait_until_up(url: str, proc: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            output = log.read().decode(errors="replace")
            state = (
                f"exited with {proc.returncode}"
                if proc.poll() is not None
                else (f"did not answer {url} within {SERVER_START_TIMEOUT:.0f} s")
            )
            pytest.fail(f"Voila {state}. Its log:\n{output}", pytrace=False)
        time.sleep(0.2)  # polling interval, not a wait for the page
