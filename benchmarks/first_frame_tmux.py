"""Time to first frame and peak memory from outside, as a person sees it
(issue 20, targets 1 and 6): the real ``bti-tui`` command started in a tmux
pane, timed until its first screen shows, against a minimal Textual app (a
Static and a Footer) in the same pane size, interleaved run by run.

The clock starts when tmux is asked to start the command and stops when
``tmux capture-pane`` first shows the screen's title (polled every 5 ms):
the whole process, interpreter start and imports included. Then, once the
process has gone idle (no CPU time used for 50 ms: the work the app does
just after its first frame included), its peak memory (``VmHWM``) is read
from /proc. Cases: the minimal app; bti-tui on an empty folder; on ten years
(benchmarks/history.py), until its first frame (the screen's title) and
until the meeting list shows (its newest date: the list is filled just
after the first frame); on the ten years encrypted (the passphrase prompt
is the first frame).

Run: ``.venv/bin/python benchmarks/first_frame_tmux.py [N]`` (default 7; needs tmux).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import data  # noqa: E402
import report  # noqa: E402

ROOT = data.ROOT  # the source tree measured (BTI_BENCH_ROOT: another checkout, for a before/after)
sys.path.insert(0, str(ROOT))

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("MINIMAL-FIRST-FRAME")
        yield Footer()

Minimal().run()
"""
BASELINE = "minimal Textual app (baseline)"
LISTED = "bti-tui, 10 years, until the list shows"


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _peak_mib(pid: int, settle: float = 3.0) -> float | None:
    """VmHWM of ``pid`` once it has used no CPU for 50 ms (at most ``settle`` s)."""
    try:
        end, last = time.perf_counter() + settle, _cpu_ticks(pid)
        while time.perf_counter() < end:
            time.sleep(0.05)
            now = _cpu_ticks(pid)
            if now == last:
                break
            last = now
        status = Path(f"/proc/{pid}/status").read_text()
        return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration, IndexError, ValueError):
        return None


def first_frame(command: list[str], marker: str, timeout: float = 30.0, memory: bool = False) -> tuple[float, float | None]:
    """(seconds until ``marker`` shows, peak MiB or None)."""
    session = f"bti-bench-{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color")
    # As a person's shell has it: compiled modules are cached (a session
    # that sets PYTHONDONTWRITEBYTECODE would compile the app on every start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    # In ROOT: "python -m" and "-c" put the current folder first on the path.
    # Several arguments: tmux runs the command itself, no shell between (the pane's pid is it).
    # Through env(1): a running tmux server gives a new session its own
    # environment, not this one's; env execs the command (same pid).
    pinned = ["env", "-u", "PYTHONDONTWRITEBYTECODE", f"PYTHONPATH={ROOT}", "TERM=xterm-256color"]
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-c", str(ROOT), "-x", "120", "-y", "40", *pinned, *command], check=True, env=env)
    try:
        while time.perf_counter() - start < timeout:
            shown = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if marker in shown:
                seconds = time.perf_counter() - start
                if not memory:
                    return seconds, None
                pid = subprocess.run(["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"], capture_output=True, text=True).stdout.strip()
                return seconds, _peak_mib(int(pid)) if pid.isdigit() else None
            time.sleep(0.005)
        raise TimeoutError(f"{marker!r} not shown within {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def newest_meeting(folder: Path) -> str:
    """The date of the list's first row, as the home list shows it (the list is filled after the first frame)."""
    from bti_tui.store import Repository

    with Repository.open(folder, read_only=True) as repo:
        return max(m.date for m in repo.list_meetings()).strftime("%d.%m.%Y")


def cases(tmp: Path, empty_row: bool = True) -> list[tuple[str, list[str], str, bool]]:
    """(label, command, marker, memory read) of each case; folders in ``tmp``."""
    from bti_tui.i18n import Translator

    t = Translator("nb")
    # The command a person types: the installed ``bti-tui`` script (``python -m``
    # would compile cli.py afresh on every start, as ``__main__``).
    script = Path(sys.executable).with_name("bti-tui")
    app = [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "bti_tui.cli"]), "--lang", "nb", "--data-dir"]
    full = data.copy_of(data.history(10), tmp / "full")
    locked = data.copy_of(data.encrypted_history(10), tmp / "locked")
    rows = [(BASELINE, [sys.executable, "-c", MINIMAL], "MINIMAL-FIRST-FRAME", True)]
    if empty_row:
        rows.append(("bti-tui, empty folder", [*app, str(data.empty_folder(tmp / "empty"))], t("ui.home.title"), True))
    rows.append(("bti-tui, 10 years", [*app, str(full)], t("ui.home.title"), True))
    rows.append((LISTED, [*app, str(full)], newest_meeting(full), True))
    rows.append(("bti-tui, 10 years encrypted (prompt)", [*app, str(locked)], t("crypto.screen.title"), False))
    return rows


def measure(rows: list[tuple[str, list[str], str, bool]], runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """Interleaved: run by run, every case once, so a burst of load elsewhere falls on all alike."""
    found: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label, *_ in rows}
    for _label, command, marker, _memory in rows:  # once, untimed: the modules compiled and cached, as after a first start
        first_frame(command, marker)
    for _ in range(runs):
        for label, command, marker, memory in rows:
            seconds, mib = first_frame(command, marker, memory=memory)
            found[label][0].append(seconds)
            if mib is not None:
                found[label][1].append(mib)
    return found


def show(found: dict[str, tuple[list[float], list[float]]], runs: int) -> None:
    base_s, base_m = report.median(found[BASELINE][0]), report.median(found[BASELINE][1])
    print(f"first frame in a 120x40 tmux pane, from outside, median of {runs} ({report.load()})")
    # "paired": the median of each round's own ratio (the case against the
    # baseline started just before it), less moved by a slow spell of the
    # machine than the ratio of the medians, which is the target's figure.
    print(f"  {'':38} {'seconds':>8} {'ratio':>6} {'paired':>6} {'min':>6} {'max':>6} {'peak MiB':>9} {'ratio':>6}")
    base_times = found[BASELINE][0]
    for label, (times, mibs) in found.items():
        s = report.median(times)
        paired = report.median([t / b for t, b in zip(times, base_times, strict=False)])
        mem = f"{report.median(mibs):9.1f} {report.median(mibs) / base_m:6.2f}" if mibs else ""
        print(f"  {label:38} {s:8.3f} {s / base_s:6.2f} {paired:6.2f} {min(times):6.3f} {max(times):6.3f} {mem}")


def targets(found: dict[str, tuple[list[float], list[float]]]) -> None:
    base_s, base_m = report.median(found[BASELINE][0]), report.median(found[BASELINE][1])
    full = report.median(found["bti-tui, 10 years"][0]) / base_s
    locked = report.median(found["bti-tui, 10 years encrypted (prompt)"][0]) / base_s
    report.target(1, "first frame, tmux, 10y / minimal app", f"{full:.2f}x; encrypted (prompt) {locked:.2f}x", "<= 1.25x", full <= 1.25 and locked <= 1.25)
    listed = report.median(found[LISTED][0]) / base_s
    print(f"  for scale: until the meeting list shows (filled after the first frame): {listed:.2f}x")
    mem = max(report.median(found[label][1]) for label in ("bti-tui, 10 years", LISTED)) / base_m
    report.target(6, "peak memory (VmHWM), 10y / minimal app", f"{mem:.2f}x", "<= 1.5x", mem <= 1.5)


def main() -> None:
    if shutil.which("tmux") is None:
        print("tmux is needed (make tmux)")
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory(prefix="bti-frame-") as tmp:
        found = measure(cases(Path(tmp)), runs)
    show(found, runs)
    targets(found)


if __name__ == "__main__":
    main()
