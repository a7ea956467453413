"""Half-year plans and the case queue in the data folder.

::

    <data>/plans/<plan_id>.json       one half-year plan
    <data>/queue/<queue_id>.json      one queued case

The same rules as meetings and cases: each file is a TinyDB document written
by the repository (``AtomicJSONStorage``: atomic, 0600, a ``.bak`` of the
last good file, a schema version), only while the repository holds the
folder's lock. Reading takes no lock and writes nothing, so ``bti-tui plan
list`` works while the app is open.

This module wraps a ``Repository`` rather than adding to it: the documents go
through the repository's own write path (``_write``), the read and decode
helpers and its mutex.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from bti_tui.model import Meeting, ValidationError
from bti_tui.model.plan import HalfYearPlan
from bti_tui.model.plan_day import meeting_for_date
from bti_tui.model.queue import QueuedCase
from bti_tui.store.codec import unstructure
from bti_tui.store.documents import PLANS, QUEUE, json_files, model_of, read_document
from bti_tui.store.errors import StoreError, WriteFailed, backup_path
from bti_tui.store.repository import Problem, Repository, _check_id, _own_folder
from bti_tui.store.storage import fsync_dir

T = TypeVar("T", HalfYearPlan, QueuedCase)


class PlanNotFound(StoreError):
    def __init__(self, plan_id: str) -> None:
        super().__init__("plan.not_found", plan_id=plan_id)
        self.plan_id = plan_id


class QueuedNotFound(StoreError):
    def __init__(self, queue_id: str) -> None:
        super().__init__("plan.queue.not_found", queue_id=queue_id)
        self.queue_id = queue_id


class PlanStore:
    """Plans and queued cases of one data folder, through ``repo``."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.skipped: list[Problem] = []  # files the last listing could not read

    # --- files ------------------------------------------------------------------------
    def plan_path(self, plan_id: str) -> Path:
        return self.repo.data_dir / PLANS / f"{_check_id(plan_id, PlanNotFound)}.json"

    def queued_path(self, queue_id: str) -> Path:
        return self.repo.data_dir / QUEUE / f"{_check_id(queue_id, QueuedNotFound)}.json"

    def _read(self, path: Path, kind: str, cls: type[T], not_found: Callable[[str], StoreError]) -> T:
        """Through the store's one document reader (``read_document``)."""
        doc = read_document(path, kind, max_bytes=self.repo.max_bytes)
        if doc is None:
            raise not_found(path.stem)
        return model_of(path, doc, kind)

    def _all(self, folder: str, kind: str, cls: type[T], not_found: Callable[[str], StoreError]) -> Iterator[T]:
        for path in json_files(self.repo.data_dir / folder):
            try:
                yield self._read(path, kind, cls, not_found)
            except StoreError as exc:
                self.skipped.append(Problem.of(path, exc))

    def _save(self, folder: str, path: Path, kind: str, obj: Any) -> None:
        doc = unstructure(obj)
        with self.repo._mutex:
            self.repo.may_write()
            try:
                _own_folder(self.repo.data_dir / folder)  # a link there is refused
            except OSError as exc:
                raise WriteFailed(path, exc) from exc
            self.repo._write(path, kind, doc)

    def _delete(self, path: Path) -> None:
        repo = self.repo
        repo.may_write()
        with repo._mutex:
            db = repo._dbs.pop(path, None)
            if db is not None:
                db.close()
            repo._current.discard(path)
            for victim in (path, backup_path(path)):
                victim.unlink(missing_ok=True)
            if path.parent.is_dir():
                fsync_dir(path.parent)

    # --- plans --------------------------------------------------------------------------
    def list_plans(self) -> list[HalfYearPlan]:
        """Every plan, by half-year and kind. Unreadable files are left out
        and named in ``self.skipped``."""
        self.skipped = []
        with self.repo._mutex:
            plans = list(self._all(PLANS, "plan", HalfYearPlan, PlanNotFound))
        return sorted(plans, key=lambda p: (p.half_year.first, p.kind_id, p.id))

    def load_plan(self, plan_id: str) -> HalfYearPlan:
        with self.repo._mutex:
            return self._read(self.plan_path(plan_id), "plan", HalfYearPlan, PlanNotFound)

    def save_plan(self, plan: HalfYearPlan) -> None:
        self._save(PLANS, self.plan_path(plan.id), "plan", plan)

    def delete_plan(self, plan_id: str) -> None:
        self._delete(self.plan_path(plan_id))

    # --- the queue ---------------------------------------------------------------------
    def list_queue(self) -> list[QueuedCase]:
        """Every queued case, oldest first (placed or waiting)."""
        self.skipped = []
        with self.repo._mutex:
            items = list(self._all(QUEUE, "queued", QueuedCase, QueuedNotFound))
        return sorted(items, key=lambda q: (q.submitted_on, q.id))

    def load_queued(self, queue_id: str) -> QueuedCase:
        with self.repo._mutex:
            return self._read(self.queued_path(queue_id), "queued", QueuedCase, QueuedNotFound)

    def save_queued(self, item: QueuedCase) -> None:
        self._save(QUEUE, self.queued_path(item.id), "queued", item)

    def delete_queued(self, queue_id: str) -> None:
        self._delete(self.queued_path(queue_id))

    # --- on the day -----------------------------------------------------------------------
    def open_planned(self, plan_id: str, day: date, lang: str) -> Meeting:
        """The meeting of ``plan_id`` on ``day``, written and ready to open:
        the one opened before, or a new one with the queued cases in their
        slots (saved as cases, and taken off the queue)."""
        from bti_tui.resources import meeting_kinds

        with self.repo._mutex:
            plan = self.load_plan(plan_id)
            opened = plan.at(day).meeting_id
            if opened is not None:
                return self.repo.load_meeting(opened)
            kind = meeting_kinds().get(plan.kind_id)
            if kind is None:
                raise ValidationError("queue.kind_unknown", value=plan.kind_id)
            queue = {q.id: q for q in self.list_queue() if q.id in plan.at(day).cases}
            made = meeting_for_date(plan, day, kind, queue, lang)
            # Cases first and the plan last: a crash in between leaves a
            # meeting the plan does not point to yet, never a plan that
            # points to a meeting that is not there.
            for case in made.cases:
                self.repo.save_case(case)
            self.repo.save_meeting(made.meeting)
            self.save_plan(plan)
            for queue_id in made.queue_ids:
                self.delete_queued(queue_id)
            return made.meeting
