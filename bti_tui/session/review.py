"""Following a case up in a meeting: the review of earlier agreements, edits
of any agreement, and the stafettholder hand-over.

When a case with open agreements from earlier meetings comes up, its first
screen is the review: each open agreement is marked done, continued (with a
new due date, it stays open) or dropped, with an optional note. Marks and
edits are history on the agreement (date, from -> to, this meeting), saved
like every note. Methods of :class:`~bti_tui.session.meeting.MeetingSession`
(through :class:`ReviewRules`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from bti_tui.model import (
    Agreement,
    AgreementChange,
    AgreementStatus,
    Case,
    Handover,
    ValidationError,
)
from bti_tui.model.privacy import guard_text

if TYPE_CHECKING:
    from concurrent.futures import Future

    from bti_tui.model import Meeting, Position
    from bti_tui.session.autosave import Autosaver
    from bti_tui.session.meeting import MoveResult

#: What an agreement under review may be marked (OPEN takes a mark back).
REVIEW_MARKS = (AgreementStatus.DONE, AgreementStatus.CONTINUED, AgreementStatus.DROPPED)


@dataclass(frozen=True)
class ReviewItem:
    """One agreement from an earlier meeting, as the review shows it."""

    agreement: Agreement
    # Open and past its due date when this meeting began (before any mark).
    overdue: bool
    # What this meeting decided (None: not marked yet).
    mark: AgreementChange | None
    # The date of the meeting that made it (None: not known to the index).
    made_on: date | None

    @property
    def marked(self) -> bool:
        return self.mark is not None


def checked_fields(what: str, responsible: str, service: str) -> tuple[str, str, str]:
    """An agreement's texts, stripped; ValidationError as ``add_agreement``."""
    what, responsible, service = (guard_text(t).strip() for t in (what, responsible, service))
    if not what:
        raise ValidationError("form.agreement_what")
    if not responsible:
        raise ValidationError("form.agreement_who")
    return what, responsible, service


def edit_fields(
    agreement: Agreement, on: date, what: str, responsible: str, service: str, due: date | None
) -> dict[str, Any]:
    """The checked new values; a changed due date must not lie before ``on``."""
    what, responsible, service = checked_fields(what, responsible, service)
    if due is not None and due != agreement.due and due < on:
        raise ValidationError("form.due_before_meeting", value=due.strftime("%d.%m.%Y"))
    return {"what": what, "responsible": responsible, "service": service, "due": due}


class ReviewRules:
    """Mixed into MeetingSession: the review and agreement follow-up."""

    if TYPE_CHECKING:
        meeting: Meeting
        saver: Autosaver
        review_seen: set[int]  # slots whose review the room saw on entering
        review_left_open: set[int]  # slots left with marks missing, as the room chose

        @property
        def position(self) -> Position: ...
        def next_step(self) -> MoveResult: ...

        def _require_case(self, slot: int) -> Case: ...
        def _writable(self) -> None: ...
        def case(self, slot: int | None) -> Case | None: ...
        def save(self, cases: list[Case] | None = None, all_cases: bool = False, scrub: bool = False, typing: Any = None) -> Future[Any]: ...

    # --- the review ----------------------------------------------------------------------
    def review_items(self, slot: int) -> list[ReviewItem]:
        """The agreements from earlier meetings that were open when this
        meeting began, in the order they were made: the ones still to mark
        and the ones marked here."""
        case = self.case(slot)
        if case is None:
            return []
        meeting = self.meeting
        items = []
        for agreement in case.agreements:
            if not agreement.open_before(meeting.id):
                continue
            items.append(
                ReviewItem(
                    agreement,
                    overdue=agreement.overdue_in(meeting.id, meeting.date),
                    mark=agreement.mark_in(meeting.id),
                    made_on=self._meeting_date(agreement.meeting_id),
                )
            )
        return items

    def needs_review(self, slot: int) -> bool:
        """The case has agreements from earlier meetings to follow up: its
        first screen is the review."""
        case = self.case(slot)
        return case is not None and any(a.open_before(self.meeting.id) for a in case.agreements)

    def review_pending(self, slot: int) -> list[ReviewItem]:
        """The review's items not marked yet."""
        return [item for item in self.review_items(slot) if not item.marked]

    def review_stop(self, here: Position, target: Position) -> int | None:
        """The slot whose review the room sees before going from ``here`` to
        ``target`` (None: no stop). Entering a case with agreements still to
        mark: the review is its first screen. Leaving one with marks still
        missing: the room is told so once, and may go on."""
        if here.slot is not None and target.slot != here.slot:
            if here.slot not in self.review_left_open and self.review_pending(here.slot):
                return here.slot
        if target.slot is not None and target.slot != here.slot:
            if target.slot not in self.review_seen and self.review_pending(target.slot):
                return target.slot
        return None

    def pass_review(self, slot: int) -> MoveResult:
        """The room has seen the review (marked or not) and moves on."""
        if self.position.slot == slot:
            self.review_left_open.add(slot)
        else:
            self.review_seen.add(slot)
        return self.next_step()

    def mark_agreement(
        self,
        slot: int,
        agreement_id: str,
        status: AgreementStatus | str,
        new_due: date | None = None,
        note: str = "",
    ) -> Agreement:
        """Mark an agreement under review done, continued (``new_due``, not
        before the meeting; it stays open) or dropped, with an optional
        note; OPEN takes this meeting's mark back. Saved at once.
        ValidationError changes nothing."""
        self._writable()
        status = AgreementStatus(status)
        note = guard_text(note).strip()
        case = self._require_case(slot)
        agreement = case.agreement(agreement_id)
        if agreement is None or not agreement.open_before(self.meeting.id):
            raise ValidationError("cases.not_in_review")
        agreement.mark(status, self.meeting.date, self.meeting.id, new_due, note)
        self.save(cases=[case])
        return agreement

    # --- editing any agreement -------------------------------------------------------------
    def edit_agreement(
        self,
        slot: int,
        agreement_id: str,
        what: str,
        responsible: str,
        service: str,
        due: date | None,
        note: str = "",
    ) -> AgreementChange | None:
        """Change an agreement of the case (this meeting's or an earlier
        one's): every field as the form holds it. The change is kept with
        this meeting's date (None: nothing changed). ValidationError (an
        empty what or who, a fødselsnummer, a new due date before the
        meeting) changes nothing."""
        self._writable()
        case = self._require_case(slot)
        agreement = case.agreement(agreement_id)
        if agreement is None:
            raise LookupError(agreement_id)
        values = edit_fields(agreement, self.meeting.date, what, responsible, service, due)
        change = agreement.edit(self.meeting.date, self.meeting.id, guard_text(note).strip(), **values)
        if change is not None:
            self.save(cases=[case])
        return change

    # --- the stafettholder -----------------------------------------------------------------
    def hand_over_stafettholder(self, slot: int, name: str, service: str, note: str = "") -> Handover | None:
        """The stafett goes to ``name`` (``service``) in this meeting, with
        an optional note why; the history keeps who had it. Returns the
        hand-over recorded in this meeting (None: the same person)."""
        self._writable()
        name, service, note = (guard_text(t).strip() for t in (name, service, note))
        if not name:
            raise ValidationError("form.stafettholder_name")
        case = self._require_case(slot)
        case.assign_stafettholder(name, service, self.meeting.id, self.meeting.date, note=note)
        self.save(cases=[case])
        return case.handover_in(self.meeting.id)

    def handover(self, slot: int) -> Handover | None:
        """The hand-over made in this meeting, for the screen and referat."""
        case = self.case(slot)
        return case.handover_in(self.meeting.id) if case else None

    # --- helpers ---------------------------------------------------------------------------
    def _meeting_date(self, meeting_id: str) -> date | None:
        if meeting_id == self.meeting.id:
            return self.meeting.date
        record = self.saver.repo.index.meeting(meeting_id)
        return date.fromisoformat(record["date"]) if record else None
