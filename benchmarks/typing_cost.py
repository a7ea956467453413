"""Typing into a long note in the running app, beside no history and beside
ten years of it (issue 20, target 3): UI-thread time per keystroke.

Each run is a fresh process with the real app (headless, 160×50): the
meeting running at a step whose note holds 10,000 characters; 1,000 keys
are typed at its end, as fast as the app takes them (autosaves happen as
while typing: after SAVE_MAX_WAIT at the latest). Per key: the UI thread's
CPU time (``time.thread_time``: the autosave thread's work is not counted,
only what the key cost the thread that draws) and the wall time until the
app was idle again. Median, 99th percentile and worst, and the ratio
history/empty.

Run: ``.venv/bin/python benchmarks/typing_cost.py [KEYS] [NOTE_CHARS]``
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from history import write_history  # noqa: E402

from bti_tui.model import MeetingStatus, Position  # noqa: E402
from bti_tui.session.demo import write_demo  # noqa: E402
from bti_tui.store import Repository  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
LIVE = "demo-ferdig"
SENTENCE = "Eleven har hatt fravær i 7. klasse og får samtaler hver uke, mor ringer skolen ofte. "

CHILD = r"""
import json, sys, time
from pathlib import Path
from textual.widgets import TextArea
from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp

folder, keys = Path(sys.argv[1]), int(sys.argv[2])
cpu, wall = [], []

async def run(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    notes = pilot.app.screen.query_one("#notes", TextArea)
    notes.focus()
    notes.move_cursor(notes.document.end)
    await pilot.pause()
    for n in range(keys):
        key = "abcdefghi"[n % 10] if n % 10 < 9 else "space"
        c0, w0 = time.thread_time(), time.perf_counter()
        await pilot.press(key)
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    assert len(notes.text) >= keys, len(notes.text)
    pilot.app.exit()

with Repository.open(folder) as repo:
    app = BtiApp(repo, "nb")
    app.run(headless=True, size=(160, 50), auto_pilot=run)
    app.saver.flush(timeout=None)
    app.saver.close()
print(json.dumps({"cpu": cpu, "wall": wall}))
"""


def make_folder(base: Path, history: bool, note_chars: int) -> Path:
    folder = base / ("history" if history else "empty")
    now = datetime.now()
    with Repository.open(folder) as repo:
        if history:
            write_history(repo, 10, 20)
        write_demo(repo, now.date(), "nb")
        meeting = repo.load_meeting(LIVE)
        meeting.date = now.date()
        meeting.clock.events.clear()
        meeting.start(now - timedelta(minutes=5))
        meeting.clock.enter(Position("g-problem", 0), now - timedelta(minutes=1))
        meeting.status = MeetingStatus.RUNNING
        meeting.slots[0].notes["g-problem"] = (SENTENCE * (note_chars // len(SENTENCE) + 1))[:note_chars]
        repo.save_meeting(meeting)
    return folder


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(folder: Path, keys: int) -> dict[str, list[float]]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(keys)], capture_output=True, text=True, check=True, env=ENV, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    note_chars = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with tempfile.TemporaryDirectory(prefix="bti-typing-") as tmp:
        rows = {}
        for label, history in (("empty folder", False), ("10 years beside", True)):
            rows[label] = measure(make_folder(Path(tmp), history, note_chars), keys)
    print(f"typing {keys} keys at the end of a {note_chars:,}-character note, per key (ms)")
    print(f"{'':18} {'UI CPU median':>14} {'p99':>7} {'max':>7} {'wall median':>12} {'p99':>7} {'max':>7}")
    for label, r in rows.items():
        c, w = [x * 1000 for x in r["cpu"]], [x * 1000 for x in r["wall"]]
        print(f"{label:18} {statistics.median(c):14.2f} {pct(c, 0.99):7.2f} {max(c):7.2f} {statistics.median(w):12.2f} {pct(w, 0.99):7.2f} {max(w):7.2f}")
    e, h = rows["empty folder"], rows["10 years beside"]
    for name in ("cpu", "wall"):
        med = statistics.median(h[name]) / statistics.median(e[name])
        p99 = pct(h[name], 0.99) / pct(e[name], 0.99)
        print(f"ratio 10 years / empty ({'UI CPU' if name == 'cpu' else 'wall'}): median {med:.2f}, p99 {p99:.2f}  (target ≤ 1.10)")
    over = sum(x > 0.016 for x in h["cpu"])
    print(f"keys over 16 ms of UI CPU with 10 years beside: {over} of {keys}")


if __name__ == "__main__":
    main()
