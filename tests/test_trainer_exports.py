"""Exports of a session's record, from a real SQLite store: each file holds exactly what the
store holds, participants' text is inert in the HTML report, and no cell is a formula."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from toolkit import cli
from toolkit.casebook import Casebook
from toolkit.store import Group, Session
from toolkit.store.database import Store
from toolkit.store.engine import sqlite_url
from toolkit.trainer.cells import safe_text
from toolkit.trainer.export_csv import COLUMNS
from toolkit.trainer.exports import Format, write
from toolkit.trainer.record import SessionRecord, gather

MAIZE, RICE = "spilled-maize-port", "smuggled-rice-seed"
XSS = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://example.invalid","x")'
GROUPS = ("Team A", XSS, "@SUM(1+1)", "-2+3")


@pytest.fixture
def session(store: Store) -> Session:
    """Four groups on two cases, with answers changed since (the newest wins), one release."""
    session = store.open_session("Nairobi, afternoon")
    a, xss, at, minus = (store.join(session.code, name) for name in GROUPS)
    store.save_answer(a, MAIZE, "in-scope", "no")
    store.save_answer(a, MAIZE, "in-scope", "yes")
    store.save_answer(a, MAIZE, "operators", ["genova", "cornwell"])
    store.save_answer(a, MAIZE, "recoverable", 2615000)
    store.save_answer(xss, MAIZE, "in-scope", "unknown")
    store.save_answer(xss, RICE, "return-to-sender", f"<script>alert(2)</script> {FORMULA}")
    store.save_answer(at, RICE, "return-to-sender", FORMULA)
    store.save_answer(at, RICE, "deadline", "2024-08-19")
    store.save_answer(minus, RICE, "recoverable", 0)
    store.release(session, MAIZE)
    return session


@pytest.fixture
def record(store: Store, session: Session, casebook: Casebook) -> SessionRecord:
    return gather(store, session, casebook)


def current(store: Store, group: Group) -> dict[tuple[str, str], tuple[object, str]]:
    """(case, question) -> (answer, saved at as ISO UTC), straight from the store."""
    found: dict[tuple[str, str], tuple[object, str]] = {}
    for answer in store.history(group):
        saved = answer.saved_at.astimezone(UTC).isoformat(timespec="seconds")
        found[answer.case_id, answer.question_id] = (answer.value, saved)
    return found


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"), ("Team A", "Team A"), ("a=b", "a=b"), ("", ""), ("'=1", "'=1"),
    ],
    ids=repr,
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(
    value: str, safe: str
) -> None:
    assert safe_text(value) == safe


def test_the_record_holds_the_cases_worked_on_with_each_groups_newest_answer(
    record: SessionRecord, store: Store, session: Session
) -> None:
    assert [c.board.case.id for c in record.cases] == sorted([RICE, MAIZE])
    by_case = {c.board.case.id: c for c in record.cases}
    assert by_case[MAIZE].released and not by_case[RICE].released
    for group in store.groups(session):
        for (case_id, key), (value, saved) in current(store, group).items():
            row = next(r for r in by_case[case_id].board.rows if r.group == group)
            cell = row.cells[key]
            assert cell.answer == value
            assert cell.saved_at is not None
            assert cell.saved_at.astimezone(UTC).isoformat(timespec="seconds") == saved


def test_the_csv_holds_exactly_what_the_store_holds(
    record: SessionRecord, store: Store, session: Session
) -> None:
    rows = list(csv.DictReader(io.StringIO(write(record, Format.CSV).decode("utf-8-sig"))))
    questions = sum(len(c.board.case.questions) for c in record.cases)
    assert len(rows) == questions * len(GROUPS)
    assert tuple(rows[0]) == COLUMNS
    for group in store.groups(session):
        stored = current(store, group)
        mine = [r for r in rows if r["group"] == safe_text(group.name)]
        answered = {(r["case_id"], r["question_id"]): r for r in mine if r["answer_value"]}
        assert set(answered) == set(stored)
        for key, (value, saved) in stored.items():
            assert json.loads(answered[key]["answer_value"].removeprefix("'")) == value
            assert answered[key]["saved_at_utc"] == saved
        assert all(r["agreement"] == "no answer" for r in mine if not r["answer_value"])


def test_the_csv_reads_with_pandas_where_pandas_is_installed(record: SessionRecord) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.BytesIO(write(record, Format.CSV)), encoding="utf-8-sig")
    assert list(frame.columns) == list(COLUMNS)
    assert set(frame["group"]) == {safe_text(name) for name in GROUPS}


def test_no_csv_cell_starts_like_a_formula(record: SessionRecord) -> None:
    text = write(record, Format.CSV).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert f"'{FORMULA}" in cells and "'@SUM(1+1)" in cells and "'-2+3" in cells


def test_the_workbook_has_a_sheet_per_case_holding_what_the_store_holds(
    record: SessionRecord, store: Store, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "record.xlsx"
    path.write_bytes(write(record, Format.XLSX))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Session", RICE, MAIZE, "Questions"]
    for case_record in record.cases:
        case = case_record.board.case
        sheet = book[case.id]
        header = [c.value for c in sheet[1]]
        rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
        for group in store.groups(session):
            row = rows[safe_text(group.name)]
            for n, key in enumerate(case.questions, start=1):
                at = header.index(f"Q{n} answer")
                given, agreement, saved = row[at], row[at + 1], row[at + 2]
                stored = current(store, group).get((case.id, key))
                board_row = next(r for r in case_record.board.rows if r.group == group)
                cell = board_row.cells[key]
                if stored is None:
                    assert (given, saved, agreement) == (None, None, "no answer")
                    continue
                assert given == safe_text(cell.text)
                assert agreement == cell.agreement.value
                assert saved.isoformat(timespec="seconds") + "+00:00" == stored[1]


def test_no_workbook_cell_is_a_formula(record: SessionRecord, tmp_path: Path) -> None:
    path = tmp_path / "record.xlsx"
    path.write_bytes(write(record, Format.XLSX))
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert f"'{FORMULA}" in texts and "'@SUM(1+1)" in texts


def test_the_workbook_reads_with_pandas_where_pandas_is_installed(
    record: SessionRecord, tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "record.xlsx"
    path.write_bytes(write(record, Format.XLSX))
    frame = pandas.read_excel(path, sheet_name=MAIZE)
    assert list(frame["Group"][: len(GROUPS)]) == [safe_text(name) for name in GROUPS]


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def report_tags(record: SessionRecord) -> Tags:
    parser = Tags()
    parser.feed(write(record, Format.HTML).decode("utf-8"))
    return parser


def test_the_report_runs_nothing_participants_typed_and_loads_nothing(
    record: SessionRecord,
) -> None:
    parser = report_tags(record)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    handlers = [(t, a) for t, a in parser.tags for a in a if a.startswith("on")]
    assert handlers == []
    links = [v for _, a in parser.tags for k, v in a.items() if k in ("src", "href") and v]
    assert all(link.startswith("#") for link in links), links
    policy = [a for t, a in parser.tags if t == "meta" and a.get("http-equiv")]
    assert policy and "default-src 'none'" in (policy[0]["content"] or "")
    text = "".join(parser.text)
    assert XSS in text and "<script>alert(2)</script>" in text  # shown, as text


def test_the_report_holds_the_answers_model_answers_and_the_analysis_with_citations(
    record: SessionRecord, casebook: Casebook
) -> None:
    page = write(record, Format.HTML).decode("utf-8")
    maize = casebook.case(MAIZE)
    assert maize.title in page and "2,615,000" in page
    assert "Model answers are released to the groups (released 20" in page
    assert "Model answers are not released to the groups." in page  # the rice case
    assert str(maize.questions["in-scope"].model_answer.citation) in page
    assert page.count('class="lr-finding"') == 2 * len(maize.analysis().findings)
    assert page.count('class="lr-chart"') == sum(len(c.questions) for c in (maize,
                                                  casebook.case(RICE)))  # fmt: skip


@pytest.mark.parametrize("fmt", list(Format), ids=str)
def test_an_export_reports_progress_case_by_case(record: SessionRecord, fmt: Format) -> None:
    heard: list[tuple[int, int, str]] = []
    write(record, fmt, lambda done, of, what: heard.append((done, of, what)))
    assert heard == [(n, 2, c.board.case.title) for n, c in enumerate(record.cases)]


@pytest.mark.parametrize("fmt", list(Format), ids=str)
def test_lrkit_export_writes_the_file_and_prints_progress_per_case(
    store: Store, session: Session, db: Path, tmp_path: Path, fmt: Format,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("LRKIT_DATABASE_URL", str(sqlite_url(db)))
    output = tmp_path / f"out.{fmt.value}"
    code = session.code.lower()
    assert cli.main(["export", code, "--format", fmt.value, "--output", str(output)]) == 0
    assert output.stat().st_size > 0
    err = capsys.readouterr().err
    assert "[1/2] Smuggled rice seed" in err and "[2/2] Spilled maize" in err
    assert f"Wrote {output}" in err


def test_lrkit_export_of_an_unknown_session_says_so(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LRKIT_DATABASE_URL", str(sqlite_url(db)))
    assert cli.main(["export", "ZZZZZZ", "--format", "csv"]) == 2
    assert "No session has the code 'ZZZZZZ'" in capsys.readouterr().err
