"""The national implementation summary: built once as data, written as Markdown here and as
Word by the app (``toolkit.ui.summary_docx``), so both hold the same gaps and citations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from toolkit.casebook import Case
from toolkit.implementation.checklist import SECTIONS
from toolkit.implementation.compare import CaseComparison, compare
from toolkit.implementation.describe import choice_text, duty_text, status_text
from toolkit.implementation.gaps import Gap, GapKind, gaps
from toolkit.implementation.model import Answer, Assessment, Item
from toolkit.implementation.national_profile import (
    AssessmentError,
    national_profile,
    profile_yaml,
)
from toolkit.loading import load_profile

TITLE = "National implementation self-assessment"
DISCLAIMER = (
    "A self-assessment for study against the Nagoya-Kuala Lumpur Supplementary Protocol on "
    "Liability and Redress, made with the Liability & Redress Workshop Toolkit. It is not legal "
    "advice."
)


@dataclass(frozen=True)
class Summary:
    learner: str
    country: str
    prepared_on: date
    sections: tuple[tuple[str, tuple[tuple[Item, Answer], ...]], ...]
    gaps: tuple[Gap, ...]
    profile_yaml: str | None  # None when the choices cannot make a profile
    profile_problems: tuple[str, ...]
    comparison: tuple[CaseComparison, ...]  # empty without a profile or cases

    def heading(self, escape: Callable[[str], str] = str) -> str:
        return f"{TITLE}: {escape(self.country) or 'my country'}"

    def gaps_of(self, kind: GapKind) -> tuple[Gap, ...]:
        return tuple(gap for gap in self.gaps if gap.kind is kind)


def summarise(assessment: Assessment, prepared_on: date, cases: Iterable[Case] = ()) -> Summary:
    """Everything the summary says; the casebook runs under the profile if it can be made."""
    yaml_text: str | None = None
    problems: tuple[str, ...] = ()
    comparison: tuple[CaseComparison, ...] = ()
    try:
        profile = national_profile(assessment)
    except AssessmentError as error:
        problems = tuple(f"{p.field}: {p.message}" for p in error.problems)
    else:
        yaml_text = profile_yaml(assessment)
        comparison = compare(cases, profile, load_profile("neutral"))
    return Summary(
        learner=assessment.learner.strip(),
        country=assessment.country.strip(),
        prepared_on=prepared_on,
        sections=tuple(
            (title, tuple((item, assessment.answer(item.key)) for item in items))
            for title, items in SECTIONS
        ),
        gaps=gaps(assessment),
        profile_yaml=yaml_text,
        profile_problems=problems,
        comparison=comparison,
    )


def byline(summary: Summary, escape: Callable[[str], str] = str) -> str:
    by = f" by {escape(summary.learner)}" if summary.learner else ""
    return f"Prepared{by} on {summary.prepared_on:%d %B %Y}. {DISCLAIMER}"


def gap_count(summary: Summary) -> str:
    counts = [f"{len(summary.gaps_of(kind))} {kind.lower()}" for kind in GapKind]
    return f"{len(summary.gaps)} gaps: " + "; ".join(counts) + "."


def change_text(comparison: CaseComparison) -> str:
    return "; ".join(
        f"{cell.rule.citation} {cell.baseline} → {cell.yours}" for cell in comparison.changed
    )


# -- Markdown ---------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")  # what can start markup mid-line


def md(text: str) -> str:
    """Learner text as literal Markdown text: on one line, nothing it holds is markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown(summary: Summary) -> str:
    lines = [f"# {summary.heading(md)}", "", byline(summary, md), "", "## Gaps", ""]
    lines += [gap_count(summary), ""]
    for kind in GapKind:
        found = summary.gaps_of(kind)
        if found:
            lines += [f"### {kind}", ""]
            lines += [_gap_line(gap) for gap in found]
            lines.append("")
    lines += ["## Checklist", ""]
    for title, rows in summary.sections:
        lines += [f"### {title}", "", "| Article | Item | Duty | Status | Choice | Note |"]
        lines.append("|---|---|---|---|---|---|")
        for item, answer in rows:
            cells = [str(item.citation), item.name, duty_text(item), status_text(answer),
                     md(choice_text(item, answer.choice)), md(answer.note)]  # fmt: skip
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += ["## Domestic-law profile", ""]
    if summary.profile_yaml is None:
        lines.append("The choices cannot make a profile yet:")
        lines += [f"- {md(problem)}" for problem in summary.profile_problems]
    else:
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", summary.profile_yaml))])
        lines += [fence + "yaml", summary.profile_yaml.rstrip("\n"), fence]
    lines.append("")
    if summary.comparison:
        lines += _comparison_lines(summary.comparison)
    return "\n".join(lines)


def _gap_line(gap: Gap) -> str:
    line = f"- **{gap.item.citation}** {gap.item.name}: {gap.item.text} {' '.join(gap.reasons)}"
    return line + (f" *Note:* {md(gap.note)}" if gap.note.strip() else "")


def _comparison_lines(comparison: tuple[CaseComparison, ...]) -> list[str]:
    lines = [
        "## The casebook under this profile",
        "",
        "Key findings of each case under the neutral profile → under this profile, where they "
        "differ.",
        "",
        "| Case | Findings that change |",
        "|---|---|",
    ]
    for case in comparison:
        lines.append(f"| {md(case.title)} | {change_text(case) or 'none'} |")
    return [*lines, ""]
