"""How long until the first screen is drawn, and how much memory, against a
minimal Textual app (one Static and a Footer) measured in the same run
(issue 20, targets 1 and 6: ≤ 1.25× the time, ≤ 1.5× the memory).

Each start is a fresh process (imports included), headless, exiting as soon
as the first screen is up: the app itself (``BtiApp``), and the real
command (``bti-tui --data-dir DIR``: the CLI's imports, the log, the
passphrase check, opening the folder), on an empty folder and on ten years
of history (benchmarks/history.py), and the command on the ten years
encrypted, where the passphrase prompt is the first frame.
Run: ``.venv/bin/python benchmarks/startup.py [N]`` (N runs each, default 7).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
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
    from textual.widgets import Footer, Static

    class Minimal(App):
        def compose(self):
            yield Static("minimal")
            yield Footer()

    Minimal().run(headless=True, auto_pilot=first_screen)
elif mode == "cli":  # the real command, each of its apps headless, gone after its first frame
    import textual.app

    run = textual.app.App.run
    textual.app.App.run = lambda self, *a, **k: run(self, headless=True, auto_pilot=first_screen)
    from bti_tui.cli import main

    main(["--data-dir", folder])
else:
    from pathlib import Path
    from bti_tui.store import Repository
    from bti_tui.ui.app import BtiApp

    with Repository.open(Path(folder)) as repo:
        BtiApp(repo, "nb").run(headless=True, auto_pilot=first_screen)
elapsed = time.perf_counter() - start
try:  # the peak of this process's own memory: ru_maxrss keeps the parent's peak across fork and exec
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "max_rss_mib": peak}))
"""


def measure(mode: str, folder: Path, runs: int) -> tuple[float, float]:
    seconds, memory = [], []
    for _ in range(runs):
        # In the tree measured: "python -c" puts the current folder first on the path.
        root = os.environ.get("BTI_BENCH_ROOT") or str(Path(__file__).resolve().parent.parent)
        out = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder)], capture_output=True, text=True, check=True, cwd=root)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        seconds.append(figures["seconds"])
        memory.append(figures["max_rss_mib"])
    return statistics.median(seconds), statistics.median(memory)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    sys.path.insert(0, str(Path(__file__).parent))
    import data  # ten years of a municipality's meetings (history.py), cached

    with tempfile.TemporaryDirectory() as tmp:
        full = data.copy_of(data.history(10), Path(tmp) / "full")
        locked = data.copy_of(data.encrypted_history(10), Path(tmp) / "locked")  # the prompt comes before any key is made
        empty = data.empty_folder(Path(tmp) / "empty")
        cases = [
            ("minimal Textual app (baseline)", "minimal", empty),
            ("BtiApp, empty folder", "app", empty),
            ("BtiApp, 10 years", "app", full),
            ("bti-tui command, empty folder", "cli", empty),
            ("bti-tui command, 10 years", "cli", full),
            ("bti-tui command, 10 years encrypted", "cli", locked),
        ]
        # Interleaved, so a burst of load elsewhere falls on every row alike.
        times: dict[str, list[float]] = {label: [] for label, _, _ in cases}
        memory: dict[str, list[float]] = {label: [] for label, _, _ in cases}
        for _ in range(runs):
            for label, mode, folder in cases:
                s, m = measure(mode, folder, 1)
                times[label].append(s)
                memory[label].append(m)
    base_s, base_m = statistics.median(times[cases[0][0]]), statistics.median(memory[cases[0][0]])
    print(f"start to first screen, median of {runs} fresh processes each (load average {os.getloadavg()[0]:.1f})")
    print(f"{'':38} {'seconds':>8} {'ratio':>6} {'MiB':>7} {'ratio':>6}")
    for label, _, _ in cases:
        s, m = statistics.median(times[label]), statistics.median(memory[label])
        print(f"{label:38} {s:8.3f} {s / base_s:6.2f} {m:7.1f} {m / base_m:6.2f}")
    print("targets: time ≤ 1.25×, memory ≤ 1.5× the minimal app")


if __name__ == "__main__":
    main()
