"""Art. 13: the Parties' review of the Protocol's effectiveness, every five years."""

from __future__ import annotations

from datetime import date

from toolkit.citation import cite
from toolkit.steps.answer import Reply, reply, step
from toolkit.treaty_dates import ENTRY_INTO_FORCE, REVIEW_EVERY_YEARS, years_after


def review_dates(through: date) -> tuple[date, ...]:
    """Five years after entry into force, then every five years, up to ``through``."""
    dates = []
    n = 1
    while (due := years_after(ENTRY_INTO_FORCE, REVIEW_EVERY_YEARS * n)) <= through:
        dates.append(due)
        n += 1
    return tuple(dates)


@step(cite(13), "When the Parties review the Protocol's effectiveness")
def art13_reviews(through: date) -> Reply[tuple[date, ...]]:
    due = review_dates(through)
    first = years_after(ENTRY_INTO_FORCE, REVIEW_EVERY_YEARS)
    listed = ", ".join(str(day) for day in due)
    return reply(
        True,
        f"The meeting of the Parties reviews the Protocol five years after its entry into force "
        f"on {ENTRY_INTO_FORCE}, so from {first}, and every five years after that, provided "
        "the Parties have made available the information a review needs.",
        f"Reviews due by {through}: {listed}." if due else f"No review is due by {through}.",
        "Each review runs within the assessment and review of the Cartagena Protocol "
        "(CP Art. 35) unless the Parties decide otherwise; the first looks in particular at "
        "Arts. 10 (financial security) and 12 (implementation and civil liability). Decision "
        "CP-10/13 placed it within the Cartagena Protocol's fifth assessment and review.",
        value=due,
        facts={"through": through},
    )
