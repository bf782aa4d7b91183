"""The server under test: start it, find its kernels, read their memory, shut them down."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import psutil

KERNEL_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")
START_TIMEOUT = 90.0  # s
# Voila 0.5.13 refuses the page's own shutdown beacon (no XSRF token, voila#1458), so pages
# leave their kernels behind; we shut them down as the page meant to, with a valid pair.
XSRF = "pagebench"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def jupyter_env(workdir: Path) -> dict[str, str]:
    """The environment with every Jupyter and IPython file kept in the work dir, so the
    user's own configuration cannot change what is measured."""
    env = os.environ.copy()
    for var, sub in [
        ("JUPYTER_CONFIG_DIR", "jupyter/config"),
        ("JUPYTER_DATA_DIR", "jupyter/data"),
        ("JUPYTER_RUNTIME_DIR", "jupyter/runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        path = workdir / sub
        path.mkdir(parents=True, exist_ok=True)
        env[var] = str(path)
    return env


@dataclass
class Server:
    """One server process rendering notebooks, and the kernels it starts below it."""

    label: str
    cmd: list[str]
    port: int
    env: dict[str, str]
    log_path: Path
    render_path: str = "/voila/render/"  # URL path under which a notebook is rendered
    proc: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = None
    _started: float = 0.0
    _seen_kernels: set[int] = field(default_factory=set)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str, query: str = "") -> str:
        return f"{self.base}{self.render_path}{notebook}{'?' + query if query else ''}"

    def start(self) -> None:
        """Start the server process; ``wait_up()`` waits until it answers."""
        self._log = self.log_path.open("wb")
        self._started = time.perf_counter()
        self.proc = subprocess.Popen(
            self.cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=self.env,
            start_new_session=True,
        )

    def wait_up(self) -> float:
        """Seconds from start until the server answered a static file (a probe that starts
        no kernel)."""
        assert self.proc is not None, "start() the server first"
        probe = f"{self.base}/voila/static/voila.js"
        while time.perf_counter() < self._started + START_TIMEOUT:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.label}: the server exited with {self.proc.returncode}:\n"
                    + self.log_path.read_text(errors="replace")[-2000:]
                )
            with contextlib.suppress(OSError), urllib.request.urlopen(probe, timeout=2) as answer:
                if answer.status == 200:
                    return time.perf_counter() - self._started
            time.sleep(0.1)
        raise RuntimeError(f"{self.label}: no answer in {START_TIMEOUT:.0f} s; see {self.log_path}")

    def log_size(self) -> int:
        return self.log_path.stat().st_size

    def log_since(self, offset: int) -> list[str]:
        """The server's warnings and errors logged after ``offset`` (a ``log_size()``)."""
        with self.log_path.open("rb") as log:
            log.seek(offset)
            lines = log.read().decode(errors="replace").splitlines()
        return [line for line in lines if "WARNING" in line or "ERROR" in line]

    def _process(self) -> psutil.Process:
        assert self.proc is not None, "start() the server first"
        return psutil.Process(self.proc.pid)

    def kernels(self) -> dict[str, psutil.Process]:
        """Kernel id -> process, for every live kernel below the server (matched by the
        connection file on its command line)."""
        found = {}
        for child in self._process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                match = KERNEL_FILE.search(" ".join(child.cmdline()))
                if match:
                    found[match.group(1)] = child
                    self._seen_kernels.add(child.pid)
        return found

    def kernel_rss(self, kernel_id: str) -> int | None:
        process = self.kernels().get(kernel_id)
        if process is None:
            return None
        with contextlib.suppress(psutil.Error):
            rss: int = process.memory_info().rss
            return rss
        return None

    def memory(self) -> dict[str, int]:
        """RSS of the server process and of all its kernels (pool kernels included)."""
        server: int = self._process().memory_info().rss
        kernels = 0
        processes = self.kernels().values()
        for process in processes:
            with contextlib.suppress(psutil.Error):
                kernels += process.memory_info().rss
        return {
            "server_rss": server,
            "kernels_rss": kernels,
            "kernels": len(processes),
            "total_rss": server + kernels,
        }

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and its kernels."""
        total = 0.0
        process = self._process()
        for each in [process, *process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = each.cpu_times()
                total += times.user + times.system
        return total

    def shutdown_kernels(self, kernel_ids: list[str], timeout: float = 20.0) -> list[str]:
        """Shut kernels down through the server; return the ids still running after
        ``timeout`` s."""
        live = self.kernels()
        for kernel_id in kernel_ids:
            request = urllib.request.Request(
                f"{self.base}/voila/api/shutdown/{kernel_id}",
                data=b"",
                method="POST",
                headers={"X-XSRFToken": XSRF, "Cookie": f"_xsrf={XSRF}"},
            )
            with contextlib.suppress(urllib.error.URLError), urllib.request.urlopen(request):
                pass
        processes = [live[kernel_id] for kernel_id in kernel_ids if kernel_id in live]
        _, alive = psutil.wait_procs(processes, timeout=timeout)
        return [kernel_id for kernel_id, p in live.items() if p in alive]

    def stop(self) -> None:
        """Stop the server, then any kernel it left (each runs in a session of its own)."""
        if self.proc is None:
            return
        with contextlib.suppress(psutil.Error):
            self.kernels()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        leftovers = []
        for pid in self._seen_kernels:
            with contextlib.suppress(psutil.Error):
                leftovers.append(psutil.Process(pid))
                leftovers[-1].terminate()
        psutil.wait_procs(leftovers, timeout=5)
        if self._log is not None:
            self._log.close()


def voila_server(label: str, root: Path, workdir: Path, extra: list[str]) -> Server:
    """Voila over ``root``, started the way the reference instrument starts it."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(root),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        *extra,
    ]
    return Server(label, cmd, port, jupyter_env(workdir), workdir / f"{label}.log")


def lrkit_server(
    label: str, notebooks: Path, workdir: Path, max_kernels: int, extra: list[str]
) -> Server:
    """``lrkit serve`` over ``notebooks``, with an answer store of its own in the work dir."""
    port = free_port()
    data = workdir / "data"
    cmd = [
        sys.executable,
        "-m",
        "toolkit.cli",
        "serve",
        f"--notebooks={notebooks}",
        f"--port={port}",
        f"--data-dir={data}",
        f"--max-kernels={max_kernels}",
        *extra,
    ]
    env = jupyter_env(workdir)
    env["LRKIT_DATA_DIR"] = str(data)
    return Server(label, cmd, port, env, workdir / f"{label}.log")


def wait_idle(
    servers: list[Server], window: float = 0.5, threshold: float = 0.03, timeout: float = 30.0
) -> bool:
    """Wait until the servers and their kernels together use under ``threshold`` CPU-s in
    a ``window``; a page measured while a previous one still settles would pay for it."""
    deadline = time.monotonic() + timeout
    last = sum(server.cpu_seconds() for server in servers)
    while time.monotonic() < deadline:
        time.sleep(window)
        now = sum(server.cpu_seconds() for server in servers)
        if now - last < threshold:
            return True
        last = now
    return False
