"""The start page's app: pick a case and one of its what-ifs, read the analysis."""

from __future__ import annotations

import html
import logging
from typing import Any

import ipywidgets as widgets

from toolkit.casebook import Case, Casebook

log = logging.getLogger(__name__)
AS_WRITTEN = ""  # the what-if dropdown's value for the case as written


def what_if_options(case: Case | None) -> list[tuple[str, str]]:
    """A what-if dropdown's options: the case as written, then each what-if by its title."""
    options = [("The case as written", AS_WRITTEN)]
    if case:
        options += [(what_if.title, key) for key, what_if in case.what_ifs.items()]
    return options


class CaseExplorer(widgets.VBox):
    """Two dropdowns, case and what-if, and the article-by-article analysis they select."""

    def __init__(self, casebook: Casebook) -> None:
        self._cases = {case.id: case for case in casebook.cases}
        self.case = widgets.Dropdown(
            options=[(case.title, case.id) for case in casebook.cases],
            description="Case",
            layout=widgets.Layout(width="max-content"),
        )
        self.what_if = widgets.Dropdown(
            description="What if", layout=widgets.Layout(width="max-content")
        )
        self.analysis = widgets.HTML()
        skipped = [
            widgets.HTML(f"<p>Skipped: {html.escape(str(p))}</p>") for p in casebook.problems
        ]
        super().__init__([self.case, self.what_if, *skipped, self.analysis])
        self.case.observe(self._case_chosen, names="value")
        self.what_if.observe(self._show, names="value")
        self._case_chosen()

    def _case_chosen(self, _change: Any = None) -> None:
        case = self._cases.get(self.case.value)
        with self.hold_trait_notifications():
            self.what_if.options = what_if_options(case)
            self.what_if.value = AS_WRITTEN
        self._show()

    def _show(self, _change: Any = None) -> None:
        case = self._cases.get(self.case.value)
        if case is None:
            self.analysis.value = "<p>No case could be loaded.</p>"
            return
        what_if = self.what_if.value or None
        try:
            intro = ""
            if what_if:
                title = html.escape(case.what_ifs[what_if].title)
                intro = f'<p class="lr-what-if"><b>What if:</b> {title}</p>'
            self.analysis.value = intro + case.analysis(what_if).to_html()
        except Exception:  # a widget callback must never fail silently in Voila
            log.exception("analysis failed for %s / %s", case.id, what_if)
            self.analysis.value = (
                "<p><b>The analysis could not be shown.</b> The error is in the server log.</p>"
            )
