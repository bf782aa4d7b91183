"""Joining, table by table: signature (Art. 17), who may join and by which instrument
(Art. 18(1)), the deposit, which instruments count (Art. 18(3)) and the 40th in a list."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from state_builders import FAILS, HOLDS, KESTRELIA, UNKNOWN, Row, check, kestrelia, says

from toolkit.steps import (
    InstrumentKind,
    StateFacts,
    art17_signature,
    art18_1_cartagena_party,
    art18_1_deposit,
    art18_1_fortieth_instrument,
    art18_1_instrument,
    art18_3_counts_toward_forty,
)
from toolkit.steps.facts import FOR_SIGNATORIES

D = date.fromisoformat
RATIFICATION, ACCESSION = InstrumentKind.RATIFICATION, InstrumentKind.ACCESSION

ART17 = [
    Row("Art. 17: a signature on the opening day holds", kestrelia(signed_on=D("2011-03-07")),
        HOLDS, D("2011-03-07")),
    Row("Art. 17: a signature on the closing day holds", kestrelia(signed_on=D("2012-03-06")),
        HOLDS, D("2012-03-06")),
    Row("Art. 17: a signatory whose signature date is unknown signed all the same",
        kestrelia(signed=True), HOLDS, None),
    Row("Art. 17: a signature the day after closing is explained as impossible",
        kestrelia(signed_on=D("2012-03-07")), FAILS, explains="joins by accession"),
    Row("Art. 17: a signature before opening is explained as impossible",
        kestrelia(signed_on=D("2011-03-06")), FAILS, explains="only from 2011-03-07"),
    Row("Art. 17: a signatory outside the Cartagena Protocol is pointed out",
        kestrelia(signed=True, cartagena_party=False, cartagena_in_force=None), FAILS,
        explains="only Parties to the Cartagena Protocol could sign"),
    Row("Art. 17: a State that did not sign joins by accession", KESTRELIA, FAILS,
        explains="only by accession"),
    Row("Art. 17: whether the State signed may be unknown", kestrelia(signed=None), UNKNOWN,
        missing=("signed",)),
]  # fmt: skip


@pytest.mark.parametrize("row", ART17, ids=says)
def test_art17_signature(row: Row) -> None:
    check(art17_signature(row.state), row)


CARTAGENA_PARTY = [
    Row("Art. 18(1): a Party to the Cartagena Protocol may join", KESTRELIA, HOLDS, True),
    Row("Art. 18(1): a Party whose Cartagena date is unknown may join all the same",
        kestrelia(cartagena_in_force=None), HOLDS, True),
    Row("Art. 18(1): a Cartagena date given makes the State a Party to it",
        kestrelia(cartagena_party=None), HOLDS, True),
    Row("Art. 18(1): a State outside the Cartagena Protocol cannot join",
        kestrelia(cartagena_party=False, cartagena_in_force=None), FAILS, False,
        explains="join the Cartagena Protocol first"),
    Row("Art. 18(1): an impossible Cartagena date is explained",
        kestrelia(cartagena_in_force=D("2001-01-01")), FAILS, explains="Check the date"),
    Row("Art. 18(1): whether the State is in the Cartagena Protocol may be unknown",
        kestrelia(cartagena_party=None, cartagena_in_force=None), UNKNOWN,
        missing=("cartagena_party",)),
]  # fmt: skip


@pytest.mark.parametrize("row", CARTAGENA_PARTY, ids=says)
def test_art18_1_only_parties_to_the_cartagena_protocol_join(row: Row) -> None:
    check(art18_1_cartagena_party(row.state), row)


INSTRUMENT = [
    Row("Art. 18(1): a signatory ratifies, accepts or approves", kestrelia(signed=True),
        HOLDS, FOR_SIGNATORIES),
    Row("Art. 18(1): a State that did not sign accedes", KESTRELIA, HOLDS, (ACCESSION,)),
    Row("Art. 18(1): a recorded instrument that fits is the answer",
        kestrelia(signed=True, instrument=InstrumentKind.ACCEPTANCE), HOLDS,
        (InstrumentKind.ACCEPTANCE,)),
    Row("Art. 18(1): an accession recorded for a signatory is pointed out",
        kestrelia(signed_on=D("2011-05-01"), instrument=ACCESSION), FAILS,
        explains="a signatory ratifies, accepts or approves"),
    Row("Art. 18(1): a ratification recorded for a State that did not sign is pointed out",
        kestrelia(instrument=RATIFICATION), FAILS, explains="a State that did not sign accedes"),
    Row("Art. 18(1): no instrument makes a non-Party to the Cartagena Protocol a Party",
        kestrelia(cartagena_party=False, cartagena_in_force=None), FAILS,
        explains="not a Party to the Cartagena Protocol"),
    Row("Art. 18(1): without knowing whether it signed, the instrument is open",
        kestrelia(signed=None), UNKNOWN, missing=("signed",)),
]  # fmt: skip


@pytest.mark.parametrize("row", INSTRUMENT, ids=says)
def test_art18_1_which_instrument(row: Row) -> None:
    check(art18_1_instrument(row.state), row)


DEPOSIT = [
    Row("Art. 18(1): an instrument is deposited with the Secretary-General", KESTRELIA, HOLDS,
        D("2019-06-01"), explains="Secretary-General of the United Nations"),
    Row("Art. 18(1): the deposit date is asked for when missing", kestrelia(deposited=None),
        UNKNOWN, missing=("deposited",)),
    Row("Art. 18(1): a deposit before adoption is explained as impossible",
        kestrelia(deposited=D("2010-10-14")), FAILS, explains="adopted only on 2010-10-15"),
    Row("Art. 18(1): the deposit of a non-Party to the Cartagena Protocol is explained",
        kestrelia(cartagena_party=False, cartagena_in_force=None), FAILS,
        explains="must join the Cartagena Protocol first"),
    Row("Art. 18(1): accession the day signature closed is explained as impossible",
        kestrelia(deposited=D("2012-03-06")), FAILS, explains="ended on 2012-03-06"),
    Row("Art. 18(1): accession the day after signature closed is possible",
        kestrelia(deposited=D("2012-03-07")), HOLDS, D("2012-03-07")),
]  # fmt: skip


@pytest.mark.parametrize("row", DEPOSIT, ids=says)
def test_art18_1_deposit_with_the_secretary_general(row: Row) -> None:
    check(art18_1_deposit(row.state), row)


COUNTING = [
    Row("Art. 18(3): a State's instrument counts toward the 40", KESTRELIA, HOLDS, True),
    Row("Art. 18(3): a regional organisation's instrument does not", kestrelia(reio=True),
        FAILS, False, explains="not counted in addition"),
    Row("Art. 18(3): whether it is a regional organisation may be unknown",
        kestrelia(reio=None), UNKNOWN, missing=("reio",)),
]  # fmt: skip


@pytest.mark.parametrize("row", COUNTING, ids=says)
def test_art18_3_regional_organisations_do_not_count(row: Row) -> None:
    check(art18_3_counts_toward_forty(row.state), row)


def _states(count: int, first: date) -> list[StateFacts]:
    return [
        dataclasses.replace(KESTRELIA, name=f"State {n}", deposited=first + timedelta(days=n))
        for n in range(count)
    ]


def test_art18_1_the_40th_counted_instrument_is_found_in_a_full_list() -> None:
    states = _states(45, D("2017-10-27"))  # the 40th (n = 39) on 2017-12-05
    union = kestrelia(name="European Union", reio=True, deposited=D("2014-01-31"))
    answer = art18_1_fortieth_instrument([union, *states])
    assert answer.outcome is HOLDS
    assert answer.value == D("2017-12-05")
    assert any("2018-03-05" in reason for reason in answer.reasons)
    assert any("European Union" in reason for reason in answer.reasons)


def test_art18_1_a_list_short_of_40_deposits_asks_for_a_full_list() -> None:
    answer = art18_1_fortieth_instrument(_states(39, D("2016-01-01")))
    assert answer.outcome is UNKNOWN
    assert answer.missing_facts == ("parties_list",)


def test_art18_1_a_list_whose_40th_disagrees_with_the_record_says_so() -> None:
    answer = art18_1_fortieth_instrument(_states(40, D("2016-01-01")))
    assert answer.outcome is HOLDS
    assert any("check the list" in reason for reason in answer.reasons)
