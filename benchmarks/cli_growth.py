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
better. Over 1..10 years, least squares: a straight line (ms per meeting)
and a quadratic; the bend is how far the quadratic's middle lies below the
chord from 1 to 10 years, as a share of t(10) (negative: it flattens): "linear or better" unless it
bends upwards by over 10 % and over twice its standard error (so noise is
not called growth). And t(10)/t(1) against the size ratio 10.

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
# Superlinear growth shows as a bend upwards; "linear or better" unless the
# bend is more than this share of the 10-year time and more than twice its
# standard error (medians of 3 runs under load: ±0.1 s on ~1 s).
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


def fit(points: list[tuple[float, float]], degree: int) -> tuple[list[float], list[float]]:
    """Least-squares polynomial through ``points``: its coefficients
    (constant first) and their standard errors."""
    n = degree + 1
    # [XᵀX | Xᵀy | I], reduced to [I | coefficients | (XᵀX)⁻¹] (Gauss-Jordan; n is 2 or 3).
    rows = [
        [sum(x ** (i + j) for x, _ in points) for j in range(n)] + [sum(y * x**i for x, y in points)] + [float(i == j) for j in range(n)]
        for i in range(n)
    ]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        rows[col] = [v / rows[col][col] for v in rows[col]]
        for row in range(n):
            if row != col:
                rows[row] = [a - rows[row][col] * b for a, b in zip(rows[row], rows[col], strict=True)]
    coefficients = [rows[i][n] for i in range(n)]
    residual = sum((y - sum(c * x**i for i, c in enumerate(coefficients))) ** 2 for x, y in points)
    variance = residual / max(len(points) - n, 1)
    return coefficients, [(variance * rows[i][n + 1 + i]) ** 0.5 for i in range(n)]


def growth(t: dict[tuple[str, int], float], verb: str) -> dict[str, float]:
    """Over 1..10 years (the empty folder lacks the cost of any data at all:
    reading the index, importing the codec): a straight line (ms per
    meeting), and a quadratic; the bend is how far the quadratic's middle
    lies below the chord from 1 to 10 years (c·(x10 - x1)²/4: positive if
    it bends upwards, negative if it flattens), as a share of t(10);
    ``bend_error`` its standard error."""
    points = [(y * MEETINGS_PER_YEAR, t[(verb, y)]) for y in YEARS if y]
    (a, b), _ = fit(points, 1)
    (_, _, c), (_, _, c_error) = fit(points, 2)
    scale = (points[-1][0] - points[0][0]) ** 2 / 4 / t[(verb, YEARS[-1])]
    return {"start": a, "per_meeting_ms": b * 1000, "bend": c * scale, "bend_error": c_error * scale, "t10_t1": t[(verb, 10)] / t[(verb, 1)]}


def superlinear(g: dict[str, float]) -> bool:
    """A bend upwards beyond SUPERLINEAR_SHARE, and beyond twice its standard error (not noise)."""
    return g["bend"] > SUPERLINEAR_SHARE and g["bend"] > 2 * g["bend_error"]


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
            f"  {verb}: line {g['start']:.2f} s + {g['per_meeting_ms']:.2f} ms per meeting; bend {g['bend'] * 100:+.1f}% "
            f"± {g['bend_error'] * 100:.1f}% of t(10) (+: bends upwards, superlinear; -: flattens); t(10)/t(1) {g['t10_t1']:.2f} against 10x the data"
        )
    return found


def targets(t: dict[tuple[str, int], float], found: dict[str, dict[str, float]]) -> None:
    figure = "; ".join(
        f"{verb} {t[(verb, 1)]:.2f} s at 1y, {t[(verb, 10)]:.2f} s at 10y, {found[verb]['per_meeting_ms']:.2f} ms/meeting, bend {found[verb]['bend'] * 100:+.0f}±{found[verb]['bend_error'] * 100:.0f}%"
        for verb in COMMANDS
    )
    ok = not any(superlinear(found[verb]) for verb in COMMANDS)
    report.target(7, "bti-tui list / check, 1..10 years", figure, f"linear or better (no bend > {SUPERLINEAR_SHARE:.0%} and 2 s.e.)", ok)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="bti-growth-") as tmp:
        t = measure(Path(tmp), runs)
    targets(t, show(t, runs))


if __name__ == "__main__":
    main()
