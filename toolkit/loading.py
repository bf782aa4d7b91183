"""The one boundary where loose YAML or JSON becomes frozen, typed objects.

Everything is checked here and every problem is reported as ``file:line: field: message``,
so that rules can trust their inputs.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from toolkit.citation import Citation
from toolkit.profile import NONE_PROVIDED, NoProvision, Profile
from toolkit.scenario import SCHEMA_VERSION, Scenario

T = TypeVar("T")
PROFILES = Path(__file__).parent / "profiles"
ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_UNKNOWN = "unknown"
# libyaml's parser when PyYAML was built with it (same nodes and line marks, several times faster)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the file allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '(document)'}: {self.message}"


class LoadError(ValueError):
    """A file (or mapping) that cannot become a scenario or profile; lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


Path_ = tuple[str, ...]


class FactPath(str):
    """A dotted path to a fact, e.g. 'movement.started_on' or 'profile.exemptions'."""


FACT_PATH = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*$")
DERIVED = {"derived": True}  # field metadata: computed after loading, never read from a file


class Reader:
    """Collects problems while converting plain data into a dataclass tree."""

    def __init__(self, file: str, lines: dict[Path_, int]) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def read(self, data: Any, cls: type[T]) -> T:
        """A whole file's data as ``cls``; problems are collected, not raised."""
        result = self.record(data, cls, ())
        if isinstance(data, dict):
            for path, message in _header_checks(data):
                self.fail(path, message)
        return result

    def raise_problems(self, error: type[LoadError] | None = None) -> None:
        if self.problems:
            problems = sorted(self.problems, key=lambda problem: problem.line or 0)
            raise (error or LoadError)(problems)

    def fail(self, path: Path_, message: str) -> None:
        line = next(
            (self.lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in self.lines), None
        )
        self.problems.append(Problem(self.file, line, ".".join(path), message))

    def convert(self, value: Any, tp: Any, path: Path_) -> Any:
        origin = typing.get_origin(tp)
        if origin is types.UnionType or origin is typing.Union:
            return self._union(value, typing.get_args(tp), path)
        if origin is tuple:
            return self._sequence(value, typing.get_args(tp)[0], path)
        if origin is dict:
            key_type, value_type = typing.get_args(tp)
            return self._mapping(value, key_type, value_type, path)
        if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp is not Citation:
            return self.record(value, tp, path)
        return self._scalar(value, tp, path)

    def _union(self, value: Any, options: tuple[Any, ...], path: Path_) -> Any:
        if value is None or value == _UNKNOWN:
            return None
        if NoProvision in options and value == NONE_PROVIDED.value:
            return NONE_PROVIDED
        (inner,) = [o for o in options if o not in (type(None), NoProvision)]
        return self.convert(value, inner, path)

    def _sequence(self, value: Any, item: Any, path: Path_) -> tuple[Any, ...]:
        if not isinstance(value, list):
            self.fail(path, f"must be a list, got {_shown(value)}")
            return ()
        return tuple(self.convert(v, item, (*path, str(i))) for i, v in enumerate(value))

    def _mapping(self, value: Any, key_type: Any, value_type: Any, path: Path_) -> dict[Any, Any]:
        if not isinstance(value, dict):
            self.fail(path, f"must be a mapping of names to entries, got {_shown(value)}")
            return {}
        result = {}
        for key, item in value.items():
            if not isinstance(key, str):
                self.fail((*path, str(key)), "names must be text")
                continue
            if key_type is str and not ID.match(key):
                self.fail((*path, key), "names must be lower-case letters, digits, '-' or '_'")
            if key_type is FactPath and not FACT_PATH.match(key):
                self.fail((*path, key), "must be a dotted path to a fact, like movement.kind")
            converted = self._scalar(key, key_type, (*path, key))
            result[converted] = self.convert(item, value_type, (*path, key))
        return result

    def record(self, value: Any, cls: type[T], path: Path_) -> T:
        if not isinstance(value, dict):
            self.fail(path, f"must be a mapping of fields, got {_shown(value)}")
            return None  # type: ignore[return-value]  # the problem is reported; never used
        problems_before = len(self.problems)
        fields, hints = _fields(typing.cast(type, cls))
        for key in value:
            if key not in fields:
                guess = difflib.get_close_matches(str(key), fields, n=1)
                hint = (
                    f"did you mean '{guess[0]}'?"
                    if guess
                    else f"expected one of: {', '.join(fields)}"
                )
                self.fail((*path, str(key)), f"unknown field; {hint}")
        kwargs = {}
        for name, spec in fields.items():
            if name in value:
                kwargs[name] = self.convert(value[name], hints[name], (*path, name))
            elif (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            ):
                self.fail((*path, name), "is required")
                kwargs[name] = None
        result = cls(**kwargs)
        if isinstance(result, Scenario) and len(self.problems) == problems_before:
            for inner, message in _scenario_checks(result):
                self.fail((*path, *inner), message)
        return result

    def _scalar(self, value: Any, tp: Any, path: Path_) -> Any:
        if isinstance(tp, type) and issubclass(tp, Enum):
            allowed = [member.value for member in tp]
            if value not in allowed:
                self.fail(path, f"must be one of {', '.join(allowed)}; got {_shown(value)}")
            return value if value not in allowed else tp(value)
        if tp is bool:
            if not isinstance(value, bool):
                self.fail(path, f"must be true, false or unknown; got {_shown(value)}")
            return value
        if tp is date:
            return self._date(value, path)
        if tp is int or tp is Decimal:
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.fail(path, f"must be a number; got {_shown(value)}")
                return value
            if value < 0:
                self.fail(path, f"must not be negative; got {value}")
            if tp is int and not isinstance(value, int):
                self.fail(path, f"must be a whole number; got {value}")
            return tp(str(value)) if tp is Decimal else value
        if tp is str or tp is FactPath:
            if isinstance(value, int | float | date) and not isinstance(value, bool):
                return str(value)  # YAML read a bare number or date where text was meant
            if not isinstance(value, str):
                self.fail(path, f"must be text (quote it); got {_shown(value)}")
            return value
        if tp is Citation:
            if not isinstance(value, str):
                self.fail(path, f"must be a citation like 'Art. 3(4)'; got {_shown(value)}")
                return value
            try:
                return Citation.parse(value)
            except ValueError as error:
                self.fail(path, str(error))
                return value
        if tp is object:  # free-form data checked by the record's own rules
            return value
        raise TypeError(f"the loader cannot read {tp!r}")  # a model type the loader lacks

    def _date(self, value: Any, path: Path_) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(path, f"must be a date (YYYY-MM-DD); got {_shown(value)}")
        return value


@functools.cache
def _fields(cls: type) -> tuple[dict[str, dataclasses.Field[Any]], dict[str, Any]]:
    """The fields a file may give for ``cls``, and their types (computed once per class)."""
    fields = {f.name: f for f in dataclasses.fields(cls) if f.metadata != DERIVED}
    return fields, typing.get_type_hints(cls)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value.isoformat() if isinstance(value, date) else value)


# -- reading files ---------------------------------------------------------------------------


def read_yaml(text: str, file: str) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML (or JSON) safely and remember the line of every field."""
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark, context = error.problem_mark, error.context_mark
        message = f"not valid YAML: {error.problem}"
        if error.context and context:
            message += f" ({error.context} on line {context.line + 1})"
        line = mark.line + 1 if mark else None
        raise LoadError([Problem(file, line, "", message)]) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        line = text.count("\n", 0, error.position) + 1
        raise LoadError([Problem(file, line, "", f"not valid YAML: {error.reason}")]) from None
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    data = _plain(node, (), lines, problems, loader, file) if node is not None else None
    loader.dispose()
    if problems:
        raise LoadError(problems)
    return data, lines


_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


def _plain(
    node: yaml.Node,
    path: Path_,
    lines: dict[Path_, int],
    problems: list[Problem],
    loader: Any,
    file: str,
) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if node.tag not in _PLAIN_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            Problem(
                file,
                node.start_mark.line + 1,
                ".".join(path),
                f"the tag {tag} is not allowed: files hold plain data only",
            )
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                first = lines[(*path, key)]
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        ".".join((*path, key)),
                        f"appears twice (first on line {first})",
                    )
                )
                continue
            lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _plain(value_node, (*path, key), lines, problems, loader, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _plain(item, (*path, str(i)), lines, problems, loader, file)
            for i, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError):  # e.g. a timestamp like 2020-13-01
        return node.value


def parse(data: Any, cls: type[T], file: str, lines: dict[Path_, int] | None = None) -> T:
    """Turn plain data into a checked ``cls`` (Scenario or Profile), or raise LoadError."""
    reader = Reader(file, lines or {})
    result = reader.read(data, cls)
    reader.raise_problems()
    return result


def read_file(path: str | Path) -> tuple[Any, dict[Path_, int], str]:
    """Read a YAML or JSON file; JSON syntax errors are reported with JSON's own line."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LoadError([Problem(file, None, "", f"cannot be read: {error}")]) from None
    if file.endswith(".json"):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise LoadError(
                [Problem(file, error.lineno, "", f"not valid JSON: {error.msg}")]
            ) from None
    data, lines = read_yaml(text, file)
    return data, lines, file


def load_scenario(path: str | Path) -> Scenario:
    """Load and check one scenario file."""
    data, lines, file = read_file(path)
    return parse(data, Scenario, file, lines)


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a shipped profile by name ('neutral') or any profile file by path."""
    shipped = PROFILES / f"{name_or_path}.yaml"
    path = shipped if shipped.is_file() else Path(name_or_path)
    if not path.is_file():
        names = ", ".join(shipped_profiles())
        raise LoadError(
            [
                Problem(
                    str(name_or_path),
                    None,
                    "",
                    f"no such profile file or shipped profile (shipped: {names})",
                )
            ]
        )
    data, lines, file = read_file(path)
    return parse(data, Profile, file, lines)


def shipped_profiles() -> list[str]:
    """Names of the profiles that ship with the toolkit, neutral first."""
    names = sorted(p.stem for p in PROFILES.glob("*.yaml"))
    return sorted(names, key=lambda name: name != "neutral")


# -- checks across fields --------------------------------------------------------------------

_DATE_ORDER = [  # (earlier, later): facts that cannot happen the other way round
    (("movement", "started_on"), ("dates", "incident")),
    (("dates", "incident"), ("dates", "damage_known")),
    (("dates", "incident"), ("dates", "authority_decision")),
    (("dates", "incident"), ("dates", "action_brought")),
    (("dates", "damage_known"), ("dates", "action_brought")),
]


def _header_checks(data: dict[str, Any]) -> Iterator[tuple[Path_, str]]:
    version, key = data.get("schema_version"), data.get("id")
    if isinstance(version, int) and version != SCHEMA_VERSION:
        yield ("schema_version",), f"is {version}; this toolkit reads version {SCHEMA_VERSION}"
    if isinstance(key, str) and not ID.match(key):
        yield ("id",), f"must be lower-case letters, digits, '-' or '_'; got {key!r}"


def _scenario_checks(s: Scenario) -> Iterator[tuple[Path_, str]]:
    for path, ref in [
        (("movement", "from_state"), s.movement.from_state),
        (("movement", "to_state"), s.movement.to_state),
        (("damage", "state"), s.damage.state),
    ]:
        if ref is not None and ref not in s.states:
            known = ", ".join(s.states) or "none listed"
            yield path, f"names a State '{ref}' not listed under states (listed: {known})"
    for earlier, later in _DATE_ORDER:
        first, second = _get(s, earlier), _get(s, later)
        if first is not None and second is not None and second < first:
            yield later, f"{second} is before {'.'.join(earlier)} ({first})"
    for key, state in s.states.items():
        cp, sp = state.cartagena, state.supplementary
        if (sp.party or sp.deposited) and cp.party is False:
            yield (
                ("states", key, "supplementary", "party"),
                "only a Party to the Cartagena Protocol can be a Party to this Protocol "
                "(Art. 18(1))",
            )
        if sp.deposited and sp.party is False:
            yield ("states", key, "supplementary", "party"), "is false, but a deposit date is given"
    costs = s.response.costs
    if costs.currency is None and any(
        v is not None for v in (costs.evaluation, costs.response, costs.incidental)
    ):
        yield ("response", "costs", "currency"), "is required when amounts are given"


def _get(obj: Any, path: Path_) -> Any:
    for name in path:
        obj = getattr(obj, name)
    return obj
