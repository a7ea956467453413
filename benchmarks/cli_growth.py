"""``bti-tui list`` and ``bti-tui check`` on 0, 1, 2, … 10 years of history
(issue 20, target 7): absolute times, a line per year count, and how they
grow (linear or better).

Each time is the whole process of the real command (``python -m
bti_tui.cli --data-dir DIR list`` / ``check``, output to /dev/null), on
benchmarks/history.py's data for that many years (64 meetings and 100
cases a year), interleaved: run by run, every year count and both commands
once, so load from elsewhere falls on all alike.

How it grows: per year count, the work per meeting beyond the start-up
(the command on an empty folder, 0 years): constant is linear, falling is
better. Over all 11 points, least squares: a straight line (start-up + ms
per meeting) and a quadratic, whose term at 10 years, as a share of t(10),
is the bend: linear or better if at most 10 % (negative: it bends down).
And t(10)/t(1) against the size ratio 10.

Run: ``.venv/bin/python benchmarks/cli_growth.py [RUNS]`` (default 5).
"""

from __future__ import annotations

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
# Superlinear growth shows as a quadratic term; "linear or better" if it
# explains at most this share of the 10-year time (room for the noise of
# medians of a few runs: ±0.1 s on ~1 s under load).
SUPERLINEAR_SHARE = 0.10


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


def fit(points: list[tuple[float, float]], degree: int) -> list[float]:
    """Least-squares polynomial coefficients (constant first) through ``points``."""
    n = degree + 1
    matrix = [[sum(x ** (i + j) for x, _ in points) for j in range(n)] + [sum(y * x**i for x, y in points)] for i in range(n)]
    for col in range(n):  # Gauss-Jordan elimination; n is 2 or 3
        pivot = max(range(col, n), key=lambda r: abs(matrix[r][col]))
        matrix[col], matrix[pivot] = matrix[pivot], matrix[col]
        for row in range(n):
            if row != col:
                factor = matrix[row][col] / matrix[col][col]
                matrix[row] = [a - factor * b for a, b in zip(matrix[row], matrix[col], strict=True)]
    return [matrix[i][n] / matrix[i][i] for i in range(n)]


def growth(t: dict[tuple[str, int], float], verb: str) -> dict[str, float]:
    """The straight line through the 11 points (start-up, ms per meeting), and
    the share of the 10-year time a bend upwards (a quadratic term) explains:
    linear or better if that share is small (at most SUPERLINEAR_SHARE)."""
    points = [(y * MEETINGS_PER_YEAR, t[(verb, y)]) for y in YEARS]
    a, b = fit(points, 1)
    _, _, c = fit(points, 2)
    top = YEARS[-1] * MEETINGS_PER_YEAR
    return {"start": a, "per_meeting_ms": b * 1000, "bend": c * top * top / t[(verb, YEARS[-1])], "t10_t1": t[(verb, 10)] / t[(verb, 1)]}


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
        g = found[verb] = growth(t, verb)
        print(
            f"  {verb}: line {g['start']:.2f} s + {g['per_meeting_ms']:.2f} ms per meeting; a bend upwards explains {g['bend'] * 100:+.0f}% of t(10) "
            f"(negative: it bends down); t(10)/t(1) {g['t10_t1']:.2f} against 10x the data"
        )
    return found


def targets(t: dict[tuple[str, int], float], found: dict[str, dict[str, float]]) -> None:
    figure = "; ".join(
        f"{verb} {t[(verb, 1)]:.2f} s at 1y, {t[(verb, 10)]:.2f} s at 10y, {found[verb]['per_meeting_ms']:.2f} ms/meeting, bend {found[verb]['bend'] * 100:+.0f}%"
        for verb in COMMANDS
    )
    ok = all(found[verb]["bend"] <= SUPERLINEAR_SHARE for verb in COMMANDS)
    report.target(7, "bti-tui list / check, 1..10 years", figure, f"linear or better (bend <= {SUPERLINEAR_SHARE:.0%})", ok)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bti-growth-") as tmp:
        t = measure(Path(tmp), runs)
    targets(t, show(t, runs))


if __name__ == "__main__":
    main()
