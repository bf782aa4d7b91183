"""Art. 7: time limits exist only where a Party's domestic law sets them."""

from __future__ import annotations

from datetime import date

from toolkit.citation import cite
from toolkit.profile import NONE_PROVIDED, StartEvent, TimeLimit
from toolkit.rules.engine import Facts, Tri, Verdict, all_of, rule, verdict

_START_TEXT = {
    StartEvent.INCIDENT: "the incident",
    StartEvent.DAMAGE_KNOWN: "the day the damage became known",
    StartEvent.AUTHORITY_DECISION: "the competent authority's decision",
}


def add_years(start: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February falls back to 28 February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def _within(f: Facts, kind: str) -> tuple[Tri, str]:
    limit = f.get(f"profile.time_limits.{kind}")
    if limit is None:
        return None, f"The profile does not say whether domestic law sets a {kind} time limit."
    if limit is NONE_PROVIDED:
        return True, f"Domestic law sets no {kind} time limit."
    assert isinstance(limit, TimeLimit)
    start = f.date(f"dates.{limit.starts.value}")
    brought = f.date("dates.action_brought")
    text = (
        f"Domestic law sets {'an' if kind == 'absolute' else 'a'} {kind} limit of "
        f"{limit.years} years from {_START_TEXT[limit.starts]}"
    )
    if start is None or brought is None:
        return None, f"{text}; the case does not give the dates needed to apply it."
    deadline = add_years(start, limit.years)
    within = brought <= deadline
    outcome = "within" if within else "after"
    return (
        within,
        f"{text}: it ran until {deadline}, and the action was brought on {brought}, {outcome} it.",
    )


@rule(cite(7), "The action on response measures is brought within any domestic time limit")
def art7_time_limits(f: Facts) -> Verdict:
    relative, relative_text = _within(f, "relative")
    absolute, absolute_text = _within(f, "absolute")
    return verdict(
        all_of(relative, absolute),
        "Parties may set relative and absolute time limits, including for actions on response "
        "measures, and decide when they start; the Protocol itself sets none.",
        relative_text,
        absolute_text,
    )
