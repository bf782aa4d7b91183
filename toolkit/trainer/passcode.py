"""The trainer's passcode, and the slow-down of wrong tries.

The passcode is ``LRKIT_TRAINER_PASSCODE`` in the serving process's environment (``lrkit serve``
generates and prints one). Every dashboard page has a kernel of its own, so wrong tries are
counted in a small file in the data folder, under a lock, and shared by all of them: after a
few wrong tries in a row, the next is refused unchecked until a wait has passed, and the wait
doubles with each further wrong try. A right passcode clears the count.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from toolkit.data_folder import data_folder

PASSCODE_VARIABLE = "LRKIT_TRAINER_PASSCODE"
FAILURES_FILE = "trainer-passcode-failures.json"
FREE_TRIES = 3  # wrong tries without a wait (typos happen)
WINDOW_S = 15 * 60  # wrong tries older than this are forgotten
LONGEST_WAIT_S = 60.0


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    message: str  # what to tell the person at the keyboard; never anything of the session
    wait_s: float = 0.0


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong tries in a row: 0, 0, 0, 1, 2, 4, … 60."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST_WAIT_S, 2.0 ** (failures - FREE_TRIES))


class PasscodeCheck:
    """Checks passcodes against the environment, counting wrong tries in ``folder``."""

    def __init__(
        self,
        environ: Mapping[str, str] = os.environ,
        folder: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.environ = environ
        self.folder = folder if folder is not None else data_folder(environ)
        self.clock = clock

    def check(self, given: str) -> Verdict:
        expected = self.environ.get(PASSCODE_VARIABLE, "").strip()
        if not expected:
            return Verdict(
                False,
                "This server has no trainer passcode. Start it with 'lrkit serve', which prints "
                f"one, or set {PASSCODE_VARIABLE} before starting it.",
            )
        with self._failures() as failures:
            now = self.clock()
            failures[:] = [at for at in failures if now - at < WINDOW_S]
            wait = wait_after(len(failures)) - (now - max(failures, default=now))
            if wait > 0:
                return Verdict(
                    False,
                    f"Too many wrong passcodes. Wait {wait:.0f} s, then type the passcode "
                    "'lrkit serve' printed.",
                    wait,
                )
            if hmac.compare_digest(given.strip().encode(), expected.encode()):
                failures.clear()
                return Verdict(True, "")
            failures.append(now)
            return Verdict(
                False,
                "That passcode is not right. Type the trainer passcode that 'lrkit serve' "
                "printed when it started.",
                wait_after(len(failures)),
            )

    @contextlib.contextmanager
    def _failures(self) -> Iterator[list[float]]:
        """The times of recent wrong tries, read and written back under an exclusive lock."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / FAILURES_FILE
        with open(path.with_suffix(".lock"), "a+b") as lock, _locked(lock.fileno()):
            try:
                failures = [float(at) for at in json.loads(path.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError):  # no file yet, or a torn one: start afresh
                failures = []
            before = list(failures)
            yield failures
            if failures != before:
                temporary = path.with_suffix(".tmp")
                temporary.write_text(json.dumps(failures), encoding="utf-8")
                os.replace(temporary, path)


@contextlib.contextmanager
def _locked(fd: int) -> Iterator[None]:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
