"""Implementation indicators of the fourth assessment and review of the Cartagena Protocol,
each from a paragraph of the Liaison Group's report (the shipped CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from toolkit.status.csv_table import read_table

SHIPPED = Path(__file__).parent.parent / "data" / "fourth_assessment_indicators.csv"
COLUMNS = ("indicator", "value", "unit", "operational_objective", "paragraph")
REPORT = (
    "Report of the Liaison Group on the Cartagena Protocol on Biosafety, fourteenth meeting "
    "(online, 20-23 April 2020)"
)


class Unit(StrEnum):
    PERCENT_OF_PARTIES = "percent_of_parties"
    PERCENT_OF_SP_PARTIES = "percent_of_sp_parties"
    PERCENT_OF_DECISIONS = "percent_of_decisions"
    PARTIES = "parties"
    REPORTS = "reports"

    @property
    def is_percent(self) -> bool:
        return self.value.startswith("percent_")


@dataclass(frozen=True)
class Indicator:
    name: str
    value: int
    unit: Unit
    objectives: str  # the operational objectives of the Strategic Plan it measures
    paragraph: int
    note: str

    @property
    def source(self) -> str:
        return f"{REPORT}, para. {self.paragraph}"


def load_indicators(path: Path = SHIPPED) -> tuple[Indicator, ...]:
    """The indicators, checked; raise LoadError naming every bad cell."""
    rows, problems = read_table(path, COLUMNS, ("note",))
    indicators = []
    for cells in rows:
        name = cells.text("indicator", required=True)
        value = cells.number("value", required=True)
        raw_unit = cells.text("unit", required=True)
        unit = None
        try:
            unit = Unit(raw_unit)
        except ValueError:
            names = ", ".join(u.value for u in Unit)
            cells.fail("unit", f"must be one of {names}; got '{raw_unit}'")
        if unit and unit.is_percent and value is not None and value > 100:
            cells.fail("value", f"is a percentage, so at most 100; got {value}")
        objectives = cells.text("operational_objective", required=True)
        paragraph = cells.number("paragraph", required=True)
        if name and value is not None and unit and paragraph:
            indicators.append(
                Indicator(name, value, unit, objectives, paragraph, cells.text("note"))
            )
    problems.raise_any()
    return tuple(indicators)
