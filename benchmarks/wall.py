"""The wall (``bti-tui wall``): its CPU use while idle and how soon it
follows a save, beside an empty folder and beside a large history.

Each wall runs in a fresh process, headless, following a running meeting
(or, for "no meeting", waiting). This script plays the app: it saves the
meeting through the store (as the app's autosave does) and the wall prints
when it has read the change. Reported:

- CPU seconds the wall process used over ``IDLE`` seconds with nothing
  saved (following, and waiting with no meeting running);
- follow latency: from the end of a save to the wall having read it
  (median and worst of ``SAVES`` saves: notes, then step changes);
- the follower's own cost per tick, in process, without Textual;
- the import cost of pyfiglet, and that the app (``bti_tui.ui.app``) does
  not import it.

Run: ``.venv/bin/python benchmarks/wall.py [HISTORY]`` (default 500 meetings).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, time as clock_time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bti_tui.model import Meeting, MeetingStatus, Position  # noqa: E402
from bti_tui.resources import meeting_kind  # noqa: E402
from bti_tui.session.demo import write_demo  # noqa: E402
from bti_tui.store import Repository  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
IDLE = 10.0
SAVES = 8
RUNNING = "demo-ferdig"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from bti_tui.ui.wall.app import WallApp
from bti_tui.ui.wall.follow import Follower

folder, seconds = Path(sys.argv[1]), float(sys.argv[2])

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

follower = Follower(folder)
tick = follower.tick
seen = {}

def watched():
    changed = tick()
    f = follower.followed
    if f is not None:
        state = (f.meeting.clock.position_code, f.meeting.slots[0].notes.get("mark", ""))
        if state != seen.get("state"):
            seen["state"] = state
            print(json.dumps({"seen": list(state), "at": time.time()}), flush=True)
    return changed

follower.tick = watched

async def run(pilot):
    await pilot.pause()
    print(json.dumps({"ready": True}), flush=True)
    start = cpu()
    await pilot.pause(seconds)
    print(json.dumps({"cpu": cpu() - start, "stats": vars(follower.stats)}), flush=True)
    pilot.app.exit()

WallApp(follower, "nb").run(headless=True, size=(200, 50), auto_pilot=run)
"""


def make_folder(history: int, running: bool) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bti-wall-bench-")) / "data"
    now = datetime.now()
    kind = meeting_kind("instansmote-skole")
    with Repository.open(folder) as repo:
        write_demo(repo, now.date(), "nb")
        with repo.index.deferred():  # the case index built once, not after each save
            for n in range(history):
                day = date(now.year - 10, 1, 1) + timedelta(days=7 * n)
                old = Meeting.plan(kind, day, clock_time(9, 0), "Møterom 2", "nb", f"history-{n:04d}")
                old.status = MeetingStatus.FINISHED
                repo.save_meeting(old)
        if running:
            meeting = repo.load_meeting(RUNNING)
            meeting.clock.events.clear()
            meeting.start(now - timedelta(minutes=10))
            meeting.clock.enter(Position("g-problem", 0), now - timedelta(minutes=1))
            meeting.status = MeetingStatus.RUNNING
            repo.save_meeting(meeting)
    return folder


def run_wall(folder: Path, seconds: float, saves: bool) -> dict:
    """Run a wall; with ``saves``, save SAVES changes while it runs and time
    how soon it reads each."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=ENV,
    )
    assert proc.stdout is not None
    lines = iter(proc.stdout.readline, "")
    for line in lines:
        if json.loads(line).get("ready"):
            break
    latencies: list[float] = []
    if saves:
        steps = [s.id for s in meeting_kind("instansmote-skole").steps]
        with Repository.open(folder) as repo:
            for n in range(SAVES):
                time.sleep(0.7)
                meeting = repo.load_meeting(RUNNING)
                if n % 2:
                    meeting.clock.enter(Position(steps[1 + n // 2], 0), datetime.now())
                else:
                    meeting.slots[0].notes["mark"] = f"mark-{n}"
                repo.save_meeting(meeting)
                saved = time.time()
                for line in lines:
                    event = json.loads(line)
                    if "seen" in event:
                        latencies.append(event["at"] - saved)
                        break
    result: dict = {}
    for line in lines:
        event = json.loads(line)
        if "cpu" in event:
            result = event
    proc.wait()
    result["latencies"] = latencies
    return result


def tick_cost(folder: Path, ticks: int = 2000) -> float:
    """Microseconds per Follower.tick(), in process (no Textual). With no
    meeting running it lists the folder on every tick here: the cost of one
    listing, which the wall pays only when the folder changed."""
    from bti_tui.ui.wall.follow import Follower

    wall = Follower(folder, list_every=0.0)
    wall.tick()
    best = float("inf")
    for _ in range(5):  # the best of five: other work on the machine only adds
        start = time.perf_counter()
        for _ in range(ticks):
            wall.tick()
        best = min(best, time.perf_counter() - start)
    return best / ticks * 1e6


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=ENV).stdout.strip()


def import_cost() -> tuple[float, bool]:
    """Seconds to import pyfiglet once Textual is loaded (median of 5), and
    whether the app imports it (it must not: only the wall does)."""
    code = "import time, textual.app; t = time.perf_counter(); import pyfiglet; print(time.perf_counter() - t)"
    cost = statistics.median(float(_python(code)) for _ in range(5))
    return cost, _python("import sys, bti_tui.ui.app; print('pyfiglet' in sys.modules)") == "True"


def main() -> None:
    history = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    print(f"wall benchmark: {history} meetings of history, idle {IDLE:.0f} s per run, {SAVES} saves")
    cost, app_imports = import_cost()
    print(f"import pyfiglet after textual: {cost * 1000:.1f} ms (the app imports it: {app_imports})")

    rows = []
    for label, size, running in (
        ("following, empty folder", 0, True),
        (f"following, {history} beside", history, True),
        ("no meeting, empty folder", 0, False),
        (f"no meeting, {history} beside", history, False),
    ):
        started = time.perf_counter()
        folder = make_folder(size, running)
        made = time.perf_counter() - started
        idle = run_wall(folder, IDLE, saves=False)
        follow = run_wall(folder, IDLE, saves=True) if running else {"latencies": []}
        per_tick = tick_cost(folder)
        lat = follow["latencies"]
        rows.append((label, idle["cpu"], per_tick, lat))
        print(
            f"{label:<28} folder made in {made:5.1f} s | idle CPU {idle['cpu']:.3f} s / {IDLE:.0f} s"
            f" ({idle['cpu'] / IDLE * 100:.1f} %) | tick {per_tick:7.1f} µs"
            + (f" | follow latency median {statistics.median(lat) * 1000:.0f} ms, worst {max(lat) * 1000:.0f} ms ({len(lat)} saves)" if lat else "")
            + f" | stats {idle['stats']}"
        )
    following = rows[1][1] / rows[0][1] if rows[0][1] else float("nan")
    waiting = rows[3][1] / rows[2][1] if rows[2][1] else float("nan")
    print(f"ratio, idle CPU with {history} beside / empty: following {following:.2f}, no meeting {waiting:.2f}")
    print(f"ratio, tick cost with {history} beside / empty: following {rows[1][2] / rows[0][2]:.2f}, no meeting (listing every tick) {rows[3][2] / rows[2][2]:.2f}")


if __name__ == "__main__":
    main()
