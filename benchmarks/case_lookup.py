"""The case lookup at intake and the case overview with ten years of cases
(issue 16: each under 50 ms), through the store's case index.

Creates N cases (default 1,000) through the store — ``Repository.save_case``
and ``save_meeting`` inside ``repo.index.deferred()``, so the index is built
from the files once at the end — spread over ten years of meetings, some
closed, each with agreements; then
times, in a new read-only session (as at intake: the first question after
opening) and again warm:

* ``CaseBook.find_existing(initials, birth_date)`` — the intake lookup;
* ``CaseBook.open_cases(today)`` — the overview (every open case with its
  stafettholder, meetings, next meeting, open and overdue agreements);

and, for scale, what one case save costs when its index record changes
(an agreement added: the index file is rewritten) and when it does not (a
step change: the index is not written), and reading every case file without
the index.

Run: ``.venv/bin/python benchmarks/case_lookup.py [N] [FOLDER]`` — FOLDER
is where the temporary data folder goes (default the system temp folder).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, time as clock, timedelta
from pathlib import Path

from bti_tui.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseReference,
    ClosingReason,
    Consent,
    ConsentStatus,
    Meeting,
)
from bti_tui.resources import meeting_kind
from bti_tui.session import CaseBook
from bti_tui.store import Repository

TARGET_MS = 50.0
TODAY = date(2026, 11, 24)
YEARS = 10
LETTERS = "ABDEFGHIKLMNOPRSTÅØ"


def median_ms(fn: Callable[[], object], n: int = 7) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fill(repo: Repository, n: int, rng: random.Random) -> Case:
    """N cases over ten years, two per meeting, one meeting in three met
    again later; returns one open named case to look up."""
    kind = meeting_kind("instansmote-skole")
    first = TODAY - timedelta(days=365 * YEARS)
    step = timedelta(days=365 * YEARS // max(n // 2, 1))
    wanted: Case | None = None
    previous: list[Case] = []
    for index in range(0, n, 2):
        on = first + step * (index // 2)
        meeting = Meeting.plan(kind, on, clock(9, 0), "Nordby skole", "nb", f"{on.isoformat()}-m{index:05d}")
        cases = []
        for offset in range(2):
            if index + offset >= n:
                break
            initials = rng.choice(LETTERS) + rng.choice(LETTERS)
            born = on - timedelta(days=rng.randint(365 * 2, 365 * 15))
            case = Case(f"c-{index + offset:05d}", CaseReference(initials, born), consent=Consent(ConsentStatus.GIVEN, ["Skolen"]))
            for number in range(rng.randint(1, 4)):
                due = on + timedelta(days=rng.randint(7, 120)) if rng.random() < 0.8 else None
                status = AgreementStatus.OPEN if on > TODAY - timedelta(days=365) or rng.random() < 0.1 else AgreementStatus.DONE
                case.agreements.append(Agreement(f"a-{case.id}-{number}", "Tiltak", "Kari", "Skolen", due, meeting.id, status))
            case.assign_stafettholder(rng.choice(["Kari Nordmann", "Ola Hansen", "Siri Dahl"]), "Skolen", meeting.id, on)
            if on < TODAY - timedelta(days=400):
                case.close(on + timedelta(days=200), rng.choice(list(ClosingReason)[:-1]))
            cases.append(case)
        if previous and index % 6 == 0:
            cases[-1] = previous.pop()  # a child met again
        for slot, case in zip(meeting.slots, cases, strict=False):
            slot.case_id = case.id
            repo.save_case(case)
        repo.save_meeting(meeting)
        previous = [c for c in cases if c.is_open][:1] or previous
        if cases and cases[0].is_open:
            wanted = cases[0]
    assert wanted is not None
    return wanted


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    base = sys.argv[2] if len(sys.argv) > 2 else None
    rng = random.Random(16)
    with tempfile.TemporaryDirectory(prefix="bti-cases-", dir=base) as tmp_name:
        folder = Path(tmp_name) / "data"
        started = time.perf_counter()
        with Repository.open(folder) as repo:
            with repo.index.deferred():  # built once at the end, not after each save
                wanted = fill(repo, n, rng)
            index_kb = (folder / "index.json").stat().st_size / 1024
            case = repo.load_case(wanted.id)
            changed = [0]

            def save_changed() -> None:
                changed[0] += 1
                case.agreements.append(Agreement(f"a-bench-{changed[0]}", "Ny", "Ola", "Skolen", None, "m-bench"))
                repo.save_case(case)

            save_with_index = median_ms(save_changed, 21)
            save_without = median_ms(lambda: repo.save_case(case), 21)
        built = time.perf_counter() - started
        ref = wanted.reference
        assert ref.initials and ref.birth_date

        def cold(question: Callable[[CaseBook], object]) -> Callable[[], object]:
            def run() -> object:
                with Repository.open(folder, read_only=True) as reader:
                    return question(CaseBook(reader))

            return run

        lookup = lambda book: book.find_existing(ref.initials.lower(), ref.birth_date, today=TODAY)  # noqa: E731
        overview = lambda book: book.open_cases(TODAY)  # noqa: E731
        found = cold(lookup)()
        rows = cold(overview)()
        with Repository.open(folder, read_only=True) as reader:
            book = CaseBook(reader)
            lookup(book)
            warm_lookup = median_ms(lambda: lookup(book))
            warm_overview = median_ms(lambda: overview(book))
            ids = sorted(p.stem for p in (folder / "cases").glob("*.json"))
            no_index = median_ms(lambda: [reader.load_case(i) for i in ids], 1)
        figures = [
            ("intake lookup, new session", median_ms(cold(lookup))),
            ("intake lookup, warm", warm_lookup),
            ("overview of open cases, new session", median_ms(cold(overview))),
            ("overview of open cases, warm", warm_overview),
        ]
    print(f"case lookup and overview (issue 16): {n} cases over {YEARS} years, built through the store in {built:.1f} s")
    print(f"  index.json {index_kb:.0f} KB; the lookup found {len(found)} case(s); the overview lists {len(rows)} open case(s)")
    for label, ms in figures:
        verdict = "PASS" if ms < TARGET_MS else "MISS"
        print(f"  {label:<38} {ms:7.2f} ms   target < {TARGET_MS:.0f} ms   {verdict}")
    print(f"  for scale: one case save that changes its index record {save_with_index:.2f} ms, one that does not {save_without:.2f} ms")
    print(f"  for scale: reading all {len(ids)} case files without the index {no_index:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
