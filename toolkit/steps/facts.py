"""What the treaty steps need to know about one State (or regional organisation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class InstrumentKind(StrEnum):
    """The instruments by which a State consents to be bound (Art. 18(1))."""

    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"


FOR_SIGNATORIES = (InstrumentKind.RATIFICATION, InstrumentKind.ACCEPTANCE, InstrumentKind.APPROVAL)
FOR_NON_SIGNATORIES = (InstrumentKind.ACCESSION,)


@dataclass(frozen=True)
class StateFacts:
    """A State's position toward the Protocol, as the status data or the learner gives it.

    None is unknown. ``approximate`` names the date fields that are only upper bounds (the
    partial list of Parties has some).
    """

    name: str
    reio: bool | None = False  # a regional economic integration organisation (Art. 18(3))
    signed: bool | None = None  # during the signature period (Art. 17)
    signed_on: date | None = None
    cartagena_party: bool | None = None  # a Party to the Cartagena Protocol, or joining it now
    cartagena_deposited: date | None = None  # its Cartagena instrument (CP Art. 37)
    cartagena_in_force: date | None = None  # when the Cartagena Protocol binds it
    deposited: date | None = None  # its instrument to this Protocol, with the Depositary
    instrument: InstrumentKind | None = None  # as recorded, if any
    approximate: frozenset[str] = frozenset()

    @property
    def signatory(self) -> bool | None:
        return True if self.signed_on is not None else self.signed

    @property
    def in_cartagena(self) -> bool | None:
        """A Party to the Cartagena Protocol (or joining it); a Cartagena date given implies it."""
        dated = self.cartagena_in_force is not None or self.cartagena_deposited is not None
        return True if self.cartagena_party is None and dated else self.cartagena_party


# What a missing fact is called when a step asks for it.
FACT_LABELS = {
    "reio": "whether it is a regional economic integration organisation",
    "signed": "whether it signed while the Protocol was open for signature (7 March 2011 to "
    "6 March 2012)",
    "cartagena_party": "whether it is a Party to the Cartagena Protocol",
    "cartagena_in_force": "the date the Cartagena Protocol entered into force for it (or the "
    "date it deposited its Cartagena instrument)",
    "deposited": "the date its instrument is deposited with the Secretary-General",
    "reservations": "whether its instrument carries a reservation",
    "movement_started": "the date the transboundary movement started",
    "withdrawal_received": "the date the Secretary-General receives its notice of withdrawal",
    "parties_list": "a full list of Parties with their deposit dates (your trainer can load the "
    "official list)",
}


_DATE_NAMES = {"signed_on": "signature", "deposited": "deposit"}


def approx(state: StateFacts, field: str) -> str:
    """A sentence warning that a date of ``state`` is only an upper bound, or ''."""
    if field not in state.approximate:
        return ""
    return (
        f"The {_DATE_NAMES.get(field, field)} date of {state.name} is approximate: the source "
        "gives only a date by which it had happened, so dates computed from it are approximate "
        "too."
    )
