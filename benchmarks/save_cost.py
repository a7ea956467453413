"""Does the cost of one save grow with years of history? (DESIGN "Saving")

Times ``Repository.save_meeting`` (the autosave of the live meeting: one note
changed) in an empty data folder and in one holding 10 years of history
(2 meeting series x 12 meetings x 10 years, each meeting with 2 cases and
full notes), and prints the ratio; also ``list_meetings()`` cold (a new
session) and warm.

Run: ``.venv/bin/python benchmarks/save_cost.py [N] [FOLDER]`` — N saves
(default 200); FOLDER is where the temporary data folders go (default the
system temp folder; on tmpfs fsync costs nothing, so pass a folder on a
real disk to see the disk's cost too).
"""

from __future__ import annotations

import copy
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bti_tui.demo import build_demo
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository

YEARS, SERIES, PER_YEAR = 10, 2, 12


def median_ms(fn: Callable[[], object], n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fill_history(repo: Repository, today: date) -> int:
    demo = build_demo(meeting_kinds(), today, "nb")
    template, cases = demo.meetings[0], demo.cases[:2]
    # Many saves in a row: the case index is built once at the end, not
    # rewritten after each save (what an import would do too).
    with repo.index.deferred():
        return _fill(repo, today, template, cases)


def _fill(repo: Repository, today: date, template, cases) -> int:
    count = 0
    for year in range(YEARS):
        for series in range(SERIES):
            for month in range(PER_YEAR):
                on = date(today.year - YEARS + year, month + 1, 10 + series)
                meeting = copy.deepcopy(template)
                meeting.id = f"{on.isoformat()}-s{series}"
                meeting.date = on
                for index, slot in enumerate(meeting.slots):
                    case = copy.deepcopy(cases[index])
                    case.id = f"{meeting.id}-c{index}"
                    slot.case_id = case.id
                    slot.notes = {k: v * 3 for k, v in slot.notes.items()}  # full notes
                    repo.save_case(case)
                repo.save_meeting(meeting)
                count += 1
    return count


def measure(folder: Path, n: int, today: date) -> dict[str, float]:
    with Repository.open(folder) as repo:
        live = build_demo(meeting_kinds(), today, "nb").meetings[1]
        live.id = "live"
        repo.save_meeting(live)
        counter = iter(range(10**9))

        def save() -> None:
            live.slots[0].notes["g-problem"] = f"Notat som skrives {next(counter)}"
            repo.save_meeting(live)

        result = {"save": median_ms(save, n)}
    with Repository.open(folder, read_only=True) as reader:
        start = time.perf_counter()
        listed = reader.list_meetings()
        result["list_cold"] = (time.perf_counter() - start) * 1000
        result["list_warm"] = median_ms(reader.list_meetings, max(3, n // 10))
        result["meetings"] = len(listed)
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    where = sys.argv[2] if len(sys.argv) > 2 else None
    today = date.today()
    with tempfile.TemporaryDirectory(dir=where) as tmp:
        empty = measure(Path(tmp) / "empty", n, today)
        history_dir = Path(tmp) / "history"
        with Repository.open(history_dir) as repo:
            fill_history(repo, today)
        full = measure(history_dir, n, today)
    print(f"save_meeting, median of {n}:")
    print(f"  empty folder      ({empty['meetings']:>4.0f} meetings): {empty['save']:7.3f} ms")
    print(f"  10 years' history ({full['meetings']:>4.0f} meetings): {full['save']:7.3f} ms")
    print(f"  ratio history/empty: {full['save'] / empty['save']:.2f}")
    print("list_meetings (cold = first call of a session, warm = median of later calls):")
    print(f"  empty:   cold {empty['list_cold']:7.2f} ms   warm {empty['list_warm']:7.3f} ms")
    print(f"  history: cold {full['list_cold']:7.2f} ms   warm {full['list_warm']:7.3f} ms")


if __name__ == "__main__":
    main()
