"""The domestic-law profile a self-assessment amounts to, so the casebook can run under it.

The choices are already in the form a profile file holds, so the profile is built by the one
loader every profile file goes through, and its YAML text reads back as the same profile.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from toolkit.implementation.checklist import CHECKLIST
from toolkit.implementation.model import NONE, Assessment, Item, Shape
from toolkit.loading import LoadError, Problem, parse
from toolkit.profile import Profile
from toolkit.scenario import SCHEMA_VERSION

SOURCE = "self-assessment"
_RESERVED = {"none", "unknown"}  # words a profile file reads as "takes up none" and "not known"
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_FIELD_ITEMS = {item.option.field: item for item in CHECKLIST if item.option and item.option.field}


class AssessmentError(LoadError):
    """Choices that cannot make a profile; each problem names the checklist item."""


def profile_id(country: str) -> str:
    """A profile id for a country name: 'Côte d'Ivoire' -> 'cote-d-ivoire'."""
    ascii_name = unicodedata.normalize("NFKD", country).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "my-country"


def profile_data(assessment: Assessment) -> dict[str, Any]:
    """The profile as plain data, as a profile file holds it; unmade choices are left out."""
    country = assessment.country.strip() or "My country"
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": profile_id(country),
        "name": f"{country} (self-assessment)",
        "description": "The choices recorded in a national implementation self-assessment. "
        "Choices not yet made are left out, so the analysis answers unknown where they matter.",
    }
    for item in CHECKLIST:
        choice = assessment.answer(item.key).choice
        if item.option is None or item.option.field is None or choice is None:
            continue
        *parents, last = item.option.field.split(".")
        target = data
        for name in parents:
            target = target.setdefault(name, {})
        target[last] = choice
    return data


def national_profile(assessment: Assessment) -> Profile:
    """The learner's profile; raise AssessmentError naming each item whose choice is unusable."""
    problems = [
        Problem(SOURCE, None, item.label, message)
        for item in CHECKLIST
        for message in _choice_problems(item, assessment.answer(item.key).choice)
    ]
    if problems:
        raise AssessmentError(problems)
    try:
        return parse(profile_data(assessment), Profile, SOURCE)
    except LoadError as error:
        raise AssessmentError([_located(problem) for problem in error.problems]) from None


def profile_yaml(assessment: Assessment) -> str:
    """The profile as a YAML file ``load_profile`` reads, each field under its article."""
    body = yaml.safe_dump(
        profile_data(assessment), sort_keys=False, allow_unicode=True, width=88,
        default_flow_style=None,
    )  # fmt: skip
    lines = [
        "# A domestic-law profile from a national implementation self-assessment.",
        "# Fields left out are choices not yet made: analyses answer unknown where they matter.",
    ]
    for line in body.splitlines():
        field = line.split(":", 1)[0]
        citations = dict.fromkeys(
            str(item.citation) for f, item in _FIELD_ITEMS.items() if f.split(".")[0] == field
        )
        if citations and not line.startswith(" "):
            lines.append(f"# {', '.join(citations)}: {field.replace('_', ' ')}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _located(problem: Problem) -> Problem:
    """A loader problem on a profile field, told as a problem with the item that sets it."""
    field = problem.field
    item = next(
        (i for f, i in _FIELD_ITEMS.items() if field == f or field.startswith(f + ".")), None
    )
    return Problem(SOURCE, None, item.label if item else field, problem.message)


def _choice_problems(item: Item, choice: object) -> list[str]:
    """What is wrong with a choice beyond its type, which the profile loader checks."""
    option = item.option
    if option is None or choice is None or (choice == NONE and option.none):
        return []
    shape = option.shape
    values = [value for value, _ in option.choices]
    if shape is Shape.ONE_OF and choice not in values:
        return [f"must be one of {', '.join(values)}; got {choice!r}"]
    if shape is Shape.SOME_OF and isinstance(choice, list):
        unknown = [value for value in choice if value not in values]
        if unknown:
            return [f"offers no choice {', '.join(map(repr, unknown))}"]
    if shape is Shape.WORDS:
        if not isinstance(choice, str) or not choice.strip():
            return ["describe the rule in words, or leave the choice open"]
        if choice.strip().lower() in _RESERVED:
            return [f"'{choice.strip()}' is a reserved word here: choose 'none' from the list, "
                    "or describe the rule in other words"]  # fmt: skip
    if shape is Shape.TIME_LIMIT and isinstance(choice, dict):
        years = choice.get("years")
        if isinstance(years, int) and not isinstance(years, bool) and years < 1:
            return [f"a time limit must be at least one year; got {years}"]
    if shape is Shape.AMOUNT and isinstance(choice, dict):
        return _amount_problems(choice)
    return []


def _amount_problems(choice: dict[str, Any]) -> list[str]:
    problems = []
    currency = choice.get("currency")
    if not isinstance(currency, str) or not _CURRENCY.match(currency):
        problems.append(f"the currency must be a three-letter code such as USD; got {currency!r}")
    amount = choice.get("amount")
    try:
        exact = Decimal(str(amount))
    except InvalidOperation:
        return problems  # the loader names a value that is not a number
    if exact.is_zero():
        problems.append("type the cap: a cap of 0 would leave nothing to recover")
    exponent = exact.as_tuple().exponent
    if not isinstance(amount, bool) and isinstance(exponent, int) and exponent < -2:
        problems.append(f"the amount may have at most two decimal places; got {amount}")
    return problems
