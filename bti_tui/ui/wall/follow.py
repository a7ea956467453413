"""Finding and following the meeting the app runs, read-only.

The wall opens the data folder read-only (no lock, nothing created, nothing
written) and asks only what changed. While it follows a meeting, one tick
stats that meeting's file, its cases' files and the meetings folder itself
(inode, size, mtime_ns): a few ``stat`` calls, however many years of
history lie beside it. A file is read again only when its signature
changed. The folder is listed again only

- while no meeting runs: when the meetings or plans folder changed (every
  save is a rename in its folder, which changes the folder's mtime), and
  at least every ``LIST_SECONDS`` for file systems with coarse times;
- while one runs: when the meetings folder changed but the followed file
  did not (another meeting was written: the app may have moved on).

Every write in the data folder is an atomic rename, so a read sees the old
file or the new one, whole. A file that cannot be read anyway (damaged,
from a newer app, gone for a moment) is not shown: the last good reading
stays on the wall and the file is read again on the next tick.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from bti_tui.model import Case, Meeting, MeetingKind, MeetingStatus
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository, StoreError
from bti_tui.store.repository import MEETINGS, MeetingSummary

#: Seconds between two looks at the followed meeting's files.
POLL_SECONDS = 0.4
#: While none runs, the folder is listed again at least this often even if
#: its mtime did not change (file systems whose times are coarse).
LIST_SECONDS = 30.0
#: A meeting still marked running whose clock has not moved for this long
#: was left behind (the app crashed and nobody finished it): not followed.
STALE_AFTER = timedelta(hours=12)
#: A planned meeting stays "next" until this long after its start time.
NEXT_GRACE = timedelta(hours=2)

Signature = tuple[int, int, int] | None


def signature(path: Path) -> Signature:
    """(inode, size, mtime_ns) of a file; None if it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class Followed:
    """The running meeting as last read whole."""

    meeting: Meeting
    kind: MeetingKind
    cases: dict[str, Case]


@dataclass(frozen=True)
class Upcoming:
    """The next planned meeting: from the meetings folder or a half-year plan."""

    starts_at: datetime
    place: str
    kind_id: str


@dataclass
class FollowStats:
    """What the follower did, for tests and benchmarks/wall.py."""

    ticks: int = 0
    stats: int = 0  # stat calls
    reads: int = 0  # meeting or case files parsed
    listings: int = 0  # listings of the meetings folder
    refused: int = 0  # reads that failed and wait for the next tick


@dataclass
class _Watch:
    meeting_id: str
    files: dict[Path, Signature] = field(default_factory=dict)
    folder: Signature = None


class Follower:
    """The wall's view of the data folder. ``tick()`` is called every
    ``POLL_SECONDS``; it returns True when what the wall shows changed."""

    def __init__(
        self,
        data_dir: Path,
        now: Callable[[], datetime] = datetime.now,
        monotonic: Callable[[], float] = time.monotonic,
        list_every: float = LIST_SECONDS,
        max_bytes: int | None = None,
    ) -> None:
        limit = {} if max_bytes is None else {"max_bytes": max_bytes}  # the store's own default otherwise
        self.repo = Repository.open(Path(data_dir), read_only=True, **limit)
        self.now = now
        self.monotonic = monotonic
        self.list_every = list_every
        self.followed: Followed | None = None
        self.upcoming: Upcoming | None = None
        self.stats = FollowStats()
        self._watch: _Watch | None = None
        self._next_listing = 0.0
        self._folders: tuple[Signature, Signature] | None = None  # meetings, plans: as last listed
        self._left_behind: dict[Path, Signature] = {}  # stale running meetings, by signature
        self._plans_sig: Signature = None
        self._plans: list[Upcoming] = []

    @property
    def data_dir(self) -> Path:
        return self.repo.data_dir

    def close(self) -> None:
        self.repo.close()

    # --- the tick ------------------------------------------------------------------------
    def tick(self) -> bool:
        self.stats.ticks += 1
        if self._watch is not None:
            return self._follow(self._watch)
        if self._folders_now() != self._folders or self.monotonic() >= self._next_listing:
            return self._find()
        return False

    def _folders_now(self) -> tuple[Signature, Signature]:
        from bti_tui.store.plans import PLANS

        return self._stat(self.data_dir / MEETINGS), self._stat(self.data_dir / PLANS)

    def _stat(self, path: Path) -> Signature:
        self.stats.stats += 1
        return signature(path)

    def _follow(self, watch: _Watch) -> bool:
        files = {path: self._stat(path) for path in watch.files}
        folder = self._stat(self.data_dir / MEETINGS)
        if files == watch.files:
            if folder != watch.folder:
                # Another meeting file was written: look again at them all.
                return self._find()
            return False
        meeting_path = self.repo.meeting_path(watch.meeting_id)
        if files[meeting_path] is None:  # removed
            return self._find()
        loaded = self._load(watch.meeting_id, files)
        if loaded is None:
            return False  # half there or damaged: try again on the next tick
        followed, files = loaded
        if followed.meeting.status is not MeetingStatus.RUNNING:
            return self._find()
        watch.files, watch.folder = files, folder
        self.followed = followed
        return True

    def _load(self, meeting_id: str, known: dict[Path, Signature]) -> tuple[Followed, dict[Path, Signature]] | None:
        """The meeting and its cases, with the signatures taken before
        reading; None if a file could not be read whole now."""
        meeting_path = self.repo.meeting_path(meeting_id)
        files = {meeting_path: known.get(meeting_path) or self._stat(meeting_path)}
        try:
            self.stats.reads += 1
            meeting = self.repo.load_meeting(meeting_id)
            kind = meeting_kind(meeting.kind_id)
            cases: dict[str, Case] = {}
            for case_id in meeting.case_ids:
                path = self.repo.case_path(case_id)
                files[path] = known[path] if path in known else self._stat(path)
                if files[path] is None:
                    continue  # not written yet: shown as "Sak N" until it is
                self.stats.reads += 1
                cases[case_id] = self.repo.load_case(case_id)
        except (StoreError, OSError, KeyError):
            self.stats.refused += 1
            return None
        return Followed(meeting, kind, cases), files

    # --- finding the running meeting -------------------------------------------------------
    def _find(self) -> bool:
        """List the meetings folder: follow the running meeting changed last,
        or else know the next planned one."""
        self.stats.listings += 1
        self._next_listing = self.monotonic() + self.list_every
        before = (self.followed, self.upcoming)
        self._folders = self._folders_now()
        folder = self._folders[0]
        try:
            summaries = self.repo.list_meetings()
        except OSError:
            summaries = []
        running = [s for s in summaries if s.status is MeetingStatus.RUNNING]
        changed = sorted(
            ((self._stat(self.repo.meeting_path(s.id)), s.id) for s in running),
            key=lambda pair: pair[0][2] if pair[0] else 0,
            reverse=True,
        )
        for sig, meeting_id in changed:
            path = self.repo.meeting_path(meeting_id)
            if sig is None or self._left_behind.get(path) == sig:
                continue
            loaded = self._load(meeting_id, {path: sig})
            if loaded is None:
                continue
            followed, files = loaded
            if followed.meeting.status is not MeetingStatus.RUNNING:
                continue
            if self._stale(followed.meeting):
                self._left_behind[path] = sig
                continue
            self._watch = _Watch(meeting_id, files, folder)
            self.followed = followed
            return True
        self._watch = None
        self.followed = None
        self.upcoming = self._next_planned(summaries)
        return (self.followed, self.upcoming) != before

    def _stale(self, meeting: Meeting) -> bool:
        events = meeting.clock.events
        return bool(events) and self.now() - events[-1].at > STALE_AFTER

    def _next_planned(self, summaries: list[MeetingSummary]) -> Upcoming | None:
        after = self.now() - NEXT_GRACE
        options = [
            Upcoming(datetime.combine(s.date, s.start_time), s.place, s.kind_id)
            for s in summaries
            if s.status is MeetingStatus.PLANNED
        ]
        options += self._planned_dates()
        options = [o for o in options if o.starts_at >= after]
        return min(options, key=lambda o: o.starts_at, default=None)

    def _planned_dates(self) -> list[Upcoming]:
        """The plans' dates not yet opened as meetings; the plans folder is
        read again only when it changed."""
        from bti_tui.store.plans import PLANS, PlanStore

        sig = self._stat(self.data_dir / PLANS)
        if sig == self._plans_sig:
            return self._plans
        store = PlanStore(self.repo)
        try:
            plans = store.list_plans()
        except OSError:
            return self._plans
        self._plans_sig = sig
        self._plans = [
            Upcoming(datetime.combine(d.date, plan.start_time), plan.place, plan.kind_id)
            for plan in plans
            for d in plan.active
            if d.meeting_id is None
        ]
        return self._plans
