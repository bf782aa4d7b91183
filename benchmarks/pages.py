"""Speed and memory of the participant page, each against the bare floor notebook measured in
the same run, on the same server settings.

    make bench        # or: python benchmarks/pages.py [--runs N] [--crowd N] [--json FILE]

1. ready: ms from opening the page until its first widget is usable (participant: the
   join-code input; floor: the slider), in the page's clock. Limit: 1.5x the floor.
2. what-if round trip: the page opened in self-study with the analysis showing; from choosing
   the next option of the what-if dropdown until the analysis text changes (floor: from
   ArrowRight on the slider until its label changes), in the page's clock. Limit: 1.5x.
3. kernel RSS of that page after its round trips. Limit: 1.3x the floor's kernel.
4. --crowd pages opened at once by lightweight clients (see pagebench.crowd): all must become
   usable; reported are the time until the last is, and the server's memory then (server
   process + every kernel's RSS), against the same for the floor.

The pages are served by ``lrkit serve`` (with an answer store of its own); the floor by a second
``lrkit serve`` with the same options over a folder holding only floor.ipynb, taken from the
reference tools beside the checkout (../shared/tools). The two servers' pages alternate, so the
drifts of a shared machine fall on both. ``--server voila`` serves both with plain Voila.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pagebench import measure
from pagebench.browser import Target, chromium
from pagebench.servers import Server, lrkit_server, voila_server, wait_idle
from pagebench.summary import figures, notes, table

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SHARED_TOOLS = ROOT.parent / "shared" / "tools"
PARTICIPANT = "13_case_exercise.ipynb"
SLIDER = ".widget-slider .noUi-handle"  # the floor's one widget
SLIDER_LABEL = ".rt-label"  # the floor's label, which echoes the slider


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--runs", type=int, default=4, help="measured rounds of figures 1-3 (default: 4)")
    add("--presses", type=int, default=5, help="round trips timed on a page (default: 5)")
    add("--crowd", type=int, default=30, help="pages opened at once, figure 4 (default: 30)")
    add("--crowd-runs", type=int, default=2, help="rounds of figure 4 (default: 2)")
    add("--server", choices=["lrkit", "voila"], default="lrkit", help="default: lrkit serve")
    add("--serve-arg", action="append", default=[], help="a server option (repeatable)")
    add("--notebook", default=PARTICIPANT, help="the participant page, in notebooks/")
    add("--ready", default=".lr-join-code input", help="its first usable widget")
    add("--query", default="case=spilled-maize-port&reveal=1", help="self-study, analysis shown")
    add("--what-if", default=".lr-what-if select", help="the what-if dropdown")
    add("--analysis", default=".lr-analysis", help="what a what-if redraws")
    add("--timeout", type=float, default=120.0, help="s to wait for any one page")
    add("--json", type=Path, help="write the figures and every sample here")
    add("--check", action="store_true", help="exit 1 if a figure misses its limit")
    return parser.parse_args()


def _floor_notebook() -> Path:
    floor = SHARED_TOOLS / "floor.ipynb"
    if not floor.exists():
        raise SystemExit(
            f"The floor notebook is missing: expected {floor}, from the reference tools beside "
            "the checkout (../shared/tools). The page figures are ratios against it."
        )
    return floor


def _servers(work: Path, args: argparse.Namespace) -> tuple[Server, Server, str]:
    """The participant's server, the floor's with the same options, and the floor's page.
    Under lrkit serve the floor goes in under the participant page's name, as the preheated
    pool (--serve-arg=--preheat) is kept for that name only."""
    floor_dir = work / "floor"
    floor_dir.mkdir()
    extra = args.serve_arg
    if args.server == "voila":
        floor_page = "floor.ipynb"
        participant = voila_server("participant", NOTEBOOKS, work / "participant", extra)
        floor = voila_server("floor", floor_dir, work / "floor-server", extra)
    else:
        floor_page = PARTICIPANT
        cap = args.crowd + 8  # the crowd, a preheated pool, kernels still shutting down
        participant = lrkit_server("participant", NOTEBOOKS, work / "participant", cap, extra)
        floor = lrkit_server("floor", floor_dir, work / "floor-server", cap, extra)
    shutil.copy(_floor_notebook(), floor_dir / floor_page)
    return participant, floor, floor_page


def _rotated(items: list[Any], by: int) -> list[Any]:
    """The items, starting at ``by``: each round starts with another page."""
    by %= len(items)
    return items[by:] + items[:by]


def _measure(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every sample; the pages of the two servers alternate, round after round."""
    participant, floor, floor_page = _servers(work, args)
    servers = [participant, floor]
    joining = participant.url(args.notebook)
    studying = participant.url(args.notebook, args.query)
    slider = Target(floor.url(floor_page), SLIDER, SLIDER, SLIDER_LABEL)
    pages = {
        "floor": (floor, slider, args.presses),
        "participant": (participant, Target(joining, args.ready), 0),
        "self_study": (
            participant,
            Target(studying, args.what_if, args.what_if, args.analysis),
            args.presses,
        ),
    }
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
    crowds: dict[str, list[dict[str, Any]]] = {"floor": [], "participant": []}
    try:
        for server in servers:
            server.start()
        startup = {server.label: server.wait_up() for server in servers}
        wait_idle(servers)
        with chromium() as browser:
            for run in range(args.runs + 1):  # round 0 warms up and is not counted
                results = {
                    name: measure.page(browser, *pages[name], servers)
                    for name in _rotated(list(pages), run)
                }
                print(f"round {run}{' (warm-up)' * (run == 0)}: {_brief(results)}", flush=True)
                for name, result in results.items():
                    if run:
                        samples[name].append(result)
        both = [("floor", floor, slider.url), ("participant", participant, joining)]
        for run in range(args.crowd_runs):
            for name, server, url in _rotated(both, run):
                sample = measure.crowd_at_once(server, url, args.crowd, args.timeout, servers)
                crowds[name].append(sample)
                print(
                    f"{args.crowd} at once, {name}: {sample['usable']} usable, the last at "
                    f"{sample['last_usable_ms'] or 0:.0f} ms; {sample['total_rss_mib']:.0f} MiB; "
                    f"others {sample['others_cpu_s']:.1f} CPU-s {sample['errors'] or ''}",
                    flush=True,
                )
    finally:
        for server in servers:
            server.stop()
    return {
        "servers": {s.label: {"cmd": s.cmd, "startup_s": startup[s.label]} for s in servers},
        "pages": samples,
        "crowds": crowds,
    }


def _brief(results: dict[str, dict[str, Any]]) -> str:
    """One round on one line, to follow a run as it goes."""
    parts = []
    for name, r in results.items():
        trips = " ".join(f"{x:.0f}" for x in r["round_trips_ms"])
        parts.append(
            f"{name} {r['ready_ms']:.0f} ms (HTML {r['html_ms']:.0f})"
            + (f", trips {trips} ms" if trips else "")
            + f", {r['kernel_rss_mib'] or 0:.1f} MiB, others {r['others_cpu_s']:.1f} CPU-s"
        )
    return "; ".join(parts)


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def main() -> int:
    args = _arguments()
    _floor_notebook()
    if not (NOTEBOOKS / args.notebook).exists():
        raise SystemExit(f"There is no participant page at {NOTEBOOKS / args.notebook}.")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="pagebench-") as work:
        try:
            results = _measure(args, Path(work))
        finally:
            if args.json:  # beside the figures, the servers' logs explain a failed page
                args.json.parent.mkdir(parents=True, exist_ok=True)
                for log in Path(work).glob("*/*.log"):
                    shutil.copy(log, args.json.with_name(f"{args.json.stem}-{log.name}"))
    found = figures(results, args.crowd)
    took = time.monotonic() - started
    print(f"\nThe participant page against the floor ({args.server}, {took:.0f} s):\n")
    print(table(found))
    print(f"\n{notes(results)}")
    if args.json:
        report = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": _commit(),
            "cpus": os.cpu_count(),
            "seconds": round(took),
            "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
            "figures": {figure.key: {"name": figure.name, **figure.as_json()} for figure in found},
            **results,
        }
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    missed = any(figure.passed is False for figure in found)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
