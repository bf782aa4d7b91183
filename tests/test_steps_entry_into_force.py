"""Entry into force, table by table: CP Art. 37 (the Cartagena date), Art. 18 (the date for a
State: early and later Parties, the later-of rule, leap years, impossible inputs), and what
that date means for earlier movements under Art. 3(4)."""

from __future__ import annotations

from datetime import date

import pytest
from state_builders import FAILS, HOLDS, KESTRELIA, UNKNOWN, Row, check, kestrelia, says

from toolkit import Outcome
from toolkit.citation import Citation
from toolkit.steps import (
    StateFacts,
    art18_entry_into_force,
    art37_cartagena_entry_into_force,
    movement_timing,
)
from toolkit.treaty_dates import (
    CARTAGENA_FIFTIETH_INSTRUMENT,
    ENTRY_INTO_FORCE,
    FORTIETH_INSTRUMENT,
    spans_leap_day,
    years_after,
)

D = date.fromisoformat
SIGNATORY = {"signed": True}
ART37 = [
    Row("CP Art. 37: a Cartagena date given is taken as it is",
        KESTRELIA, HOLDS, D("2005-01-01")),
    Row("CP Art. 37(1): the 50th instrument waited for the Cartagena Protocol's entry into force",
        kestrelia(cartagena_in_force=None, cartagena_deposited=D("2003-06-13")),
        HOLDS, D("2003-09-11")),
    Row("CP Art. 37(1): an instrument of 2001 waited for it too",
        kestrelia(cartagena_in_force=None, cartagena_deposited=D("2001-01-01")),
        HOLDS, D("2003-09-11")),
    Row("CP Art. 37(2): the day after the 50th counts 90 days",
        kestrelia(cartagena_in_force=None, cartagena_deposited=D("2003-06-14")),
        HOLDS, D("2003-09-12")),
    Row("CP Art. 37(2): a later instrument binds from the 90th day after it",
        kestrelia(cartagena_in_force=None, cartagena_deposited=D("2010-05-05")),
        HOLDS, D("2010-08-03")),
    Row("CP Art. 37: a State that is no Party to the Cartagena Protocol has no Cartagena date",
        kestrelia(cartagena_party=False, cartagena_in_force=None), FAILS,
        explains="Only its Parties can become Parties"),
    Row("CP Art. 37: whether the State is a Party is asked first",
        kestrelia(cartagena_party=None, cartagena_in_force=None), UNKNOWN,
        missing=("cartagena_party",)),
    Row("CP Art. 37: a Party whose Cartagena date is not given is asked for it",
        kestrelia(cartagena_in_force=None), UNKNOWN, missing=("cartagena_in_force",)),
    Row("CP Art. 37(1): no State was bound before 2003-09-11",
        kestrelia(cartagena_in_force=D("2002-01-01")), FAILS,
        explains="entered into force on 2003-09-11"),
    Row("CP Art. 37: no Cartagena instrument came before its adoption",
        kestrelia(cartagena_in_force=None, cartagena_deposited=D("1999-05-01")), FAILS,
        explains="adopted on 2000-01-29"),
    Row("CP Art. 37: two Cartagena dates that disagree are pointed out, not chosen between",
        kestrelia(cartagena_deposited=D("2004-01-01")), FAILS,
        explains="gives entry into force on 2004-03-31"),
]  # fmt: skip


@pytest.mark.parametrize("row", ART37, ids=says)
def test_art37_cartagena_date(row: Row) -> None:
    check(art37_cartagena_entry_into_force(row.state), row)


ART18 = [
    Row("Art. 18(1): an early Party (deposit 2011-11-30) is bound from the general entry into "
        "force", kestrelia(**SIGNATORY, deposited=D("2011-11-30")), HOLDS, D("2018-03-05")),
    Row("Art. 18(1): the 40th instrument itself binds its State from 2018-03-05",
        kestrelia(**SIGNATORY, deposited=D("2017-12-05")), HOLDS, D("2018-03-05")),
    Row("Art. 18(1): an early Party needs no Cartagena date",
        kestrelia(**SIGNATORY, deposited=D("2016-01-01"), cartagena_in_force=None),
        HOLDS, D("2018-03-05")),
    Row("Art. 18(1), 18(3): a regional organisation that deposited early is bound from "
        "2018-03-05", kestrelia(reio=True, **SIGNATORY, deposited=D("2014-01-31")),
        HOLDS, D("2018-03-05")),
    Row("Art. 18(1): an approximate early deposit still gives an exact date, with a warning",
        kestrelia(signed=None, deposited=D("2017-12-05"), approximate=frozenset({"deposited"})),
        HOLDS, D("2018-03-05"), explains="approximate"),
    Row("Art. 18(2): the day after the 40th instrument counts 90 days",
        kestrelia(**SIGNATORY, deposited=D("2017-12-06")), HOLDS, D("2018-03-06")),
    Row("Art. 18(2): a deposit of 2018-01-19 binds from 2018-04-19",
        kestrelia(**SIGNATORY, deposited=D("2018-01-19")), HOLDS, D("2018-04-19")),
    Row("Art. 18(2): a later Party is bound from the 90th day after its deposit",
        KESTRELIA, HOLDS, D("2019-08-30")),
    Row("Art. 18(2): the later-of rule: a later Cartagena date wins over the 90th day",
        kestrelia(deposited=D("2021-06-01"), cartagena_in_force=D("2021-10-01")),
        HOLDS, D("2021-10-01"), explains="the Cartagena date is the later"),
    Row("Art. 18(2) with CP Art. 37(2): a later Cartagena date worked out from its deposit",
        kestrelia(deposited=D("2021-06-01"), cartagena_in_force=None,
                  cartagena_deposited=D("2021-07-03")), HOLDS, D("2021-10-01")),
    Row("Art. 18(2): both instruments deposited the same day take effect the same day",
        kestrelia(deposited=D("2022-05-02"), cartagena_in_force=None,
                  cartagena_deposited=D("2022-05-02")), HOLDS, D("2022-07-31"),
        explains="both fall on the same day"),
    Row("Art. 18(2): 90 days through a leap year's February end on 29 February",
        kestrelia(deposited=D("2019-12-01")), HOLDS, D("2020-02-29"),
        explains="leap day 2020-02-29"),
    Row("Art. 18(2): the same deposit a year earlier ends on 1 March",
        kestrelia(deposited=D("2018-12-01")), HOLDS, D("2019-03-01")),
    Row("Art. 18(2): 2024 is a leap year",
        kestrelia(deposited=D("2023-12-01")), HOLDS, D("2024-02-29")),
    Row("Art. 18(2): 2100 is not a leap year",
        kestrelia(deposited=D("2099-12-02")), HOLDS, D("2100-03-02")),
    Row("Art. 18(2): a Cartagena date just after a leap-day 90th day wins",
        kestrelia(deposited=D("2019-12-01"), cartagena_in_force=D("2020-03-01")),
        HOLDS, D("2020-03-01")),
    Row("Art. 18(2): a later Party whose Cartagena date is unknown is asked for it",
        kestrelia(cartagena_in_force=None), UNKNOWN, missing=("cartagena_in_force",),
        explains="from 2019-08-30 at the earliest"),
    Row("Art. 18(2): whether a later Party is in the Cartagena Protocol is asked first",
        kestrelia(cartagena_party=None, cartagena_in_force=None), UNKNOWN,
        missing=("cartagena_party",)),
    Row("Art. 18: without a deposit date there is no date of entry into force",
        kestrelia(deposited=None), UNKNOWN, missing=("deposited",)),
    Row("Art. 18: a deposit before the Protocol was adopted is explained as impossible",
        kestrelia(**SIGNATORY, deposited=D("2009-05-01")), FAILS,
        explains="adopted only on 2010-10-15"),
    Row("Art. 18: a deposit before the Protocol opened for signature is explained as impossible",
        kestrelia(**SIGNATORY, deposited=D("2011-01-10")), FAILS,
        explains="opened for signature on 2011-03-07"),
    Row("Art. 18(1): a State outside the Cartagena Protocol cannot deposit its way in",
        kestrelia(cartagena_party=False, cartagena_in_force=None), FAILS,
        explains="not a Party to the Cartagena Protocol"),
    Row("Art. 18: a ratification deposited before the State signed is explained as impossible",
        kestrelia(signed_on=D("2011-09-20"), deposited=D("2011-06-01")), FAILS,
        explains="before it signed on 2011-09-20"),
    Row("Art. 18: accession during the signature period is explained as impossible",
        kestrelia(deposited=D("2012-01-10")), FAILS,
        explains="accession is for States that did not sign"),
    Row("Art. 18(2): an impossible Cartagena date is explained, not used",
        kestrelia(cartagena_in_force=D("2002-01-01")), FAILS,
        explains="entered into force on 2003-09-11"),
]  # fmt: skip


@pytest.mark.parametrize("row", ART18, ids=says)
def test_art18_entry_into_force(row: Row) -> None:
    check(art18_entry_into_force(row.state), row)


LEAP_PARTY = kestrelia(deposited=D("2019-12-01"))  # bound from 2020-02-29
MOVEMENTS = [
    ("Art. 3(4): a movement starting after entry into force for the State is covered",
     LEAP_PARTY, D("2020-03-01"), HOLDS, D("2020-02-29"), (), ""),
    ("Art. 3(4): a movement starting on the day of entry into force is not, read strictly",
     LEAP_PARTY, D("2020-02-29"), FAILS, D("2020-02-29"), (), "boundary case"),
    ("Art. 3(4): a movement that started months before is not covered",
     LEAP_PARTY, D("2019-11-01"), FAILS, D("2020-02-29"), (), "does not cover damage"),
    ("Art. 3(4): nothing that started before the Protocol's own entry into force is covered",
     LEAP_PARTY, D("2017-01-01"), FAILS, D("2020-02-29"), (), "bound no State before"),
    ("Art. 3(4): without the movement's start date the answer is open",
     LEAP_PARTY, None, UNKNOWN, D("2020-02-29"), ("movement_started",), ""),
    ("Art. 3(4): after the 90th day but with no Cartagena date, the Cartagena date is asked",
     kestrelia(deposited=D("2019-12-01"), cartagena_in_force=None), D("2020-06-01"), UNKNOWN,
     None, ("cartagena_in_force",), ""),
    ("Art. 3(4): before the 90th day, the Cartagena date cannot help: not covered",
     kestrelia(deposited=D("2019-12-01"), cartagena_in_force=None), D("2020-01-01"), FAILS,
     None, (), ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("state", "started", "outcome", "in_force", "missing", "explains"),
    [row[1:] for row in MOVEMENTS],
    ids=[row[0] for row in MOVEMENTS],
)
def test_art3_4_movements_before_entry_into_force_for_the_state(
    state: StateFacts,
    started: date | None,
    outcome: Outcome,
    in_force: date | None,
    missing: tuple[str, ...],
    explains: str,
) -> None:
    answer = movement_timing(state, started)
    check(answer, Row("", state, outcome, in_force, missing, explains))
    assert answer.finding.rule == "art3_4_movement_after_entry_into_force"


def test_art3_4_step_gives_the_entry_into_force_answer_when_the_deposit_is_impossible() -> None:
    answer = movement_timing(kestrelia(deposited=D("2009-05-01"), signed=True), D("2020-01-01"))
    assert answer.outcome is FAILS
    assert answer.citation == Citation(18)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (D("2018-03-05"), 2, D("2020-03-05")),
        (D("2020-02-29"), 1, D("2021-02-28")),
        (D("2020-02-29"), 2, D("2022-02-28")),
        (D("2020-02-29"), 4, D("2024-02-29")),
        (D("2096-02-29"), 4, D("2100-02-28")),
    ],
    ids=str,
)
def test_years_after_counts_from_29_february_to_28_february_in_common_years(
    start: date, years: int, expected: date
) -> None:
    assert years_after(start, years) == expected


def test_recorded_dates_agree_with_the_90_day_rules() -> None:
    assert FORTIETH_INSTRUMENT.toordinal() + 90 == ENTRY_INTO_FORCE.toordinal()
    assert D("2003-06-13") == CARTAGENA_FIFTIETH_INSTRUMENT


def test_spans_leap_day_names_the_29_february_within_a_period() -> None:
    assert spans_leap_day(D("2019-12-01"), D("2020-02-29")) == D("2020-02-29")
    assert spans_leap_day(D("2020-02-29"), D("2020-05-29")) is None
    assert spans_leap_day(D("2018-12-01"), D("2019-03-01")) is None
