"""Headless Chromium (Playwright, sync API) against a real workshop server (`lrkit serve`)
over notebooks/.

Chromium is Debian's /usr/bin/chromium, else a Playwright-managed one. Without either the
browser tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from workshop_server import ServerFailed, Workshop, serve

from toolkit.store.database import Store

HERE = Path(__file__).resolve().parent
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
NO_BROWSER_MESSAGE = (
    "No Chromium for the browser tests. Install one with "
    "`apt-get install chromium` (Debian/Ubuntu) or `playwright install chromium`."
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser with `browser`, and run them last: Playwright's sync
    API keeps an event loop running in the main thread from the first browser test to the end
    of the session, where a later test's asyncio.run() would fail."""
    browser = [item for item in items if HERE in item.path.parents]
    for item in browser:
        item.add_marker(pytest.mark.browser)
    items[:] = [item for item in items if item not in browser] + browser


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


@pytest.fixture(scope="session")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workshop]:
    """`lrkit serve` over notebooks/, with a data folder of its own, alive for the session."""
    try:
        with serve(tmp_path_factory.mktemp("workshop-data")) as served:
            yield served
    except ServerFailed as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def voila_server(workshop: Workshop) -> str:
    """Base URL (no trailing slash) of the workshop server."""
    return workshop.url


@pytest.fixture(scope="session")
def workshop_store(workshop: Workshop) -> Iterator[Store]:
    """The answer store the workshop server serves from, opened in the test process: tests
    open sessions and release answers through it."""
    store = workshop.store()
    yield store
    store.close()
