"""The live meeting and the rules of running it.

Screens ask this and show its answer: where the room is, what moving on
needs (a stafettholder, an acknowledged consent, no fødselsnummer), what
blocks finishing, and every edit of notes and fields. Every rule is a plain
method, tested in milliseconds (tests/session).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bti_tui.model import (
    Agreement,
    Case,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Position,
    StepFeature,
    ValidationError,
    new_id,
)
from bti_tui.model.dates import parse_optional_date
from bti_tui.model.privacy import guard_text, mask_fodselsnummer
from bti_tui.model.case_life import CaseStatusChange, ClosingReason
from bti_tui.session.autosave import Autosaver
from bti_tui.session.cases import CaseBook
from bti_tui.session.consent import ConsentRules
from bti_tui.session.informing import InformingRules
from bti_tui.session.internal import InternalMeetingRules
from bti_tui.session.review import ReviewRules


class Move(StrEnum):
    """What came of asking to move on."""

    MOVED = "moved"
    AT_END = "at_end"  # nothing after this position
    AT_START = "at_start"  # nothing before (the opening): back to intake
    READ_ONLY = "read_only"  # a finished meeting is not moved through
    NEEDS_STAFETTHOLDER = "needs_stafettholder"  # the case leaves without one
    NEEDS_CONSENT = "needs_consent"  # the next case's consent: warn first (session/consent.py)
    NEEDS_READ_BACK = "needs_read_back"  # the case's agreements are read back first
    NEEDS_REVIEW = "needs_review"  # earlier agreements to mark (entering or leaving a case)
    BLOCKED_FODSELSNUMMER = "blocked_fodselsnummer"  # a note holds a number


@dataclass(frozen=True)
class MoveResult:
    outcome: Move
    slot: int | None = None  # the case concerned
    target: Position | None = None  # where the room is (MOVED) or should go

    @property
    def moved(self) -> bool:
        return self.outcome is Move.MOVED


class MeetingSession(ConsentRules, ReviewRules, InformingRules, InternalMeetingRules):
    """One meeting being run: its kind, its cases, and where the room is.

    Following cases up (the review of earlier agreements, who tells whom,
    the internt arbeidsmøte's rules) comes from the mixins; cases across
    meetings from :meth:`case_book`.

    ``stored`` is False for a meeting being set up for the first time:
    nothing is written until :meth:`store` (setup done), so an abandoned
    new meeting leaves no file."""

    def __init__(
        self,
        meeting: Meeting,
        kind: MeetingKind,
        cases: dict[str, Case],
        saver: Autosaver,
        now: Callable[[], datetime],
        *,
        stored: bool = True,
    ) -> None:
        self.meeting = meeting
        self.kind = kind
        self.cases = cases
        self.saver = saver
        self.now = now
        self.stored = stored
        # Slots whose missing consent the room has been warned about.
        self.consent_acknowledged: set[int] = set()
        # Notes refused for a fødselsnummer: (slot, step id).
        self.refused_notes: set[tuple[int, str]] = set()
        # Where a finished meeting is being read (its clock is never changed).
        self._viewing: Position | None = None
        # Cases the room went on from without approving the read-back.
        self.read_back_skipped: set[int] = set()
        # The review of earlier agreements (see ReviewRules.review_stop).
        self.review_seen: set[int] = set()
        self.review_left_open: set[int] = set()

    # --- state ------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """A finished meeting is shown, not changed (documentation aside)."""
        return self.meeting.status is MeetingStatus.FINISHED

    @property
    def positions(self) -> list[Position]:
        return self.meeting.positions(self.kind)

    @property
    def position(self) -> Position:
        current = self._viewing if self.read_only and self._viewing else self.meeting.clock.position
        if current is None or current not in self.positions:
            return Position.opening()
        return current

    def neighbour(self, offset: int) -> Position | None:
        order = self.positions
        index = order.index(self.position) + offset
        return order[index] if 0 <= index < len(order) else None

    def step_number(self, position: Position) -> tuple[int, int]:
        """(n, of): the agenda step's number within its case."""
        return self.kind.step_index(position.step) + 1, len(self.kind.steps)

    # --- moving --------------------------------------------------------------------
    def go(self, position: Position) -> None:
        """Enter a position; the clock starts when the room leaves the opening."""
        now = self.now()
        if position != Position.opening() and not self.meeting.clock.started:
            self.meeting.start(now)
        self.meeting.clock.enter(position, now)
        if self.meeting.status is MeetingStatus.PLANNED and self.meeting.clock.started:
            self.meeting.status = MeetingStatus.RUNNING
        self.save(all_cases=True)

    def next_step(self) -> MoveResult:
        """Move on, unless a rule says what must happen first."""
        if self.refused_notes:
            slot, _step = sorted(self.refused_notes)[0]
            return MoveResult(Move.BLOCKED_FODSELSNUMMER, slot)
        here = self.position
        target = self.neighbour(+1)
        if target is None:
            return MoveResult(Move.AT_END)
        if self.read_only:
            self._go_quietly(target)
            return MoveResult(Move.MOVED, target.slot, target)
        review = self.review_stop(here, target)
        if review is not None and review == here.slot:
            return MoveResult(Move.NEEDS_REVIEW, review, target)
        if here.slot is not None and target.slot != here.slot:
            if self.stafettholder_missing(here.slot):
                return MoveResult(Move.NEEDS_STAFETTHOLDER, here.slot, self.stafettholder_step(here.slot))
            if self.needs_read_back(here.slot):
                return MoveResult(Move.NEEDS_READ_BACK, here.slot, target)
            self.meeting.slots[here.slot].closed = True
        if target.slot is not None and target.slot != here.slot and self.needs_consent_warning(target.slot):
            return MoveResult(Move.NEEDS_CONSENT, target.slot, target)
        if review is not None:
            return MoveResult(Move.NEEDS_REVIEW, review, target)
        self.go(target)
        return MoveResult(Move.MOVED, target.slot, target)

    def previous_step(self) -> MoveResult:
        if self.refused_notes:
            slot, _step = sorted(self.refused_notes)[0]
            return MoveResult(Move.BLOCKED_FODSELSNUMMER, slot)
        target = self.neighbour(-1)
        if target is None:
            return MoveResult(Move.READ_ONLY if self.read_only else Move.AT_START)
        if self.read_only:
            self._go_quietly(target)
        else:
            self.go(target)
        return MoveResult(Move.MOVED, target.slot, target)

    def go_to(self, position: Position) -> MoveResult:
        """Jump (to a case's stafettholder step, say); a refused note still blocks."""
        if self.refused_notes:
            slot, _step = sorted(self.refused_notes)[0]
            return MoveResult(Move.BLOCKED_FODSELSNUMMER, slot)
        if self.read_only:
            self._go_quietly(position)
        else:
            self.go(position)
        return MoveResult(Move.MOVED, position.slot, position)

    def needs_read_back(self, slot: int) -> bool:
        """Before the room leaves a case, its agreements, stafettholder and
        further cooperation are read back and approved (or the room goes on
        and the referat says "ikke godkjent i møtet")."""
        return (
            self.case(slot) is not None
            and self.meeting.slots[slot].approved_at is None
            and slot not in self.read_back_skipped
        )

    def approve_read_back(self, slot: int) -> MoveResult:
        """"Lest opp og godkjent": the time is recorded, the room moves on."""
        self._writable()
        self.meeting.slots[slot].approved_at = self.now().replace(microsecond=0)
        self.save()
        return self.next_step()

    def skip_read_back(self, slot: int) -> MoveResult:
        """The room goes on without approving: the case stays unapproved."""
        self.read_back_skipped.add(slot)
        return self.next_step()

    def _go_quietly(self, position: Position) -> None:
        """Leafing through a finished meeting: nothing is recorded."""
        self._viewing = position

    def toggle_pause(self) -> None:
        if self.read_only:
            return
        if not self.meeting.clock.started:
            self.meeting.start(self.now())
        else:
            self.meeting.clock.toggle_pause(self.now())
        self.save()

    # --- rules -----------------------------------------------------------------------
    def stafettholder_missing(self, slot: int) -> bool:
        """A named case leaves the meeting with a stafettholder; an anonymous
        advice case may end without one when the room says so."""
        case = self.case(slot)
        if case is None or case.stafettholder is not None:
            return False
        return not (case.anonymous and self.meeting.slots[slot].advice_only)

    def stafettholder_step(self, slot: int) -> Position | None:
        for step in self.kind.steps:
            if StepFeature.STAFETTHOLDER in step.features:
                return Position(step.id, slot)
        return None

    def finish_blockers(self) -> list[int]:
        """The slots that keep the meeting from being finished (no
        stafettholder); empty when it may finish."""
        return [slot for slot in range(len(self.meeting.slots)) if self.stafettholder_missing(slot)]

    def can_finish(self) -> bool:
        return self.position.step == "closing" and not self.read_only

    def finish(self) -> list[int]:
        """Finish the meeting; returns the blockers instead if there are any."""
        blockers = self.finish_blockers()
        if blockers or self.refused_notes:
            return blockers
        self.meeting.finish(self.now())
        self.save(all_cases=True)
        return []

    # --- cases -------------------------------------------------------------------------
    def case(self, slot: int | None) -> Case | None:
        if slot is None or not 0 <= slot < len(self.meeting.slots):
            return None
        case_id = self.meeting.slots[slot].case_id
        return self.cases.get(case_id) if case_id else None

    def set_note(self, slot: int, step_id: str, text: str) -> bool:
        """Keep the note in memory; True if it was taken as typed.

        A note holding a fødselsnummer is refused (ValidationError): what is
        kept is the note with the number masked, so no digit of it is ever
        written, and moving on is blocked until it is gone."""
        self._writable()
        try:
            guard_text(text)
        except ValidationError:
            self.meeting.slots[slot].notes[step_id] = mask_fodselsnummer(text)
            if (slot, step_id) not in self.refused_notes:
                self.refused_notes.add((slot, step_id))
                # The last save may hold the number's first digits: write
                # the masked note over the file and its backup at once.
                self.save(scrub=True)
            raise
        self.refused_notes.discard((slot, step_id))
        self.meeting.slots[slot].notes[step_id] = text
        return True

    def add_agreement(self, slot: int, what: str, responsible: str, service: str, due: date | None) -> Agreement:
        self._writable()
        what, responsible, service = (guard_text(t).strip() for t in (what, responsible, service))
        if not what:
            raise ValidationError("form.agreement_what")
        if not responsible:
            raise ValidationError("form.agreement_who")
        if due is not None and due < self.meeting.date:
            raise ValidationError("form.due_before_meeting", value=due.strftime("%d.%m.%Y"))
        case = self._require_case(slot)
        agreement = Agreement(new_id("a-"), what, responsible, service, due, self.meeting.id)
        case.agreements.append(agreement)
        self.save(cases=[case])
        return agreement

    def can_remove_agreement(self, slot: int, agreement_id: str) -> bool:
        """Only agreements made in this meeting are removed here."""
        case = self.case(slot)
        return case is not None and agreement_id in {a.id for a in case.agreements_from(self.meeting.id)}

    def remove_agreement(self, slot: int, agreement_id: str) -> None:
        self._writable()
        if not self.can_remove_agreement(slot, agreement_id):
            raise ValidationError("meeting.agreement_not_here")
        case = self._require_case(slot)
        case.agreements = [a for a in case.agreements if a.id != agreement_id]
        self.save(cases=[case])

    def set_stafettholder(self, slot: int, name: str, service: str, save: bool = True) -> None:
        self._writable()
        name, service = guard_text(name).strip(), guard_text(service).strip()
        if service and not name:
            raise ValidationError("form.stafettholder_name")
        case = self._require_case(slot)
        if name:
            case.assign_stafettholder(name, service, self.meeting.id, self.meeting.date)
        else:
            case.withdraw_stafettholder(self.meeting.id)
        if save:
            self.save(cases=[case])

    def set_advice_only(self, slot: int, advice_only: bool) -> None:
        """The room decides an anonymous case was advice only: no stafettholder."""
        self._writable()
        case = self._require_case(slot)
        if advice_only and not case.anonymous:
            raise ValidationError("meeting.advice_only_named")
        self.meeting.slots[slot].advice_only = advice_only
        self.save()

    def set_cooperation(self, slot: int, text: str, save: bool = True) -> None:
        """Services in further cooperation, typed comma-separated."""
        self._writable()
        services = [guard_text(s).strip() for s in text.split(",")]
        self.meeting.slots[slot].cooperation = [s for s in services if s]
        if save:
            self.save()

    def set_distribution(self, slot: int, text: str) -> None:
        """Who receives the case's referat, typed comma-separated."""
        self._writable()
        names = [guard_text(n).strip() for n in text.split(",")]
        self.meeting.slots[slot].distribution = [n for n in names if n]
        self.save()

    def set_next_meeting(self, slot: int, text: str, save: bool = True) -> None:
        """The next meeting's date as typed (empty: none)."""
        self._writable()
        on = parse_optional_date(text)
        if on is not None and on < self.meeting.date:
            raise ValidationError("form.due_before_meeting", value=text.strip())
        self.meeting.slots[slot].next_meeting = on
        if save:
            self.save()

    def set_documentation(self, slot: int, save: bool = True, **fields: Any) -> None:
        """Stafettlogg created; where consent and Firfoting were archived.
        Allowed after finishing too: it is done after the meeting."""
        case = self._require_case(slot)
        for name, value in fields.items():
            if isinstance(value, str):
                guard_text(value)
        for name, value in fields.items():
            setattr(case.documentation, name, value.strip() if isinstance(value, str) else value)
        if save:
            self.save(cases=[case])

    def drop_case(self, case_id: str) -> None:
        """A case taken off this meeting at intake. If nothing links it to
        another meeting (no agreement, no stafettholder from one), its file
        goes too: no initials and birth date are kept for nothing."""
        case = self.cases.pop(case_id, None)
        if case is None or not self.stored:
            return
        # A case found again at intake was discussed before, maybe with
        # nothing decided: the meetings that hold it keep it too.
        if not self.case_book().met_elsewhere(case):
            self.saver.delete_case(case_id)

    def place_case(self, slot: int, case: Case | None) -> None:
        """Put a case (or none) into a slot; a case taken off is dropped."""
        before = self.meeting.slots[slot].case_id
        self.meeting.slots[slot].case_id = case.id if case else None
        if case:
            self.cases[case.id] = case
        if before and (case is None or case.id != before):
            self.drop_case(before)

    def case_book(self) -> CaseBook:
        """Cases across meetings (lookup, overview, closing), sharing this
        meeting's case objects and saver."""
        return CaseBook(self.saver.repo, self.saver, self.cases, self.meeting.id)

    def close_case(self, case_id: str, on: date, reason: ClosingReason | str, text: str = "") -> CaseStatusChange:
        """Close a case in this meeting (date, reason, text for "other")."""
        return self.case_book().close_case(case_id, on, reason, text)

    def reopen_case(self, case_id: str, on: date, reason: str) -> CaseStatusChange:
        return self.case_book().reopen_case(case_id, on, reason)

    def _require_case(self, slot: int) -> Case:
        case = self.case(slot)
        if case is None:
            raise LookupError(f"slot {slot} has no case")
        return case

    def _writable(self) -> None:
        if self.read_only:
            raise ValidationError("meeting.read_only")

    # --- saving -------------------------------------------------------------------
    def store(self) -> None:
        """A new meeting is set up: from now on it is written."""
        self.stored = True
        self.save(all_cases=True)

    def save(
        self,
        cases: list[Case] | None = None,
        all_cases: bool = False,
        scrub: bool = False,
        typing: tuple[int, str, int] | None = None,
    ) -> Future[Any]:
        """Hand a snapshot to the saver. ``typing``: see ``Autosaver.save``."""
        if not self.stored:
            done: Future[Any] = Future()
            done.set_result(None)
            return done
        chosen = list(self.cases.values()) if all_cases or scrub else (cases or [])
        return self.saver.save(self.meeting, chosen, scrub=scrub, typing=typing)
