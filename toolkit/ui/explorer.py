"""The start page's app: pick a sample scenario and a domestic-law profile, read the analysis."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from toolkit.analysis import analyse
from toolkit.loading import load_profile, load_scenarios, shipped_profiles
from toolkit.scenario import Scenario

log = logging.getLogger(__name__)


class AnalysisExplorer(widgets.VBox):
    """Two dropdowns and the article-by-article analysis they select."""

    def __init__(self, scenarios: list[Scenario], problems: list[str] | None = None) -> None:
        self._scenarios = {s.id: s for s in scenarios}
        self._profiles = {name: load_profile(name) for name in shipped_profiles()}
        self.scenario = widgets.Dropdown(
            options=[(s.title, s.id) for s in scenarios],
            description="Scenario",
            description_allow_html=False,
            tooltip="The hypothetical case to analyse",
            layout=widgets.Layout(width="max-content"),
        )
        self.profile = widgets.Dropdown(
            options=[(p.name, key) for key, p in self._profiles.items()],
            description="Profile",
            tooltip="The domestic-law choices the Party made where the Protocol says 'may'",
            layout=widgets.Layout(width="max-content"),
        )
        self.analysis = widgets.HTML()
        notes = [widgets.HTML(f"<p>Skipped: {html.escape(p)}</p>") for p in problems or []]
        super().__init__([self.scenario, self.profile, *notes, self.analysis])
        self.scenario.observe(self._show, names="value")
        self.profile.observe(self._show, names="value")
        self._show()

    @classmethod
    def from_folder(cls, folder: str | Path) -> AnalysisExplorer:
        """Load every scenario in ``folder``; broken files are listed, the rest still load."""
        scenarios, problems = load_scenarios(folder)
        return cls(scenarios, [str(p) for p in problems])

    def _show(self, _change: Any = None) -> None:
        if self.scenario.value is None:
            self.analysis.value = "<p>No scenario could be loaded.</p>"
            return
        try:
            scenario = self._scenarios[self.scenario.value]
            self.analysis.value = analyse(scenario, self._profiles[self.profile.value]).to_html()
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("analysis failed for %s / %s", self.scenario.value, self.profile.value)
            self.analysis.value = (
                "<p><b>The analysis could not be shown.</b> The error is in the server log.</p>"
            )
