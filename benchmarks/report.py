"""What ``make bench`` prints for each of issue 20's targets, and the
summary table at its end (one line per target)."""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass

STARTED = time.perf_counter()

SUMMARY: list[Target] = []


@dataclass
class Target:
    number: int
    what: str
    figure: str  # the figures and ratios, short
    limit: str  # the target, short
    ok: bool

    @property
    def verdict(self) -> str:
        return "PASS" if self.ok else "MISS"


def target(number: int, what: str, figure: str, limit: str, ok: bool) -> Target:
    row = Target(number, what, figure, limit, ok)
    SUMMARY.append(row)
    print(f"  => target {number}: {figure}   (target {limit})   {row.verdict}", flush=True)
    return row


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f}"


def heading(text: str) -> None:
    print(f"\n=== {text}   [at {time.perf_counter() - STARTED:.0f} s, {load()}]", flush=True)


def pct(values: list[float], q: float) -> float:
    """The q-quantile by nearest rank (q=0.99: the 99th percentile)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_summary(seconds: float) -> None:
    print(f"\n=== summary (issue 20), {seconds:.0f} s in all, {load()}")
    width = max(len(t.what) for t in SUMMARY)
    fig = max(len(t.figure) for t in SUMMARY)
    lim = max(len(t.limit) for t in SUMMARY)
    for t in SUMMARY:
        print(f"{t.number}  {t.what:<{width}}  {t.figure:<{fig}}  {t.limit:<{lim}}  {t.verdict}")
    print(f"{sum(t.ok for t in SUMMARY)} of {len(SUMMARY)} targets met")
