"""The lrkit command, run as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from toolkit.rules import RULES

ROOT = Path(__file__).parent.parent
SAMPLE = ROOT / "casebook" / "spilled-maize-port.yaml"
BAD = Path(__file__).parent / "data" / "bad"
LRKIT = Path(sys.executable).parent / "lrkit"


def lrkit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(LRKIT)] if LRKIT.exists() else [sys.executable, "-m", "toolkit.cli"]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=60)


def test_analyse_prints_every_article_with_its_outcome() -> None:
    result = lrkit("analyse", SAMPLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Spilled maize grain at the port of Selvara")
    for rule in RULES:
        assert str(rule.citation) in result.stdout
    assert "Art. 3          HOLDS" in result.stdout


def test_json_output_is_a_list_of_findings_in_the_documented_shape() -> None:
    result = lrkit("analyse", SAMPLE, "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [f["rule"] for f in findings] == [rule.name for rule in RULES]
    for finding in findings:
        assert set(finding) == {
            "rule",
            "article",
            "title",
            "outcome",
            "reasons",
            "facts_used",
            "missing_facts",
        }
        assert finding["outcome"] in {"holds", "fails", "unknown"}
        assert finding["article"].startswith("Art. ")
        assert all(isinstance(reason, str) for reason in finding["reasons"])
    scope = next(f for f in findings if f["rule"] == "art3_4_movement_after_entry_into_force")
    assert scope["facts_used"]["movement.started_on"] == "2020-02-03"


def test_markdown_output_has_a_heading_per_finding() -> None:
    result = lrkit("analyse", SAMPLE, "--markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n### Art. ") == len(RULES)


def test_a_profile_can_be_named_or_given_as_a_file(tmp_path: Path) -> None:
    named = lrkit("analyse", SAMPLE, "--profile", "channelled-with-caps", "--json")
    copy = tmp_path / "mine.yaml"
    copy.write_text((ROOT / "toolkit" / "profiles" / "channelled-with-caps.yaml").read_text())
    from_file = lrkit("analyse", SAMPLE, "--profile", copy, "--json")
    assert named.returncode == from_file.returncode == 0
    assert json.loads(named.stdout) == json.loads(from_file.stdout)
    limit = next(f for f in json.loads(named.stdout) if f["rule"] == "art8_financial_limit")
    assert limit["outcome"] == "fails"  # 2.6 million claimed against a 2 million cap


def test_a_json_scenario_file_is_analysed_like_its_yaml_twin(tmp_path: Path) -> None:
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(yaml.safe_load(SAMPLE.read_text()), default=str))
    assert json.loads(lrkit("analyse", twin, "--json").stdout) == json.loads(
        lrkit("analyse", SAMPLE, "--json").stdout
    )


BAD_CALLS = [
    ("malformed YAML", ["malformed-yaml.yaml"], ":5: (document): not valid YAML"),
    ("an unknown field", ["unknown-field.yaml"], ":6: movement.strted_on: unknown field"),
    ("a wrong type", ["wrong-type.yaml"], ":6: movement.use_authorised: must be true, false"),
    ("an impossible date order", ["dates-out-of-order.yaml"], ":6: dates.damage_known: 2020-01-01"),
    (
        "a date that does not exist",
        ["impossible-date.yaml"],
        ":5: movement.started_on: must be a date",
    ),
    ("a missing file", ["no-such-file.yaml"], "no-such-file.yaml: (document): cannot be read"),
]


@pytest.mark.parametrize(("name", "args", "expected"), BAD_CALLS, ids=[c[0] for c in BAD_CALLS])
def test_a_bad_scenario_file_gets_one_clear_line_and_exit_code_2(
    name: str, args: list[str], expected: str
) -> None:
    result = lrkit("analyse", BAD / args[0])
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(str(BAD / args[0])) and expected in line
    assert "Traceback" not in result.stderr


def test_a_bad_profile_file_is_reported_like_a_bad_scenario(tmp_path: Path) -> None:
    bad = tmp_path / "profile.yaml"
    bad.write_text("schema_version: 1\nid: p\nname: P\nexemptions: [earthquake]\n")
    result = lrkit("analyse", SAMPLE, "--profile", bad)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:4: exemptions.0: must be one of force_majeure")


def test_profiles_lists_the_shipped_profiles_neutral_first() -> None:
    result = lrkit("profiles")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("neutral")


CASES = Path(__file__).parent / "data"


def test_validate_accepts_a_good_case_and_says_so() -> None:
    result = lrkit("validate", CASES / "minimal-case.yaml")
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.strip() == "1 valid case; 0 problems in 0 files"


def test_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    for name in ("wrong-type", "unknown-article"):
        (tmp_path / f"{name}.yaml").write_text((CASES / "bad_cases" / f"{name}.yaml").read_text())
    (tmp_path / "good.yaml").write_text((CASES / "minimal-case.yaml").read_text())
    result = lrkit("validate", tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'unknown-article.yaml'}:6: articles.0: "
        "the Supplementary Protocol has no Article 25 (1-21)",
        f"{tmp_path / 'wrong-type.yaml'}:5: minutes: must be a number; got 'twenty'",
    ]
    assert result.stderr.strip() == "1 valid case; 2 problems in 2 files"


def test_analyse_reads_a_case_file_under_its_own_profile_unless_told_otherwise() -> None:
    case = CASES / "minimal-case.yaml"
    own = lrkit("analyse", case)
    other = lrkit("analyse", case, "--profile", "strict-administrative")
    assert own.returncode == other.returncode == 0
    assert "under the profile 'Neutral (no options taken up)'" in own.stdout
    assert "under the profile 'Strict administrative regime (example)'" in other.stdout
