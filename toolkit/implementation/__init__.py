"""National implementation self-assessment: a checklist of what the Protocol asks of domestic
law, the gaps a learner's answers leave, and the domestic-law profile they amount to."""

from toolkit.implementation.checklist import CHECKLIST, ITEMS, SECTIONS
from toolkit.implementation.gaps import Gap, GapKind, gaps
from toolkit.implementation.model import Answer, Assessment, Duty, Item, Shape, Status
from toolkit.implementation.national_profile import (
    AssessmentError,
    national_profile,
    profile_data,
    profile_yaml,
)
from toolkit.implementation.summary import Summary, markdown, summarise

__all__ = [
    "CHECKLIST",
    "ITEMS",
    "SECTIONS",
    "Answer",
    "Assessment",
    "AssessmentError",
    "Duty",
    "Gap",
    "GapKind",
    "Item",
    "Shape",
    "Status",
    "Summary",
    "gaps",
    "markdown",
    "national_profile",
    "profile_data",
    "profile_yaml",
    "summarise",
]
