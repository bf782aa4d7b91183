"""The trainer's dashboard in Chromium, against `lrkit serve`: the passcode, the live table of
two groups answering in browsers of their own, the release of model answers to their pages,
the presenter view moved by the keyboard, and a group name made of markup kept inert.

The server's kernels take the passcode from LRKIT_TRAINER_PASSCODE, which the workshop fixture
passes on from this process's environment; it is set here, at collection, before any server
starts.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from toolkit.casebook import CASEBOOK, load_casebook
from toolkit.store import Session
from toolkit.store.database import Store
from toolkit.trainer.passcode import PASSCODE_VARIABLE

PASSCODE = os.environ.setdefault(PASSCODE_VARIABLE, "browser-trainer-passcode")
TIMEOUT = 60_000  # ms: a first render starts a kernel and runs the notebook
LIVE = 10_000  # ms: the dashboard looks every 2.5 s, a group's page every 3 s
DASHBOARD = "/voila/render/13_trainer_dashboard.ipynb"
PARTICIPANTS = "/voila/render/13_case_exercise.ipynb"
CASE = "spilled-maize-port"
TITLE = load_casebook(CASEBOOK).case(CASE).title  # a Dropdown's options are its labels
INERT_NAME = "<img src=x onerror=window.__xss=1>"


@pytest.fixture
def pages(browser: Browser) -> Iterator[list[Page]]:
    """Three browser contexts of their own: the trainer's and two groups' laptops."""
    contexts = [browser.new_context() for _ in range(3)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def log_in(page: Page, base: str, passcode: str = PASSCODE) -> None:
    page.goto(base + DASHBOARD, timeout=TIMEOUT)
    box = page.get_by_label("Passcode")
    box.fill(passcode, timeout=TIMEOUT)
    box.press("Enter")


def open_desk(page: Page, base: str, session: Session | None = None) -> None:
    log_in(page, base)
    expect(page.locator(".lr-desk")).to_be_visible(timeout=TIMEOUT)
    if session is not None:
        page.get_by_label("Session", exact=True).select_option(
            label=f"{session.code} · {session.title}"
        )
        expect(page.locator(".lr-shown-session")).to_contain_text(session.code)
    page.get_by_label("Case").select_option(label=TITLE)


def join(page: Page, base: str, code: str, group: str) -> None:
    """Open the group's link, which joins the session at once and opens the case."""
    query = urlencode({"session": code, "group": group, "case": CASE})
    page.goto(f"{base}{PARTICIPANTS}?{query}", timeout=TIMEOUT)
    expect(page.locator(".lr-group-bar")).to_contain_text(group, timeout=TIMEOUT)
    expect(page.locator(".lr-narrative h2")).to_have_text(TITLE)


def answer(page: Page, question: str, choice: str) -> None:
    row = page.locator(f".lr-q-{question}")
    row.get_by_label(choice, exact=True).check()
    expect(row.locator(".lr-saved")).to_contain_text("Saved at", timeout=LIVE)


def test_a_wrong_passcode_shows_nothing_of_the_session(
    page: Page, voila_server: str, workshop_store: Store
) -> None:
    session = workshop_store.open_session("Secret workshop")
    workshop_store.join(session.code, "Team Hidden")
    log_in(page, voila_server, passcode="not-the-passcode")
    expect(page.locator(".lr-passcode-message")).to_contain_text("not right", timeout=TIMEOUT)
    expect(page.locator(".lr-desk")).to_have_count(0)
    content = page.content()
    for secret in (session.code, "Secret workshop", "Team Hidden", PASSCODE):
        assert secret not in content


def test_two_groups_answers_reach_the_dashboard_and_its_release_reaches_their_pages(
    pages: list[Page], voila_server: str, workshop_store: Store
) -> None:
    trainer, first, second = pages
    log_in(trainer, voila_server)
    trainer.get_by_label("New session").fill("Browser day", timeout=TIMEOUT)
    trainer.get_by_role("button", name="Open a new session").click()
    expect(trainer.locator(".lr-code-box")).to_contain_text("Browser day", timeout=LIVE)
    code = trainer.locator(".lr-code").inner_text(timeout=TIMEOUT).replace(" ", "")
    assert re.fullmatch(r"[2-9A-Z]{6}", code), code
    trainer.get_by_label("Case").select_option(label=TITLE)
    trainer.get_by_role("tab", name="Answers").click()

    join(first, voila_server, code, "Team A")
    join(second, voila_server, code, "Team B")
    answer(first, "in-scope", "Yes")
    answer(second, "in-scope", "No")

    grid = trainer.locator(".lr-trainer-grid")
    expect(grid.locator("tr", has_text="Team A")).to_contain_text("✓ Yes", timeout=LIVE)
    expect(grid.locator("tr", has_text="Team B")).to_contain_text("✗ No", timeout=LIVE)

    for group in (first, second):
        expect(group.locator(".lr-model-answer").first).to_be_empty()
    trainer.get_by_role("button", name="Release model answers").click()
    expect(trainer.locator(".lr-release-state")).to_contain_text("shown to the groups")
    assert workshop_store.is_released(workshop_store.find_session(code), CASE)
    for group in (first, second):
        group.get_by_role("button", name="Refresh").click()
        model = group.locator(".lr-q-in-scope .lr-model-answer")
        expect(model).to_contain_text("Model answer: Yes", timeout=LIVE)


def test_the_presenter_steps_through_a_case_with_the_keyboard(
    page: Page, voila_server: str, workshop_store: Store
) -> None:
    session = workshop_store.open_session("Presenting")
    open_desk(page, voila_server, session)
    page.get_by_role("tab", name="Presenter").click()
    where = page.locator(".lr-presenter-where")
    expect(where).to_contain_text("Slide 1 of", timeout=LIVE)
    expect(page.locator(".lr-slide h1")).to_contain_text("maize")
    page.locator("body").press("ArrowRight")
    expect(where).to_contain_text("Slide 2 of")
    expect(page.locator(".lr-slide")).to_contain_text("Question 1 of")
    page.locator(".lr-presenter-next").focus()
    page.keyboard.press("Enter")
    expect(where).to_contain_text("Slide 3 of")
    expect(page.locator(".lr-slide .lr-slide-model")).to_contain_text("Model answer")
    page.keyboard.press("Space")
    expect(where).to_contain_text("Slide 4 of")
    page.locator("body").press("PageUp")
    expect(where).to_contain_text("Slide 3 of")
    page.locator("body").press("ArrowLeft")
    expect(where).to_contain_text("Slide 2 of")


def test_a_group_name_of_markup_is_inert_in_the_dashboard_and_the_report(
    page: Page, browser: Browser, voila_server: str, workshop_store: Store
) -> None:
    session = workshop_store.open_session("Inert names")
    group = workshop_store.join(session.code, INERT_NAME)
    workshop_store.save_answer(group, CASE, "in-scope", "yes")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_desk(page, voila_server, session)
    page.get_by_role("tab", name="Answers").click()
    expect(page.locator(".lr-trainer-grid .lr-group-name")).to_have_text(INERT_NAME)

    page.get_by_role("tab", name="Export").click()
    page.get_by_role("button", name="HTML report").click()
    link = page.locator(".lr-export-result a")
    expect(link).to_contain_text("Download", timeout=LIVE)
    href = link.get_attribute("href") or ""
    report = base64.b64decode(href.split("base64,", 1)[1]).decode("utf-8")
    assert page.evaluate("window.__xss") is None

    context = browser.new_context()
    try:
        viewer = context.new_page()
        viewer.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        viewer.set_content(report)
        expect(viewer.locator(".lr-group-name").first).to_have_text(INERT_NAME)
        assert viewer.locator("img").count() == 0
        assert viewer.evaluate("window.__xss") is None
    finally:
        context.close()
    assert dialogs == []
