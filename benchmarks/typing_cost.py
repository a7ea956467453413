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

The two processes (empty folder, ten years) run at the same time, so both
see the same load from elsewhere (and the whole takes half as long); the
figure compared is the UI thread's own CPU time, which the other process
barely touches. The empty folder's row may type fewer keys, and the ten
years' ``KEYS`` may be typed by SPLIT processes at once, each in its own copy
of the folder (``make bench``: 500 keys in the empty folder and 2 × 500
with ten years beside, three processes at once that end together: a key
costs ~60 ms of CPU and ~60–90 ms of Pilot's waits for idle, so a third
process fills the two cores' idle time; the per-key CPU figures stay as
with one process).

Run: ``.venv/bin/python benchmarks/typing_cost.py [KEYS] [NOTE_CHARS] [EMPTY_KEYS] [SPLIT]``
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

import data  # noqa: E402
import report  # noqa: E402

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


def make_folder(base: Path, history: bool, note_chars: int, name: str = "") -> Path:
    folder = base / (name or ("history" if history else "empty"))
    if history:
        data.copy_of(data.history(10), folder)
    now = datetime.now()
    with Repository.open(folder) as repo:
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


def _start(folder: Path, keys: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(keys)], stdout=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)


def _result(process: subprocess.Popen[str]) -> dict[str, list[float]]:
    out, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"typing child failed ({process.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def measure(tmp: Path, keys: int, note_chars: int, empty_keys: int, split: int = 1) -> dict[str, dict[str, list[float]]]:
    """Both rows at the same time; the ten years' ``keys`` typed by ``split``
    processes at once (each in its own copy of the folder), ``keys / split`` each."""
    empty = _start(make_folder(tmp, False, note_chars), empty_keys)
    full = [_start(make_folder(tmp, True, note_chars, f"history-{n}"), keys // split) for n in range(split)]
    rows = {"empty folder": _result(empty), "10 years beside": {"cpu": [], "wall": []}}
    for process in full:
        for name, values in _result(process).items():
            rows["10 years beside"][name] += values
    return rows


def show(rows: dict[str, dict[str, list[float]]], note_chars: int) -> None:
    print(f"typing at the end of a {note_chars:,}-character note, per key (ms), both rows at once ({report.load()})")
    print(f"{'':18} {'keys':>5} {'UI CPU median':>14} {'p99':>7} {'max':>7} {'wall median':>12} {'p99':>7} {'max':>7}")
    for label, r in rows.items():
        c, w = [x * 1000 for x in r["cpu"]], [x * 1000 for x in r["wall"]]
        print(f"{label:18} {len(c):5} {report.median(c):14.2f} {report.pct(c, 0.99):7.2f} {max(c):7.2f} {report.median(w):12.2f} {report.pct(w, 0.99):7.2f} {max(w):7.2f}")


def targets(rows: dict[str, dict[str, list[float]]]) -> None:
    e, h = rows["empty folder"], rows["10 years beside"]
    ratios = {}
    for name in ("cpu", "wall"):
        ratios[name] = (report.median(h[name]) / report.median(e[name]), report.pct(h[name], 0.99) / report.pct(e[name], 0.99))
        what = "UI CPU" if name == "cpu" else "wall (for scale: Pilot's idle waits included)"
        print(f"ratio 10 years / empty, {what}: median {ratios[name][0]:.2f}, p99 {ratios[name][1]:.2f}")
    over = sum(x > 0.016 for x in h["cpu"])
    print(f"keys over 16 ms of UI CPU with 10 years beside: {over} of {len(h['cpu'])}")
    med, p99 = ratios["cpu"]
    figure = f"median {report.median(h['cpu']) * 1000:.0f} ms, p99 {report.pct(h['cpu'], 0.99) * 1000:.0f} ms; 10y/empty {med:.2f}, {p99:.2f}; {over}/{len(h['cpu'])} keys > 16 ms"
    report.target(3, "typing, UI CPU per key, 10,000-char note", figure, "<= 1.1x, none > 16 ms", med <= 1.1 and p99 <= 1.1 and over == 0)


def main() -> None:
    keys = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    note_chars = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    empty_keys = int(sys.argv[3]) if len(sys.argv) > 3 else keys
    split = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    with tempfile.TemporaryDirectory(prefix="bti-typing-") as tmp:
        rows = measure(Path(tmp), keys, note_chars, empty_keys, split)
    show(rows, note_chars)
    targets(rows)


if __name__ == "__main__":
    main()
