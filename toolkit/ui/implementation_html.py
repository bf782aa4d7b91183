"""The self-assessment's results as widget HTML: the gap list, the profile and the casebook
table. Everything a learner typed, and everything else, is escaped."""

from __future__ import annotations

import html

from toolkit.implementation.compare import KEY_FINDINGS, CaseComparison
from toolkit.implementation.gaps import Gap, GapKind

e = html.escape
# Widget HTML inherits the 28 px line height of a form row; prose and tables need their own.
TEXT = "line-height: 1.5"
_PRE = "font-family: monospace; font-size: 0.9em; line-height: 1.35; white-space: pre-wrap"
_TABLE = "border-collapse: collapse; font-size: 0.9em; line-height: 1.35"
_CELL = "border: 1px solid #ccc; padding: 2px 6px; text-align: left; white-space: nowrap"
_CHANGED = f"{_CELL}; background: #fff4ce"


def block(content: str) -> str:
    """HTML for a widget, set in the line height prose needs."""
    return f'<div style="{TEXT}">{content}</div>'


def gaps_html(gaps: tuple[Gap, ...]) -> str:
    if not gaps:
        return block(
            '<p class="lr-no-gaps">No gaps: every required item is in place and every choice '
            "is made.</p>"
        )
    parts = [f'<p class="lr-gap-count">{len(gaps)} items need attention.</p>']
    for kind in GapKind:
        found = [gap for gap in gaps if gap.kind is kind]
        if not found:
            continue
        items = "".join(_gap_item(gap) for gap in found)
        parts.append(f"<h4>{e(kind)} ({len(found)})</h4><ul>{items}</ul>")
    return block("".join(parts))


def _gap_item(gap: Gap) -> str:
    note = f" <em>Your note:</em> {e(gap.note)}" if gap.note.strip() else ""
    return (
        f'<li class="lr-gap" data-item="{e(gap.item.key)}"><b>{e(str(gap.item.citation))}</b> '
        f"{e(gap.item.name)}: {e(gap.item.text)} {e(' '.join(gap.reasons))}{note}</li>"
    )


def profile_html(profile_yaml: str | None, problems: tuple[str, ...]) -> str:
    if profile_yaml is None:
        items = "".join(f"<li>{e(problem)}</li>" for problem in problems)
        return block(
            '<div role="alert" class="lr-profile-problems"><p><b>These choices cannot make a '
            f"profile yet.</b> Change them in the checklist:</p><ul>{items}</ul></div>"
        )
    return block(
        "<p>Your choices as a domestic-law profile, in the format of the toolkit's own profiles "
        "(<code>lrkit analyse CASE --profile FILE</code> reads it):</p>"
        f'<pre class="lr-profile-yaml" style="{_PRE}">{e(profile_yaml)}</pre>'
    )


def comparison_html(comparison: tuple[CaseComparison, ...]) -> str:
    """One row per case; a cell reads 'neutral → yours' where the outcome changes."""
    if not comparison:
        return block("<p>The casebook has no cases to run.</p>")
    head = "".join(
        f'<th scope="col" style="{_CELL}" title="{e(rule.title)}">{e(str(rule.citation))}</th>'
        for rule in KEY_FINDINGS
    )
    rows = []
    for case in comparison:
        cells = "".join(
            f'<td class="lr-changed" style="{_CHANGED}"><b>{e(cell.baseline)} → '
            f"{e(cell.yours)}</b></td>"
            if cell.changed
            else f'<td style="{_CELL}">{e(cell.yours)}</td>'
            for cell in case.cells
        )
        rows.append(
            f'<tr data-case="{e(case.case_id)}"><th scope="row" style="{_CELL}; white-space: '
            f'normal; min-width: 12em">{e(case.title)}</th>{cells}</tr>'
        )
    return block(
        "<p>Each case's key findings under the shipped neutral profile and under yours. "
        "Where they differ the cell reads <b>neutral → yours</b>; <i>unknown</i> under yours "
        "usually means a choice not yet made.</p>"
        f'<table class="lr-comparison" style="{_TABLE}"><thead><tr>'
        f'<th scope="col" style="{_CELL}">Case</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
