"""Charts drawn as plain SVG and HTML, so a kernel needs no plotting library; each comes
with its numbers and sources as a table, for screen readers and for checking."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from toolkit.status import CountKind, Indicator, Milestone

WIDTH, HEIGHT = 660, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 30, 56
SERIES = {  # kind: (label, colour)
    CountKind.SIGNATURES: ("signatures", "#6b6b6b"),
    CountKind.INSTRUMENTS: ("instruments, the European Union's included", "#1f5fa8"),
    CountKind.COUNTING_INSTRUMENTS: ("instruments counted toward the 40 (Art. 18(3))", "#1b7a3a"),
    CountKind.PARTIES: ("Parties", "#6a3d9a"),
}
MARK_COLOUR = "#b3261e"
e = html.escape


def _x(day: date, start: date, end: date) -> float:
    return LEFT + (day - start).days / (end - start).days * (WIDTH - LEFT - RIGHT)


def _y(count: float, top: int) -> float:
    return HEIGHT - BOTTOM - count / top * (HEIGHT - TOP - BOTTOM)


def instruments_chart(
    milestones: Sequence[Milestone], marks: Sequence[tuple[date, str]], needed: int
) -> str:
    """Counts over time by kind, the number ``needed`` as a line, and dated ``marks``."""
    counted = [m for m in milestones if m.count is not None and m.kind is not None]
    days = [m.day for m in milestones] + [day for day, _ in marks]
    start, end = date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)
    top = (max([needed, *(m.count or 0 for m in counted)]) // 10 + 1) * 10
    parts = [
        f'<svg class="lr-chart" role="img" aria-labelledby="lr-count-title lr-count-desc" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" style="max-width:{WIDTH}px" '
        'font-family="sans-serif" font-size="11">',
        '<title id="lr-count-title">Signatures and instruments over time</title>',
        f'<desc id="lr-count-desc">Counts reported from {start.year} to {end.year - 1}; the '
        "table below gives each with its source.</desc>",
    ]
    for value in range(0, top + 1, 10):
        y = _y(value, top)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    for year in range(start.year, end.year + 1):
        x = _x(date(year, 1, 1), start, end)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">{year}</text>'
        )
    y = _y(needed, top)
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#999" '
        f'stroke-dasharray="2 3"/><text x="{LEFT + 4}" y="{y - 4:.1f}">{needed} needed '
        "(Art. 18(1))</text>"
    )
    for n, (day, label) in enumerate(marks):
        x = _x(day, start, end)
        anchor, dx = ("end", -4) if n % 2 == 0 else ("start", 4)
        parts.append(
            f'<line class="lr-chart-mark" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP - 8}" '
            f'y2="{HEIGHT - BOTTOM}" stroke="{MARK_COLOUR}" stroke-dasharray="4 3"/>'
            f'<text x="{x + dx:.1f}" y="{TOP - 12}" text-anchor="{anchor}" '
            f'fill="{MARK_COLOUR}">{e(label)}</text>'
        )
    legend_y = HEIGHT - 22
    legend_x = float(LEFT)
    for kind, (label, colour) in SERIES.items():
        points = [m for m in counted if m.kind is kind]
        if not points:
            continue
        path = " ".join(f"{_x(m.day, start, end):.1f},{_y(m.count or 0, top):.1f}" for m in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}"/>')
        for m in points:
            parts.append(
                f'<circle cx="{_x(m.day, start, end):.1f}" cy="{_y(m.count or 0, top):.1f}" '
                f'r="3.5" fill="{colour}"><title>{m.day}: {m.count} {e(label)}. '
                f"{e(m.event)}</title></circle>"
            )
        if legend_x > WIDTH - 200:
            legend_x, legend_y = float(LEFT), legend_y + 14
        parts.append(
            f'<circle cx="{legend_x + 4:.1f}" cy="{legend_y - 4}" r="4" fill="{colour}"/>'
            f'<text x="{legend_x + 12:.1f}" y="{legend_y}">{e(label)}</text>'
        )
        legend_x += 24 + 5.6 * len(label)
    parts.append("</svg>")
    return "".join(parts) + _milestone_table(milestones)


def _milestone_table(milestones: Sequence[Milestone]) -> str:
    rows = "".join(
        f"<tr><td>{m.day}</td><td>{e(m.event)}</td>"
        f"<td>{'' if m.count is None else m.count}</td>"
        f"<td>{e(SERIES[m.kind][0]) if m.kind else ''}</td><td>{_source(m.source)}</td></tr>"
        for m in milestones
    )
    return (
        '<details class="lr-chart-data"><summary>The numbers, with their sources</summary>'
        "<table><thead><tr><th>Date</th><th>Event</th><th>Count</th><th>Of</th><th>Source</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
    )


def _source(text: str) -> str:
    """A source as text, its web addresses as links (opened in a new tab)."""
    words = []
    for word in text.split():
        if word.startswith(("http://", "https://")):
            words.append(f'<a href="{e(word)}" target="_blank" rel="noopener">{e(word)}</a>')
        else:
            words.append(e(word))
    return " ".join(words)


def indicator_bars(indicators: Sequence[Indicator]) -> str:
    """Percentages as horizontal bars; the other counts as a list; every row with its source."""
    bars = "".join(
        f'<tr class="lr-indicator"><td>{e(i.name)}</td>'
        f'<td style="min-width:160px"><div style="background:#e8e8e8;width:160px" '
        f'aria-hidden="true"><div style="background:#1f5fa8;height:12px;width:{i.value}%">'
        f"</div></div></td><td><b>{i.value}%</b> {_of(i)}</td>"
        f'<td><span title="{e(i.source)}">para. {i.paragraph}</span>'
        f"{' — ' + e(i.note) if i.note else ''}</td></tr>"
        for i in indicators
        if i.unit.is_percent
    )
    counts = "".join(
        f"<li>{e(i.name)}: <b>{i.value}</b> (para. {i.paragraph})</li>"
        for i in indicators
        if not i.unit.is_percent
    )
    source = e(indicators[0].source.rsplit(", para.", 1)[0]) if indicators else ""
    return (
        '<table class="lr-indicators"><thead><tr><th>Indicator</th><th></th><th>Value</th>'
        f"<th>Source</th></tr></thead><tbody>{bars}</tbody></table>"
        f"<ul>{counts}</ul><p><small>Source: {source}.</small></p>"
    )


def _of(indicator: Indicator) -> str:
    return {
        "percent_of_parties": "of Parties",
        "percent_of_sp_parties": "of Parties to the Supplementary Protocol",
        "percent_of_decisions": "of decisions",
    }.get(indicator.unit.value, "")
