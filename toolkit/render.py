"""Findings as plain text, Markdown and JSON; rules never format their own output."""

from __future__ import annotations

import html
import json
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from toolkit.finding import Finding

if TYPE_CHECKING:
    from toolkit.analysis import Analysis

_MARK = {"holds": "HOLDS", "fails": "FAILS", "unknown": "UNKNOWN"}


def _heading(analysis: Analysis) -> str:
    return f"{analysis.scenario.title} — under the profile '{analysis.profile.name}'"


def text(analysis: Analysis) -> str:
    lines = [_heading(analysis), ""]
    for f in analysis.findings:
        lines.append(f"{f.citation!s:<16}{_MARK[f.outcome]:<9}{f.title}")
        lines.extend(f"{'':25}- {reason}" for reason in f.reasons)
        if f.missing_facts:
            lines.append(f"{'':25}Facts needed: {', '.join(f.missing_facts)}")
    return "\n".join(lines)


def markdown(analysis: Analysis) -> str:
    lines = [f"## {_heading(analysis)}", ""]
    for f in analysis.findings:
        lines.append(f"### {f.citation} — {f.title}: **{f.outcome}**")
        lines.extend(f"- {reason}" for reason in f.reasons)
        if f.missing_facts:
            lines.append(f"- *Facts needed:* {', '.join(f'`{m}`' for m in f.missing_facts)}")
        lines.append("")
    return "\n".join(lines)


_COLOURS = {"holds": "#1b7a3a", "fails": "#b3261e", "unknown": "#8a6d00"}


def html_fragment(analysis: Analysis) -> str:
    """The analysis as HTML for a widget; every piece of text is escaped."""
    parts = [f"<h3>{html.escape(_heading(analysis))}</h3>"]
    parts.extend(finding_html(f) for f in analysis.findings)
    return "\n".join(parts)


def finding_html(f: Finding, fact_labels: dict[str, str] | None = None) -> str:
    """One finding as HTML; missing facts by their label when ``fact_labels`` has one."""
    e = html.escape
    badge = f'<strong style="color:{_COLOURS[f.outcome]}">{e(f.outcome.value)}</strong>'
    items = "".join(f"<li>{e(reason)}</li>" for reason in f.reasons)
    if f.missing_facts:
        labels = fact_labels or {}
        needed = ", ".join(
            e(labels[m]) if m in labels else f"<code>{e(m)}</code>" for m in f.missing_facts
        )
        items += f"<li><em>Facts needed:</em> {needed}</li>"
    return (
        f'<div class="lr-finding" data-rule="{e(f.rule)}" data-outcome="{e(f.outcome.value)}">'
        f"<p><b>{e(str(f.citation))}</b> {e(f.title)}: {badge}</p><ul>{items}</ul></div>"
    )


def plain(value: Any) -> Any:
    """A fact value as JSON data: dates as ISO text, enums by value, amounts as numbers."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def finding_dict(finding: Finding) -> dict[str, Any]:
    """The stable JSON form of a finding (documented in the README)."""
    return {
        "rule": finding.rule,
        "article": str(finding.citation),
        "title": finding.title,
        "outcome": finding.outcome.value,
        "reasons": list(finding.reasons),
        "facts_used": {path: plain(value) for path, value in finding.facts_used},
        "missing_facts": list(finding.missing_facts),
    }


def json_text(findings: tuple[Finding, ...]) -> str:
    return json.dumps([finding_dict(f) for f in findings], indent=2, ensure_ascii=False)
