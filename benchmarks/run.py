"""Benchmarks of the legal core, each reported against a baseline measured in the same run.

    make bench            # or: python benchmarks/run.py [--json FILE]

- analyse: median time of ``analyse(scenario, profile)`` over every sample scenario and
  shipped profile; baseline: ``json.loads`` of the same scenario as JSON text, a yardstick
  of this machine's Python speed.
- load: median time to read and validate one scenario file; same baseline.
- casebook: median time to load and validate the whole casebook (every case, every what-if
  applied and every model answer checked against the engine), as each page load does;
  same baseline.
- memory: RSS of a fresh interpreter after importing the legal core and analysing one
  case; baseline: a bare interpreter's RSS.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASEBOOK = ROOT / "casebook"


def median_seconds(call: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds per call, with the loop count chosen so one sample takes ~0.1 s."""
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    number = max(1, number // 2)
    return statistics.median(t / number for t in timer.repeat(repeat=repeat, number=number))


def rss_mib(code: str) -> float:
    """Resident memory of a fresh interpreter after running ``code`` (Linux: /proc)."""
    probe = f"{code}\nprint(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    from toolkit import analyse, load_profile, load_scenario, shipped_profiles
    from toolkit.casebook import load_casebook
    from toolkit.render import plain

    casebook = load_casebook(CASEBOOK)
    scenarios = [case.facts for case in casebook.cases]
    profiles = [load_profile(name) for name in shipped_profiles()]
    texts = [json.dumps(plain(scenario)) for scenario in scenarios]
    scenario_file = ROOT / "tests" / "data" / "scenario.yaml"

    analyse_s = statistics.median(
        median_seconds(lambda s=s, p=p: analyse(s, p)) for s in scenarios for p in profiles
    )
    load_s = median_seconds(lambda: load_scenario(scenario_file))
    casebook_s = median_seconds(lambda: load_casebook(CASEBOOK))
    yardstick_s = statistics.median(median_seconds(lambda t=t: json.loads(t)) for t in texts)

    bare = rss_mib("pass")
    core = rss_mib(
        "from toolkit import analyse, load_profile, load_scenario\n"
        f"analyse(load_scenario({str(scenario_file)!r}), load_profile('neutral'))"
    )
    figures = {
        "analyse_median_ms": round(analyse_s * 1e3, 3),
        "load_median_ms": round(load_s * 1e3, 3),
        "baseline_json_loads_ms": round(yardstick_s * 1e3, 4),
        "casebook_load_ms": round(casebook_s * 1e3, 1),
        "analyse_vs_baseline": round(analyse_s / yardstick_s, 1),
        "load_vs_baseline": round(load_s / yardstick_s, 1),
        "casebook_vs_baseline": round(casebook_s / yardstick_s),
        "bare_interpreter_rss_mib": round(bare, 1),
        "core_rss_mib": round(core, 1),
        "core_vs_bare_rss": round(core / bare, 2),
        "cases": len(casebook.cases),
        "what_ifs": sum(len(case.what_ifs) for case in casebook.cases),
        "profiles": len(profiles),
    }
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
