"""Agreements made about a case: what, who, by when, and what became of it.

An agreement is followed up in later meetings (and from the case screen):
marked done, continued with a new due date (it stays open) or dropped, and
edited. Every change is kept as history (date, what changed from what to
what, the meeting if it happened in one, an optional note), never written
over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bti_tui.model.errors import ValidationError


class AgreementStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    # Not done yet, carried on with a new due date: still open.
    CONTINUED = "continued"
    # Dropped (cancelled). Stored as "cancelled", the word files of the
    # first schema hold, so they load without a migration.
    DROPPED = "cancelled"
    CANCELLED = "cancelled"  # an alias of DROPPED (the older name)


#: The fields of an agreement a change may touch, in the order shown.
EDITABLE = ("what", "responsible", "service", "due")


def _text(value: object) -> str:
    """A field's value as history keeps it: dates ISO, no date empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class FieldChange:
    """One field of an agreement changed: ``field`` is ``status`` or one of
    ``EDITABLE``; ``before`` and ``after`` as text (dates ISO, "" = none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AgreementChange:
    """What changed on ``on``; ``meeting_id`` if it happened in a meeting
    (None: from the case screen)."""

    on: date
    changes: tuple[FieldChange, ...]
    meeting_id: str | None = None
    note: str = ""

    def change_of(self, name: str) -> FieldChange | None:
        return next((c for c in self.changes if c.field == name), None)

    @property
    def status(self) -> AgreementStatus | None:
        """The status this change set, if it set one."""
        change = self.change_of("status")
        return AgreementStatus(change.after) if change else None


@dataclass
class Agreement:
    """One concrete agreement. It belongs to a case and remembers the meeting
    that made it, so a later meeting can show the open ones first."""

    id: str
    what: str
    responsible: str
    service: str
    due: date | None
    meeting_id: str
    status: AgreementStatus = AgreementStatus.OPEN
    history: list[AgreementChange] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in (AgreementStatus.OPEN, AgreementStatus.CONTINUED)

    def overdue_on(self, today: date) -> bool:
        """Open and past its due date on ``today`` (due today is not late)."""
        return self.is_open and self.due is not None and self.due < today

    # --- history ----------------------------------------------------------------------
    def mark_in(self, meeting_id: str) -> AgreementChange | None:
        """The status change made in ``meeting_id`` (its review), if any."""
        return next((c for c in reversed(self.history) if c.meeting_id == meeting_id and c.status), None)

    def due_as_found(self, meeting_id: str) -> date | None:
        """The due date as ``meeting_id`` found it (before its mark)."""
        mark = self.mark_in(meeting_id)
        change = mark.change_of("due") if mark else None
        if change is None:
            return self.due
        return _value("due", change.before)  # type: ignore[return-value]

    def overdue_in(self, meeting_id: str, meeting_date: date) -> bool:
        """Open and past its due date when ``meeting_id`` began (before
        its mark): the review marks it so."""
        due = self.due_as_found(meeting_id)
        return self.open_before(meeting_id) and due is not None and due < meeting_date

    def open_before(self, meeting_id: str) -> bool:
        """Made in an earlier meeting and still open when ``meeting_id``
        began: open now, or marked in that meeting."""
        return self.meeting_id != meeting_id and (self.is_open or self.mark_in(meeting_id) is not None)

    def _apply(self, on: date, meeting_id: str | None, note: str, values: dict[str, object]) -> AgreementChange | None:
        changes = tuple(
            FieldChange(name, _text(getattr(self, name)), _text(value))
            for name, value in values.items()
            if getattr(self, name) != value
        )
        if not changes:
            return None
        for name, value in values.items():
            setattr(self, name, value)
        entry = AgreementChange(on, changes, meeting_id, note)
        self.history.append(entry)
        return entry

    def edit(self, on: date, meeting_id: str | None = None, note: str = "", **values: object) -> AgreementChange | None:
        """Change what, responsible, service and/or due; the change is kept
        (None: nothing changed, nothing kept). A field outside ``EDITABLE``
        is a programming error (KeyError)."""
        for name in values:
            if name not in EDITABLE:
                raise KeyError(name)
        return self._apply(on, meeting_id, note, values)

    def mark(
        self,
        status: AgreementStatus,
        on: date,
        meeting_id: str | None = None,
        new_due: date | None = None,
        note: str = "",
    ) -> AgreementChange | None:
        """Done, continued (with ``new_due``: it stays open) or dropped.

        Marked again in the same meeting (and nothing changed since), the
        meeting's earlier mark is corrected rather than added to: the
        history holds what each meeting decided. ``OPEN`` takes back this
        meeting's mark. ValidationError: continued without a new due date,
        or a new due date before ``on``."""
        prior = self.mark_in(meeting_id) if meeting_id else None
        correcting = prior is not None and bool(self.history) and self.history[-1] is prior
        if status is AgreementStatus.OPEN and not correcting:
            raise ValidationError("cases.nothing_to_undo")
        if status is AgreementStatus.CONTINUED:
            if new_due is None:
                raise ValidationError("cases.continue_needs_due")
            if new_due < on:
                raise ValidationError("form.due_before_meeting", value=new_due.strftime("%d.%m.%Y"))
        if correcting:
            assert prior is not None
            self.history.pop()
            for change in prior.changes:  # back to how the meeting found it
                setattr(self, change.field, _value(change.field, change.before))
        if status is AgreementStatus.OPEN:
            return None
        values: dict[str, object] = {"status": status}
        if status is AgreementStatus.CONTINUED:
            values["due"] = new_due
        entry = self._apply(on, meeting_id, note, values)
        if entry is None:
            # Nothing changed (continued again with the same date): still
            # this meeting's decision, kept with from = to.
            entry = AgreementChange(on, (FieldChange("status", status.value, status.value),), meeting_id, note)
            self.history.append(entry)
        return entry


def _value(name: str, text: str) -> object:
    if name == "status":
        return AgreementStatus(text)
    if name == "due":
        return date.fromisoformat(text) if text else None
    return text
