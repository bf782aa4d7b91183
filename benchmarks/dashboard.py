"""How long a live refresh of the trainer dashboard blocks its kernel, with 30 groups x 20
questions, against baselines measured in the same run.

    python benchmarks/dashboard.py [--json FILE]

A refresh has two halves (``toolkit.ui.dashboard``): the look (read the answers and the release
from the store, build the board, render the table and the charts) runs in a worker thread; the
show (set the widgets' values, which sends them to the page) runs on the kernel's event loop.

1. In this process, medians: the look, against its unavoidable part, the store's
   ``all_answers`` for the same case (baseline); and the show.
2. In a real kernel (started with jupyter_client, so widget updates go out over its sockets as
   in Voila): the dashboard refreshes every 0.25 s, each refresh with one answer changed, while
   a probe task measures how late the event loop runs it (it asks to wake every 5 ms). Reported:
   the longest and the 99th-percentile lateness while refreshing, against the same probe on the
   idle kernel (baseline), and each show's time on the loop. The limit is 100 ms of blocking.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GROUPS, QUESTIONS = 30, 20
LIMIT_MS = 100.0
KERNEL_SECONDS = 6.0


def big_case() -> Any:
    """A casebook case with its questions cycled to ``QUESTIONS`` (ids q01, q02, ...)."""
    from toolkit.casebook import load_casebook

    casebook = load_casebook(ROOT / "casebook")
    pool = [q for case in casebook.cases for q in case.questions.values()]
    kinds: dict[str, list[Any]] = {}
    for question in pool:
        kinds.setdefault(question.kind.value, []).append(question)
    mixed = [q for group in zip(*kinds.values(), strict=False) for q in group]
    questions = {f"q{n + 1:02}": mixed[n % len(mixed)] for n in range(QUESTIONS)}
    case = dataclasses.replace(casebook.cases[0], id="benchmark-case", questions=questions)
    return dataclasses.replace(casebook, cases=(case,))


def some_answer(question: Any, rng: random.Random) -> object:
    kind = question.kind.value
    choices = list(question.choices or {})
    if kind == "yes_no_unknown":
        return rng.choice(["yes", "no", "unknown"])
    if kind == "single_choice":
        return rng.choice(choices)
    if kind == "multiple_choice":
        return sorted(rng.sample(choices, rng.randint(0, len(choices))))
    if kind == "date":
        return f"2020-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    if kind == "amount":
        return rng.choice([0, 250000, 2000000, 2615000])
    return "Our group thinks " + " ".join(rng.choice(["so", "not", "maybe"]) for _ in range(30))


def fill(db: Path) -> tuple[Any, Any, Any]:
    """A store at ``db`` with a session of GROUPS groups, each answering every question."""
    from toolkit.store.database import open_store
    from toolkit.store.engine import sqlite_url

    casebook = big_case()
    case = casebook.cases[0]
    store = open_store(sqlite_url(db))
    session = store.open_session("Benchmark")
    rng = random.Random(7)
    for n in range(GROUPS):
        group = store.join(session.code, f"Group {n + 1}")
        for key, question in case.questions.items():
            store.save_answer(group, case.id, key, some_answer(question, rng))
    return store, session, casebook


def median_ms(call: Any, repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def in_process(db: Path) -> dict[str, float]:
    from toolkit.ui.dashboard import Desk, look

    store, session, casebook = fill(db)
    case = casebook.cases[0]
    desk = Desk(store, casebook)
    looks = [look(store, session, case)]
    group = store.groups(session)[0]
    store.save_answer(group, case.id, "q01", "something else")
    looks.append(look(store, session, case))  # two looks that differ: every show sends
    shows = iter(range(10**6))
    return {
        "baseline_all_answers_ms": median_ms(lambda: store.all_answers(session, case.id)),
        "look_ms": median_ms(lambda: look(store, session, case)),
        "show_ms": median_ms(lambda: desk.show(looks[next(shows) % 2])),
    }


KERNEL_SETUP = """
import asyncio, sys, time, random
sys.path.insert(0, {benchmarks!r})
from dashboard import fill, some_answer
from toolkit.ui.dashboard import Desk
store, session, casebook = fill(__import__('pathlib').Path({db!r}))
case = casebook.cases[0]
desk = Desk(store, casebook)
groups, keys, rng = store.groups(session), list(case.questions), random.Random(1)
lags, shows, reads = [], [], []

async def probe(seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        await asyncio.sleep(0.005)
        lags.append(time.perf_counter() - start - 0.005)

def read():
    start = time.perf_counter()
    key = rng.choice(keys)
    store.save_answer(rng.choice(groups), case.id, key, some_answer(case.questions[key], rng))
    found = desk.read()
    reads.append(time.perf_counter() - start)
    return found

def show(found, _show=desk.show):
    start = time.perf_counter()
    _show(found)
    shows.append(time.perf_counter() - start)

desk.poller.read, desk.poller.show, desk.poller.every_s = read, show, 0.25
idle = asyncio.ensure_future(probe({seconds}))
"""
KERNEL_REFRESHING = """
idle_lags, lags = lags, []
assert desk.follow()
busy = asyncio.ensure_future(probe({seconds}))
"""
KERNEL_REPORT = """
desk.poller.stop()
import json
print(json.dumps({{"idle": idle_lags, "busy": lags, "shows": shows, "reads": reads}}))
"""


def in_kernel(db: Path) -> dict[str, Any]:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        arguments = {"benchmarks": str(ROOT / "benchmarks"), "db": str(db),
                     "seconds": KERNEL_SECONDS}  # fmt: skip
        run(client, KERNEL_SETUP.format(**arguments))
        time.sleep(KERNEL_SECONDS + 0.5)
        run(client, KERNEL_REFRESHING.format(**arguments))
        time.sleep(KERNEL_SECONDS + 0.5)
        found: dict[str, Any] = json.loads(run(client, KERNEL_REPORT.format(**arguments)))
        return found
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def run(client: Any, code: str) -> str:
    """Execute ``code`` in the kernel; its printed output (an error raises)."""
    msg_id = client.execute(textwrap.dedent(code))
    out = []
    while True:
        message = client.get_iopub_msg(timeout=120)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind == "stream":
            out.append(content["text"])
        elif kind == "error":
            raise RuntimeError("\n".join(content["traceback"]))
        elif kind == "status" and content["execution_state"] == "idle":
            return "".join(out)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        local = in_process(Path(folder) / "local.sqlite")
        kernel = in_kernel(Path(folder) / "kernel.sqlite")
    idle_max = max(kernel["idle"]) * 1e3
    busy_max = max(kernel["busy"]) * 1e3
    figures = {
        "groups_x_questions": f"{GROUPS} x {QUESTIONS}",
        "baseline_all_answers_ms": round(local["baseline_all_answers_ms"], 2),
        "look_ms (worker thread)": round(local["look_ms"], 2),
        "look_vs_baseline": round(local["look_ms"] / local["baseline_all_answers_ms"], 1),
        "show_ms (event loop, in process)": round(local["show_ms"], 2),
        "kernel_refreshes": len(kernel["shows"]),
        "kernel_look_median_ms": round(statistics.median(kernel["reads"]) * 1e3, 1),
        "kernel_show_median_ms": round(statistics.median(kernel["shows"]) * 1e3, 2),
        "kernel_show_max_ms": round(max(kernel["shows"]) * 1e3, 2),
        "baseline_idle_loop_lag_max_ms": round(idle_max, 2),
        "baseline_idle_loop_lag_p99_ms": round(percentile(kernel["idle"], 0.99) * 1e3, 2),
        "refreshing_loop_lag_max_ms": round(busy_max, 2),
        "refreshing_loop_lag_p99_ms": round(percentile(kernel["busy"], 0.99) * 1e3, 2),
        "refreshing_vs_idle_lag_max": round(busy_max / max(idle_max, 1e-3), 1),
        "limit_ms": LIMIT_MS,
        "within_limit": busy_max <= LIMIT_MS,
    }
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if figures["within_limit"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
