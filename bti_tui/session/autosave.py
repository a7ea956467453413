"""Saving without a save key (DESIGN "Saving").

Every change is kept in memory at once; the store is written from one worker
thread, so the referent's typing never waits for the disk. Snapshots are
taken on the caller's thread, so the worker never reads a half-changed
object. A write that fails is remembered per document and tried again
(:meth:`Autosaver.retry`) until it lands; :attr:`Autosaver.unsaved` says what
is still only in memory.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from bti_tui.store import Repository

if TYPE_CHECKING:  # the app imports this before its first frame: the model when saving (issue 20)
    from bti_tui.model import Case, Meeting

log = logging.getLogger(__name__)

#: Seconds of quiet typing before the notes are written.
SAVE_PAUSE = 1.0
#: Seconds after the first unsaved keystroke by which a save happens even
#: while typing goes on (so a power cut loses at most about this much).
SAVE_MAX_WAIT = 2.0


class TypingSaves:
    """When to write while someone types: after a pause in typing, and never
    later than ``max_wait`` after the first change not yet written.

    Plain arithmetic on a monotonic "now" in seconds, so it is tested
    without a clock: the screen asks :meth:`changed` on every keystroke and
    (re)sets one timer to the delay it returns."""

    def __init__(self, pause: float = SAVE_PAUSE, max_wait: float = SAVE_MAX_WAIT) -> None:
        self.pause = pause
        self.max_wait = max_wait
        self._first: float | None = None
        #: The save now due comes after a pause in typing (not the one the
        #: maximum wait forces while typing goes on): the time for checks
        #: too slow to run every couple of seconds of a long note.
        self.after_pause = True

    @property
    def dirty(self) -> bool:
        return self._first is not None

    def changed(self, now: float) -> float:
        """A change at ``now``: the seconds until the save is due."""
        if self._first is None:
            self._first = now
        self.after_pause = now + self.pause <= self._first + self.max_wait
        due = min(now + self.pause, self._first + self.max_wait)
        return max(due - now, 0.0)

    def saved(self) -> None:
        self._first = None


Key = tuple[str, str]  # ("meeting" | "case" | "other", id)


class Autosaver:
    """Writes snapshots in order on one worker thread.

    ``on_error(error, what)`` is called on the worker thread when a write
    fails; it must not wait for the UI (the UI may be waiting for the
    worker, on quit)."""

    def __init__(self, repo: Repository, on_error: Callable[[BaseException], None]) -> None:
        self._repo = repo
        self._on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._last: Future[Any] | None = None
        self._mutex = threading.Lock()
        # The newest write (and its snapshot) of each document whose write failed.
        self._failed: dict[Key, tuple[Callable[[], Any], object]] = {}
        self.last_error: BaseException | None = None

    @property
    def repo(self) -> Repository:
        return self._repo

    # --- what is not yet on disk ---------------------------------------------------
    @property
    def unsaved(self) -> list[Key]:
        with self._mutex:
            return list(self._failed)

    @property
    def unsaved_documents(self) -> list[object]:
        """The snapshots (Meeting, Case) whose last write failed."""
        with self._mutex:
            return [snapshot for _work, snapshot in self._failed.values() if snapshot is not None]

    def _run(self, key: Key, what: str, work: Callable[[], Any], snapshot: object = None) -> Any:
        """Do one write; a failure is logged and reported (on_error), never
        raised into the worker, so the writes after it still happen."""
        try:
            result = work()
        except Exception as exc:
            # The message names the document, never its content.
            log.error("%s failed: %s", what, type(exc).__name__)
            log.debug("details", exc_info=True)
            with self._mutex:
                if key[0] != "other":
                    self._failed[key] = (work, snapshot)
                self.last_error = exc
            self._on_error(exc)
            return None
        with self._mutex:
            self._failed.pop(key, None)
            if not self._failed:
                self.last_error = None
        return result

    def submit(self, what: str, work: Callable[[], Any], key: Key | None = None, snapshot: object = None) -> Future[Any]:
        """Run ``work`` on the worker thread after the writes before it."""
        key = key or ("other", what)
        try:
            self._last = self._pool.submit(self._run, key, what, work, snapshot)
        except RuntimeError:  # closing already: do it here rather than lose it
            done: Future[Any] = Future()
            done.set_result(self._run(key, what, work, snapshot))
            return done
        return self._last

    # --- documents ---------------------------------------------------------------------
    def save(
        self,
        meeting: Meeting | None,
        cases: list[Case] = (),
        *,
        scrub: bool = False,
        typing: tuple[int, str, int] | None = None,
    ) -> Future[Any]:
        """Snapshot now, write on the worker. ``scrub``: the backups are
        rewritten too (something that must not stay on disk was removed).
        ``typing`` (slot, step id, cursor): the note being typed is written
        without the number at the cursor, which may be the first digits of
        a fødselsnummer (it is written once the number is complete and
        allowed, or when the room moves on)."""
        future: Future[Any] | None = None
        for case in cases:
            snap = copy.deepcopy(case)
            future = self.submit(
                f"saving case {snap.id}",
                lambda snap=snap: self._repo.save_case(snap, scrub=scrub),
                ("case", snap.id),
                snap,
            )
        if meeting is not None:
            snap_m = copy.deepcopy(meeting)
            if typing is not None:
                from bti_tui.model.privacy import without_pending

                slot, step_id, cursor = typing
                note = snap_m.slots[slot].notes.get(step_id, "")
                snap_m.slots[slot].notes[step_id] = without_pending(note, cursor)
            future = self.submit(
                f"saving meeting {snap_m.id}",
                lambda: self._repo.save_meeting(snap_m, scrub=scrub),
                ("meeting", snap_m.id),
                snap_m,
            )
        if future is None:
            future = Future()
            future.set_result(None)
        return future

    def delete_case(self, case_id: str) -> Future[Any]:
        with self._mutex:
            self._failed.pop(("case", case_id), None)
        return self.submit(f"deleting case {case_id}", lambda: self._repo.delete_case(case_id), ("case", case_id))

    def retry(self) -> Future[Any] | None:
        """Write again every document whose last write failed."""
        with self._mutex:
            failed = list(self._failed.items())
        future = None
        for key, (work, snapshot) in failed:
            future = self.submit(f"retrying {key[0]} {key[1]}", work, key, snapshot)
        return future

    def flush(self, timeout: float | None = 10) -> None:
        if self._last is not None:
            self._last.result(timeout=timeout)

    def close(self, wait: bool = True) -> None:
        """No new saves; queued ones still run (``wait``: until they have)."""
        self._pool.shutdown(wait=wait)
