"""Typing into a long note in the running app, beside no history and beside
ten years of it (issue 20, target 3): UI-thread time per keystroke.

Each run is a fresh process with the real app (headless, 160×50): the
meeting running at a step whose note holds 10,000 characters in one
paragraph; 1,000 keys are typed at its end, as fast as the app takes them
(autosaves happen as while typing: after SAVE_MAX_WAIT at the latest). Per
key: the UI thread's CPU time (``time.thread_time``: the autosave thread's
work is not counted, only what the key cost the thread that draws, the
frame it is drawn in included) and the wall time until the app was idle
again. Median, 99th percentile and worst, and the ratio history/empty.

Keys go in two ways, alternately (the same process, so the same load):
``Pilot.press``, which after the key also has every widget of the screen
answer a callback (work a real key does not cause, and the more widgets the
more of it: the meeting screen has some ninety, a minimal app three), and
the key alone (what ``Pilot.press`` does before that wait: the key sent,
then waiting until the process is idle, its frame drawn). The target is
judged on the key alone. The floor beside them: a minimal app with
Textual's plain TextArea holding the same note, the same keys, terminal
and methods (fewer keys: at 10,000 characters it takes some 300 ms a key).

The processes (empty folder, ten years, the floor) run at the same time, so
all see the same load from elsewhere (and the whole takes less long); the
figure compared is the UI thread's own CPU time, which the other processes
barely touch. The empty folder's row may type fewer keys, and the ten
years' ``KEYS`` may be typed by SPLIT processes at once, each in its own copy
of the folder (``make bench``: 500 keys in the empty folder and 2 × 500
with ten years beside; the per-key CPU figures stay as with one process).

Run: ``.venv/bin/python benchmarks/typing_cost.py [KEYS] [NOTE_CHARS] [EMPTY_KEYS] [SPLIT] [--no-floor]``;
``BTI_BENCH_ROOT=/other/checkout`` measures that tree's app (the data
folders are written by this one).
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

APP_ROOT = Path(os.environ.get("BTI_BENCH_ROOT") or ROOT)  # the tree whose app is measured
ENV = dict(os.environ, PYTHONPATH=str(APP_ROOT))
LIVE = "demo-ferdig"
SENTENCE = "Eleven har hatt fravær i 7. klasse og får samtaler hver uke, mor ringer skolen ofte. "
FLOOR_KEYS = 100

# Typing ``keys`` keys at the end of the field "#notes", alternately through
# Pilot.press ("cpu", "wall") and alone ("alone").
TYPE = r"""
import time
from textual.widgets import TextArea

times = {"cpu": [], "wall": [], "alone": []}

async def type_keys(pilot, keys):
    notes = pilot.app.screen.query_one("#notes", TextArea)
    notes.focus()
    notes.move_cursor(notes.document.end)
    await pilot.pause()
    for n in range(keys):
        key = "abcdefghi"[n % 10] if n % 10 < 9 else "space"
        c0, w0 = time.thread_time(), time.perf_counter()
        if n % 2:
            await pilot.app._press_keys([key])  # Pilot.press without its wait for every widget
            times["alone"].append(time.thread_time() - c0)
        else:
            await pilot.press(key)
            times["cpu"].append(time.thread_time() - c0)
            times["wall"].append(time.perf_counter() - w0)
    assert len(notes.text) >= keys, len(notes.text)
"""

CHILD = TYPE + r"""
import json, sys
from pathlib import Path
from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp

folder, keys = Path(sys.argv[1]), int(sys.argv[2])

async def run(pilot):
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await type_keys(pilot, keys)
    pilot.app.exit()

with Repository.open(folder) as repo:
    app = BtiApp(repo, "nb")
    app.run(headless=True, size=(160, 50), auto_pilot=run)
    app.saver.flush(timeout=None)
    app.saver.close()
print(json.dumps(times))
"""

# The floor: Textual's own TextArea in a minimal app, the same note.
FLOOR = TYPE + r"""
import json, sys
from textual.app import App

note, keys = sys.argv[1], int(sys.argv[2])

class Floor(App):
    def compose(self):
        yield TextArea(note, id="notes", soft_wrap=True, show_line_numbers=False)

async def run(pilot):
    await pilot.pause()
    await type_keys(pilot, keys)
    pilot.app.exit()

Floor().run(headless=True, size=(160, 50), auto_pilot=run)
print(json.dumps(times))
"""


def note_of(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


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
        meeting.slots[0].notes["g-problem"] = note_of(note_chars)
        repo.save_meeting(meeting)
    return folder


def _start(folder: Path, keys: int, script: str = CHILD, arg: str = "") -> subprocess.Popen[str]:
    command = [sys.executable, "-c", script, arg or str(folder), str(keys)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=ENV, cwd=APP_ROOT)


def _result(process: subprocess.Popen[str]) -> dict[str, list[float]]:
    out, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"typing child failed ({process.returncode})")
    return json.loads(out.strip().splitlines()[-1])


def measure(tmp: Path, keys: int, note_chars: int, empty_keys: int, split: int = 1, floor: bool = True) -> dict[str, dict[str, list[float]]]:
    """The rows at the same time; the ten years' ``keys`` typed by ``split``
    processes at once (each in its own copy of the folder), ``keys / split`` each."""
    floor_run = _start(tmp, min(empty_keys, FLOOR_KEYS), FLOOR, note_of(note_chars)) if floor else None
    empty = _start(make_folder(tmp, False, note_chars), empty_keys)
    full = [_start(make_folder(tmp, True, note_chars, f"history-{n}"), keys // split) for n in range(split)]
    rows = {"minimal app, TextArea": _result(floor_run)} if floor_run else {}
    rows["empty folder"] = _result(empty)
    rows["10 years beside"] = {"cpu": [], "wall": [], "alone": []}
    for process in full:
        for name, values in _result(process).items():
            rows["10 years beside"][name] += values
    return rows


def show(rows: dict[str, dict[str, list[float]]], note_chars: int) -> None:
    print(f"typing at the end of a {note_chars:,}-character note, UI CPU per key (ms), the rows at once ({report.load()}; app: {APP_ROOT})")
    print("(keys alternately through Pilot.press, which then waits for every widget, and alone: see typing_cost.py)")
    print(f"{'':22} {'keys':>5} {'alone: median':>13} {'p99':>7} {'max':>7} {'Pilot.press: median':>19} {'p99':>7} {'max':>7} {'wall median':>12}")
    for label, r in rows.items():
        a, c = [x * 1000 for x in r["alone"]], [x * 1000 for x in r["cpu"]]
        wall = report.median(r["wall"]) * 1000
        print(f"{label:22} {len(a) + len(c):5} {report.median(a):13.2f} {report.pct(a, 0.99):7.2f} {max(a):7.2f} {report.median(c):19.2f} {report.pct(c, 0.99):7.2f} {max(c):7.2f} {wall:12.2f}")


def targets(rows: dict[str, dict[str, list[float]]]) -> None:
    e, h = rows["empty folder"], rows["10 years beside"]
    ratios = {}
    for name in ("alone", "cpu"):
        ratios[name] = (report.median(h[name]) / report.median(e[name]), report.pct(h[name], 0.99) / report.pct(e[name], 0.99))
        what = "key alone" if name == "alone" else "Pilot.press"
        print(f"ratio 10 years / empty, UI CPU, {what}: median {ratios[name][0]:.2f}, p99 {ratios[name][1]:.2f}")
    over = sum(x > 0.016 for x in h["alone"])
    print(f"keys over 16 ms of UI CPU with 10 years beside (key alone): {over} of {len(h['alone'])}")
    med, p99 = ratios["alone"]
    figure = f"median {report.median(h['alone']) * 1000:.0f} ms, p99 {report.pct(h['alone'], 0.99) * 1000:.0f} ms; 10y/empty {med:.2f}, {p99:.2f}; {over}/{len(h['alone'])} keys > 16 ms"
    report.target(3, "typing, UI CPU per key, 10,000-char note", figure, "<= 1.1x, none > 16 ms", med <= 1.1 and p99 <= 1.1 and over == 0)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--no-floor"]
    keys = int(args[0]) if args else 1000
    note_chars = int(args[1]) if len(args) > 1 else 10_000
    empty_keys = int(args[2]) if len(args) > 2 else keys
    split = int(args[3]) if len(args) > 3 else 1
    with tempfile.TemporaryDirectory(prefix="bti-typing-") as tmp:
        rows = measure(Path(tmp), keys, note_chars, empty_keys, split, floor="--no-floor" not in sys.argv)
    show(rows, note_chars)
    targets(rows)


if __name__ == "__main__":
    main()
