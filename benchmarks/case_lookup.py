"""The case lookup at intake and the case overview with ten years of cases
(issues 16 and 20, target 5: each under 50 ms), through the store's case
index, on benchmarks/history.py's ten years (1,000 cases, 640 meetings).

Times, in a new read-only session (as at intake: the first question after
opening; median of 7) and again warm (median of 7):

* ``CaseBook.find_existing(initials, birth_date)`` — the intake lookup, for
  an open case of the history;
* ``CaseBook.open_cases(today)`` — the overview (every open case with its
  stafettholder, meetings, next meeting, open and overdue agreements; about
  100 of the 1,000 are open: its cost grows with the rows, so the overview
  of every case is timed too, for scale);

and, for scale, what one case save costs when its index record changes
(an agreement added: the index file is rewritten) and when it does not,
and reading every case file without the index.

Run: ``.venv/bin/python benchmarks/case_lookup.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
import report  # noqa: E402
from history import TODAY  # noqa: E402

from bti_tui.model import Agreement, Case, CaseStatus  # noqa: E402
from bti_tui.session import CaseBook  # noqa: E402
from bti_tui.store import Repository  # noqa: E402

TARGET_MS = 50.0


def median_ms(fn: Callable[[], object], n: int = 7) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def an_open_case(repo: Repository, ids: list[str]) -> Case:
    """The first open, named case of the history (the same one for a seed)."""
    for case_id in ids:
        case = repo.load_case(case_id)
        if case.status is CaseStatus.OPEN and case.reference.initials and case.reference.birth_date:
            return case
    raise LookupError("no open named case in the history")


def measure(tmp: Path) -> dict[str, object]:
    folder = data.copy_of(data.history(10), tmp / "data")
    ids = sorted(p.stem for p in (folder / "cases").glob("*.json"))
    with Repository.open(folder) as repo:
        case = an_open_case(repo, ids)
        changed = [0]

        def save_changed() -> None:
            changed[0] += 1
            case.agreements.append(Agreement(f"a-bench-{changed[0]}", "Ny", "Ola", "Skolen", None, "m-bench"))
            repo.save_case(case)

        save_with_index = median_ms(save_changed, 21)
        save_without = median_ms(lambda: repo.save_case(case), 21)
    ref = case.reference
    assert ref.initials and ref.birth_date

    def cold(question: Callable[[CaseBook], object]) -> Callable[[], object]:
        def run() -> object:
            with Repository.open(folder, read_only=True) as reader:
                return question(CaseBook(reader))

        return run

    lookup = lambda book: book.find_existing(ref.initials.lower(), ref.birth_date, today=TODAY)  # noqa: E731
    overview = lambda book: book.open_cases(TODAY)  # noqa: E731
    found, rows = cold(lookup)(), cold(overview)()
    with Repository.open(folder, read_only=True) as reader:
        book = CaseBook(reader)
        lookup(book)
        warm_lookup, warm_overview = median_ms(lambda: lookup(book)), median_ms(lambda: overview(book))
        every = len(book.open_cases(TODAY, status="all"))
        warm_all = median_ms(lambda: book.open_cases(TODAY, status="all"))
        no_index = median_ms(lambda: [reader.load_case(i) for i in ids], 1)
    return {
        "cases": len(ids),
        "index_kb": (folder / "index.json").stat().st_size / 1024,
        "found": len(found),
        "open": len(rows),
        "figures": [
            ("intake lookup, new session", median_ms(cold(lookup))),
            ("intake lookup, warm", warm_lookup),
            ("overview of open cases, new session", median_ms(cold(overview))),
            ("overview of open cases, warm", warm_overview),
        ],
        "save_with_index": save_with_index,
        "save_without": save_without,
        "no_index": no_index,
        "all": (every, warm_all),
    }


def show(r: dict) -> None:
    print(f"case lookup and overview: {r['cases']} cases, ten years of history ({report.load()})")
    print(f"  index.json {r['index_kb']:.0f} KB; the lookup found {r['found']} case(s); the overview lists {r['open']} open case(s)")
    for label, ms in r["figures"]:
        print(f"  {label:<38} {ms:7.2f} ms   {'PASS' if ms < TARGET_MS else 'MISS'}")
    print(f"  for scale: the overview of every case, open and closed ({r['all'][0]} rows), warm: {r['all'][1]:.1f} ms")
    print(f"  for scale: one case save that changes its index record {r['save_with_index']:.2f} ms, one that does not {r['save_without']:.2f} ms")
    print(f"  for scale: reading all {r['cases']} case files without the index {r['no_index']:.0f} ms")


def targets(r: dict) -> None:
    worst = max(ms for _, ms in r["figures"])
    fig = dict(r["figures"])
    figure = f"lookup {fig['intake lookup, new session']:.0f} ms, overview {fig['overview of open cases, new session']:.0f} ms (new session; warm {fig['intake lookup, warm']:.0f}, {fig['overview of open cases, warm']:.0f})"
    report.target(5, "case lookup at intake, case overview, 10y", figure, "< 50 ms each", worst < TARGET_MS)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bti-cases-") as tmp:
        r = measure(Path(tmp))
    show(r)
    targets(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
