"""``make bench``: issue 20's seven targets, each as a ratio against a
baseline measured in the same run, with its target and PASS/MISS, and a
summary table at the end (one line per target).

The histories (benchmarks/history.py, 1 to 10 years) are generated once
and cached (benchmarks/data.py); each script below also runs alone, with
more detail or more runs:

  target 1, 6  first_frame_tmux.py  first frame and peak memory from outside (tmux), 15 runs
  target 2     save_cost.py         one autosave, plain and encrypted
  target 3     typing_cost.py       1,000 keys with 10 years beside (2 processes x 500), 500 in the empty folder, all three at once
  target 4     export_cost.py       one case referat, md / html / pdf
  target 5     case_lookup.py       intake lookup and case overview
  target 7     cli_growth.py        ``bti-tui list`` / ``check``, 0..10 years

Not in ``make bench`` (more detail, run them alone): startup.py (first
screen in process, headless, with the app's and the command's rows),
keystroke_cost.py (the note's guard per key by note length), crypto_save.py,
wall.py (the wall's idle CPU and follow latency).

Environment: BTI_BENCH_TYPING_KEYS (1000), BTI_BENCH_EMPTY_KEYS (500), BTI_BENCH_TYPING_SPLIT (2),
BTI_BENCH_GROWTH_RUNS (3), BTI_BENCH_FRAME_RUNS (15); data.py's
BTI_BENCH_CACHE and BTI_BENCH_FRESH.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import report  # noqa: E402

sys.path.insert(0, str(data.ROOT))


def _env(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def machine() -> str:
    import textual.app  # noqa: F401
    from importlib.metadata import version

    return f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python {platform.python_version()}, Textual {version('textual')}"


def main() -> int:
    started = time.perf_counter()
    print(f"make bench (issue 20): {machine()}; {report.load()}")
    print(f"source tree: {data.ROOT}")

    report.heading("history: benchmarks/history.py, 1 to 10 years, seed 20")
    t0 = time.perf_counter()
    made = data.generate(list(range(1, 11)))
    data.encrypted_history(10)
    print(f"  {made} of 10 histories generated, the rest from the cache {data.cache()} ({time.perf_counter() - t0:.1f} s)")

    with tempfile.TemporaryDirectory(prefix="bti-bench-") as name:
        tmp = Path(name)
        for part in ("save", "export", "cases", "frame", "typing", "growth"):
            (tmp / part).mkdir()

        import save_cost

        report.heading("target 2: one autosave (save_cost.py)")
        r = save_cost.measure(tmp / "save", 201)
        save_cost.show(r, 201)
        save_cost.targets(r)

        import export_cost

        report.heading("target 4: export one case referat (export_cost.py)")
        r = export_cost.measure(tmp / "export", 31)
        export_cost.show(r, 31)
        export_cost.targets(r)

        import case_lookup

        report.heading("target 5: case lookup and overview (case_lookup.py)")
        r = case_lookup.measure(tmp / "cases")
        case_lookup.show(r)
        case_lookup.targets(r)

        import first_frame_tmux

        runs = _env("BTI_BENCH_FRAME_RUNS", 15)  # a whole process each: 15 for a steadier median (runs here vary by a third)
        report.heading("targets 1 and 6: first frame and peak memory, from outside (first_frame_tmux.py)")
        if shutil.which("tmux") is None:
            print("  tmux is needed (make tmux): targets 1 and 6 not measured")
        else:
            found = first_frame_tmux.measure(first_frame_tmux.cases(tmp / "frame", empty_row=False), runs)
            first_frame_tmux.show(found, runs)
            first_frame_tmux.targets(found)

        import typing_cost

        keys, empty_keys = _env("BTI_BENCH_TYPING_KEYS", 1000), _env("BTI_BENCH_EMPTY_KEYS", 500)
        report.heading(f"target 3: typing, {keys} keys with 10 years beside, {empty_keys} in the empty folder (typing_cost.py)")
        rows = typing_cost.measure(tmp / "typing", keys, 10_000, empty_keys, _env("BTI_BENCH_TYPING_SPLIT", 2))
        typing_cost.show(rows, 10_000)
        typing_cost.targets(rows)

        import cli_growth

        runs = _env("BTI_BENCH_GROWTH_RUNS", 3)
        report.heading("target 7: bti-tui list and check, 0 to 10 years (cli_growth.py)")
        t = cli_growth.measure(tmp / "growth", runs)
        cli_growth.targets(t, cli_growth.show(t, runs))

    report.SUMMARY.sort(key=lambda row: row.number)
    report.print_summary(time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
