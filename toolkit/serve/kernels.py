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
    with ``kernel_env`` added to its environment."""

    max_kernels = Integer(40, config=True, help="Most kernels alive or starting at once.")
    kernel_env = Dict(
        {}, config=True, help="Variables added to every kernel's environment (the store's)."
    )

    _starting = 0  # kernels being started now

    @property
    def kernels_in_use(self) -> int:
        """Kernels alive or starting."""
        return len(self) + self._starting

    @property
    def has_room(self) -> bool:
        return self.kernels_in_use < self.max_kernels

    async def start_kernel(self, **kwargs: Any) -> str:  # type: ignore[override]
        """Start a kernel if there is room, else raise ``KernelLimitReached`` at once."""
        if not self.has_room:
            raise KernelLimitReached(
                f"{self.kernels_in_use} kernels are alive or starting, the most allowed "
                f"(--max-kernels {self.max_kernels})."
            )
        self._starting += 1  # counted before the first await, so no two starts race past the cap
        try:
            # Voila passes a copy of the server's environment; jupyter_client would use it whole.
            kwargs["env"] = {**(kwargs.get("env") or os.environ), **self.kernel_env}
            kernel_id: str = await super().start_kernel(**kwargs)
            return kernel_id
        finally:
            self._starting -= 1

    def ready_pool_kernel(self, notebook: str) -> bool:
        """Whether Voila's preheated pool for this notebook holds a kernel that has started;
        if so it is put first, where Voila takes it from.

        Voila would otherwise take a pool entry that is still waiting out its fill delay, or
        one that failed (at the cap), and make the page wait for it or fail with it. Failed
        entries are dropped here (and the pool refilled when there is room).
        """
        pools: dict[str, list[asyncio.Task[Any]]] = getattr(self, "_pools", {})  # Voila's, if any
        pool = pools.get(notebook)
        if not pool:
            return False
        failed = [task for task in pool if task.done() and task.exception() is not None]
        for task in failed:
            pool.remove(task)
            self.log.info("Dropped a pool kernel for %s that did not start: %s", notebook,
                          task.exception())  # fmt: skip
        ready = [task for task in pool if task.done()]
        if failed and self.has_room:
            self.fill_if_needed(notebook_name=notebook)  # type: ignore[attr-defined]
        if not ready:
            return False
        pool.remove(ready[0])
        pool.insert(0, ready[0])
        return True
