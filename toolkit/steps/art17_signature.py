"""Art. 17: signature, open to Parties to the Cartagena Protocol for one year."""

from __future__ import annotations

from datetime import date

from toolkit.citation import cite
from toolkit.steps.answer import Reply, reply, step
from toolkit.steps.facts import StateFacts, approx
from toolkit.treaty_dates import SIGNATURE_CLOSES, SIGNATURE_OPENS

PERIOD = f"from {SIGNATURE_OPENS} to {SIGNATURE_CLOSES}"


@step(cite(17), "The State signed the Protocol while it was open for signature")
def art17_signature(state: StateFacts) -> Reply[date]:
    facts = {"signed": state.signatory, "signed_on": state.signed_on}
    name, signed_on = state.name, state.signed_on
    if signed_on is not None and not SIGNATURE_OPENS <= signed_on <= SIGNATURE_CLOSES:
        return reply(
            False,
            f"A signature on {signed_on} is not possible: the Protocol was open for signature "
            f"only {PERIOD}, at United Nations Headquarters in New York. Check the date; a "
            "State that did not sign in that period joins by accession.",
            facts=facts,
        )
    if state.signatory and state.in_cartagena is False:
        return reply(
            False,
            f"{name} is recorded as a signatory but not as a Party to the Cartagena Protocol: "
            "only Parties to the Cartagena Protocol could sign. Check both facts.",
            facts=facts,
        )
    if state.signatory:
        when = f"on {signed_on}" if signed_on else "(the date is not given)"
        return reply(
            True,
            f"{name} signed {when}, while the Protocol was open for signature {PERIOD}.",
            "Signing does not bind a State. It shows the intention to continue, and the State "
            "must not defeat the Protocol's object and purpose meanwhile; it becomes a Party "
            "only by depositing an instrument of ratification, acceptance or approval.",
            approx(state, "signed_on"),
            value=signed_on,
            facts=facts,
        )
    if state.signatory is False:
        return reply(
            False,
            f"{name} did not sign while the Protocol was open for signature ({PERIOD}). That "
            "period is over, so it can join only by accession (Art. 18(1)).",
            facts=facts,
        )
    return reply(
        None,
        f"It is not known whether {name} signed while the Protocol was open for signature "
        f"({PERIOD}). A signatory joins by ratification, acceptance or approval; any other "
        "State by accession.",
        facts=facts,
        missing=("signed",),
    )
