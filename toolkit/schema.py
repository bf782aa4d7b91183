"""A JSON Schema for case files, derived from the same dataclasses the loader reads.

Editors use it to check and complete case files as a trainer types; ``make schema``
regenerates ``casebook/case.schema.json`` and a test keeps the two in step.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from toolkit import citation
from toolkit.casebook import HEADER, Case
from toolkit.citation import Citation
from toolkit.loading import DERIVED, FACT_PATH, ID, FactPath
from toolkit.profile import NoProvision
from toolkit.scenario import Scenario


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a case file."""
    builder = _Builder()
    root = builder.record(Case)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Liability & Redress Workshop Toolkit case",
        "description": "One hypothetical case: facts, questions, model answers and what-ifs. "
        "A fact left out, or written unknown, is unknown.",
        **root,
        "$defs": builder.defs,
    }


def schema_text() -> str:
    return json.dumps(case_schema(), indent=2, ensure_ascii=False) + "\n"


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def record(self, cls: type, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = [
            f for f in dataclasses.fields(cls) if f.metadata != DERIVED and f.name not in skip
        ]
        properties = {f.name: self.type(hints[f.name], f.name) for f in fields}
        required = [
            f.name
            for f in fields
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        schema: dict[str, Any] = {"type": "object", "additionalProperties": False}
        if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
            schema["description"] = " ".join(cls.__doc__.split())
        schema["properties"] = properties
        if required:
            schema["required"] = required
        return schema

    def ref(self, cls: type, name: str | None = None, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        name = name or cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a record may refer to itself
            self.defs[name] = self.record(cls, skip)
        return {"$ref": f"#/$defs/{name}"}

    def type(self, tp: Any, name: str = "") -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin is types.UnionType or origin is typing.Union:
            options = typing.get_args(tp)
            inner = [o for o in options if o not in (type(None), NoProvision)]
            alternatives = [self.type(o) for o in inner]
            if NoProvision in options:
                alternatives.append({"const": "none", "description": "domestic law provides none"})
            if type(None) in options:
                alternatives.append({"enum": ["unknown", None], "description": "not known"})
            return {"anyOf": alternatives}
        if origin is tuple:
            return {"type": "array", "items": self.type(typing.get_args(tp)[0])}
        if origin is dict:
            key, value = typing.get_args(tp)
            return {"type": "object", "propertyNames": self._key(key),
                    "additionalProperties": self.type(value)}  # fmt: skip
        if tp is Scenario and name == "facts":
            return self.ref(Scenario, "Facts", skip=HEADER)
        if isinstance(tp, type) and dataclasses.is_dataclass(tp) and tp is not Citation:
            return self.ref(tp)
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [member.value for member in tp]}
        simple: dict[Any, dict[str, Any]] = {
            bool: {"type": "boolean"},
            int: {"type": "integer", "minimum": 0},
            Decimal: {"type": "number", "minimum": 0},
            date: {"type": "string", "format": "date"},
            str: {"type": "string"},
            FactPath: {"type": "string", "pattern": FACT_PATH.pattern},
            Citation: {"type": "string", "pattern": citation.PATTERN.pattern},
            object: {},
        }
        return simple[tp]

    def _key(self, key: Any) -> dict[str, Any]:
        if isinstance(key, type) and issubclass(key, Enum):
            return {"enum": [member.value for member in key]}
        if key is FactPath:
            return {"pattern": FACT_PATH.pattern}
        return {"pattern": ID.pattern}


if __name__ == "__main__":
    print(schema_text(), end="")
