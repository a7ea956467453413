"""Time to first frame from outside, as a person sees it (issue 20): the
real ``bti-tui`` command started in a tmux pane, timed until its first
screen shows, against a minimal Textual app (a Static and a Footer) in the
same pane size, interleaved run by run.

The clock starts when tmux is asked to start the command and stops when
``tmux capture-pane`` first shows the screen's title (polled every 5 ms):
the whole process, interpreter start and imports included. Cases: the
minimal app; bti-tui on an empty folder; on ten years (benchmarks/history.py);
on the ten years encrypted (the passphrase prompt is the first frame).

Run: ``.venv/bin/python benchmarks/first_frame_tmux.py [N]`` (default 7; needs tmux).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The source tree to measure (BTI_BENCH_ROOT: another checkout, e.g. main, for a before/after).
ROOT = Path(os.environ.get("BTI_BENCH_ROOT") or Path(__file__).resolve().parent.parent)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from history import write_history  # noqa: E402

from bti_tui.i18n import Translator  # noqa: E402
from bti_tui.store import Repository  # noqa: E402
from bti_tui.store.convert import encrypt_folder  # noqa: E402

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("MINIMAL-FIRST-FRAME")
        yield Footer()

Minimal().run()
"""


def first_frame(command: list[str], marker: str, timeout: float = 30.0) -> float:
    session = f"bti-bench-{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color")
    start = time.perf_counter()
    # In ROOT: "python -m" and "-c" put the current folder first on the path.
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-c", str(ROOT), "-x", "120", "-y", "40", *command], check=True, env=env)
    try:
        while time.perf_counter() - start < timeout:
            shown = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in shown:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise TimeoutError(f"{marker!r} not shown within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    if shutil.which("tmux") is None:
        print("tmux is needed (make tmux)")
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    t = Translator("nb")
    app = [sys.executable, "-m", "bti_tui.cli", "--lang", "nb", "--data-dir"]
    with tempfile.TemporaryDirectory(prefix="bti-frame-") as tmp:
        empty, full, locked = Path(tmp) / "empty", Path(tmp) / "full", Path(tmp) / "locked"
        Repository.open(empty).close()
        with Repository.open(full) as repo:
            write_history(repo, 10, 20)
        shutil.copytree(full, locked)
        encrypt_folder(locked, "benchmark passphrase")
        cases = [
            ("minimal Textual app (baseline)", [sys.executable, "-c", MINIMAL], "MINIMAL-FIRST-FRAME"),
            ("bti-tui, empty folder", [*app, str(empty)], t("ui.home.title")),
            ("bti-tui, 10 years", [*app, str(full)], t("ui.home.title")),
            ("bti-tui, 10 years encrypted (prompt)", [*app, str(locked)], t("crypto.screen.title")),
        ]
        times: dict[str, list[float]] = {label: [] for label, _, _ in cases}
        for _ in range(runs):
            for label, command, marker in cases:
                times[label].append(first_frame(command, marker))
    base = statistics.median(times[cases[0][0]])
    print(f"first frame in a tmux pane, from outside, median of {runs} (load average {os.getloadavg()[0]:.1f})")
    for label, _, _ in cases:
        s = statistics.median(times[label])
        print(f"  {label:38} {s:7.3f} s  ratio {s / base:5.2f}   (min {min(times[label]):.3f}, max {max(times[label]):.3f})")
    print("target: ≤ 1.25× the minimal app")


if __name__ == "__main__":
    main()
