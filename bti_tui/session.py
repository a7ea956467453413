"""The live meeting: what the screens change, and saving it without a save key.

Screens call this; this calls the model and the store. Every change is kept
in memory at once; the store is written from one worker thread, so the
referent's typing never waits for the disk (DESIGN "Saving"). Snapshots are
taken on the caller's thread, so the worker never reads a half-changed object.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime

from bti_tui.model import (
    Agreement,
    Case,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Position,
    new_id,
)
from bti_tui.model.privacy import guard_text
from bti_tui.store import Repository

log = logging.getLogger(__name__)


class Autosaver:
    """Writes snapshots in order on one worker thread."""

    def __init__(self, repo: Repository, on_error: Callable[[BaseException], None]) -> None:
        self._repo = repo
        self._on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._last: Future[None] | None = None

    def _run(self, what: str, work: Callable[[], None]) -> None:
        """Do one write; a failure is logged and shown (on_error), never raised
        into the worker, so the writes after it still happen."""
        try:
            work()
        except Exception as exc:
            log.exception("%s failed", what)
            self._on_error(exc)

    def _submit(self, what: str, work: Callable[[], None]) -> Future[None]:
        try:
            self._last = self._pool.submit(self._run, what, work)
        except RuntimeError:  # closing already: do it here rather than lose it
            self._run(what, work)
            done: Future[None] = Future()
            done.set_result(None)
            return done
        return self._last

    def save(self, meeting: Meeting | None, cases: list[Case] = ()) -> Future[None]:
        snapshot = copy.deepcopy(meeting)
        case_snapshots = [copy.deepcopy(c) for c in cases]

        def write() -> None:
            for case in case_snapshots:
                self._repo.save_case(case)
            if snapshot is not None:
                self._repo.save_meeting(snapshot)

        return self._submit("autosave", write)

    def delete_case(self, case_id: str) -> Future[None]:
        return self._submit(f"deleting case {case_id}", lambda: self._repo.delete_case(case_id))

    def flush(self, timeout: float | None = 10) -> None:
        if self._last is not None:
            self._last.result(timeout=timeout)

    def close(self, wait: bool = True) -> None:
        """No new saves; queued ones still run (``wait``: until they have)."""
        self._pool.shutdown(wait=wait)


class MeetingSession:
    """One meeting being run: its kind, its cases, and where the room is."""

    def __init__(
        self,
        meeting: Meeting,
        kind: MeetingKind,
        cases: dict[str, Case],
        saver: Autosaver,
        now: Callable[[], datetime],
    ) -> None:
        self.meeting = meeting
        self.kind = kind
        self.cases = cases
        self.saver = saver
        self.now = now
        # Slots whose missing consent the room has been warned about.
        self.consent_acknowledged: set[int] = set()

    # --- where we are --------------------------------------------------------
    @property
    def positions(self) -> list[Position]:
        return self.meeting.positions(self.kind)

    @property
    def position(self) -> Position:
        current = self.meeting.clock.position
        if current is None or current not in self.positions:
            return Position.opening()
        return current

    def neighbour(self, offset: int) -> Position | None:
        order = self.positions
        index = order.index(self.position) + offset
        return order[index] if 0 <= index < len(order) else None

    def go(self, position: Position) -> None:
        """Enter a position; the clock starts when the room leaves the opening."""
        now = self.now()
        if position != Position.opening() and not self.meeting.clock.started:
            self.meeting.start(now)
        self.meeting.clock.enter(position, now)
        if self.meeting.status is MeetingStatus.PLANNED and self.meeting.clock.started:
            self.meeting.status = MeetingStatus.RUNNING
        self.save()

    def toggle_pause(self) -> None:
        if not self.meeting.clock.started:
            self.meeting.start(self.now())
        else:
            self.meeting.clock.toggle_pause(self.now())
        self.save()

    def finish(self) -> None:
        self.meeting.finish(self.now())
        self.save(all_cases=True)

    # --- cases -----------------------------------------------------------------
    def case(self, slot: int) -> Case | None:
        case_id = self.meeting.slots[slot].case_id
        return self.cases.get(case_id) if case_id else None

    def set_note(self, slot: int, step_id: str, text: str) -> None:
        """Keep the note in memory; raises ValidationError (nothing changes)
        if it holds a fødselsnummer. The caller decides when to save."""
        guard_text(text)
        self.meeting.slots[slot].notes[step_id] = text

    def add_agreement(
        self, slot: int, what: str, responsible: str, service: str, due: date | None
    ) -> Agreement:
        for text in (what, responsible, service):
            guard_text(text)
        case = self._require_case(slot)
        agreement = Agreement(new_id("a-"), what.strip(), responsible.strip(), service.strip(), due, self.meeting.id)
        case.agreements.append(agreement)
        self.save(cases=[case])
        return agreement

    def remove_agreement(self, slot: int, agreement_id: str) -> None:
        case = self._require_case(slot)
        case.agreements = [a for a in case.agreements if a.id != agreement_id]
        self.save(cases=[case])

    def set_stafettholder(self, slot: int, name: str, service: str, save: bool = True) -> None:
        for text in (name, service):
            guard_text(text)
        case = self._require_case(slot)
        if name.strip():
            case.assign_stafettholder(name.strip(), service.strip(), self.meeting.id, self.meeting.date)
        else:
            case.withdraw_stafettholder(self.meeting.id)
        if save:
            self.save(cases=[case])

    def set_cooperation(self, slot: int, services: list[str], save: bool = True) -> None:
        for text in services:
            guard_text(text)
        self.meeting.slots[slot].cooperation = [s.strip() for s in services if s.strip()]
        if save:
            self.save()

    def set_next_meeting(self, slot: int, on: date | None, save: bool = True) -> None:
        self.meeting.slots[slot].next_meeting = on
        if save:
            self.save()

    def set_documentation(self, slot: int, save: bool = True, **fields: object) -> None:
        """Stafettlogg created; where consent and Firfoting were archived."""
        case = self._require_case(slot)
        for name, value in fields.items():
            if isinstance(value, str):
                guard_text(value)
            setattr(case.documentation, name, value)
        if save:
            self.save(cases=[case])

    def stafettholder_missing(self, slot: int) -> bool:
        case = self.case(slot)
        return case is not None and case.stafettholder is None

    def drop_case(self, case_id: str) -> None:
        """A case taken off this meeting at intake. If nothing links it to
        another meeting (no agreement, no stafettholder from one), its file
        goes too: no initials and birth date are kept for nothing."""
        case = self.cases.pop(case_id, None)
        if case is None:
            return
        others = {a.meeting_id for a in case.agreements} | {h.meeting_id for h in case.stafettholders}
        if others - {self.meeting.id}:
            return
        self.saver.flush()
        self.saver.delete_case(case_id)

    def close_case(self, slot: int) -> None:
        self.meeting.slots[slot].closed = True
        self.save()

    def _require_case(self, slot: int) -> Case:
        case = self.case(slot)
        if case is None:
            raise LookupError(f"slot {slot} has no case")
        return case

    # --- saving ---------------------------------------------------------------
    def save(self, cases: list[Case] | None = None, all_cases: bool = False) -> Future[None]:
        chosen = list(self.cases.values()) if all_cases else (cases or [])
        return self.saver.save(self.meeting, chosen)
