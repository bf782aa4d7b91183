"""The trainer's dashboard, driven as a browser would, against a real SQLite store: the
passcode gate, the live table, release and hide, sessions, the presenter and the exports."""

from __future__ import annotations

import asyncio
import base64
import threading
from pathlib import Path
from typing import Any

import pytest
from widget_state import widget_state

from toolkit.casebook import Casebook
from toolkit.store import Session
from toolkit.store.database import Store
from toolkit.trainer.exports import Format
from toolkit.trainer.passcode import PASSCODE_VARIABLE, PasscodeCheck
from toolkit.trainer.slides import Slide
from toolkit.ui.dashboard import Desk, TrainerDashboard
from toolkit.ui.keys import PRESENTER_KEYS, PresenterKeys
from toolkit.ui.live import Poller

CASE = "spilled-maize-port"
RICE = "smuggled-rice-seed"  # has a free-text question
SECRET = "honey-badger-7"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture
def session(store: Store) -> Session:
    session = store.open_session("Lima, morning")
    team = store.join(session.code, "Team Condor")
    store.save_answer(team, CASE, "in-scope", "yes")
    store.save_answer(store.join(session.code, XSS), CASE, "in-scope", "no")
    return session


@pytest.fixture
def check(tmp_path: Path) -> PasscodeCheck:
    return PasscodeCheck({PASSCODE_VARIABLE: SECRET}, tmp_path / "data")


def opened(casebook: Casebook, store: Store, check: PasscodeCheck) -> Desk:
    app = TrainerDashboard(casebook, lambda: store, check)
    app.gate.passcode.value = SECRET
    assert app.desk is not None, app.gate.message.value
    app.desk.case.value = CASE
    return app.desk


# -- the passcode ------------------------------------------------------------------------------


def test_nothing_of_any_session_reaches_the_page_before_the_passcode(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    connected: list[bool] = []

    def connect() -> Store:
        connected.append(True)
        return store

    app = TrainerDashboard(casebook, connect, check)
    for wrong in ("", "honey", session.code):
        app.gate.try_passcode(wrong)
    state = widget_state(app)
    assert connected == [] and app.desk is None
    for secret in (session.code, session.title, "Team Condor", "onerror", SECRET):
        assert secret not in state
    assert "not right" in app.gate.message.value


def test_a_wrong_passcode_is_refused_and_the_box_emptied(
    casebook: Casebook, store: Store, check: PasscodeCheck
) -> None:
    app = TrainerDashboard(casebook, lambda: store, check)
    app.gate.passcode.value = "guess"
    assert app.gate.passcode.value == ""
    assert app.children == (app.gate,)
    assert "That passcode is not right" in app.gate.message.value


def test_without_a_passcode_set_the_gate_says_how_to_set_one(
    casebook: Casebook, store: Store, tmp_path: Path
) -> None:
    app = TrainerDashboard(casebook, lambda: store, PasscodeCheck({}, tmp_path))
    app.gate.try_passcode("anything")
    assert app.desk is None and "lrkit serve" in app.gate.message.value


def test_the_right_passcode_opens_the_desk_on_the_newest_open_session(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    assert desk.sessions.session == session
    assert session.code[:3] in desk.sessions.code.value
    assert "Team Condor" in desk.grid.value
    assert "2 groups" in desk.status.value


# -- the live table and the release ------------------------------------------------------------


def test_the_table_shows_each_groups_answer_and_agreement_with_names_escaped(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    assert XSS not in widget_state(desk)
    assert "&lt;img src=x onerror=alert(1)&gt;" in desk.grid.value
    assert 'class="lr-agrees"' in desk.grid.value and 'class="lr-differs"' in desk.grid.value
    assert "1/2" in desk.grid.value  # one of two groups agrees on Q1
    assert desk.charts.value.count('class="lr-chart"') == len(casebook.case(CASE).questions)


def test_new_answers_appear_on_the_next_look(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    late = store.join(session.code, "Team Late")
    store.save_answer(late, CASE, "recoverable", 2615000)
    assert "Team Late" not in desk.grid.value
    desk.show(desk.read())
    assert "Team Late" in desk.grid.value and "2,615,000" in desk.grid.value


def test_release_and_hide_go_to_the_store_and_the_button_follows(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    assert desk.release.description == "Release model answers"
    desk.release.click()
    assert store.is_released(session, CASE)
    assert desk.release.description == "Hide model answers"
    assert "shown to the groups" in desk.released.value
    desk.release.click()
    assert not store.is_released(session, CASE)
    assert [e.released for e in store.releases(session)] == [True, False]


def test_a_look_read_before_the_trainer_switched_case_is_not_shown(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    stale = desk.read()
    desk.case.value = RICE
    shown = desk.grid.value
    desk.show(stale)
    assert desk.grid.value == shown


def test_a_failed_read_says_so_and_keeps_what_was_shown(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    shown = desk.grid.value
    store.close()
    desk.store = BrokenStore()  # type: ignore[assignment]
    desk.refresh()
    assert desk.grid.value == shown
    assert "Could not read the answers" in desk.status.value


class BrokenStore:
    def __getattr__(self, name: str) -> Any:
        def fail(*args: object) -> None:
            raise ConnectionError("the server went away")

        return fail


# -- sessions ----------------------------------------------------------------------------------


def test_a_new_session_is_opened_and_its_code_shown_large(
    casebook: Casebook, store: Store, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    assert "No session yet" in desk.sessions.code.value
    desk.sessions.title.value = "Accra, day 2"
    desk.sessions.open_button.click()
    session = desk.sessions.session
    assert session is not None and session.title == "Accra, day 2"
    assert 'class="lr-code"' in desk.sessions.code.value
    assert f"{session.code[:3]} {session.code[3:]}" in desk.sessions.code.value
    assert "No group has joined yet" in desk.grid.value


def test_an_empty_title_is_refused_with_what_to_do(
    casebook: Casebook, store: Store, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    desk.sessions.open_button.click()
    assert "needs a title" in desk.sessions.message.value
    assert store.sessions() == []


def test_closing_a_session_asks_once_more_then_closes_it(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    desk.sessions.close_button.click()
    assert store.find_session(session.code).is_open
    assert "Click again" in desk.sessions.close_button.description
    desk.sessions.close_button.click()
    assert not store.find_session(session.code).is_open
    assert "closed" in desk.sessions.code.value and desk.sessions.close_button.disabled


# -- the presenter -----------------------------------------------------------------------------


def test_the_presenter_steps_from_the_facts_through_each_question_to_the_analysis(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    case = casebook.case(CASE)
    presenter = desk.presenter
    assert presenter.back.disabled and case.title in presenter.slide.value
    presenter.next.click()
    first = case.questions["in-scope"]
    assert first.prompt in presenter.slide.value
    assert "lr-bar-model" not in presenter.slide.value  # the groups' answers first
    presenter.next.click()
    assert "lr-bar-model" in presenter.slide.value
    assert str(first.model_answer.citation) in presenter.slide.value
    slides = [presenter.steps[presenter.at].slide]
    while not presenter.next.disabled:
        presenter.next.click()
        slides.append(presenter.steps[presenter.at].slide)
    assert slides[-2:] == [Slide.ANALYSIS, Slide.WHAT_IF]
    key, what_if = list(case.what_ifs.items())[-1]
    presenter.what_if.value = key
    assert what_if.title in presenter.slide.value
    presenter.back.click()
    assert 'class="lr-finding"' in presenter.slide.value


def test_the_question_slide_follows_new_answers_and_escapes_group_text(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck
) -> None:
    desk = opened(casebook, store, check)
    desk.case.value = RICE
    text_question = "return-to-sender"
    desk.presenter.go(desk.presenter.steps.index(
        next(s for s in desk.presenter.steps if s.question == text_question)
    ))  # fmt: skip
    group = store.join(session.code, "Team Puma")
    store.save_answer(group, RICE, text_question, "<b>bold</b> claim")
    desk.show(desk.read())
    assert "Team Puma" in desk.presenter.slide.value
    assert "&lt;b&gt;bold&lt;/b&gt; claim" in desk.presenter.slide.value


def test_the_presenter_keys_press_its_buttons_only() -> None:
    assert PresenterKeys()._repr_javascript_() == PRESENTER_KEYS
    assert ".lr-presenter-next" in PRESENTER_KEYS and "ArrowRight" in PRESENTER_KEYS


# -- exports -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(Format), ids=str)
def test_an_export_shows_progress_and_offers_the_file(
    casebook: Casebook, store: Store, session: Session, check: PasscodeCheck, tmp_path: Path,
    fmt: Format,
) -> None:  # fmt: skip
    desk = opened(casebook, store, check)
    desk.exports.folder = tmp_path / "exports"
    seen: list[float] = []
    desk.exports.progress.observe(lambda change: seen.append(change["new"]), names="value")
    desk.exports.buttons[fmt].click()
    assert seen[-1] == 1 and len(seen) > 2
    result = desk.exports.result.value
    assert f'download="lrkit-session-{session.code}-' in result
    data = base64.b64decode(result.split("base64,")[1].split('"')[0])
    kept = list((tmp_path / "exports").iterdir())
    assert [path.read_bytes() for path in kept] == [data]
    assert XSS not in result


# -- the live loop -----------------------------------------------------------------------------


def test_the_poller_reads_in_a_worker_thread_and_shows_on_the_loop() -> None:
    threads: dict[str, str] = {}

    def read() -> int:
        threads["read"] = threading.current_thread().name
        return 7

    shown: list[int] = []

    def show(value: int) -> None:
        threads["show"] = threading.current_thread().name
        shown.append(value)

    async def main() -> None:
        poller = Poller(read, show, lambda error: None, every_s=0.01)
        assert poller.start()
        while len(shown) < 3:
            await asyncio.sleep(0.01)
        poller.stop()

    asyncio.run(main())
    assert threads["show"] == threading.current_thread().name != threads["read"]


def test_a_failed_read_is_reported_and_the_poller_keeps_going() -> None:
    calls: list[str] = []

    def read() -> int:
        calls.append("read")
        if len(calls) == 1:
            raise ConnectionError("away")
        return 1

    failures: list[Exception] = []

    async def main() -> None:
        poller = Poller(read, lambda value: calls.append("show"), failures.append, every_s=0.01)
        poller.start()
        while "show" not in calls:
            await asyncio.sleep(0.01)
        poller.stop()

    asyncio.run(main())
    assert isinstance(failures[0], ConnectionError) and calls[:3] == ["read", "read", "show"]


def test_outside_an_event_loop_the_poller_does_not_start() -> None:
    assert Poller(lambda: 1, lambda value: None, lambda error: None).start() is False
