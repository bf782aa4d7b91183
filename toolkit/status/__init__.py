"""Status data shipped with the toolkit as CSV, every row with its source, and the loaders
that check it: milestones, the (partial) list of Parties, and implementation indicators."""

from toolkit.status.indicators import Indicator, load_indicators
from toolkit.status.milestones import CountKind, Milestone, load_milestones
from toolkit.status.parties import (
    PartiesList,
    PartyRecord,
    load_parties,
    parties_for_app,
    shipped_parties,
)

__all__ = [
    "CountKind",
    "Indicator",
    "Milestone",
    "PartiesList",
    "PartyRecord",
    "load_indicators",
    "load_milestones",
    "load_parties",
    "parties_for_app",
    "shipped_parties",
]
