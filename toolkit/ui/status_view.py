"""Where the Protocol stands: instruments over time, the list of Parties (saying whether it
is partial), and the implementation indicators of the fourth assessment and review."""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from toolkit.status import Indicator, Milestone, PartiesList
from toolkit.steps import art18_1_fortieth_instrument
from toolkit.treaty_dates import ENTRY_INTO_FORCE, FORTIETH_INSTRUMENT, INSTRUMENTS_NEEDED
from toolkit.ui.charts import indicator_bars, instruments_chart
from toolkit.ui.ratification_walk import step_html

e = html.escape
MARKS = [
    (FORTIETH_INSTRUMENT, f"40th instrument {FORTIETH_INSTRUMENT}"),
    (ENTRY_INTO_FORCE, f"In force {ENTRY_INTO_FORCE}"),
]


class StatusView(widgets.VBox):
    def __init__(
        self,
        parties: PartiesList,
        milestones: Sequence[Milestone],
        indicators: Sequence[Indicator],
        problems: Sequence[str] = (),
    ) -> None:
        warnings = "".join(f'<p role="alert">{e(p)}</p>' for p in problems)
        counts = widgets.HTML(
            "<h3>Signatures and instruments over time</h3>"
            + (instruments_chart(milestones, MARKS, INSTRUMENTS_NEEDED) if milestones else "")
        )
        counts.add_class("lr-counts-chart")
        listed = widgets.HTML(_parties_html(parties))
        listed.add_class("lr-parties")
        implementation = widgets.HTML(
            "<h3>How Parties implement the Cartagena Protocol (fourth assessment and review, "
            "2020)</h3><p>The Supplementary Protocol's own first review (Art. 13) was placed "
            "within the fifth assessment and review of the Cartagena Protocol.</p>"
            + (indicator_bars(indicators) if indicators else "")
        )
        implementation.add_class("lr-indicator-chart")
        super().__init__([widgets.HTML(warnings), counts, listed, implementation])
        self.add_class("lr-status")


def _parties_html(parties: PartiesList) -> str:
    css = "lr-partial-notice" if parties.partial else "lr-official-notice"
    fortieth = art18_1_fortieth_instrument([record.facts() for record in parties.records])
    rows = "".join(
        f"<tr><td>{e(r.party)}</td><td>{_day(r.signed_on, 'signed_on' in r.approximate)}</td>"
        f"<td>{_day(r.deposited, 'deposited' in r.approximate)}</td>"
        f"<td>{e(' or '.join(r.instruments))}{'' if r.instrument_confirmed else ' ?'}</td>"
        f"<td>{e(r.source)}</td></tr>"
        for r in parties.records
    )
    return (
        "<h3>The list of Parties</h3>"
        f'<p class="{css}"><b>About this list:</b> {e(parties.notice)}</p>'
        f"{step_html(fortieth)}"
        "<details><summary>The list, row by row, with sources</summary>"
        f'<p class="{css}">{e(parties.notice)}</p>'
        "<table><thead><tr><th>Party</th><th>Signed</th><th>Deposited</th><th>Instrument</th>"
        f"<th>Source</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def _day(day: object, approximate: bool) -> str:
    if day is None:
        return ""
    return f"~{day}" if approximate else str(day)
