"""The trainer's board: agreement with the model answers, answer distributions, and the
groups x questions table, on the real casebook's questions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from toolkit.casebook import Case, Casebook, Kind, Question
from toolkit.store import Group
from toolkit.trainer.agreement import Agreement, agreement
from toolkit.trainer.board import Bar, build_board
from toolkit.trainer.charts import bars_html
from toolkit.trainer.grid import grid_html

CASE = "carrier-recourse"  # yes/no, date, multiple choice, amount and text questions
XSS = "<img src=x onerror=alert(1)>"
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def case(casebook: Casebook) -> Case:
    return casebook.case(CASE)


def question_of(casebook: Casebook, kind: Kind) -> Question:
    return next(q for c in casebook.cases for q in c.questions.values() if q.kind is kind)


def group(n: int, name: str | None = None) -> Group:
    return Group(id=n, session_id=1, name=name or f"Team {n}", created_at=NOW)


AGREEMENT = [
    # kind, the group's stored answer, the model answer (as YAML gives it), expected
    (Kind.YES_NO_UNKNOWN, "yes", True, Agreement.AGREES),
    (Kind.YES_NO_UNKNOWN, "no", True, Agreement.DIFFERS),
    (Kind.YES_NO_UNKNOWN, "unknown", "unknown", Agreement.AGREES),
    (Kind.SINGLE_CHOICE, "fault", "fault", Agreement.AGREES),
    (Kind.SINGLE_CHOICE, "strict", "fault", Agreement.DIFFERS),
    (Kind.MULTIPLE_CHOICE, ["b", "a"], ["a", "b"], Agreement.AGREES),
    (Kind.MULTIPLE_CHOICE, ["a"], ["a", "b"], Agreement.DIFFERS),
    (Kind.MULTIPLE_CHOICE, [], ["a"], Agreement.DIFFERS),
    (Kind.DATE, "2019-08-30", date(2019, 8, 30), Agreement.AGREES),
    (Kind.DATE, "2019-08-31", date(2019, 8, 30), Agreement.DIFFERS),
    (Kind.AMOUNT, 2000000, 2000000, Agreement.AGREES),
    (Kind.AMOUNT, 2000000.0, 2000000, Agreement.AGREES),
    (Kind.AMOUNT, 1999999, 2000000, Agreement.DIFFERS),
    (Kind.AMOUNT, "2000000", 2000000, Agreement.DIFFERS),
    (Kind.AMOUNT, True, 1, Agreement.DIFFERS),
    (Kind.TEXT, "Word for word the model answer", "Word for word the model answer",
     Agreement.NOT_COMPARED),
    *((kind, None, "anything", Agreement.UNANSWERED) for kind in Kind),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "given", "model", "expected"),
    AGREEMENT,
    ids=[f"{k.value}-{g!r}-vs-{m!r}" for k, g, m, _ in AGREEMENT],
)
def test_an_answer_agrees_with_the_model_answer_only_when_they_mean_the_same(
    casebook: Casebook, kind: Kind, given: object, model: object, expected: Agreement
) -> None:
    assert agreement(question_of(casebook, kind), given, model) is expected


def test_the_board_holds_every_question_for_every_group_in_join_order(case: Case) -> None:
    answers = {group(2): {"bound-from": "2019-08-30"}, group(1): {}}
    saved = {(2, "bound-from"): NOW}
    board = build_board(case, answers, saved)
    assert [row.group.id for row in board.rows] == [2, 1]
    assert all(set(row.cells) == set(case.questions) for row in board.rows)
    cell = board.rows[0].cells["bound-from"]
    assert (cell.answer, cell.text, cell.agreement, cell.saved_at) == (
        "2019-08-30", "2019-08-30", Agreement.AGREES, NOW,
    )  # fmt: skip
    assert board.rows[0].answered == 1
    assert board.rows[1].cells["bound-from"].agreement is Agreement.UNANSWERED
    assert board.agreeing("bound-from") == 1


def test_multiple_choice_bars_count_each_ticked_choice_and_mark_the_model_choices(
    case: Case,
) -> None:
    answers = {
        group(1): {"operators": ["palisade"]},
        group(2): {"operators": ["palisade", "kestrel"]},
        group(3): {},
    }
    d = build_board(case, answers).distribution("operators")
    labels = case.questions["operators"].choices or {}
    assert d.bars == (
        Bar(labels["palisade"], 2, True), Bar(labels["kestrel"], 1, False),
        Bar(labels["northway"], 0, False),
    )  # fmt: skip
    assert (d.answered, d.groups) == (2, 3)


def test_amount_bars_put_equal_amounts_together_and_always_show_the_model_amount(
    case: Case,
) -> None:
    answers = {group(1): {"recoverable": 500}, group(2): {"recoverable": 500.0}}
    bars = build_board(case, answers).distribution("recoverable").bars
    assert bars == (Bar("500", 2, False), Bar("2,000,000", 0, True))


def test_yes_no_bars_list_all_three_answers_in_order(casebook: Casebook) -> None:
    case = casebook.case("spilled-maize-port")
    answers = {group(1): {"in-scope": "no"}, group(2): {"in-scope": "yes"}}
    bars = build_board(case, answers).distribution("in-scope").bars
    assert bars == (Bar("Yes", 1, True), Bar("No", 1, False), Bar("Unknown", 0, False))


def test_free_text_is_counted_not_charted(case: Case) -> None:
    answers = {group(1): {"recourse-basis": "Contract"}, group(2): {}}
    d = build_board(case, answers).distribution("recourse-basis")
    assert d.bars == ()
    assert "1 of 2 groups answered" in bars_html(d)


def test_a_chart_marks_the_model_answer_only_when_asked(casebook: Casebook) -> None:
    case = casebook.case("spilled-maize-port")
    d = build_board(case, {group(1): {"in-scope": "yes"}}).distribution("in-scope")
    assert "lr-bar-model" in bars_html(d)
    hidden = bars_html(d, show_model=False)
    assert "lr-bar-model" not in hidden and "model answer" not in hidden


def test_the_table_shows_what_groups_typed_as_text(case: Case) -> None:
    answers = {group(1, XSS): {"recourse-basis": "<script>alert(2)</script>"}}
    table = grid_html(build_board(case, answers))
    assert XSS not in table and "<script>" not in table
    assert "&lt;img src=x onerror=alert(1)&gt;" in table
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in table
