"""Fixed dates of the Supplementary Protocol and its entry into force for each Party (Art. 18)."""

from __future__ import annotations

from datetime import date, timedelta

ADOPTED = date(2010, 10, 15)  # COP-MOP 5, decision BS-V/11
SIGNATURE_OPENS = date(2011, 3, 7)  # Art. 17
SIGNATURE_CLOSES = date(2012, 3, 6)  # Art. 17
FORTIETH_INSTRUMENT = date(2017, 12, 5)  # Japan's acceptance, the 40th counted instrument
ENTRY_INTO_FORCE = date(2018, 3, 5)  # Art. 18(1): the 90th day after the 40th instrument
DAYS_AFTER_DEPOSIT = 90  # Art. 18(1) and 18(2)


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
