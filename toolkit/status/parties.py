"""Lists of Parties: the partial one shipped with the toolkit, or the official one a trainer
loads (the CSV format is described in docs/parties-csv.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from toolkit.loading import LoadError
from toolkit.status.csv_table import Cells, read_table
from toolkit.steps.facts import FOR_SIGNATORIES, InstrumentKind, StateFacts
from toolkit.treaty_dates import (
    CARTAGENA_ENTRY_INTO_FORCE,
    SIGNATURE_CLOSES,
    SIGNATURE_OPENS,
)

SHIPPED = Path(__file__).parent.parent / "data" / "sp_parties_partial.csv"
OFFICIAL_FILE = "parties.csv"  # in the data folder, where a trainer puts the official list
REQUIRED = ("party", "deposit_date", "source")
OPTIONAL = ("signature_date", "instrument", "reio", "cartagena_in_force")
UNTC_CODES = {  # the letter the UN Treaty Collection writes after a deposit date
    "a": InstrumentKind.ACCESSION,
    "A": InstrumentKind.ACCEPTANCE,
    "AA": InstrumentKind.APPROVAL,
}
_CODED = re.compile(r"^(?P<day>.*\d)\s+(?P<code>a|A|AA)$")
_YES = {"yes": True, "true": True, "no": False, "false": False}
REGIONAL_ORGANISATIONS = {"european union"}  # Art. 18(3), when the file has no 'reio' column


@dataclass(frozen=True)
class PartyRecord:
    """One row of a list of Parties: what it says about one State and where that comes from."""

    line: int
    party: str
    signed_on: date | None
    deposited: date | None
    instruments: tuple[InstrumentKind, ...]  # the possible ones: one when the row says which
    instrument_confirmed: bool  # False when the row ends in '?'
    reio: bool
    cartagena_in_force: date | None
    source: str
    approximate: frozenset[str] = frozenset()  # 'signed_on', 'deposited': upper bounds only

    def facts(self) -> StateFacts:
        """The row as the treaty steps read it. Only Parties to the Cartagena Protocol can
        sign or join (Arts. 17, 18(1)), so every State on a list is taken to be one."""
        known = self.instruments[0] if len(self.instruments) == 1 else None
        instrument = known if self.instrument_confirmed else None
        signed = True if self.signed_on else None
        if instrument is not None:
            signed = instrument in FOR_SIGNATORIES
        return StateFacts(
            name=self.party,
            reio=self.reio,
            signed=signed,
            signed_on=self.signed_on,
            cartagena_party=True,
            cartagena_in_force=self.cartagena_in_force,
            deposited=self.deposited,
            instrument=instrument,
            approximate=self.approximate,
        )


@dataclass(frozen=True)
class PartiesList:
    records: tuple[PartyRecord, ...]
    partial: bool
    origin: str
    notice: str  # shown wherever the list is: partial or official, and where it came from
    problem: str = ""  # why the trainer's list could not be used, if it could not

    def record(self, party: str) -> PartyRecord | None:
        return next((r for r in self.records if r.party == party), None)


def load_parties(path: Path) -> tuple[PartyRecord, ...]:
    """The rows of a list of Parties, checked; raise LoadError naming every bad cell."""
    rows, problems = read_table(path, REQUIRED, OPTIONAL)
    records: list[PartyRecord] = []
    first_line: dict[str, int] = {}
    for cells in rows:
        record = _record(cells)
        if record is None:
            continue
        key = record.party.casefold()
        if key in first_line:
            cells.fail("party", f"'{record.party}' appears twice (first on line {first_line[key]})")
        first_line.setdefault(key, cells.line)
        records.append(record)
    problems.raise_any()
    return tuple(records)


def _record(cells: Cells) -> PartyRecord | None:
    party = cells.text("party", required=True)
    source = cells.text("source", required=True)
    signed_on, signed_approx = cells.day("signature_date")
    coded = _CODED.match(cells.text("deposit_date"))
    if coded:
        cells = Cells(cells.line, {**cells.values, "deposit_date": coded["day"]}, cells.problems)
    deposited, deposit_approx = cells.day("deposit_date")
    instruments, confirmed = _instruments(cells)
    if coded:
        code = UNTC_CODES[coded["code"]]
        if instruments and instruments != (code,):
            marked = f"'{coded['code']}' ({code})"
            cells.fail(
                "instrument", f"says {instruments[0]} but the deposit date is marked {marked}"
            )
        instruments, confirmed = (code,), True
    reio = _reio(cells, party)
    cartagena, _ = cells.day("cartagena_in_force")
    _check_dates(cells, signed_on, deposited, cartagena)
    if signed_on and confirmed and instruments == (InstrumentKind.ACCESSION,):
        message = "is accession, but the row gives a signature date: a signatory ratifies, "
        cells.fail("instrument", message + "accepts or approves (Arts. 17, 18(1))")
    if not party or not source:
        return None
    approximate = {"signed_on"} if signed_approx else set()
    approximate |= {"deposited"} if deposit_approx else set()
    return PartyRecord(
        cells.line,
        party,
        signed_on,
        deposited,
        instruments,
        confirmed,
        reio,
        cartagena,
        source,
        frozenset(approximate),
    )


def _instruments(cells: Cells) -> tuple[tuple[InstrumentKind, ...], bool]:
    """'ratification', 'acceptance?', 'ratification or accession?': the kinds, and whether sure."""
    raw = cells.text("instrument")
    words = raw.removesuffix("?").strip()
    if not words:
        return (), False
    kinds = []
    for word in words.split(" or "):
        try:
            kinds.append(InstrumentKind(word.strip().lower()))
        except ValueError:
            names = ", ".join(kind.value for kind in InstrumentKind)
            hint = "(or several joined by 'or', with '?' if unsure)"
            cells.fail("instrument", f"must be one of {names} {hint}; got '{raw}'")
            return (), False
    return tuple(kinds), len(kinds) == 1 and not raw.endswith("?")


def _reio(cells: Cells, party: str) -> bool:
    raw = cells.text("reio").lower()
    if not raw:
        return party.casefold() in REGIONAL_ORGANISATIONS
    if raw not in _YES:
        cells.fail("reio", f"must be yes or no (empty: only the European Union); got '{raw}'")
    return _YES.get(raw, False)


def _check_dates(
    cells: Cells, signed_on: date | None, deposited: date | None, cartagena: date | None
) -> None:
    if signed_on and not SIGNATURE_OPENS <= signed_on <= SIGNATURE_CLOSES:
        period = f"{SIGNATURE_OPENS} to {SIGNATURE_CLOSES} (Art. 17)"
        cells.fail("signature_date", f"{signed_on} is outside the signature period, {period}")
    if deposited and deposited < SIGNATURE_OPENS:
        opened = f"the Protocol opened for signature on {SIGNATURE_OPENS}"
        cells.fail("deposit_date", f"{deposited} is before {opened}; no instrument came earlier")
    if signed_on and deposited and deposited < signed_on:
        cells.fail("deposit_date", f"{deposited} is before the signature date {signed_on}")
    if cartagena and cartagena < CARTAGENA_ENTRY_INTO_FORCE:
        began = f"the Cartagena Protocol entered into force, on {CARTAGENA_ENTRY_INTO_FORCE}"
        cells.fail("cartagena_in_force", f"{cartagena} is before {began}")


def shipped_parties() -> PartiesList:
    records = load_parties(SHIPPED)
    return PartiesList(records, True, SHIPPED.name, partial_notice(len(records)))


def partial_notice(rows: int) -> str:
    return (
        f"This list is incomplete: it holds only the {rows} signatures and deposits that public "
        "sources confirm, and dates marked ~ are approximate. Many Parties are missing from it. "
        "Your trainer can load the official list of Parties (UN Treaty Collection, chapter "
        "XXVII-8-c, or the Biosafety Clearing-House)."
    )


def parties_for_app(folder: Path) -> PartiesList:
    """The trainer's official list if the data folder holds one that loads, else the partial
    list, with the reason the trainer's could not be used."""
    official = folder / OFFICIAL_FILE
    if not official.is_file():
        return shipped_parties()
    try:
        records = load_parties(official)
    except LoadError as error:
        shipped = shipped_parties()
        problem = f"The list of Parties in {official} could not be used: {error}"
        return PartiesList(shipped.records, True, shipped.origin, shipped.notice, problem)
    notice = (
        f"The list of Parties your trainer loaded from {official.name} ({len(records)} rows). "
        "Each answer still depends on that list being complete and up to date."
    )
    return PartiesList(records, False, str(official), notice)
