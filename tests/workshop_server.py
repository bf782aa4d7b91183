"""`lrkit serve` in a process of its own, on a free port, with its own data folder: for the tests
of the server (tests/test_serve_*.py) and the browser tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import psutil

from toolkit.store.database import Store, open_store
from toolkit.store.engine import FILE_NAME, sqlite_url

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
TEST_NOTEBOOKS = REPO / "tests" / "data" / "serve"
START_TIMEOUT_S = 60.0
# Set by a developer's shell or by a served kernel, these would point the server elsewhere.
FOREIGN_VARIABLES = ("LRKIT_DATABASE_URL", "LRKIT_DATA_DIR", "LRKIT_STORE_URL", "LRKIT_STORE_TOKEN")


class ServerFailed(Exception):
    """The server did not come up; the message holds its log."""


@dataclass
class Workshop:
    """A running `lrkit serve`: its address, data folder and log."""

    url: str  # no trailing slash
    data_dir: Path
    process: subprocess.Popen[bytes]
    log_file: IO[bytes]
    orphans: list[psutil.Process] = field(default_factory=list)  # kernels of a killed server

    def log(self) -> str:
        self.log_file.flush()
        return Path(self.log_file.name).read_text(errors="replace")

    def store(self) -> Store:
        """The server's answer store, opened in this process (SQLite allows both)."""
        return open_store(sqlite_url(self.data_dir / FILE_NAME))

    def wait_for_log(self, text: str, timeout_s: float = START_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while text not in self.log():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise ServerFailed(f"The server never logged {text!r}. Its log:\n{self.log()}")
            time.sleep(0.1)  # polling interval

    def children(self) -> list[psutil.Process]:
        try:
            return psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def kill(self) -> None:
        """Stop the server at once, as a crash would (its kernels are stopped at the end)."""
        self.orphans += self.children()
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serve(data_dir: Path, *options: str, notebooks: Path = NOTEBOOKS) -> Iterator[Workshop]:
    """`lrkit serve --notebooks NOTEBOOKS --data-dir DATA_DIR OPTIONS`, up until the block ends."""
    port = free_port()
    command = [
        sys.executable, "-m", "toolkit.cli", "serve", "--notebooks", str(notebooks),
        "--data-dir", str(data_dir), "--port", str(port), *options,
    ]  # fmt: skip
    env = {name: value for name, value in os.environ.items() if name not in FOREIGN_VARIABLES}
    with tempfile.NamedTemporaryFile(prefix="lrkit-serve-", suffix=".log") as log:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        workshop = Workshop(f"http://127.0.0.1:{port}", data_dir, process, log)
        try:
            _wait_until_up(workshop)
            yield workshop
        finally:
            _stop(process, workshop.children() + workshop.orphans)


def _wait_until_up(workshop: Workshop) -> None:
    probe = f"{workshop.url}/voila/static/voila.js"  # a static file: starts no kernel
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if workshop.process.poll() is not None or time.monotonic() > deadline:
            state = (
                f"exited with {workshop.process.returncode}"
                if workshop.process.poll() is not None
                else f"did not answer {probe} within {START_TIMEOUT_S:.0f} s"
            )
            raise ServerFailed(f"lrkit serve {state}. Its log:\n{workshop.log()}")
        time.sleep(0.2)  # polling interval, not a wait for the page


def _stop(process: subprocess.Popen[bytes], kernels: list[psutil.Process]) -> None:
    """Stop the server and its process group, then any kernel it left (jupyter_client starts
    each kernel in a session of its own, so the group alone would miss them)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    for kernel in kernels:
        with contextlib.suppress(psutil.NoSuchProcess):
            kernel.terminate()
    for kernel in psutil.wait_procs(kernels, timeout=5)[1]:
        with contextlib.suppress(psutil.NoSuchProcess):
            kernel.kill()
