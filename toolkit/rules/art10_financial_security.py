"""Art. 10: financial security is required only where domestic law requires it."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.profile import NONE_PROVIDED, FinancialSecurity
from toolkit.rules.art2_terms import operator_status
from toolkit.rules.engine import Facts, Tri, Verdict, all_of, any_of, listing, not_, rule, verdict


@rule(cite(10, 1), "Every operator holds the financial security domestic law requires")
def art10_1_financial_security(f: Facts) -> Verdict:
    required = f.get("profile.financial_security")
    preface = (
        "Parties keep the right to require financial security in domestic law; if they "
        "do, it must be consistent with their rights and obligations under international "
        "law (Art. 10(2))."
    )
    if required is None:
        return verdict(None, preface, "The profile does not say whether domestic law requires it.")
    if required is NONE_PROVIDED:
        return verdict(True, preface, "Domestic law requires none.")
    assert isinstance(required, FinancialSecurity)
    kind = required.kind.value if required.kind else "financial security"
    status = operator_status(f)
    bound_roles = f.get("profile.financial_security.roles")
    if f.get("persons") is None:
        return verdict(
            None, preface, f"Domestic law requires {kind}; the case does not say who was involved."
        )
    compliant: dict[str, Tri] = {}
    for key, is_operator in status.items():
        if is_operator is False:
            compliant[key] = True
            continue
        roles = f.get(f"persons.{key}.roles")
        bound = (
            None if roles is None or bound_roles is None else any(r in bound_roles for r in roles)
        )
        required_of = all_of(is_operator, bound)
        holds = (
            f.flag(f"persons.{key}.holds_financial_security") if required_of is not False else None
        )
        compliant[key] = any_of(not_(required_of), holds)
    lacking = [f.get(f"persons.{k}.name") for k, v in compliant.items() if v is False]
    covered = (
        listing(r.value.replace("_", " ") + "s" for r in bound_roles) or "no one"
        if bound_roles is not None
        else "operators in roles the profile does not name"
    )
    return verdict(
        all_of(*compliant.values()),
        preface,
        f"Domestic law requires {kind} of {covered}"
        + (
            f" of at least {required.minimum.amount} {required.minimum.currency}."
            if required.minimum
            else "."
        ),
        f"Lacking it: {listing(lacking)}." if lacking else "",
    )
