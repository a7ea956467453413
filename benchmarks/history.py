"""A municipality's years of BTI meetings, written through the app's own
store (issue 20): the data every benchmark measures beside.

Per 10 years (and the year after, planned): a half-year plan per kind and
term; about 240 instansmøter (two kinds: school and 0–6 years), 400
interne arbeidsmøter, 1,000 cases (many met 2–5 times; most of those not
met for two years closed; cases registered at intake and never met, closed
unless recent: about a tenth are open),
5,000 agreements with statuses, notes of realistic length. Fictional and
deterministic: the same seed gives the same bytes (the folder must be new).
Its output passes ``bti-tui check``.

Run: ``.venv/bin/python benchmarks/history.py --years 10 --data-dir DIR [--seed N]``
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date, time, timedelta
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
    MeetingStatus,
)
from bti_tui.calendar_days import public_holidays
from bti_tui.model.plan import HalfYear, MonthlyRule, Term, make_plan
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository
from bti_tui.store.plans import PlanStore

TODAY = date(2026, 11, 24)  # fixed, so the bytes do not depend on the day it runs
PER_YEAR = {"instansmote-skole": 14, "instansmote-0-6": 10, "internt-arbeidsmote": 40}
CASES_PER_YEAR = 100
AGREEMENTS_PER_CASE = 5  # per case slot of a meeting: about 5,000 in 10 years
LETTERS = "ABDEFGHIKLMNOPRSTÅØ"
PEOPLE = ["Kari Nordmann", "Ola Hansen", "Siri Dahl", "Per Berg", "Nina Lie", "Anders Moe"]
SERVICES = ["Skolen", "Barnehagen", "Helsestasjonen", "PPT", "Barnevernet", "BUP", "Familietjenesten"]
PLACES = ["Nordby skole, møterom 2", "Sørli barnehage", "Rådhuset, møterom 1", "Helsestasjonen"]
# Fictional sentences of the kind a referent writes; a note is several of them.
SENTENCES = [
    "Eleven har hatt økende fravær siden høstferien, mest på mandager.",
    "Foresatte forteller om vansker med søvn og morgenrutiner hjemme.",
    "Kontaktlærer ser at barnet trekker seg unna i friminuttene.",
    "Helsesykepleier har hatt tre samtaler, barnet beskriver uro i magen.",
    "Det er enighet om å prøve fast oppstart med en voksen som møter barnet ved porten.",
    "PPT har observert i klassen og anbefaler tilpasset opplæring i lesing.",
    "Familien ønsker veiledning og har takket ja til foreldrekurs.",
    "Tiltakene fra forrige møte er delvis gjennomført; samarbeidet oppleves godt.",
    "Barnet sier selv at det er bedre når det vet hva som skal skje i løpet av dagen.",
    "Vi avtaler å se på utviklingen igjen før jul og justere ved behov.",
]


def note(rng: random.Random) -> str:
    """A note of 2–12 sentences (about 100–900 characters), some in paragraphs."""
    parts = [rng.choice(SENTENCES) for _ in range(rng.randint(2, 12))]
    return "\n\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3))


def new_case(rng: random.Random, number: int, on: date) -> Case:
    initials = rng.choice(LETTERS) + rng.choice(LETTERS)
    born = on - timedelta(days=rng.randint(365, 365 * 16))
    return Case(f"c-{number:05d}", CaseReference(initials, born), consent=Consent(ConsentStatus.GIVEN, rng.sample(SERVICES, 2)))


def write_history(repo: Repository, years: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    first = date(TODAY.year - years, 1, 1)
    meetings: list[tuple[date, str]] = []
    for year in range(years):
        for kind_id, count in PER_YEAR.items():
            for n in range(count):
                day = date(first.year + year, 1, 1) + timedelta(days=(n * 365) // count + rng.randint(0, 5))
                meetings.append((day, kind_id))
    meetings.sort()
    cases: list[Case] = []
    open_cases: list[Case] = []
    last_met: dict[str, date] = {}
    counts = {"meetings": 0, "cases": 0, "agreements": 0}
    case_quota = CASES_PER_YEAR * years
    with repo.index.deferred():  # the index is built once at the end
        for number, (day, kind_id) in enumerate(meetings):
            kind = meeting_kind(kind_id)
            meeting = Meeting.plan(kind, day, time(rng.choice([8, 9, 12, 13]), rng.choice([0, 30])), rng.choice(PLACES), "nb", f"{day.isoformat()}-{kind_id}-{number:04d}")
            meeting.status = MeetingStatus.FINISHED if day < TODAY else MeetingStatus.PLANNED
            for participant in meeting.participants:  # random ids otherwise: same seed, same bytes
                participant.id = f"p-{rng.getrandbits(24):06x}"
            for slot in meeting.slots:
                others = [c for c in open_cases if c.id not in meeting.case_ids]
                again = others and (rng.random() < 0.35 or len(cases) >= case_quota)
                if again:
                    case = rng.choice(others)
                else:
                    case = new_case(rng, len(cases), day)
                    cases.append(case)
                    open_cases.append(case)
                    case.assign_stafettholder(rng.choice(PEOPLE), rng.choice(SERVICES), meeting.id, day)
                slot.case_id = case.id
                last_met[case.id] = day
                if meeting.status is MeetingStatus.FINISHED:
                    slot.notes = {step.id: note(rng) for step in kind.steps if rng.random() < 0.7}
                for a in range(rng.randint(AGREEMENTS_PER_CASE - 2, AGREEMENTS_PER_CASE + 3)):
                    due = day + timedelta(days=rng.randint(14, 120)) if rng.random() < 0.85 else None
                    old = day < TODAY - timedelta(days=365)
                    status = rng.choice([AgreementStatus.DONE, AgreementStatus.DONE, AgreementStatus.DROPPED]) if old else rng.choice(list(AgreementStatus)[:3])
                    case.agreements.append(Agreement(f"a-{meeting.id}-{slot.case_id}-{a}", rng.choice(SENTENCES)[:60], rng.choice(PEOPLE), rng.choice(SERVICES), due, meeting.id, status))
                    counts["agreements"] += 1
                if day < TODAY - timedelta(days=400) and rng.random() < 0.3 and case in open_cases:
                    case.close(day + timedelta(days=rng.randint(30, 200)), rng.choice(list(ClosingReason)[:-1]))
                    open_cases.remove(case)
                repo.save_case(case)
            repo.save_meeting(meeting)
            counts["meetings"] += 1
        # A child not met for two years has long since been followed up:
        # most such cases are closed, within a year of their last meeting.
        for case in list(open_cases):
            last = last_met[case.id]
            if last < TODAY - timedelta(days=730) and rng.random() < 0.9:
                case.close(last + timedelta(days=rng.randint(60, 365)), rng.choice(list(ClosingReason)[:-1]))
                open_cases.remove(case)
                repo.save_case(case)
        # Cases registered at intake and never brought to a meeting (the rest
        # of the quota), over all the years: those of the last three months
        # are waiting for one, the older ones were closed within weeks
        # (the family moved, said no, or the school's own measures sufficed).
        waiting = TODAY - timedelta(days=90)
        while len(cases) < case_quota:
            on = first + timedelta(days=rng.randint(0, (TODAY - first).days))
            case = new_case(rng, len(cases), on)
            cases.append(case)
            if on < waiting:
                case.close(on + timedelta(days=rng.randint(14, 90)), rng.choice(list(ClosingReason)[:-1]))
            repo.save_case(case)
    counts["plans"] = write_plans(repo, rng, first.year, TODAY.year + 1)
    counts["cases"] = len(cases)
    return counts


def write_plans(repo: Repository, rng: random.Random, first_year: int, last_year: int) -> int:
    """A half-year plan per meeting kind and term (issue 19's plans): the
    second weekday of each month, public holidays moved, as a municipality
    plans its year."""
    store = PlanStore(repo)
    holidays = public_holidays(date(first_year, 1, 1), date(last_year, 12, 31), "nb")
    count = 0
    for year in range(first_year, last_year + 1):
        for term in (Term.SPRING, Term.AUTUMN):
            half = HalfYear(year, term)
            for kind_id in PER_YEAR:
                plan = make_plan(
                    meeting_kind(kind_id), rng.choice(PLACES), time(rng.choice([9, 13]), 0), half.first, half.last,
                    rule=MonthlyRule(rng.randint(0, 4), 2), holidays=holidays, plan_id=f"plan-{half.key}-{kind_id}",
                )
                store.save_plan(plan)
                count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--fsync", action="store_true", help="fsync every file and folder as the app does (3x slower; the same bytes)")
    args = parser.parse_args(argv)
    if args.data_dir.exists() and any(args.data_dir.iterdir()):
        print(f"{args.data_dir} is not empty: the history goes into a new folder", file=sys.stderr)
        return 2
    real_fsync = os.fsync
    if not args.fsync:
        # Two thirds of the time went to fsync (file and folder, each save):
        # the store's own code writes the same bytes without it, and a
        # benchmark's data need not survive a power cut.
        os.fsync = lambda fd: None
    try:
        with Repository.open(args.data_dir) as repo:
            counts = write_history(repo, args.years, args.seed)
    finally:
        os.fsync = real_fsync
    print(f"{args.years} years in {args.data_dir}: {counts['meetings']} meetings, {counts['cases']} cases, {counts['agreements']} agreements, {counts['plans']} half-year plans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
