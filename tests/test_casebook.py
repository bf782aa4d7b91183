"""The casebook: every case valid, consistent with the rules, and every broken file located."""

from __future__ import annotations

import datetime
import json
import shutil
import statistics
from pathlib import Path

import jsonschema
import pytest
import yaml
from builders import PLAIN_DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.casebook import (
    ANSWER_FOR_OUTCOME,
    CASEBOOK,
    Casebook,
    CasebookError,
    Kind,
    load_case,
    load_casebook,
    normalised,
)  # fmt: skip
from toolkit.loading import LoadError
from toolkit.schema import schema_text

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad_cases"
MINIMAL = DATA / "minimal-case.yaml"


def test_every_case_in_the_casebook_is_valid(casebook: Casebook) -> None:
    assert [str(p) for p in casebook.problems] == []
    assert len({case.id for case in casebook.cases}) == len(casebook.cases)


def test_every_rule_tied_answer_agrees_with_the_engine_under_every_what_if(
    casebook: Casebook,
) -> None:
    """The loader refuses a case that disagrees; this says so once more, case by case."""
    checked = 0
    for case in casebook.cases:
        for what_if in (None, *case.what_ifs):
            analysis = case.analysis(what_if)
            for key, question in case.questions.items():
                if question.model_answer.rule:
                    finding = analysis.finding(question.model_answer.rule)
                    answer = normalised(case.model_answer(key, what_if))
                    assert answer == ANSWER_FOR_OUTCOME[finding.outcome], (case.id, what_if, key)
                    checked += 1
    assert checked > 0


def test_every_model_answer_cites_an_article(casebook: Casebook) -> None:
    for case in casebook.cases:
        for key, question in case.questions.items():
            assert str(question.model_answer.citation).startswith(("Art. ", "CP Art. ")), key
            assert question.model_answer.explanation.strip(), (case.id, key)


def test_the_minimal_case_loads_with_its_what_if_applied() -> None:
    case = load_case(MINIMAL)
    assert case.analysis().finding("art3_4_movement_after_entry_into_force").outcome == "fails"
    assert case.analysis("later").finding("art3_4_movement_after_entry_into_force").outcome == (
        "holds"
    )
    assert case.model_answer("timing", "later") is True
    assert case.questions["bound-from"].kind is Kind.SINGLE_CHOICE


BAD_CASES = [
    ("malformed-yaml", 48, "", "not valid YAML: found unexpected end of stream "
     "(while scanning a quoted scalar on line 7)"),
    ("wrong-type", 5, "minutes", "must be a number; got 'twenty'"),
    ("unknown-key", 40, "what_if", "unknown field; did you mean 'what_ifs'?"),
    ("dangling-question", 47, "what_ifs.later.answers.timeing",
     "names no question of this case (timing, bound-from)"),
    ("dates-out-of-order", 20, "facts.dates.damage_known",
     "2018-05-03 is before dates.incident (2019-09-20)"),
    ("unknown-article", 6, "articles.0", "the Supplementary Protocol has no Article 25 (1-21)"),
    ("answer-disagrees", 28, "questions.timing.model_answer.answer",
     "says 'yes', but the analysis says fails (Art. 3(4))"),
    ("what-if-answer-missing", 41, "what_ifs.later",
     "changes the answer to 'timing' to 'yes' (Art. 3(4)): add it to its answers"),
    ("unknown-rule", 29, "questions.timing.model_answer.rule",
     "'art3_4_timing' is not a rule of the toolkit"),
    ("choice-not-offered", 37, "questions.bound-from.model_answer.answer",
     "must be one of the choices (early, late); got 'middle'"),
    ("bad-change", 44, "what_ifs.later.changes.movement.started",
     "makes movement.started invalid: unknown field; did you mean 'started_on'?"),
    ("unknown-profile", 21, "profile", "'atlantis' is neither a shipped profile "
     "(channelled-with-caps, fault-based-general, neutral, strict-administrative) "
     "nor a file beside the case"),
    ("unknown-fact-reference", 26, "questions.timing.facts.0",
     "'movement.start_date' is not a fact of this case"),
    ("header-in-facts", 9, "facts.id", "belongs at the top of the case, not under facts"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "line", "field", "message"), BAD_CASES, ids=[c[0] for c in BAD_CASES]
)
def test_a_broken_case_is_reported_with_its_line_field_and_message(
    name: str, line: int, field: str, message: str
) -> None:
    with pytest.raises(LoadError) as caught:
        load_case(BAD / f"{name}.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field, problem.message) == (line, field, message)
    assert str(problem).startswith(f"{BAD / name}.yaml:{line}: ")


def test_every_broken_fixture_has_a_row_in_the_table() -> None:
    assert sorted(p.stem for p in BAD.glob("*.yaml")) == sorted(c[0] for c in BAD_CASES)


def test_a_broken_case_is_skipped_and_the_others_still_load(tmp_path: Path) -> None:
    shutil.copy(MINIMAL, tmp_path / "a-good.yaml")
    shutil.copy(BAD / "wrong-type.yaml", tmp_path / "b-broken.yaml")
    loaded = load_casebook(tmp_path)
    assert [case.id for case in loaded.cases] == ["minimal-case"]
    assert [str(p) for p in loaded.problems] == [
        f"{tmp_path / 'b-broken.yaml'}:5: minutes: must be a number; got 'twenty'"
    ]


def test_a_second_case_with_the_same_id_is_reported_and_skipped(tmp_path: Path) -> None:
    shutil.copy(MINIMAL, tmp_path / "a.yaml")
    shutil.copy(MINIMAL, tmp_path / "b.yaml")
    loaded = load_casebook(tmp_path)
    assert len(loaded.cases) == 1
    assert [str(p) for p in loaded.problems] == [
        f"{tmp_path / 'b.yaml'}:2: id: 'minimal-case' is already used by {tmp_path / 'a.yaml'}"
    ]


def test_a_case_may_use_a_profile_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    profile = (CASEBOOK.parent / "toolkit" / "profiles" / "strict-administrative.yaml").read_text()
    (tmp_path / "profiles" / "mine.yaml").write_text(profile.replace("id: strict-", "id: my-"))
    text = MINIMAL.read_text().replace("profile: neutral", "profile: profiles/mine.yaml")
    (tmp_path / "case.yaml").write_text(text)
    assert load_case(tmp_path / "case.yaml").variants[None].profile.id == "my-administrative"


# -- the JSON Schema ---------------------------------------------------------------------------


def _as_json(path: Path) -> object:
    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, datetime.date) else value

    return plain(yaml.safe_load(path.read_text()))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((CASEBOOK / "case.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_shipped_json_schema_is_the_one_the_loader_implies() -> None:
    stale = "casebook/case.schema.json is stale: run `make schema`"
    assert (CASEBOOK / "case.schema.json").read_text() == schema_text(), stale


def test_every_case_passes_the_json_schema(validator: jsonschema.Draft202012Validator) -> None:
    for path in [MINIMAL, *sorted(CASEBOOK.glob("*.yaml"))]:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(_as_json(path))]
        assert errors == [], path.name


@pytest.mark.parametrize("name", ["wrong-type", "unknown-key", "header-in-facts"])
def test_the_json_schema_rejects_a_case_of_the_wrong_form(
    name: str, validator: jsonschema.Draft202012Validator
) -> None:
    assert not validator.is_valid(_as_json(BAD / f"{name}.yaml"))


# -- fuzzing -----------------------------------------------------------------------------------

CASE_KEYS = st.sampled_from(
    ["schema_version", "id", "title", "level", "minutes", "articles", "narrative", "facts",
     "profile", "questions", "what_ifs", "changes", "answers", "model_answer", "kind", "rule"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(CASE_KEYS, PLAIN_DATA, max_size=10) | PLAIN_DATA)
def test_any_yaml_structure_loads_or_raises_the_casebook_error(
    tmp_path_factory: pytest.TempPathFactory, data: object
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "case.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    try:
        load_case(path)
    except CasebookError as error:
        assert error.problems
    except LoadError as error:  # the file itself could not be parsed
        assert error.problems and type(error) is LoadError


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_or_raises_a_load_error(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError):
        load_case(path)


# -- the casebook as a whole ---------------------------------------------------------------------


def test_the_casebook_has_enough_varied_cases_with_what_ifs(casebook: Casebook) -> None:
    cases = casebook.cases
    assert len(cases) >= 12
    assert statistics.mean(len(c.what_ifs) for c in cases) >= 3
    assert {c.level for c in cases} == {"introductory", "intermediate", "advanced"}
    kinds = {q.kind for c in cases for q in c.questions.values()}
    assert kinds == set(Kind)


REQUIRED_PROVISIONS = [
    "Art. 2(2)(b)", "Art. 2(2)(c)", "Art. 2(3)", "Art. 3(1)", "Art. 3(2)", "Art. 3(3)",
    "Art. 3(4)", "Art. 3(5)", "Art. 3(6)", "Art. 3(7)", "Art. 4", "Art. 5(1)", "Art. 5(3)",
    "Art. 5(4)", "Art. 5(5)", "Art. 6(1)(a)", "Art. 6(1)(b)", "Art. 6(2)", "Art. 7", "Art. 8",
    "Art. 9", "Art. 10(1)", "Art. 12(2)", "Art. 18(2)",
]  # fmt: skip


def test_the_casebook_exercises_every_operative_provision(casebook: Casebook) -> None:
    exercised = {str(article) for case in casebook.cases for article in case.articles}
    assert [p for p in REQUIRED_PROVISIONS if p not in exercised] == []
