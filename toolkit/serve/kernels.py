"""The kernels of the workshop server: a cap on how many live at once, and the environment that
lets each reach the answer store.

Voila builds its kernel manager by subclassing the class configured as
``VoilaConfiguration.multi_kernel_manager_class`` (adding the preheated pool when asked), so this
class sits under Voila's: every kernel Voila starts, for a page or for its pool, passes through
``start_kernel`` here.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Dict, Integer


class KernelLimitReached(Exception):
    """Starting one more kernel would pass the cap; the page asking should come back later."""


class CappedKernelManager(AsyncMappingKernelManager):
    """At most ``max_kernels`` kernels, running or starting, pool kernels included; each started
    with ``kernel_env`` added to its environment.

    At the cap a page's kernel is refused at once (the page says the server is busy), while a
    kernel for Voila's preheated pool waits for a place: a pool entry that failed would break
    Voila's shutdown of every other kernel until it was removed.
    """

    max_kernels = Integer(40, config=True, help="Most kernels alive or starting at once.")
    kernel_env = Dict(
        {}, config=True, help="Variables added to every kernel's environment (the store's)."
    )

    _starting = 0  # kernels being started now
    _closing = False
    _room: asyncio.Event | None = None  # set when a kernel goes, for pool kernels waiting

    @property
    def kernels_in_use(self) -> int:
        """Kernels alive or starting."""
        return len(self) + self._starting

    @property
    def has_room(self) -> bool:
        return self.kernels_in_use < self.max_kernels

    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel if there is room; else raise ``KernelLimitReached`` at once, or, for
        the pool, wait for room."""
        for_pool = (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True"
        while self._closing or not self.has_room:
            if self._closing:
                raise KernelLimitReached("The server is stopping.")
            if not for_pool:
                raise KernelLimitReached(
                    f"{self.kernels_in_use} kernels are alive or starting, the most allowed "
                    f"(--max-kernels {self.max_kernels})."
                )
            await self._wait_for_room()
        self._starting += 1  # counted before the first await, so no two starts race past the cap
        try:
            # Voila passes a copy of the server's environment; jupyter_client would use it whole.
            kwargs["env"] = {**(kwargs.get("env") or os.environ), **self.kernel_env}
            kernel_id: str = await super().start_kernel(**kwargs)
            return kernel_id
        finally:
            self._starting -= 1

    async def _wait_for_room(self) -> None:
        if self._room is None:
            self._room = asyncio.Event()
        self._room.clear()
        await self._room.wait()

    def remove_kernel(self, kernel_id: str) -> Any:
        removed = super().remove_kernel(kernel_id)
        if self._room is not None:
            self._room.set()
        return removed

    async def shutdown_all(self, now: bool = False) -> None:  # type: ignore[override]
        self._closing = True  # pool kernels waiting for room give up, rather than start now
        if self._room is not None:
            self._room.set()
        await super().shutdown_all(now=now)

    def ready_pool_kernel(self, notebook: str) -> bool:
        """Whether Voila's preheated pool for this notebook holds a kernel that has started;
        if so it is put first, where Voila takes it from.

        Voila would otherwise take a pool entry that is still waiting out its fill delay, or
        one that failed (at the cap), and make the page wait for it or fail with it. Failed
        entries are dropped here, and the pool is topped up (after its fill delay) while
        there is room, since Voila refills it only when a page takes a kernel from it.
        """
        pools: dict[str, list[asyncio.Task[Any]]] = getattr(self, "_pools", {})  # Voila's, if any
        pool = pools.get(notebook)
        if pool is None:  # not preheated
            return False
        for task in [task for task in pool if task.done() and _failure(task)]:
            pool.remove(task)
            self.log.info("Dropped a pool kernel for %s: %s", notebook, _failure(task))
        ready = [task for task in pool if task.done()]
        if ready:
            pool.remove(ready[0])
            pool.insert(0, ready[0])
        if self.has_room:
            self.fill_if_needed(notebook_name=notebook)  # type: ignore[attr-defined]
        return bool(ready)


def _failure(task: asyncio.Task[Any]) -> str:
    """Why a finished pool entry has no kernel, or '' if it has one."""
    if task.cancelled():
        return "cancelled"
    error = task.exception()
    return "" if error is None else f"{type(error).__name__}: {error}"
