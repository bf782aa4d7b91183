"""A view that follows the store while the page is open: every few seconds, read in a worker
thread, then show on the kernel's event loop.

The read (a database query, or a request to the workshop server) and the work of turning it
into HTML happen off the event loop, so the kernel keeps answering clicks meanwhile; only
setting the widgets' values runs on the loop, between messages.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
EVERY_S = 2.5


class Poller(Generic[T]):
    """Calls ``read()`` in a worker thread every ``every_s`` seconds and ``show(result)`` on
    the event loop; a failed read goes to ``failed(error)``, and the next tick tries again."""

    def __init__(
        self,
        read: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[Exception], None],
        every_s: float = EVERY_S,
    ) -> None:
        self.read, self.show, self.failed, self.every_s = read, show, failed, every_s
        self.task: asyncio.Task[None] | None = None

    def start(self) -> bool:
        """Start following; False outside a running event loop (a script, a test)."""
        if self.task is not None and not self.task.done():
            return True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        self.task = loop.create_task(self._follow())
        return True

    def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None

    async def tick(self) -> None:
        """One read and show, the read in a worker thread."""
        try:
            result = await asyncio.to_thread(self.read)
        except Exception as error:
            log.warning("reading for the live view failed", exc_info=True)
            self.failed(error)
            return
        try:
            self.show(result)
        except Exception as error:  # never let the loop die with a dead view
            log.exception("showing the live view failed")
            self.failed(error)

    async def _follow(self) -> None:
        while True:
            await self.tick()
            await asyncio.sleep(self.every_s)
