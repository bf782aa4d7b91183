"""Art. 4: a causal link between the damage and the LMO, established under domestic law."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.rules.engine import Facts, Verdict, rule, said, verdict


@rule(cite(4), "A causal link between the damage and the LMO is established")
def art4_causal_link(f: Facts) -> Verdict:
    established = f.flag("causation.established")
    standard = f.context("profile.causation_standard")
    evidence = f.context("causation.evidence")
    return verdict(
        established,
        "Domestic law sets how the link is proved"
        + (
            f"; this profile's standard: {standard}."
            if standard
            else "; the profile does not say how."
        ),
        said(
            established,
            "The link is established.",
            "The link is not established.",
            "The case leaves the causal link open.",
        ),
        f"Evidence: {evidence}" if evidence else "",
    )
