"""Retention: removing finished meetings and closed cases older than a date
(``bti-tui purge``).

What goes, decided by :func:`plan_purge` (read only) and done by
:func:`purge` (with the folder's lock held throughout, so the list shown is
what is removed):

- a meeting that is finished, held before ``before``, (with
  ``archived_only``: marked archived in ESA) and holds no case that is still
  open: its history stays while the case lives;
- a case that is not open, whose every meeting goes too, and (if its
  closing date is known) closed before ``before``; a case no meeting refers
  to goes only with a known closing date; (``archived_only``: marked);
- the app's own exports in ``<data>/referat/`` of those meetings (named by
  the meeting's date; kept while another meeting of that date stays);
- their archive marks and their ``.bak`` files; the case index
  (``index.json``, derived data) is built again without them.

"Open": a planned or running meeting; a case whose status is open (a case
without a status of its own, as before cases had one, is open while a
meeting not finished refers to it). Nothing open is ever removed. Every
file removed takes its backup with it; no temp copy is made.

A meeting or case file that cannot be read stops the purge (``PurgeBlocked``):
what it refers to is unknown, and ``bti-tui check`` says what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bti_tui.model import Case, Meeting, MeetingStatus
from bti_tui.store.documents import CASES, EXPORTS, MEETINGS, Problem, json_files
from bti_tui.store.errors import StoreError, WriteFailed, backup_path
from bti_tui.store.repository import Repository
from bti_tui.store.retention import drop_marks, load_marks
from bti_tui.store.storage import fsync_dir

INDEX_NAME = "index.json"  # the case index (store/case_index.py): derived data


class PurgeBlocked(StoreError):
    """Files that could not be read: nothing is purged until they are."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("purge.blocked", count=len(problems), paths=", ".join(str(p.path) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class PurgedMeeting:
    id: str
    date: date
    kind_id: str


@dataclass(frozen=True)
class PurgedCase:
    id: str
    last_met: date | None  # the last meeting about it, if any
    closed_on: date | None


@dataclass
class PurgePlan:
    """What a purge removes. ``kept_open``: finished meetings before the
    date that stay because a case of theirs is still open."""

    before: date
    archived_only: bool
    meetings: list[PurgedMeeting] = field(default_factory=list)
    cases: list[PurgedCase] = field(default_factory=list)
    exports: list[Path] = field(default_factory=list)
    kept_open: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.meetings or self.cases or self.exports)


# --- open and closed -------------------------------------------------------------------------
def case_is_open(case: Case, meetings: Iterable[Meeting]) -> bool:
    """A case's own status once it has one (closed or reopened:
    ``Case.status_history``); otherwise, as before cases had one, open
    while a meeting that is not finished refers to it."""
    if getattr(case, "status_history", None):
        return bool(case.is_open)
    return any(m.status is not MeetingStatus.FINISHED for m in meetings)


def case_closed_on(case: Case) -> date | None:
    """The date the case was closed, when it was closed in the app."""
    on = getattr(getattr(case, "closing", None), "on", None)
    return on if isinstance(on, date) else None


# --- reading everything ------------------------------------------------------------------------
def _load_all(repo: Repository) -> tuple[list[Meeting], dict[str, Case]]:
    problems: list[Problem] = []
    meetings: list[Meeting] = []
    cases: dict[str, Case] = {}
    for path in json_files(repo.data_dir / MEETINGS):
        try:
            meetings.append(repo.load_meeting(path.stem))
        except StoreError as exc:
            problems.append(Problem.of(path, exc))
    for path in json_files(repo.data_dir / CASES):
        try:
            cases[path.stem] = repo.load_case(path.stem)
        except StoreError as exc:
            problems.append(Problem.of(path, exc))
    if problems:
        raise PurgeBlocked(problems)
    return meetings, cases


def plan_purge(repo: Repository, before: date, *, archived_only: bool = False) -> PurgePlan:
    """What :func:`purge` would remove; reads only."""
    meetings, cases = _load_all(repo)
    marks = load_marks(repo.data_dir, repo.max_bytes)
    refs: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        for case_id in dict.fromkeys(meeting.case_ids):
            refs.setdefault(case_id, []).append(meeting)
    open_cases = {cid for cid, case in cases.items() if case_is_open(case, refs.get(cid, []))}
    # A meeting refers to a case file that is missing: nothing to say open or not.
    plan = PurgePlan(before, archived_only)
    gone: set[str] = set()
    for meeting in sorted(meetings, key=lambda m: (m.date, m.id)):
        if meeting.status is not MeetingStatus.FINISHED or meeting.date >= before:
            continue
        if archived_only and ("meeting", meeting.id) not in marks:
            continue
        if any(cid in open_cases for cid in meeting.case_ids):
            plan.kept_open.append(meeting.id)
            continue
        gone.add(meeting.id)
        plan.meetings.append(PurgedMeeting(meeting.id, meeting.date, meeting.kind_id))
    for case_id in sorted(cases):
        case, its = cases[case_id], refs.get(case_id, [])
        closed_on = case_closed_on(case)
        if case_id in open_cases or any(m.id not in gone for m in its):
            continue
        if (closed_on is None and not its) or (closed_on is not None and closed_on >= before):
            continue
        if archived_only and ("case", case_id) not in marks:
            continue
        plan.cases.append(PurgedCase(case_id, max((m.date for m in its), default=None), closed_on))
    kept_days = {m.date.isoformat() for m in meetings if m.id not in gone}
    days = {m.date.isoformat() for m in plan.meetings} - kept_days
    folder = repo.data_dir / EXPORTS
    if days and folder.is_dir() and not folder.is_symlink():
        plan.exports = sorted(p for p in folder.iterdir() if p.name[:10] in days and p.name[10:11] == "-")
    return plan


# --- removing ------------------------------------------------------------------------------
def _remove(repo: Repository, path: Path) -> None:
    """A document and its backup, and the repository's handle on it."""
    db = repo._dbs.pop(path, None)
    if db is not None:
        db.close()
    repo._current.discard(path)
    for victim in (path, backup_path(path)):
        victim.unlink(missing_ok=True)


def purge(repo: Repository, plan: PurgePlan) -> PurgePlan:
    """Remove what ``plan`` lists (made by :func:`plan_purge` under the same
    lock). Returns what was removed (the plan). ``WriteFailed`` if the disk
    refuses; what was removed before stays removed, and a new run finishes."""
    if repo.read_only or repo._lock is None:
        from bti_tui.store.errors import ReadOnly

        raise ReadOnly(repo.data_dir)
    touched: set[Path] = set()
    with repo._mutex:
        try:
            for meeting in plan.meetings:
                path = repo.meeting_path(meeting.id)
                _remove(repo, path)
                touched.add(path.parent)
            for case in plan.cases:
                repo.delete_case(case.id)  # also keeps a case index in step
            for path in plan.exports:
                if path.is_file() or path.is_symlink():
                    path.unlink()
                touched.add(path.parent)
            if not plan.empty:
                # The case index is derived data: built again without what went.
                repo.index.rebuild()
                backup_path(repo.data_dir / INDEX_NAME).unlink(missing_ok=True)
                touched.add(repo.data_dir)
            for folder in touched:
                fsync_dir(folder)
        except OSError as exc:
            raise WriteFailed(repo.data_dir, exc) from exc
        keys = {("meeting", m.id) for m in plan.meetings} | {("case", c.id) for c in plan.cases}
        drop_marks(repo, keys)
    return plan


def summary(plan: PurgePlan) -> dict[str, Any]:
    """Counts for messages."""
    return {"meetings": len(plan.meetings), "cases": len(plan.cases), "exports": len(plan.exports)}
