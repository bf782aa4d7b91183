"""Cases for workshops: facts, narrative, questions, model answers and what-ifs, checked together.

A case file is validated as a whole: its facts and profile, every question and model answer,
and every what-if applied to the facts. A model answer tied to a rule must agree with the
engine, under the case and under each what-if, so a case cannot drift from the rules.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from toolkit.analysis import Analysis, analyse
from toolkit.citation import Citation
from toolkit.finding import Outcome
from toolkit.loading import (
    DERIVED,
    PROFILES,
    FactPath,
    LoadError,
    Path_,
    Problem,
    Reader,
    read_file,
)
from toolkit.profile import Profile
from toolkit.rules import RULES
from toolkit.scenario import Scenario

CASEBOOK = Path(__file__).resolve().parent.parent / "casebook"
HEADER = ("schema_version", "id", "title")  # a case's facts take these from the case itself
_RULES = {rule.name: rule for rule in RULES}
ANSWER_FOR_OUTCOME = {Outcome.HOLDS: "yes", Outcome.FAILS: "no", Outcome.UNKNOWN: "unknown"}


ProfileSource = tuple[dict[str, Any], dict[Path_, int], str]  # raw data, lines, file


class CasebookError(LoadError):
    """A case file that cannot be used; lists every problem as file:line: field: message."""


class Level(StrEnum):
    INTRODUCTORY = "introductory"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Kind(StrEnum):
    """How a question is answered, and so which widget asks it."""

    YES_NO_UNKNOWN = "yes_no_unknown"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    TEXT = "text"
    DATE = "date"
    AMOUNT = "amount"


@dataclass(frozen=True)
class ModelAnswer:
    answer: object  # checked against the question's kind
    citation: Citation
    explanation: str
    rule: str | None = None  # a yes/no/unknown answer must match this rule's outcome


@dataclass(frozen=True)
class Question:
    prompt: str
    kind: Kind
    model_answer: ModelAnswer
    choices: dict[str, str] | None = None  # choice id -> label, for the choice kinds
    facts: tuple[FactPath, ...] = ()  # the facts the question turns on


@dataclass(frozen=True)
class WhatIf:
    """A named change to the facts or the profile, and the model answers it changes."""

    title: str
    changes: dict[FactPath, object]  # fact path, 'profile' or 'profile.<field>' -> new value
    explanation: str
    answers: dict[str, object] = field(default_factory=dict)  # question id -> new answer


@dataclass(frozen=True)
class Variant:
    scenario: Scenario
    profile: Profile


@dataclass(frozen=True)
class Case:
    schema_version: int
    id: str
    title: str
    level: Level
    minutes: int
    articles: tuple[Citation, ...]
    narrative: str  # Markdown
    facts: Scenario
    profile: str  # a shipped profile's name, or a file relative to the case file
    questions: dict[str, Question]
    what_ifs: dict[str, WhatIf] = field(default_factory=dict)
    trainer_notes: str = ""
    discussion: tuple[str, ...] = ()
    variants: dict[str | None, Variant] = field(
        default_factory=dict, metadata=DERIVED, compare=False
    )  # None: the case as written; otherwise a what-if's id

    def analysis(self, what_if: str | None = None) -> Analysis:
        """The article-by-article analysis of the case, or of one of its what-ifs."""
        variant = self.variants[what_if]
        return analyse(variant.scenario, variant.profile)

    def model_answer(self, question: str, what_if: str | None = None) -> object:
        """The model answer to ``question``, as a what-if changes it."""
        if what_if is not None and question in self.what_ifs[what_if].answers:
            return self.what_ifs[what_if].answers[question]
        return self.questions[question].model_answer.answer


@dataclass(frozen=True)
class Casebook:
    """The cases that loaded, and the problems of those that did not."""

    cases: tuple[Case, ...]
    problems: tuple[Problem, ...]

    def case(self, case_id: str) -> Case:
        for case in self.cases:
            if case.id == case_id:
                return case
        raise KeyError(f"no case {case_id!r} in the casebook")


def load_casebook(folder: str | Path = CASEBOOK) -> Casebook:
    """Every case in ``folder`` (sorted by file name); a broken or duplicate case is reported."""
    cases: list[Case] = []
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            case = load_case(path)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        if case.id in first_file:
            used = f"'{case.id}' is already used by {first_file[case.id]}"
            problems.append(Problem(str(path), _id_line(path), "id", used))
            continue
        first_file[case.id] = str(path)
        cases.append(case)
    return Casebook(tuple(cases), tuple(problems))


def _id_line(path: Path) -> int | None:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if line.startswith("id:")), None)


def load_case(path: str | Path) -> Case:
    """Load one case file and check it whole; raise CasebookError listing every problem."""
    data, lines, file = read_file(path)
    reader = Reader(file, lines)
    if isinstance(data, dict) and isinstance(data.get("facts"), dict):
        for key in set(HEADER) & set(data["facts"]):
            reader.fail(("facts", key), "belongs at the top of the case, not under facts")
        header = {key: data.get(key) for key in HEADER}
        data = {**data, "facts": {**data["facts"], **header}}
    case = reader.read(data, Case)
    if not reader.problems:
        variants = _Checker(reader, Path(file).parent, data).check(case)
        case = dataclasses.replace(case, variants=variants)
    reader.raise_problems(CasebookError)
    return case


class _Checker:
    """The checks that span fields: profile, answers, references, what-ifs, the engine."""

    def __init__(self, reader: Reader, folder: Path, data: dict[str, Any]) -> None:
        self.reader = reader
        self.folder = folder
        self.data = data

    def check(self, case: Case) -> dict[str | None, Variant]:
        profile = self._profile(case.profile, ("profile",))
        if profile is None:
            return {}
        law = parse_profile(profile)
        if isinstance(law, list):
            self.reader.problems.extend(law)
            return {}
        variants: dict[str | None, Variant] = {None: Variant(case.facts, law)}
        for key, question in case.questions.items():
            self._question(key, question, variants[None])
        for key, what_if in case.what_ifs.items():
            variant = self._what_if(key, what_if.changes, profile[0], variants[None])
            if variant is not None:
                variants[key] = variant
            for asked, answer in what_if.answers.items():
                path = ("what_ifs", key, "answers", asked)
                if asked not in case.questions:
                    known = ", ".join(case.questions) or "none"
                    self.reader.fail(path, f"names no question of this case ({known})")
                else:
                    self._answer(case.questions[asked], answer, path)
        if not self.reader.problems:
            for name, variant in variants.items():
                self._agrees_with_engine(case, name, analyse(variant.scenario, variant.profile))
        return variants

    def _profile(self, name: str, path: Path_) -> ProfileSource | None:
        """A profile's raw data, lines and file: shipped by name, or a file beside the case."""
        shipped = PROFILES / f"{name}.yaml"
        file = shipped if shipped.is_file() else self.folder / name
        if not file.is_file():
            names = ", ".join(sorted(p.stem for p in PROFILES.glob("*.yaml")))
            self.reader.fail(path, f"'{name}' is neither a shipped profile ({names}) nor a file "
                                   "beside the case")  # fmt: skip
            return None
        try:
            data, lines, source = _read_profile(file.resolve(), file.stat().st_mtime_ns)
        except LoadError as error:
            self.reader.problems.extend(error.problems)
            return None
        return (data if isinstance(data, dict) else {}), lines, source

    def _what_if(
        self, key: str, changes: dict[FactPath, object], profile_data: dict[str, Any], base: Variant
    ) -> Variant | None:
        """The facts and profile with a what-if's changes applied, checked like files."""
        facts = copy.deepcopy(self.data["facts"])
        law = copy.deepcopy(profile_data)
        path = ("what_ifs", key, "changes")
        touches_facts = any(not c.startswith("profile") for c in changes)
        touches_law = any(c.startswith("profile") for c in changes)
        for change, value in changes.items():
            if change == "profile":
                switched = self._profile(str(value), (*path, change))
                if switched is None:
                    return None
                law = copy.deepcopy(switched[0])
            elif change.startswith("profile."):
                _set(law, change.removeprefix("profile."), value)
            else:
                _set(facts, change, value)
        before = len(self.reader.problems)
        parsed: list[object] = [base.scenario, base.profile]
        for n, (data, cls, prefix, changed) in enumerate(
            ((facts, Scenario, "", touches_facts), (law, Profile, "profile.", touches_law))
        ):
            if not changed:
                continue
            inner = Reader(self.reader.file, {})
            parsed[n] = inner.read(data, cls)
            for problem in inner.problems:
                fact = prefix + problem.field
                hit = next((c for c in changes if fact == c or fact.startswith(c + ".")), None)
                self.reader.fail((*path, hit) if hit else path,
                                 f"makes {fact} invalid: {problem.message}")  # fmt: skip
        if len(self.reader.problems) > before:
            return None
        scenario, profile = parsed
        assert isinstance(scenario, Scenario) and isinstance(profile, Profile)
        return Variant(scenario, profile)

    def _question(self, key: str, question: Question, base: Variant) -> None:
        path = ("questions", key)
        choosing = question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE)
        if choosing and not question.choices:
            self.reader.fail((*path, "kind"), f"a {question.kind} question needs choices")
        if not choosing and question.choices:
            self.reader.fail((*path, "choices"), f"a {question.kind} question has no choices")
        self._answer(question, question.model_answer.answer, (*path, "model_answer", "answer"))
        rule = question.model_answer.rule
        if rule is not None:
            rule_path = (*path, "model_answer", "rule")
            if rule not in _RULES:
                self.reader.fail(rule_path, f"'{rule}' is not a rule of the toolkit")
            elif question.kind is not Kind.YES_NO_UNKNOWN:
                self.reader.fail(rule_path, "only a yes_no_unknown answer can be tied to a rule")
        for n, fact in enumerate(question.facts):
            if not _exists(base, fact):
                self.reader.fail((*path, "facts", str(n)), f"'{fact}' is not a fact of this case")

    def _answer(self, question: Question, answer: object, path: Path_) -> None:
        """Check that ``answer`` fits the question's kind."""
        problem = _answer_problem(question, answer)
        if problem:
            self.reader.fail(path, problem)

    def _agrees_with_engine(self, case: Case, what_if: str | None, analysis: Analysis) -> None:
        for key, question in case.questions.items():
            rule = question.model_answer.rule
            if rule is None or rule not in _RULES:
                continue
            finding = analysis.finding(rule)
            expected = ANSWER_FOR_OUTCOME[finding.outcome]
            answer = normalised(case.model_answer(key, what_if))
            if answer == expected:
                continue
            says = f"says '{answer}', but the analysis says {finding.outcome} ({finding.citation})"
            if what_if is None:
                self.reader.fail(("questions", key, "model_answer", "answer"), says)
            elif key in case.what_ifs[what_if].answers:
                self.reader.fail(("what_ifs", what_if, "answers", key), says)
            else:
                change = f"changes the answer to '{key}' to '{expected}' ({finding.citation})"
                self.reader.fail(("what_ifs", what_if), f"{change}: add it to its answers")


@functools.lru_cache(maxsize=32)
def _read_profile(file: Path, _mtime: int) -> tuple[Any, dict[Path_, int], str]:
    """A profile file's data, read once while it is unchanged (every case reads one)."""
    return read_file(file)


def normalised(answer: object) -> object:
    """YAML reads yes and no as booleans; a yes/no/unknown answer is kept as its word."""
    if answer is True:
        return "yes"
    if answer is False:
        return "no"
    return answer


def answer_text(question: Question, answer: object) -> str:
    """An answer as a participant would say it: choice labels, not ids."""
    answer = normalised(answer)
    choices = question.choices or {}
    if question.kind is Kind.YES_NO_UNKNOWN:
        return str(answer).capitalize()
    if question.kind is Kind.SINGLE_CHOICE:
        return choices.get(str(answer), str(answer))
    if question.kind is Kind.MULTIPLE_CHOICE and isinstance(answer, list):
        return "; ".join(choices.get(str(a), str(a)) for a in answer) or "none of them"
    if question.kind is Kind.AMOUNT and isinstance(answer, int | float):
        return f"{answer:,}"
    return str(answer)


def _answer_problem(question: Question, answer: object) -> str | None:
    answer = normalised(answer)
    choices = question.choices or {}
    if question.kind is Kind.YES_NO_UNKNOWN and answer not in ("yes", "no", "unknown"):
        return f"must be yes, no or unknown; got {answer!r}"
    if question.kind is Kind.SINGLE_CHOICE and answer not in choices:
        return f"must be one of the choices ({', '.join(choices)}); got {answer!r}"
    if question.kind is Kind.MULTIPLE_CHOICE and not (
        isinstance(answer, list) and all(a in choices for a in answer)
    ):
        return f"must be a list of choices ({', '.join(choices)}); got {answer!r}"
    if question.kind is Kind.TEXT and not isinstance(answer, str):
        return f"must be text; got {answer!r}"
    if question.kind is Kind.DATE and not isinstance(answer, date):
        return f"must be a date (YYYY-MM-DD); got {answer!r}"
    if question.kind is Kind.AMOUNT and (
        isinstance(answer, bool) or not isinstance(answer, int | float) or answer < 0
    ):
        return f"must be an amount (a number, not negative); got {answer!r}"
    return None


def _set(data: dict[str, Any], path: str, value: object) -> None:
    *parents, last = path.split(".")
    for name in parents:
        child = data.get(name)
        if not isinstance(child, dict):
            child = data[name] = {}
        data = child
    data[last] = value


def _exists(variant: Variant, path: str) -> bool:
    head, _, rest = path.partition(".")
    value: Any = variant.profile if head == "profile" else variant.scenario
    for name in (rest if head == "profile" else path).split("."):
        if isinstance(value, dict):
            if name not in value:
                return False
            value = value[name]
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if name not in {f.name for f in dataclasses.fields(value)}:
                return False
            value = getattr(value, name)
        else:
            return value is None  # below an unknown fact nothing can be checked
    return True


def parse_profile(source: ProfileSource) -> Profile | list[Problem]:
    data, lines, file = source
    reader = Reader(file, lines)
    profile = reader.read(data, Profile)
    return reader.problems or profile
