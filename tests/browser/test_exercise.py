"""The participant page in Chromium, against `lrkit serve` and the store it serves from."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, WebSocket, expect

from toolkit.casebook import CASEBOOK, load_casebook
from toolkit.store import Session
from toolkit.store.database import Store

TIMEOUT = 60_000  # ms: a first render starts a kernel and runs the notebook
SAVE_MS = 15_000  # a kernel round trip and a store write, on a busy 2-core machine
PAGE = "/voila/render/13_case_exercise.ipynb"
CASE = "spilled-maize-port"
TEXT_CASE = "carrier-recourse"  # has a free-text question
INERT_NAME = "<img src=x onerror=window.__xss=1>"
INERT_ANSWER = "<script>window.__xss=2</script><b>bold?</b>"


@pytest.fixture
def session(workshop_store: Store) -> Session:
    return workshop_store.open_session("Browser workshop")


@pytest.fixture
def pages(browser: Browser) -> Iterator[list[Page]]:
    """Pages in browser contexts of their own: two groups on two laptops."""
    contexts = [browser.new_context() for _ in range(2)]
    yield [context.new_page() for context in contexts]
    for context in contexts:
        context.close()


def join(page: Page, base: str, code: str, group: str, case_id: str = CASE) -> None:
    page.goto(base + PAGE, timeout=TIMEOUT)
    page.get_by_label("Join code").fill(code, timeout=TIMEOUT)
    page.get_by_label("Group name").fill(group)
    page.get_by_role("button", name="Join").click()
    expect(page.locator(".lr-group-bar")).to_contain_text(group, timeout=TIMEOUT)
    case = load_casebook(CASEBOOK).case(case_id)
    page.get_by_label("Case").select_option(label=case.title)
    key, question = next(iter(case.questions.items()))
    expect(page.locator(f".lr-q-{key} .lr-prompt")).to_contain_text(
        question.prompt, timeout=SAVE_MS
    )


def answer_yes_no(page: Page, question: str, choice: str) -> None:
    row = page.locator(f".lr-q-{question}")
    row.get_by_label(choice, exact=True).check()
    expect(row.locator(".lr-saved")).to_contain_text("Saved at", timeout=SAVE_MS)


def test_two_groups_answer_the_same_case_and_a_reload_restores_each_groups_answers(
    pages: list[Page], voila_server: str, workshop_store: Store, session: Session
) -> None:
    first, second = pages
    join(first, voila_server, session.code, "Team A")
    join(second, voila_server, session.code, "Team B")
    answer_yes_no(first, "in-scope", "Yes")
    answer_yes_no(second, "in-scope", "No")

    expect(first).to_have_url(re.compile(r"session=.*group=Team"))  # the group's link
    first.reload()
    row = first.locator(".lr-q-in-scope")
    expect(row.get_by_label("Yes", exact=True)).to_be_checked(timeout=TIMEOUT)
    expect(row.locator(".lr-saved")).to_have_text("Saved earlier")

    groups = {g.name: g for g in workshop_store.groups(session)}
    assert workshop_store.answers(groups["Team A"], CASE) == {"in-scope": "yes"}
    assert workshop_store.answers(groups["Team B"], CASE) == {"in-scope": "no"}


def test_markup_in_a_group_name_and_an_answer_is_shown_as_text_and_runs_nothing(
    page: Page, voila_server: str, session: Session
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    join(page, voila_server, session.code, INERT_NAME, TEXT_CASE)
    row = page.locator(".lr-question").filter(has=page.locator("textarea")).first
    text = row.locator("textarea")
    text.fill(INERT_ANSWER)
    text.press("Tab")
    expect(row.locator(".lr-saved")).to_contain_text("Saved at", timeout=SAVE_MS)
    page.reload()
    expect(page.locator(".lr-group")).to_have_text(INERT_NAME, timeout=TIMEOUT)
    expect(page.locator(".lr-question textarea").first).to_have_value(INERT_ANSWER)
    assert page.evaluate("window.__xss") is None
    assert page.locator(".lr-group-bar img, .lr-group-bar script").count() == 0
    assert dialogs == []


def test_model_answers_reach_the_page_only_after_the_release(
    page: Page, voila_server: str, workshop_store: Store, session: Session
) -> None:
    frames: list[str] = []

    def record(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: frames.append(str(payload)))

    page.on("websocket", record)
    join(page, voila_server, session.code, "Team A")
    what_if = page.get_by_label("What if")
    what_if.select_option(index=1)
    expect(page.locator(".lr-what-if-changes")).to_contain_text("What if:")

    case = load_casebook(CASEBOOK).case(CASE)
    secrets = [q.model_answer.explanation.split(".")[0] for q in case.questions.values()]
    secrets += [w.explanation.split(".")[0] for w in case.what_ifs.values()]
    html = page.content()
    received = "\n".join(frames)
    assert frames, "no websocket traffic was recorded"
    for secret in secrets:
        assert secret not in html
        assert secret not in received
    expect(page.locator(".lr-finding")).to_have_count(0)

    workshop_store.release(session, CASE)
    expect(page.locator(".lr-finding").first).to_be_visible(timeout=15_000)
    model = page.locator(".lr-q-in-scope .lr-model-answer")
    expect(model).to_contain_text(str(case.questions["in-scope"].model_answer.citation))
    received = "\n".join(frames)
    assert any(secret in received for secret in secrets), "the recording misses the release"
