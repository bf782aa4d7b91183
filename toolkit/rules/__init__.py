"""The rule checks, one module per article, and the legal order an analysis runs them in.

Scope comes first (no duty without scope), then the definitions the duties rest on, causation,
exemptions, the duties themselves, and the provisions that qualify them.
"""

from toolkit.rules import (
    art2_terms,
    art3_scope,
    art4_causation,
    art5_response,
    art6_exemptions,
    art7_time_limits,
    art8_financial_limits,
    art9_recourse,
    art10_financial_security,
    art12_civil_liability,
)
from toolkit.rules.engine import Rule, in_legal_order

RULES = in_legal_order(
    [
        art3_scope,
        art2_terms,
        art4_causation,
        art6_exemptions,
        art5_response,
        art7_time_limits,
        art8_financial_limits,
        art9_recourse,
        art10_financial_security,
        art12_civil_liability,
    ]
)

__all__ = ["RULES", "Rule"]
