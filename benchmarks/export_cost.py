"""Exporting one case's referat, beside no history and beside ten years of
it (issue 20, target 4: ≤ 1.1× empty), in md, html and pdf.

Through the code the app's export action runs
(``bti_tui.session.exports.export_referat``: every pending save flushed, the
referat built from the open meeting session, rendered — the PDF by the Typst
binding — and written atomically into ``<data>/referat/``), for case 1 of
the finished demo meeting (its notes, agreements and consent), in a data
folder holding only the demo and in one holding the demo and ten years
(benchmarks/history.py). In one process: the first export of each format
warms what is loaded once (Typst's fonts), then N of each, interleaved
folder by folder. The figure compared is CPU time (``time.process_time``,
every thread of the process: Typst's too); the wall time, the shared disk's
fsync waits included, is printed beside it.

Run: ``.venv/bin/python benchmarks/export_cost.py [N]`` (default 31).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
import report  # noqa: E402

from bti_tui.session.autosave import Autosaver  # noqa: E402
from bti_tui.session.demo import write_demo  # noqa: E402
from bti_tui.session.exports import EXPORT_FORMATS, export_referat  # noqa: E402
from bti_tui.session.opening import open_meeting  # noqa: E402
from bti_tui.store import Repository  # noqa: E402

MEETING = "demo-ferdig"  # the finished demo meeting: notes, agreements, consent
ROWS = ("empty", "10 years")


def _fail(error: BaseException) -> None:
    raise error


def measure(tmp: Path, n: int) -> dict[str, object]:
    folders = {"empty": tmp / "empty", "10 years": data.copy_of(data.history(10), tmp / "full")}
    repos, sessions, opened = {}, {}, {}
    try:
        for label, folder in folders.items():
            repo = repos[label] = Repository.open(folder)
            write_demo(repo, date.today(), "nb")
            saver = Autosaver(repo, _fail)
            open_meeting(saver, MEETING, datetime.now)  # the first pays the imports
            start = time.perf_counter()
            sessions[label] = open_meeting(saver, MEETING, datetime.now)
            opened[label] = (time.perf_counter() - start) * 1000
        first: dict[str, float] = {}
        times: dict[tuple[str, str], list[float]] = {(f, label): [] for f in EXPORT_FORMATS for label in ROWS}
        cpu: dict[tuple[str, str], list[float]] = {(f, label): [] for f in EXPORT_FORMATS for label in ROWS}
        sizes: dict[str, int] = {}
        os.sync()  # the copy just made is written back before the clock runs
        for fmt in EXPORT_FORMATS:
            start = time.perf_counter()
            export_referat(sessions["empty"], "nb", fmt, 1)  # what a process loads once (Typst's fonts)
            first[fmt] = (time.perf_counter() - start) * 1000
            export_referat(sessions["10 years"], "nb", fmt, 1)  # both files there, untimed
            for i in range(n):
                for label in ROWS if i % 2 else ROWS[::-1]:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    path = export_referat(sessions[label], "nb", fmt, 1)
                    times[(fmt, label)].append(time.perf_counter() - start)
                    cpu[(fmt, label)].append(time.process_time() - start_cpu)
                    sizes[fmt] = path.stat().st_size
    finally:
        for session in sessions.values():
            session.saver.close()
        for repo in repos.values():
            repo.close()
    medians = {key: report.median(t) * 1000 for key, t in times.items()}
    cpu_medians = {key: report.median(t) * 1000 for key, t in cpu.items()}
    return {"medians": medians, "cpu": cpu_medians, "first": first, "opened": opened, "sizes": sizes}


def show(r: dict, n: int) -> None:
    print(f"export of case 1's referat (session.exports.export_referat), median of {n} each, interleaved ({report.load()})")
    print(f"  {'':14} {'CPU ms':>22} {'wall ms':>22}")
    print(f"  {'format':6} {'bytes':>7} {'empty':>7} {'10 years':>8} {'ratio':>5} {'empty':>7} {'10 years':>8} {'ratio':>5}   first in the process")
    for fmt in EXPORT_FORMATS:
        ce, ch = r["cpu"][(fmt, "empty")], r["cpu"][(fmt, "10 years")]
        e, h = r["medians"][(fmt, "empty")], r["medians"][(fmt, "10 years")]
        print(f"  {fmt:6} {r['sizes'][fmt]:7} {ce:7.2f} {ch:8.2f} {ch / ce:5.2f} {e:7.2f} {h:8.2f} {h / e:5.2f}   {r['first'][fmt]:.0f} ms")
    print(f"  for scale: opening the meeting session (load meeting and cases): empty {r['opened']['empty']:.1f} ms, 10 years {r['opened']['10 years']:.1f} ms")


def targets(r: dict) -> None:
    ratios = {fmt: r["cpu"][(fmt, "10 years")] / r["cpu"][(fmt, "empty")] for fmt in EXPORT_FORMATS}
    wall = {fmt: r["medians"][(fmt, "10 years")] / r["medians"][(fmt, "empty")] for fmt in EXPORT_FORMATS}
    figure = "CPU " + ", ".join(f"{fmt} {ratio:.2f}x" for fmt, ratio in ratios.items())
    figure += " (wall " + ", ".join(f"{wall[fmt]:.2f}x" for fmt in EXPORT_FORMATS) + f"; pdf {r['medians'][('pdf', '10 years')]:.0f} ms)"
    report.target(4, "export one case referat, 10y / empty", figure, "<= 1.1x each", all(x <= 1.1 for x in ratios.values()))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 31
    with tempfile.TemporaryDirectory(prefix="bti-export-") as tmp:
        r = measure(Path(tmp), n)
    show(r, n)
    targets(r)


if __name__ == "__main__":
    main()
