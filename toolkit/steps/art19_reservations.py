"""Art. 19: no reservations may be made."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.citation import cite
from toolkit.steps.answer import Reply, reply, step

CHOICES_LEFT_TO_DOMESTIC_LAW = (
    "What the Protocol leaves to each Party is chosen in domestic law, not by reservation: "
    "exemptions (Art. 6), time limits (Art. 7), financial limits (Art. 8) and financial "
    "security (Art. 10)."
)


@step(cite(19), "The instrument carries no reservation")
def art19_no_reservations(reservations: Sequence[str] | None) -> Reply[tuple[str, ...]]:
    wanted = tuple(text.strip() for text in reservations or () if text.strip())
    facts = {"reservations": wanted if reservations is not None else None}
    if reservations is None:
        return reply(
            None,
            "No reservation may be made to the Protocol; whether the instrument carries one is "
            "not known.",
            facts=facts,
            missing=("reservations",),
        )
    if wanted:
        listed = "; ".join(f"'{text}'" for text in wanted)
        return reply(
            False,
            f"The State wants to reserve {listed}. No reservation may be made to the Protocol, "
            "as none may be made to the Cartagena Protocol (CP Art. 38): a State takes the "
            "Protocol whole or stays out. Deposit the instrument without it.",
            CHOICES_LEFT_TO_DOMESTIC_LAW,
            "A declaration that only explains how the State will carry out the Protocol is "
            "not a reservation (the European Union declared which matters Union law covers); "
            "one that would exclude or change the effect of a provision is, whatever its name.",
            facts=facts,
        )
    return reply(
        True,
        "The instrument carries no reservation, as Art. 19 requires: no reservation may be "
        "made to the Protocol.",
        CHOICES_LEFT_TO_DOMESTIC_LAW,
        value=(),
        facts=facts,
    )
