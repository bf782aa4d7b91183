"""Art. 8: financial limits on cost recovery exist only where domestic law sets them."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.profile import NONE_PROVIDED, Money
from toolkit.rules.art5_response import art5_5_cost_recovery, total_costs
from toolkit.rules.engine import Facts, Tri, Verdict, all_of, rule, said, verdict


@rule(cite(8), "The authority can recover its costs in full, no financial limit cutting them")
def art8_financial_limit(f: Facts) -> Verdict:
    recoverable = f.holds(art5_5_cost_recovery)
    limit = f.get("profile.financial_limit")
    total, complete = total_costs(f)
    reasons = ["Parties may cap in domestic law the costs recoverable for response measures."]
    within: Tri = None
    if limit is NONE_PROVIDED:
        within = True
        reasons.append("Domestic law sets no such cap.")
    elif isinstance(limit, Money):
        currency = f.get("response.costs.currency")
        text = f"Domestic law caps recovery at {limit.amount} {limit.currency}"
        if currency is not None and currency != limit.currency:
            f.need(f"response.costs in {limit.currency}")
            reasons.append(f"{text}, but the costs are in {currency}: convert them to compare.")
        elif total > limit.amount:  # the known part alone already exceeds the cap
            within = False
            reasons.append(
                f"{text}; the costs ({total} {limit.currency}) exceed it, so only "
                f"{limit.amount} {limit.currency} can be recovered."
            )
        elif complete:
            within = True
            reasons.append(f"{text}; the costs ({total} {limit.currency}) stay within it.")
        else:
            reasons.append(f"{text}; the case does not give every cost needed to compare.")
    else:
        reasons.append("The profile does not say whether domestic law caps recovery.")
    reasons.append(
        said(
            recoverable,
            "",
            "In this case there is no cost recovery to limit (Art. 5(5)).",
            "Whether costs are recoverable at all is still open (Art. 5(5)).",
        )
    )
    return verdict(all_of(recoverable, within), *reasons)
