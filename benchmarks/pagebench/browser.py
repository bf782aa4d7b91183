"""Time a page in headless Chromium: until its first widget is usable, and the round trip from
a change of a widget until another element's text changes. Both are taken in the page's own
clock: Playwright polls selectors in steps of 100 ms and more, far coarser than these."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Voila's template links a CDN stylesheet: fail it at once instead of waiting on it.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
TIMEOUT_MS = 120_000

# Installed before any script of the page: stamps performance.now() (ms since navigation
# start) the first time the ready selector is visible and enabled, and records in the page
# clock when the user acts (a key goes down, a <select> changes) and when the kernel
# websocket sends and receives, which splits a round trip into the page's part and the rest.
PROBE = """
(() => {
  const probe = window.__pagebench = {ready: null, acts: [], changed: null, sent: [], got: []};
  const selector = %s;
  const usable = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !el.disabled
      && getComputedStyle(el).visibility !== 'hidden';
  };
  const look = () => {
    const el = probe.ready === null && document.querySelector(selector);
    if (el && usable(el)) probe.ready = performance.now();
    return probe.ready !== null;
  };
  new MutationObserver((_, observer) => { if (look()) observer.disconnect(); })
    .observe(document, {childList: true, subtree: true, attributes: true});
  const frame = () => { if (!look()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  for (const kind of ['keydown', 'input', 'change']) {
    document.addEventListener(kind, (e) => probe.acts.push(e.timeStamp), true);
  }
  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => probe.got.push(performance.now()));
    }
    send(data) { probe.sent.push(performance.now()); return super.send(data); }
  };
})();
"""

# Arms a watch on the text of the element: the first change stamps performance.now(). Only
# the element is observed (a widget's view keeps its element and rewrites what is inside), so
# the watch costs the page nothing while the rest of it changes.
ARM = """
(selector) => {
  const probe = window.__pagebench;
  const el = document.querySelector(selector);
  probe.changed = null;
  if (!el) return [false, probe.acts.length];
  const before = el.textContent;
  const observer = new MutationObserver(() => {
    if (el.textContent !== before) { probe.changed = performance.now(); observer.disconnect(); }
  });
  observer.observe(el, {childList: true, subtree: true, characterData: true});
  return [true, probe.acts.length];
}
"""

# The option a <select> moves to next: the one after the selected, round to the first. With
# none selected (an ipywidgets 8 Dropdown whose options were set after it was made), the first
# option is what the kernel already shows, so the second.
NEXT_OPTION = """
(selector) => {
  const el = document.querySelector(selector);
  if (el.tagName !== 'SELECT') return null;
  return el.selectedIndex < 0 ? 1 : (el.selectedIndex + 1) % el.options.length;
}
"""

# What a loaded page tells: its kernel, when it was usable, when its HTML was complete.
FACTS = """
() => [
  JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId,
  window.__pagebench.ready,
  performance.getEntriesByType('navigation')[0].responseEnd,
]
"""

# A round trip from the act at index n: its length and its parts (see Visit).
ROUND_TRIP = """
(n) => {
  const probe = window.__pagebench;
  const act = probe.acts[n], end = probe.changed;
  const sent = probe.sent.find((t) => t >= act);
  const replies = probe.got.filter((t) => t >= sent && t <= end);
  const reply = Math.max(...replies);
  return [end - act, {page: sent - act, server: reply - sent, render: end - reply,
                      messages: replies.length}];
}
"""


@dataclass(frozen=True)
class Target:
    """A page to open and the selectors that say it is usable and how it answers."""

    url: str
    ready: str  # the first usable widget
    control: str = ""  # a slider (moved by ArrowRight) or a <select> (by choosing an option)
    watch: str = ""  # whose text change ends the round trip


@dataclass
class Visit:
    """What one page load measured, in ms from navigation start."""

    kernel_id: str
    ready_ms: float
    html_ms: float  # the page's HTML complete: Voila has run the notebook
    round_trips_ms: list[float] = field(default_factory=list)
    # each round trip's parts: "page" until the first websocket send, "server" until the
    # reply that came last before the change, "render" from that reply to the change; and
    # how many "messages" came from the kernel until the change
    round_trip_parts: list[dict[str, float]] = field(default_factory=list)


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, resolving no host but loopback."""
    if not CHROMIUM.exists():
        raise SystemExit(f"page benchmarks need Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def visit(browser: Browser, target: Target) -> Iterator[tuple[Page, Visit]]:
    """Open the page in a fresh context (a first visit: empty cache, no cookies) and wait
    until its ready widget is usable."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        context.add_init_script(PROBE % json.dumps(target.ready))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(target.url, wait_until="commit", timeout=TIMEOUT_MS)
        try:
            page.wait_for_function(
                "() => window.__pagebench.ready !== null", timeout=TIMEOUT_MS, polling=50
            )
        except PlaywrightError as error:
            text = page.locator("body").inner_text(timeout=5000)[-1500:]
            raise RuntimeError(
                f"{target.url}: {target.ready!r} not usable in time; the page says:\n{text}"
            ) from error
        kernel_id, ready_ms, html_ms = page.evaluate(FACTS)
        if errors:
            raise RuntimeError(f"{target.url}: errors in the page: {errors}")
        yield page, Visit(kernel_id, ready_ms, html_ms)
    finally:
        context.close()


def round_trips(
    page: Page, target: Target, count: int, settle: Callable[[], object]
) -> list[tuple[float, dict[str, float]]]:
    """Move the control to its next value ``count`` times; each time, the ms from the user's
    act (keydown; a <select>'s input event) until the watched text changed, in the page clock,
    and its parts. ``settle()`` waits out the rest of the kernel's work before the next move."""
    if count == 0:
        return []
    page.focus(target.control, timeout=TIMEOUT_MS)
    times = []
    for _ in range(count):
        found, acts = page.evaluate(ARM, target.watch)
        if not found:
            raise RuntimeError(f"{target.url}: nothing matches {target.watch!r}")
        option = page.evaluate(NEXT_OPTION, target.control)
        if option is None:
            page.keyboard.press("ArrowRight")
        else:
            page.select_option(target.control, index=option)
        page.wait_for_function(
            "() => window.__pagebench.changed !== null", timeout=TIMEOUT_MS, polling="raf"
        )
        times.append(page.evaluate(ROUND_TRIP, acts))
        settle()
    return times
