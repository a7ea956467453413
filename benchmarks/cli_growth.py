"""``bti-tui list`` and ``bti-tui check`` on 0, 1, 2, … 10 years of history
(issue 20, target 7): absolute times, a line per year count, and how they
grow (linear or better).

Each time is the whole process of the real command (``python -m
bti_tui.cli --data-dir DIR list`` / ``check``, output to /dev/null), on
benchmarks/history.py's data for that many years (64 meetings and 100
cases a year), interleaved: run by run, every year count and both commands
once, so load from elsewhere falls on all alike.

How it grows: t(years) = start-up + work; the start-up is the command on an
empty folder (0 years). The work's growth exponent k is fitted over the 10
year counts (log(work) against log(meetings), least squares): 1 is linear,
below 1 better; with it t(10)/t(1) and the work's w(10)/w(1) against the
size ratio 10, and the work per meeting at each count.

Run: ``.venv/bin/python benchmarks/cli_growth.py [RUNS]`` (default 5).
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
import report  # noqa: E402

YEARS = tuple(range(0, 11))
COMMANDS = ("list", "check")
MEETINGS_PER_YEAR = 64
LIMIT_K = 1.15  # linear, with room for the noise of medians of a few runs


def run_once(folder: Path, verb: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(data.ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bti_tui.cli", "--lang", "nb", "--data-dir", str(folder), verb], check=True, env=env, cwd=data.ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(tmp: Path, runs: int) -> dict[tuple[str, int], float]:
    folders = {0: data.empty_folder(tmp / "empty")}
    data.generate([y for y in YEARS if y])
    folders.update({y: data.history(y) for y in YEARS if y})  # read only: the cached folders themselves
    times: dict[tuple[str, int], list[float]] = {(verb, y): [] for verb in COMMANDS for y in YEARS}
    for i in range(runs):
        order = YEARS if i % 2 == 0 else YEARS[::-1]
        for y in order:
            for verb in COMMANDS:
                times[(verb, y)].append(run_once(folders[y], verb))
    return {key: report.median(t) for key, t in times.items()}


def exponent(work: dict[int, float]) -> float:
    """Least-squares slope of log(work) over log(meetings), years 1..10."""
    points = [(math.log(y * MEETINGS_PER_YEAR), math.log(w)) for y, w in work.items() if y and w > 0]
    mx = sum(x for x, _ in points) / len(points)
    my = sum(v for _, v in points) / len(points)
    return sum((x - mx) * (v - my) for x, v in points) / sum((x - mx) ** 2 for x, _ in points)


def show(t: dict[tuple[str, int], float], runs: int) -> dict[str, tuple[float, float, float]]:
    print(f"whole process of the real command, median of {runs} each, interleaved ({report.load()})")
    print(f"  {'years':>5} {'meetings':>8}   {'list s':>7} {'work ms/meeting':>16}   {'check s':>7} {'work ms/meeting':>16}")
    for y in YEARS:
        cells = []
        for verb in COMMANDS:
            per = (t[(verb, y)] - t[(verb, 0)]) / (y * MEETINGS_PER_YEAR) * 1000 if y else float("nan")
            cells.append(f"{t[(verb, y)]:7.3f} {per:16.2f}" if y else f"{t[(verb, y)]:7.3f} {'(start-up)':>16}")
        print(f"  {y:5} {y * MEETINGS_PER_YEAR:8}   {cells[0]}   {cells[1]}")
    found = {}
    for verb in COMMANDS:
        work = {y: max(t[(verb, y)] - t[(verb, 0)], 1e-4) for y in YEARS if y}
        k = exponent(work)
        found[verb] = (k, t[(verb, 10)] / t[(verb, 1)], work[10] / work[1])
        print(f"  {verb}: growth exponent of the work {k:.2f} (1 = linear); t(10)/t(1) {found[verb][1]:.2f}, work w(10)/w(1) {found[verb][2]:.1f}, against 10x the data")
    return found


def targets(t: dict[tuple[str, int], float], found: dict[str, tuple[float, float, float]]) -> None:
    figure = "; ".join(f"{verb} {t[(verb, 10)]:.2f} s at 10y, {t[(verb, 1)]:.2f} s at 1y, exponent {found[verb][0]:.2f}" for verb in COMMANDS)
    ok = all(found[verb][0] <= LIMIT_K for verb in COMMANDS)
    report.target(7, "bti-tui list / check, growth 1..10 years", figure, f"linear or better (k <= {LIMIT_K})", ok)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bti-growth-") as tmp:
        t = measure(Path(tmp), runs)
    targets(t, show(t, runs))


if __name__ == "__main__":
    main()
