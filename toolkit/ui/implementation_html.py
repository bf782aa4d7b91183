"""The self-assessment's results as widget HTML: the gap list, the profile and the casebook
table. Everything a learner typed, and everything else, is escaped."""

from __future__ import annotations

import html

from toolkit.implementation.compare import KEY_FINDINGS, CaseComparison
from toolkit.implementation.gaps import Gap, GapKind

e = html.escape


def gaps_html(gaps: tuple[Gap, ...]) -> str:
    if not gaps:
        return (
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
    return "".join(parts)


def _gap_item(gap: Gap) -> str:
    note = f" <em>Your note:</em> {e(gap.note)}" if gap.note.strip() else ""
    return (
        f'<li class="lr-gap" data-item="{e(gap.item.key)}"><b>{e(str(gap.item.citation))}</b> '
        f"{e(gap.item.name)}: {e(gap.item.text)} {e(' '.join(gap.reasons))}{note}</li>"
    )


def profile_html(profile_yaml: str | None, problems: tuple[str, ...]) -> str:
    if profile_yaml is None:
        items = "".join(f"<li>{e(problem)}</li>" for problem in problems)
        return (
            '<div role="alert" class="lr-profile-problems"><p><b>These choices cannot make a '
            f"profile yet.</b> Change them in the checklist:</p><ul>{items}</ul></div>"
        )
    return (
        "<p>Your choices as a domestic-law profile, in the format of the toolkit's own profiles "
        "(<code>lrkit analyse CASE --profile FILE</code> reads it):</p>"
        f'<pre class="lr-profile-yaml">{e(profile_yaml)}</pre>'
    )


def comparison_html(comparison: tuple[CaseComparison, ...]) -> str:
    """One row per case; a cell reads 'neutral → yours' where the outcome changes."""
    if not comparison:
        return "<p>The casebook has no cases to run.</p>"
    head = "".join(
        f'<th scope="col" title="{e(rule.title)}">{e(str(rule.citation))}</th>'
        for rule in KEY_FINDINGS
    )
    rows = []
    for case in comparison:
        cells = "".join(
            f'<td class="lr-changed"><b>{e(cell.baseline)} → {e(cell.yours)}</b></td>'
            if cell.changed
            else f"<td>{e(cell.yours)}</td>"
            for cell in case.cells
        )
        rows.append(
            f'<tr data-case="{e(case.case_id)}"><th scope="row">{e(case.title)}</th>{cells}</tr>'
        )
    return (
        "<p>Each case's key findings under the shipped neutral profile and under yours. "
        "Where they differ the cell reads <b>neutral → yours</b>; <i>unknown</i> under yours "
        "usually means a choice not yet made.</p>"
        '<table class="lr-comparison"><thead><tr><th scope="col">Case</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
