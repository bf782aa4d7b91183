"""The rule checks, one module per article, imported in the order an analysis runs them.

Scope comes first (no duty without scope), then the definitions the duties rest on, causation,
exemptions, the duties themselves, and the provisions that qualify them.
"""

from toolkit.rules import (  # noqa: F401  (importing registers the rules, in this order)
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
from toolkit.rules.engine import RULES, Rule

__all__ = ["RULES", "Rule"]
