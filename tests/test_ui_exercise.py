"""The participant app's widgets, driven as a browser would, against a real SQLite store."""

from __future__ import annotations

import asyncio
import html
import json
from datetime import date
from typing import Any

import pytest
from widget_state import widget_state

from toolkit.casebook import Casebook, Kind
from toolkit.store import Session
from toolkit.store.database import Store
from toolkit.ui import CaseExercise, page_query
from toolkit.ui.answers import AnswerInput
from toolkit.ui.exercise import NOT_RELEASED, CaseView
from toolkit.ui.question import QuestionRow

CASE = "spilled-maize-port"
SCRIPT_NAME = "<img src=x onerror=alert(1)><script>"


@pytest.fixture
def session(store: Store) -> Session:
    return store.open_session("Test workshop")


def group_page(casebook: Casebook, store: Store, code: str, group: str) -> CaseView:
    app = CaseExercise(casebook, lambda: store, {"session": code, "group": group, "case": CASE})
    assert app.case_view is not None, app.join_panel.message.value
    return app.case_view


# -- answers: what each kind of input stores ----------------------------------------------------

STORED = [
    # kind, what the participant gives (widget value), what is stored
    (Kind.YES_NO_UNKNOWN, "unknown", "unknown"),
    (Kind.DATE, date(2021, 8, 19), "2021-08-19"),
    (Kind.AMOUNT, "2,707,000", 2707000),
    (Kind.AMOUNT, " 12.5 ", 12.5),
    (Kind.AMOUNT, "", None),
    (Kind.TEXT, "Kerrow, as importer", "Kerrow, as importer"),
    (Kind.TEXT, "   ", None),
]


def question_of(casebook: Casebook, kind: Kind) -> tuple[Any, Any]:
    for case in casebook.cases:
        for question in case.questions.values():
            if question.kind is kind:
                return case, question
    raise AssertionError(f"no {kind} question in the casebook")


@pytest.mark.parametrize(("kind", "given", "stored"), STORED)
def test_an_input_stores_what_the_participant_gives(
    casebook: Casebook, kind: Kind, given: object, stored: object
) -> None:
    _, question = question_of(casebook, kind)
    answer = AnswerInput(question, "Question 1")
    received: list[object] = []
    answer.on_answer(received.append)
    answer.control.value = given
    assert answer.answer == stored
    if given not in ("", "   "):
        assert received == [stored]


@pytest.mark.parametrize(("kind", "given", "stored"), STORED)
def test_an_input_shows_a_stored_answer_without_calling_back(
    casebook: Casebook, kind: Kind, given: object, stored: object
) -> None:
    _, question = question_of(casebook, kind)
    answer = AnswerInput(question, "Question 1")
    received: list[object] = []
    answer.on_answer(received.append)
    answer.answer = stored
    assert answer.answer == stored
    assert received == []


def test_multiple_choices_store_the_ticked_ids_in_order(casebook: Casebook) -> None:
    _, question = question_of(casebook, Kind.MULTIPLE_CHOICE)
    answer = AnswerInput(question, "Question 1")
    ids = list(question.choices)
    answer.answer = [ids[-1]]
    answer._checkboxes[ids[0]].value = True
    assert answer.answer == [ids[0], ids[-1]]


def test_a_stale_choice_is_shown_as_unanswered(casebook: Casebook) -> None:
    _, question = question_of(casebook, Kind.SINGLE_CHOICE)
    answer = AnswerInput(question, "Question 1")
    answer.answer = "a-choice-since-removed"
    assert answer.answer is None


def test_a_typed_amount_that_is_not_a_number_is_not_saved(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    row = next(r for r in page.rows.values() if r.question.kind is Kind.AMOUNT)
    row.input.control.value = "about a million"
    assert row.status.value.startswith("Not saved: 'about a million' is not an amount")
    assert store.answers(store.join(session.code, "Team A"), CASE) == {}


# -- joining ------------------------------------------------------------------------------------

JOIN_PROBLEMS = [
    # code (None: the session's), group name, what the participant is told
    ("ZZZZZZ", "Team A", "No open session has the code 'ZZZZZZ'"),
    (None, "   ", "A group name cannot be empty"),
    (None, "x" * 41, "has 41 characters; shorten it to 40 at most"),
]


@pytest.mark.parametrize(("code", "group", "message"), JOIN_PROBLEMS)
def test_a_bad_join_says_what_is_wrong_and_stays_on_the_join_panel(
    casebook: Casebook, store: Store, session: Session, code: str | None, group: str, message: str
) -> None:
    app = CaseExercise(casebook, lambda: store)
    app.join_panel.code.value = code or session.code
    app.join_panel.group.value = group
    app.join_panel.join.click()
    assert message in html.unescape(app.join_panel.message.value)
    assert app.case_view is None
    assert app.children == (app.join_panel,)


def test_a_closed_session_takes_no_new_groups(
    casebook: Casebook, store: Store, session: Session
) -> None:
    store.close_session(session)
    app = CaseExercise(casebook, lambda: store, {"session": session.code, "group": "Team A"})
    assert "closed" in app.join_panel.message.value
    assert app.case_view is None


def test_self_study_never_opens_the_store(casebook: Casebook) -> None:
    def no_store() -> Store:
        raise AssertionError("self-study opened the store")

    app = CaseExercise(casebook, no_store, {"case": CASE})
    assert app.case_view is not None
    assert app.case_view.case.value == CASE
    app.case_view.rows["in-scope"].input.control.value = "yes"
    assert "not stored" in app.case_view.header.value


# -- answers saved, restored, shared ------------------------------------------------------------


def test_every_answer_is_saved_at_once_and_restored_on_reload(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    given = {}
    for key, row in page.rows.items():
        if row.question.kind is Kind.YES_NO_UNKNOWN:
            row.input.control.value = given[key] = "no"
        elif row.question.kind is Kind.MULTIPLE_CHOICE:
            first = next(iter(row.question.choices or {}))
            row.input._checkboxes[first].value = True
            given[key] = [first]
        else:
            continue
        assert row.status.value.startswith("Saved at "), (key, row.status.value)

    reloaded = group_page(casebook, store, session.code, "team  a")  # same group, typed loosely
    assert {key: row.input.answer for key, row in reloaded.rows.items() if key in given} == given
    assert all(reloaded.rows[key].status.value == "Saved earlier" for key in given)


def test_two_devices_of_a_group_see_each_others_answers_on_refresh(
    casebook: Casebook, store: Store, session: Session
) -> None:
    laptop = group_page(casebook, store, session.code, "Team A")
    assert laptop.what_if.label == "The case as written"  # selected, not blank
    phone = group_page(casebook, store, session.code, "Team A")
    laptop.rows["in-scope"].input.control.value = "yes"
    assert phone.rows["in-scope"].input.answer is None
    phone.refresh()
    assert phone.rows["in-scope"].input.answer == "yes"


def test_two_groups_keep_their_own_answers(
    casebook: Casebook, store: Store, session: Session
) -> None:
    first = group_page(casebook, store, session.code, "Team A")
    second = group_page(casebook, store, session.code, "Team B")
    first.rows["in-scope"].input.control.value = "yes"
    second.rows["in-scope"].input.control.value = "no"
    assert (
        group_page(casebook, store, session.code, "Team A").rows["in-scope"].input.answer == "yes"
    )
    assert group_page(casebook, store, session.code, "Team B").rows["in-scope"].input.answer == "no"


def test_an_answer_the_store_refused_stays_on_the_page_through_a_refresh(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    store.close_session(session)
    row = page.rows["in-scope"]
    row.input.control.value = "yes"
    assert row.status.value.startswith("Not saved: ")
    assert "closed" in row.status.value
    page.refresh()
    assert row.input.answer == "yes"
    assert row.status.value.startswith("Not saved: ")


# -- release of model answers -------------------------------------------------------------------


def model_texts(casebook: Casebook) -> list[str]:
    case = casebook.case(CASE)
    texts = [q.model_answer.explanation for q in case.questions.values()]
    return texts + [what_if.explanation for what_if in case.what_ifs.values()]


def test_model_answers_and_analysis_are_not_in_the_widget_state_before_release(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    for what_if in [value for _, value in page.what_if.options]:
        page.what_if.value = what_if
        state = widget_state(page)
        assert page.analysis.value == NOT_RELEASED
        assert "Question 1." in state  # the walk reaches the questions
        for text in model_texts(casebook):
            assert json.dumps(text)[1:-1] not in state
        assert "lr-finding" not in state


def test_released_model_answers_appear_with_their_citations(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    store.release(session, CASE)
    page.refresh()
    assert "lr-finding" in page.analysis.value
    for key, row in page.rows.items():
        model = casebook.case(CASE).questions[key].model_answer
        assert str(model.citation) in row.model.value
    store.hide(session, CASE)
    page.refresh()
    assert page.analysis.value == NOT_RELEASED
    assert all(row.model.value == "" for row in page.rows.values())


def test_a_what_if_redraws_the_analysis_and_the_answers_it_changes(casebook: Casebook) -> None:
    case = next(c for c in casebook.cases if any(w.answers for w in c.what_ifs.values()))
    key, what_if = next((k, w) for k, w in case.what_ifs.items() if w.answers)
    app = CaseExercise(casebook, Store, {"case": case.id, "reveal": "1"})
    assert app.case_view is not None
    page = app.case_view
    before = page.analysis.value
    page.what_if.value = key
    assert page.analysis.value != before
    assert what_if.explanation.split()[0] in page.analysis.value
    question = next(iter(what_if.answers))
    assert isinstance(page.rows[question], QuestionRow)
    assert "With this what-if" in page.rows[question].model.value


# -- escaping -----------------------------------------------------------------------------------


def test_a_group_name_with_markup_is_shown_as_text(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, SCRIPT_NAME)
    assert "<script>" not in page.header.value
    assert "<img" not in page.header.value
    assert "&lt;script&gt;" in page.header.value


def test_the_page_query_is_read_from_voila(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "session=abc234&group=Team+%3Cb%3E&group=Team+B&reveal=")
    assert page_query() == {"session": "abc234", "group": "Team B", "reveal": ""}
    monkeypatch.delenv("QUERY_STRING")
    assert page_query() == {}


def test_a_page_follows_the_trainers_release_without_refresh(
    casebook: Casebook, store: Store, session: Session
) -> None:
    page = group_page(casebook, store, session.code, "Team A")
    page.rows["in-scope"].input.control.value = "yes"
    page.check_release()
    assert page.analysis.value == NOT_RELEASED
    store.release(session, CASE)
    page.check_release()
    assert "lr-finding" in page.analysis.value
    assert page.rows["in-scope"].input.answer == "yes"


def test_the_release_is_followed_on_the_kernels_event_loop(
    casebook: Casebook, store: Store, session: Session
) -> None:
    async def open_page_then_release() -> str:
        app = CaseExercise(casebook, lambda: store, {"session": session.code, "group": "A"})
        assert app.case_view is not None
        app.case_view.follow_releases(every_s=0.01)
        store.release(session, app.case_view.current.id)
        for _ in range(200):
            await asyncio.sleep(0.01)
            if app.case_view.released:
                break
        return str(app.case_view.analysis.value)

    assert "lr-finding" in asyncio.run(open_page_then_release())
