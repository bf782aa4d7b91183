"""Liability & Redress Workshop Toolkit: hypothetical cases checked against the
Nagoya-Kuala Lumpur Supplementary Protocol on Liability and Redress."""

from toolkit.analysis import Analysis, analyse
from toolkit.finding import Finding, Outcome
from toolkit.loading import LoadError, load_profile, load_scenario, parse, shipped_profiles
from toolkit.profile import Profile
from toolkit.scenario import Scenario

__all__ = [
    "Analysis",
    "Finding",
    "LoadError",
    "Outcome",
    "Profile",
    "Scenario",
    "analyse",
    "load_profile",
    "load_scenario",
    "parse",
    "shipped_profiles",
]
