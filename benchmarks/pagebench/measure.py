"""One sample: a page in Chromium, or a crowd of pages at once; each leaves the servers as it
found them (its kernels shut down, the servers quiet)."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from playwright.sync_api import Browser

from pagebench import crowd
from pagebench.browser import Target, round_trips, visit
from pagebench.machine import OthersCpu
from pagebench.servers import Server, wait_idle

MIB = 2**20


def page(
    browser: Browser, server: Server, target: Target, presses: int, servers: list[Server]
) -> dict[str, Any]:
    """Open the page, time it and ``presses`` round trips, read its kernel's RSS."""
    others = OthersCpu()
    with visit(browser, target) as (tab, seen):
        if presses:
            for took, parts in round_trips(tab, target, presses, lambda: wait_idle([server])):
                seen.round_trips_ms.append(took)
                seen.round_trip_parts.append(parts)
        wait_idle([server])
        rss = server.kernel_rss(seen.kernel_id)
        others_cpu_s = others.stop()
    left = server.shutdown_kernels([seen.kernel_id])
    if not wait_idle(servers):
        print("warning: the servers did not go quiet after a page", flush=True)
    return {
        **asdict(seen),
        "kernel_rss_mib": rss / MIB if rss else None,
        "others_cpu_s": others_cpu_s,
        "kernels_left": left,
    }


def crowd_at_once(
    server: Server, url: str, count: int, timeout: float, servers: list[Server]
) -> dict[str, Any]:
    """Open ``count`` pages at once; the server's memory is read when all are usable."""
    log_start = server.log_size()
    others = OthersCpu()
    clients, memory = asyncio.run(crowd.open_at_once(url, count, timeout, server.memory))
    others_cpu_s = others.stop()
    left = server.shutdown_kernels([c.kernel_id for c in clients if c.kernel_id])
    if not wait_idle(servers):
        print("warning: the servers did not go quiet after a crowd", flush=True)
    usable = [c.usable_ms for c in clients if c.usable_ms is not None]
    return {
        "usable": len(usable),
        "last_usable_ms": max(usable) if len(usable) == count else None,
        "total_rss_mib": memory["total_rss"] / MIB,
        "memory": memory,
        "errors": sorted({c.error for c in clients if c.error}),
        "server_warnings": server.log_since(log_start),
        "others_cpu_s": others_cpu_s,
        "kernels_left": left,
        "clients": [asdict(c) for c in clients],
    }
