"""Art. 9: the Protocol leaves the operator's rights of recourse untouched."""

from __future__ import annotations

from toolkit.citation import cite
from toolkit.rules.art2_terms import art2_2_c_operator, operator_status
from toolkit.rules.engine import Facts, Verdict, listing, rule, said, verdict


@rule(cite(9), "The operator keeps any right of recourse against other persons")
def art9_recourse(f: Facts) -> Verdict:
    operator = f.holds(art2_2_c_operator)
    persons = [f.get(f"persons.{key}.name") for key in operator_status(f)]
    return verdict(
        operator,
        "Nothing in the Protocol limits or restricts a right of recourse or indemnity that an "
        "operator may have against any other person; domestic law and contracts govern it.",
        said(
            operator,
            "",
            "No operator is identified, so no recourse question arises.",
            "Who the operator is remains open.",
        ),
        f"Recourse among {listing(persons)} is for domestic law and their contracts to settle."
        if operator and len(persons) > 1
        else "",
    )
