"""The trainer's passcode: refused without revealing anything, and wrong tries slowed down for
every dashboard kernel at once through the shared file in the data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.data_folder import DATA_DIR_VARIABLE
from toolkit.trainer import passcode
from toolkit.trainer.passcode import PASSCODE_VARIABLE, PasscodeCheck, wait_after

SECRET = "maize-honey-42"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def checker(folder: Path, clock: Clock, secret: str | None = SECRET) -> PasscodeCheck:
    environ = {PASSCODE_VARIABLE: secret} if secret is not None else {}
    return PasscodeCheck(environ, folder, clock)


@pytest.mark.parametrize(
    ("failures", "wait_s"),
    [(0, 0), (1, 0), (2, 0), (3, 1), (4, 2), (5, 4), (8, 32), (9, 60), (50, 60)],
    ids=lambda value: str(value),
)
def test_the_wait_doubles_after_three_free_wrong_tries_up_to_a_minute(
    failures: int, wait_s: float
) -> None:
    assert wait_after(failures) == wait_s


@pytest.mark.parametrize("given", [SECRET, f"  {SECRET}\n"], ids=["exact", "padded"])
def test_the_right_passcode_is_accepted(tmp_path: Path, clock: Clock, given: str) -> None:
    assert checker(tmp_path, clock).check(given).accepted


@pytest.mark.parametrize(
    "given", ["", "maize", SECRET.upper(), SECRET + "x", "' OR 1=1 --"], ids=repr
)
def test_a_wrong_passcode_is_refused_with_the_same_message_whatever_it_was(
    tmp_path: Path, clock: Clock, given: str
) -> None:
    verdict = checker(tmp_path, clock).check(given)
    assert not verdict.accepted
    assert verdict.message == checker(tmp_path / "other", clock).check("nothing").message
    assert SECRET not in verdict.message


def test_without_a_passcode_set_nothing_is_accepted_and_the_message_says_how_to_set_one(
    tmp_path: Path, clock: Clock
) -> None:
    for given in ("", "anything"):
        verdict = checker(tmp_path, clock, secret=None).check(given)
        assert not verdict.accepted
        assert "lrkit serve" in verdict.message and PASSCODE_VARIABLE in verdict.message
    assert checker(tmp_path, clock, secret="  ").check("  ").accepted is False


def test_after_three_wrong_tries_even_the_right_passcode_waits_its_turn(
    tmp_path: Path, clock: Clock
) -> None:
    gate = checker(tmp_path, clock)
    for _ in range(3):
        assert not gate.check("wrong").accepted
    waiting = gate.check(SECRET)
    assert not waiting.accepted and waiting.wait_s == 1.0 and "Wait 1 s" in waiting.message
    clock.now += 1.0
    assert gate.check(SECRET).accepted


def test_the_wait_grows_with_each_wrong_try_and_is_not_counted_while_waiting(
    tmp_path: Path, clock: Clock
) -> None:
    gate = checker(tmp_path, clock)
    waits = []
    for _ in range(6):
        verdict = gate.check("wrong")
        waits.append(verdict.wait_s)
        if verdict.wait_s:
            too_soon = gate.check(SECRET)
            assert not too_soon.accepted and too_soon.wait_s == verdict.wait_s
        clock.now += verdict.wait_s
    assert waits == [0, 0, 1, 2, 4, 8]


def test_a_right_passcode_clears_the_count(tmp_path: Path, clock: Clock) -> None:
    gate = checker(tmp_path, clock)
    for _ in range(4):
        gate.check("wrong")
        clock.now += 10
    assert gate.check(SECRET).accepted
    assert gate.check("typo").wait_s == 0


def test_wrong_tries_older_than_the_window_are_forgotten(tmp_path: Path, clock: Clock) -> None:
    gate = checker(tmp_path, clock)
    for _ in range(5):
        gate.check("wrong")
        clock.now += 5
    clock.now += passcode.WINDOW_S
    assert gate.check("wrong").wait_s == 0


def test_wrong_tries_in_other_kernels_slow_this_one_down(tmp_path: Path) -> None:
    """Three processes each try a wrong passcode once; a fourth, here, must wait."""
    code = (
        "import sys; from pathlib import Path; from toolkit.trainer.passcode import PasscodeCheck"
        f"\nPasscodeCheck({{'{PASSCODE_VARIABLE}': 'x'}}, Path(sys.argv[1])).check('wrong')"
    )
    workers = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)]) for _ in range(3)]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0, 0]
    verdict = PasscodeCheck({PASSCODE_VARIABLE: "x"}, tmp_path).check("x")
    assert not verdict.accepted and verdict.wait_s > 0


def test_a_torn_failures_file_is_started_afresh(tmp_path: Path, clock: Clock) -> None:
    (tmp_path / passcode.FAILURES_FILE).write_text("[1.0, ")
    assert checker(tmp_path, clock).check(SECRET).accepted


def test_the_failures_file_lives_in_the_answer_stores_data_folder(tmp_path: Path) -> None:
    environ = {DATA_DIR_VARIABLE: str(tmp_path), PASSCODE_VARIABLE: SECRET}
    PasscodeCheck(environ).check("wrong")
    assert (tmp_path / passcode.FAILURES_FILE).is_file()
