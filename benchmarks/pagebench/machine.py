"""How much CPU the rest of the machine took while a sample was measured: on shared cores, a
sample taken while others compute is slower for reasons that are not the page's."""

from __future__ import annotations

import contextlib

import psutil


def _busy_seconds() -> float:
    """CPU-seconds the whole machine has spent busy (guest time is already in user time)."""
    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    guest = getattr(times, "guest", 0.0) + getattr(times, "guest_nice", 0.0)
    return sum(times) - idle - guest


def _ours() -> dict[int, tuple[float, float]]:
    """pid -> (start time, CPU-seconds) of this process and everything it started."""
    me = psutil.Process()
    found = {}
    for process in [me, *me.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            found[process.pid] = (process.create_time(), times.user + times.system)
    return found


class OthersCpu:
    """The CPU time the machine spent outside this benchmark's processes (its servers, kernels
    and Chromium included) from creation until ``stop()``. A process of ours that ended in
    between counts as another's, so stop before closing a page."""

    def __init__(self) -> None:
        self._busy, self._ours = _busy_seconds(), _ours()

    def stop(self) -> float:
        ours = 0.0
        for pid, (started, cpu) in _ours().items():
            before = self._ours.get(pid)
            ours += cpu - before[1] if before and before[0] == started else cpu
        return max(0.0, _busy_seconds() - self._busy - ours)
