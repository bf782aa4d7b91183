"""The status data shipped as CSV loads and passes its checks; a malformed file is reported by
file, line and column; a trainer's official list of Parties is used when it loads."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from toolkit import LoadError, Outcome
from toolkit.status import (
    CountKind,
    load_indicators,
    load_milestones,
    load_parties,
    parties_for_app,
    shipped_parties,
)
from toolkit.steps import art18_1_fortieth_instrument, art18_entry_into_force
from toolkit.treaty_dates import ENTRY_INTO_FORCE, FORTIETH_INSTRUMENT

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad_status"
OFFICIAL_SAMPLE = DATA / "parties-official-sample.csv"
D = date.fromisoformat


def test_the_shipped_milestones_load_with_a_source_on_every_row() -> None:
    milestones = load_milestones()
    assert len(milestones) == 14
    assert all(m.source for m in milestones)
    forty = [
        m.day for m in milestones if m.kind is CountKind.COUNTING_INSTRUMENTS and m.count == 40
    ]
    assert forty[0] == FORTIETH_INSTRUMENT
    assert any(m.day == ENTRY_INTO_FORCE and "enters into force" in m.event for m in milestones)
    assert [(m.day, m.count) for m in milestones if m.kind is CountKind.PARTIES] == [
        (D("2020-04-23"), 47)
    ]


def test_the_shipped_indicators_load_each_citing_its_paragraph_of_the_report() -> None:
    indicators = load_indicators()
    assert len(indicators) == 20
    assert all("Liaison Group" in i.source and f"para. {i.paragraph}" in i.source
               for i in indicators)  # fmt: skip
    assert all(0 <= i.value <= 100 for i in indicators if i.unit.is_percent)


def test_the_shipped_list_of_parties_loads_and_says_it_is_incomplete() -> None:
    parties = shipped_parties()
    assert len(parties.records) == 29
    assert parties.partial
    assert "incomplete" in parties.notice and "official list" in parties.notice
    assert all(record.source for record in parties.records)


def test_the_partial_list_gives_japan_the_general_entry_into_force() -> None:
    japan = shipped_parties().record("Japan")
    assert japan is not None
    assert art18_entry_into_force(japan.facts()).value == ENTRY_INTO_FORCE


def test_the_partial_list_is_too_short_to_find_the_40th_instrument() -> None:
    facts = [record.facts() for record in shipped_parties().records]
    assert art18_1_fortieth_instrument(facts).outcome is Outcome.UNKNOWN


@pytest.mark.parametrize(
    ("party", "signed", "approximate"),
    [
        ("Japan", True, frozenset()),  # an acceptance: Japan signed
        ("Congo", False, frozenset()),  # an accession: Congo did not sign
        ("Liberia", None, frozenset({"deposited"})),  # 'ratification or accession?'
        ("Chad", True, frozenset({"signed_on"})),  # signed by 2012-02-01, date approximate
    ],
    ids=str,
)
def test_a_row_of_the_list_is_read_into_a_states_facts(
    party: str, signed: bool | None, approximate: frozenset[str]
) -> None:
    record = shipped_parties().record(party)
    assert record is not None
    facts = record.facts()
    assert (facts.signatory, facts.approximate, facts.cartagena_party) == (
        signed,
        approximate,
        True,
    )


Loader = Callable[[Path], Any]
BAD_FILES: list[tuple[str, Loader, list[str]]] = [
    ("parties-impossible-date.csv", load_parties,
     ["3: deposit_date: must be a date like 2017-12-05 or 5 Dec 2017; got '2017-13-05'"]),
    ("parties-no-source-column.csv", load_parties,
     ["1: source: this required column is missing from the header"]),
    ("parties-misspelt-column.csv", load_parties,
     ["1: deposit date: unknown column; did you mean 'deposit_date'?",
      "1: deposit_date: this required column is missing from the header"]),
    ("parties-extra-cell.csv", load_parties,
     ["3: (row): has 6 cells but the header names 5 columns: check for a missing or extra "
      "comma, or quotes"]),
    ("parties-unknown-instrument.csv", load_parties,
     ["2: instrument: must be one of ratification, acceptance, approval, accession (or several "
      "joined by 'or', with '?' if unsure); got 'ratifcation'"]),
    ("parties-party-twice.csv", load_parties,
     ["4: party: 'latvia' appears twice (first on line 2)"]),
    ("parties-signature-out-of-period.csv", load_parties,
     ["2: signature_date: 2012-03-07 is outside the signature period, 2011-03-07 to "
      "2012-03-06 (Art. 17)"]),
    ("parties-accession-by-signatory.csv", load_parties,
     ["2: instrument: is accession, but the row gives a signature date: a signatory ratifies, "
      "accepts or approves (Arts. 17, 18(1))"]),
    ("parties-empty-source.csv", load_parties, ["2: source: is empty; it is required"]),
    ("parties-not-utf8.csv", load_parties,
     ["2: (encoding): is not UTF-8 text (invalid continuation byte): save the file as "
      "'CSV UTF-8'"]),
    ("parties-unclosed-quote.csv", load_parties,
     ["2: (row): is not valid CSV: unexpected end of data"]),
    ("parties-empty.csv", load_parties,
     ["1: header: the file is empty; its first line must name the columns: party, "
      "deposit_date, source, signature_date, instrument, reio, cartagena_in_force"]),
    ("parties-code-disagrees.csv", load_parties,
     ["2: instrument: says ratification but the deposit date is marked 'A' (acceptance)"]),
    ("milestones-out-of-order.csv", load_milestones,
     ["3: date: 2010-10-15 is before the row above (2011-03-07): keep date order"]),
    ("milestones-count-without-kind.csv", load_milestones,
     ["2: count_kind: is empty: a count needs its kind, and a kind its count"]),
    ("milestones-unknown-kind.csv", load_milestones,
     ["2: count_kind: must be one of signatures, instruments, counting_instruments, parties; "
      "got 'signatories'"]),
    ("milestones-count-not-a-number.csv", load_milestones,
     ["2: count: must be a whole number (0 or more); got 'four'"]),
    ("indicators-percent-over-100.csv", load_indicators,
     ["2: value: is a percentage, so at most 100; got 120"]),
    ("indicators-unknown-unit.csv", load_indicators,
     ["2: unit: must be one of percent_of_parties, percent_of_sp_parties, "
      "percent_of_decisions, parties, reports; got 'percent'"]),
    ("indicators-no-paragraph.csv", load_indicators, ["2: paragraph: is empty; it is required"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "load", "expected"), BAD_FILES, ids=[row[0] for row in BAD_FILES])
def test_a_malformed_file_is_reported_by_file_line_and_column(
    name: str, load: Loader, expected: list[str]
) -> None:
    with pytest.raises(LoadError) as raised:
        load(BAD / name)
    assert str(raised.value).splitlines() == [f"{name}:{line}" for line in expected]


def test_every_bad_file_is_in_the_table() -> None:
    assert {p.name for p in BAD.glob("*.csv")} == {row[0] for row in BAD_FILES}


def test_an_official_list_in_the_untc_style_loads() -> None:
    records = {r.party: r for r in load_parties(OFFICIAL_SAMPLE)}
    assert records["Ornithia"].deposited == D("2011-11-30")
    assert [str(k) for k in records["Kestrelia"].instruments] == ["accession"]
    assert [str(k) for k in records["Plovera"].instruments] == ["acceptance"]
    assert records["Union of Estuaries"].reio and records["European Union"].reio
    assert not records["Plovera"].reio
    kestrelia = records["Kestrelia"].facts()
    assert art18_entry_into_force(kestrelia).value == D("2020-02-29")


def test_the_app_uses_the_partial_list_when_the_trainer_has_loaded_none(tmp_path: Path) -> None:
    parties = parties_for_app(tmp_path)
    assert parties.partial and not parties.problem


def test_the_app_uses_the_trainers_list_from_the_data_folder(tmp_path: Path) -> None:
    shutil.copy(OFFICIAL_SAMPLE, tmp_path / "parties.csv")
    parties = parties_for_app(tmp_path)
    assert not parties.partial
    assert [r.party for r in parties.records][:2] == ["Ornithia", "Kestrelia"]
    assert "parties.csv" in parties.notice


def test_a_trainers_list_that_does_not_load_is_reported_and_the_partial_list_used(
    tmp_path: Path,
) -> None:
    shutil.copy(BAD / "parties-impossible-date.csv", tmp_path / "parties.csv")
    parties = parties_for_app(tmp_path)
    assert parties.partial
    assert "parties.csv:3: deposit_date: must be a date" in parties.problem


def test_the_steps_status_data_and_progress_need_only_the_standard_library_and_pyyaml() -> None:
    code = (
        "import sys\n"
        "import toolkit.steps, toolkit.steps.quiz, toolkit.status, toolkit.progress\n"
        "top = {name.split('.')[0] for name in sys.modules}\n"
        "print(sorted(n for n in top - set(sys.stdlib_module_names) if not n.startswith('_')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    # cython_runtime comes with PyYAML's libyaml bindings
    assert set(ast.literal_eval(result.stdout)) <= {"toolkit", "yaml", "cython_runtime"}
