"""Treaty steps for self-study: joining, entry into force, reservations, withdrawal and review.

Each step is a function named after its provision that answers a ``Step``: the value it
settles (an instrument, a date) and a ``Finding`` with the article, outcome and reasons.
"""

from toolkit.steps.answer import Step
from toolkit.steps.art13_review import art13_reviews
from toolkit.steps.art17_signature import art17_signature
from toolkit.steps.art18_entry_into_force import art18_entry_into_force, movement_timing
from toolkit.steps.art18_joining import (
    art18_1_cartagena_party,
    art18_1_deposit,
    art18_1_fortieth_instrument,
    art18_1_instrument,
    art18_3_counts_toward_forty,
)
from toolkit.steps.art19_reservations import art19_no_reservations
from toolkit.steps.art20_withdrawal import (
    art20_1_withdrawal_notice,
    art20_2_withdrawal_takes_effect,
    art20_3_withdrawal_with_cartagena,
)
from toolkit.steps.cp_art37_cartagena import art37_cartagena_entry_into_force
from toolkit.steps.facts import FACT_LABELS, InstrumentKind, StateFacts

__all__ = [
    "FACT_LABELS",
    "InstrumentKind",
    "StateFacts",
    "Step",
    "art13_reviews",
    "art17_signature",
    "art18_1_cartagena_party",
    "art18_1_deposit",
    "art18_1_fortieth_instrument",
    "art18_1_instrument",
    "art18_3_counts_toward_forty",
    "art18_entry_into_force",
    "art19_no_reservations",
    "art20_1_withdrawal_notice",
    "art20_2_withdrawal_takes_effect",
    "art20_3_withdrawal_with_cartagena",
    "art37_cartagena_entry_into_force",
    "movement_timing",
]
