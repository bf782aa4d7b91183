"""Fixed dates of the Supplementary Protocol and of the Cartagena Protocol, and the calendar
arithmetic of their final clauses (entry into force, withdrawal, review)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

ADOPTED = date(2010, 10, 15)  # COP-MOP 5, decision BS-V/11
SIGNATURE_OPENS = date(2011, 3, 7)  # Art. 17
SIGNATURE_CLOSES = date(2012, 3, 6)  # Art. 17
FORTIETH_INSTRUMENT = date(2017, 12, 5)  # Japan's acceptance, the 40th counted instrument
ENTRY_INTO_FORCE = date(2018, 3, 5)  # Art. 18(1): the 90th day after the 40th instrument
DAYS_AFTER_DEPOSIT = 90  # Art. 18(1) and 18(2)
INSTRUMENTS_NEEDED = 40  # Art. 18(1); a regional organisation's instrument does not count, 18(3)
WITHDRAWAL_WAIT_YEARS = 2  # Art. 20(1): notice only after two years in force for the Party
WITHDRAWAL_NOTICE_YEARS = 1  # Art. 20(2): effect one year after the Depositary receives it
REVIEW_EVERY_YEARS = 5  # Art. 13: five years after entry into force, then every five years

CARTAGENA_ADOPTED = date(2000, 1, 29)  # Montreal, ExCOP
CARTAGENA_ENTRY_INTO_FORCE = date(2003, 9, 11)  # CP Art. 37(1): 90th day after the 50th
CARTAGENA_FIFTIETH_INSTRUMENT = CARTAGENA_ENTRY_INTO_FORCE - timedelta(days=DAYS_AFTER_DEPOSIT)


def earliest_entry_into_force(deposited: date) -> date:
    """The date Art. 18 gives before the later-of rule's Cartagena date is considered."""
    if deposited <= FORTIETH_INSTRUMENT:
        return ENTRY_INTO_FORCE
    return deposited + timedelta(days=DAYS_AFTER_DEPOSIT)


def entry_into_force(deposited: date, cartagena_in_force: date | None) -> date | None:
    """Art. 18(1)-(2): for a later Party, the later of deposit + 90 days and its Cartagena date.

    None when the Cartagena date is needed but not known.
    """
    earliest = earliest_entry_into_force(deposited)
    if deposited <= FORTIETH_INSTRUMENT:
        return earliest
    if cartagena_in_force is None:
        return None
    return max(earliest, cartagena_in_force)


def cartagena_entry_into_force(deposited: date) -> date:
    """CP Art. 37: its general entry into force for the first 50, else the 90th day after deposit.

    CP Art. 37(2) also waits for the Convention to bind the State; every depositor is taken to
    be a Party to the Convention already.
    """
    if deposited <= CARTAGENA_FIFTIETH_INSTRUMENT:
        return CARTAGENA_ENTRY_INTO_FORCE
    return deposited + timedelta(days=DAYS_AFTER_DEPOSIT)


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later; a period counted from 29 February ends on 28 February
    when the final year has no leap day (the usual rule when the day does not exist)."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def spans_leap_day(start: date, end: date) -> date | None:
    """The 29 February in the days after ``start`` up to ``end``, if there is one."""
    for year in range(start.year, end.year + 1):
        if calendar.isleap(year) and start < date(year, 2, 29) <= end:
            return date(year, 2, 29)
    return None
