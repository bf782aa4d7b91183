"""Samples into figures: medians with ranges, the ratio to the floor, the verdict, the table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any


def spread(samples: list[float]) -> dict[str, float | int] | None:
    """Median, range and count: on 2 shared cores a single number would hide the noise."""
    if not samples:
        return None
    return {
        "median": round(statistics.median(samples), 2),
        "min": round(min(samples), 2),
        "max": round(max(samples), 2),
        "n": len(samples),
    }


@dataclass(frozen=True)
class Figure:
    """One required figure: samples of the page and of the floor, taken in the same run."""

    key: str
    name: str
    unit: str
    samples: list[float]
    floor: list[float]
    limit: float | None = None  # the highest ratio to the floor allowed
    requirement: str = ""  # a condition other than the ratio, in words
    met: bool | None = None  # whether that condition holds

    @property
    def ratio(self) -> float | None:
        if not self.samples or not self.floor:
            return None
        return statistics.median(self.samples) / statistics.median(self.floor)

    @property
    def passed(self) -> bool | None:
        """Met its limit (and its requirement); None when it only has to be reported."""
        checks = [] if self.met is None else [self.met]
        if self.limit is not None:
            checks.append(self.ratio is not None and self.ratio <= self.limit)
        return all(checks) if checks else None

    def as_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {
            "unit": self.unit,
            "value": spread(self.samples),
            "floor": spread(self.floor),
            "ratio": None if ratio is None else round(ratio, 3),
            "limit": self.limit,
            "requirement": self.requirement or None,
            "met": self.met,
            "pass": self.passed,
            "samples": [round(x, 2) for x in self.samples],
            "floor_samples": [round(x, 2) for x in self.floor],
        }


def _cell(samples: list[float], unit: str) -> str:
    if not samples:
        return "n/a"
    digits = 0 if unit == "ms" and statistics.median(samples) >= 100 else 1
    mid, low, high = statistics.median(samples), min(samples), max(samples)
    return f"{mid:.{digits}f} {unit} ({low:.{digits}f}-{high:.{digits}f})"


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table: median (min-max) of the page and of the floor."""
    lines = [
        "| figure | value | floor | ratio | limit | result |",
        "|---|---|---|---|---|---|",
    ]
    for figure in figures:
        ratio = "n/a" if figure.ratio is None else f"{figure.ratio:.2f}x"
        limits = [f"<= {figure.limit}x"] if figure.limit is not None else []
        if figure.requirement:
            limits.append(figure.requirement)
        verdict = {True: "pass", False: "**FAIL**", None: "reported"}[figure.passed]
        if figure.passed is None and not figure.samples:
            verdict = "not measured"
        lines.append(
            f"| {figure.name} | {_cell(figure.samples, figure.unit)} "
            f"| {_cell(figure.floor, figure.unit)} | {ratio} | {'; '.join(limits) or '-'} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def figures(results: dict[str, Any], crowd: int) -> list[Figure]:
    """The four required figures (the fourth in two rows) from the samples of a run."""
    pages, crowds = results["pages"], results["crowds"]

    def of_pages(page: str, key: str) -> list[float]:
        values = [r[key] if isinstance(r[key], list) else [r[key]] for r in pages[page]]
        return [x for each in values for x in each if x is not None]

    def of_crowds(page: str, key: str) -> list[float]:
        return [c[key] for c in crowds[page] if c[key] is not None]

    everyone = (  # None when no crowd was measured (--crowd-runs 0)
        all(c["usable"] == crowd for c in crowds["participant"]) if crowds["participant"] else None
    )
    return [
        Figure(
            "ready",
            "1. open to first widget usable",
            "ms",
            of_pages("participant", "ready_ms"),
            of_pages("floor", "ready_ms"),
            limit=1.5,
        ),
        Figure(
            "round_trip",
            "2. what-if round trip",
            "ms",
            of_pages("self_study", "round_trips_ms"),
            of_pages("floor", "round_trips_ms"),
            limit=1.5,
        ),
        Figure(
            "kernel_rss",
            "3. kernel RSS",
            "MiB",
            of_pages("self_study", "kernel_rss_mib"),
            of_pages("floor", "kernel_rss_mib"),
            limit=1.3,
        ),
        Figure(
            "crowd_last_usable",
            f"4. {crowd} at once: last usable",
            "ms",
            of_crowds("participant", "last_usable_ms"),
            of_crowds("floor", "last_usable_ms"),
            requirement=f"all {crowd} usable",
            met=everyone,
        ),
        Figure(
            "crowd_memory",
            f"4. {crowd} at once: server + kernels RSS",
            "MiB",
            of_crowds("participant", "total_rss_mib"),
            of_crowds("floor", "total_rss_mib"),
        ),
    ]


def notes(results: dict[str, Any]) -> str:
    """Where the time goes, and how busy the rest of the machine was: for reading a miss."""
    pages = results["pages"]

    def median(values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")

    lines = []
    for name, page in [("participant", "participant"), ("floor", "floor")]:
        html = median([r["html_ms"] for r in pages[page]])
        ready = median([r["ready_ms"] for r in pages[page]])
        lines.append(f"- ready, {name}: HTML complete at {html:.0f} ms, usable at {ready:.0f} ms")
    for name, page in [("participant (what-if)", "self_study"), ("floor (slider)", "floor")]:
        parts = [p for r in pages[page] for p in r["round_trip_parts"]]
        page_ms, server_ms, render_ms, messages = (
            median([p[key] for p in parts]) for key in ("page", "server", "render", "messages")
        )
        lines.append(
            f"- round trip, {name}: page {page_ms:.1f} + server and kernel {server_ms:.1f} + "
            f"render {render_ms:.1f} ms; {messages:.0f} kernel messages until the change"
        )
    others = [r["others_cpu_s"] for samples in pages.values() for r in samples]
    lines.append(
        f"- other processes on the machine used {median(others):.1f} CPU-s per page "
        f"(up to {max(others, default=0):.1f})"
    )
    return "\n".join(lines)
