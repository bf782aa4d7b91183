"""CP Art. 37: when the Cartagena Protocol binds a State, which Art. 18(2) compares with."""

from __future__ import annotations

from datetime import date

from toolkit.citation import Citation, Instrument
from toolkit.steps.answer import Reply, reply, step
from toolkit.steps.facts import StateFacts
from toolkit.treaty_dates import (
    CARTAGENA_ADOPTED,
    CARTAGENA_ENTRY_INTO_FORCE,
    CARTAGENA_FIFTIETH_INSTRUMENT,
    cartagena_entry_into_force,
)

NOT_A_PARTY = (
    "{name} is not a Party to the Cartagena Protocol. Only its Parties can become Parties to "
    "the Supplementary Protocol (Art. 18(1)): {name} would join the Cartagena Protocol first, "
    "or deposit both instruments together, in which case Art. 18(2) makes the Supplementary "
    "Protocol wait for the Cartagena Protocol."
)


@step(
    Citation(37, instrument=Instrument.CARTAGENA),
    "The date the Cartagena Protocol entered into force for the State",
)
def art37_cartagena_entry_into_force(state: StateFacts) -> Reply[date]:
    name, given, deposited = state.name, state.cartagena_in_force, state.cartagena_deposited
    facts = {
        "cartagena_party": state.cartagena_party,
        "cartagena_in_force": given,
        "cartagena_deposited": deposited,
    }
    if state.cartagena_party is False:
        return reply(False, NOT_A_PARTY.format(name=name), facts=facts)
    if given is not None and given < CARTAGENA_ENTRY_INTO_FORCE:
        return reply(
            False,
            f"The Cartagena Protocol cannot have bound {name} from {given}: it entered into "
            f"force on {CARTAGENA_ENTRY_INTO_FORCE} (CP Art. 37(1)) and bound no State before. "
            "Check the date.",
            facts=facts,
        )
    if deposited is not None and deposited < CARTAGENA_ADOPTED:
        return reply(
            False,
            f"No Cartagena instrument could be deposited on {deposited}: the Cartagena Protocol "
            f"was adopted on {CARTAGENA_ADOPTED}. Check the date.",
            facts=facts,
        )
    computed = cartagena_entry_into_force(deposited) if deposited else None
    if given is not None and computed is not None and computed != given:
        return reply(
            False,
            f"The two Cartagena dates disagree: a deposit on {deposited} gives entry into force "
            f"on {computed} (CP Art. 37), not {given}. Correct one of them, or clear one.",
            facts=facts,
        )
    if given is not None:
        return reply(
            True,
            f"The Cartagena Protocol has bound {name} since {given}.",
            value=given,
            facts=facts,
        )
    if deposited is not None and computed is not None:
        how = (
            f"it was among the first 50 instruments (deposited by {CARTAGENA_FIFTIETH_INSTRUMENT})"
            f", so the Cartagena Protocol bound it from its own entry into force on "
            f"{CARTAGENA_ENTRY_INTO_FORCE} (CP Art. 37(1))"
            if computed == CARTAGENA_ENTRY_INTO_FORCE
            else f"the Cartagena Protocol binds it from the 90th day after that deposit, "
            f"{computed} (CP Art. 37(2))"
        )
        return reply(
            True,
            f"{name} deposited its Cartagena instrument on {deposited}: {how}.",
            "CP Art. 37(2) also waits for the Convention on Biological Diversity to bind a "
            "State; this assumes it already does.",
            value=computed,
            facts=facts,
        )
    return reply(
        None,
        f"The date the Cartagena Protocol entered into force for {name} is not given. It is "
        f"{CARTAGENA_ENTRY_INTO_FORCE} for the first 50 instruments (CP Art. 37(1)), otherwise "
        "the 90th day after the State's deposit (CP Art. 37(2)).",
        facts=facts,
        missing=("cartagena_party",) if state.cartagena_party is None else ("cartagena_in_force",),
    )
