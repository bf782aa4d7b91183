"""Milestones of the Protocol, with the counts of signatures and instruments reported over
time, each from its source (the shipped sp_milestones.csv)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from toolkit.status.csv_table import read_table

SHIPPED = Path(__file__).parent.parent / "data" / "sp_milestones.csv"
COLUMNS = ("date", "event", "count", "count_kind", "source")


class CountKind(StrEnum):
    SIGNATURES = "signatures"
    INSTRUMENTS = "instruments"  # every instrument, the European Union's included
    COUNTING_INSTRUMENTS = "counting_instruments"  # those counted toward the 40, Art. 18(3)
    PARTIES = "parties"


@dataclass(frozen=True)
class Milestone:
    day: date
    event: str
    count: int | None
    kind: CountKind | None
    source: str


def load_milestones(path: Path = SHIPPED) -> tuple[Milestone, ...]:
    """The milestones in date order, checked; raise LoadError naming every bad cell."""
    rows, problems = read_table(path, COLUMNS)
    milestones: list[Milestone] = []
    for cells in rows:
        day, _ = cells.day("date", required=True)
        event = cells.text("event", required=True)
        count = cells.number("count")
        raw_kind = cells.text("count_kind")
        kind = None
        if raw_kind:
            try:
                kind = CountKind(raw_kind)
            except ValueError:
                names = ", ".join(k.value for k in CountKind)
                cells.fail("count_kind", f"must be one of {names}; got '{raw_kind}'")
        if bool(cells.text("count")) != bool(raw_kind):
            column = "count_kind" if raw_kind == "" else "count"
            cells.fail(column, "is empty: a count needs its kind, and a kind its count")
        source = cells.text("source", required=True)
        previous = milestones[-1].day if milestones else None
        if day and previous and day < previous:
            cells.fail("date", f"{day} is before the row above ({previous}): keep date order")
        if day and event and source:
            milestones.append(Milestone(day, event, count, kind, source))
    problems.raise_any()
    return tuple(milestones)
