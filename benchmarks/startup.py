"""How long until the first screen is drawn, and how much memory, against a
minimal Textual app measured in the same run (STACK: about 0.18 s, 32.5 MiB).

Each start is a fresh process (imports included), headless, exiting as soon
as the first screen is up. Run: ``.venv/bin/python benchmarks/startup.py [N]``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
mode, folder = sys.argv[1], sys.argv[2]

async def first_screen(pilot):
    await pilot.pause()
    pilot.app.exit()

if mode == "minimal":
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("minimal")

    Minimal().run(headless=True, auto_pilot=first_screen)
else:
    from pathlib import Path
    from bti_tui.store import Repository
    from bti_tui.ui.app import BtiApp

    with Repository.open(Path(folder)) as repo:
        BtiApp(repo, "nb").run(headless=True, auto_pilot=first_screen)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(mode: str, folder: Path, runs: int) -> tuple[float, float]:
    seconds, memory = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder)], capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        seconds.append(figures["seconds"])
        memory.append(figures["max_rss_mib"])
    return statistics.median(seconds), statistics.median(memory)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    sys.path.insert(0, str(Path(__file__).parent))
    from save_cost import fill_history  # ten years of meetings

    from bti_tui.store import Repository

    with tempfile.TemporaryDirectory() as tmp:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        with Repository.open(full) as repo:
            fill_history(repo, date(2026, 11, 24))
        base_s, base_m = measure("minimal", empty, runs)
        rows = [("minimal Textual app (baseline)", base_s, base_m)]
        for label, folder in (("bti-tui, empty data folder", empty), ("bti-tui, 10 years of history", full)):
            s, m = measure("app", folder, runs)
            rows.append((label, s, m))
    print(f"start to first screen, median of {runs} fresh processes")
    print(f"{'':34} {'seconds':>8} {'ratio':>6} {'MiB':>7} {'ratio':>6}")
    for label, s, m in rows:
        print(f"{label:34} {s:8.3f} {s / base_s:6.2f} {m:7.1f} {m / base_m:6.2f}")


if __name__ == "__main__":
    main()
