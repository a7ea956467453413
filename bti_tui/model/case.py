"""A case: one child, met in one or more meetings.

A case is an entity of its own (with an id) that meetings refer to, so a
child met again carries its agreements and stafettholder history forward.
Only initials and birth date are ever kept, or nothing (anonymous).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bti_tui.model.agreement import Agreement
from bti_tui.model.case_life import (
    CaseOrigin,
    CaseStatus,
    CaseStatusChange,
    ClosingReason,
    Handover,
)
from bti_tui.model.errors import ValidationError
from bti_tui.model.privacy import validate_birth_date, validate_initials


class ConsentStatus(StrEnum):
    MISSING = "missing"  # not obtained (yet): warned about before discussion
    GIVEN = "given"
    NOT_NEEDED_ANONYMOUS = "anonymous"  # discussed anonymously for advice
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class ConsentGiver(StrEnum):
    GUARDIANS = "guardians"
    YOUTH = "youth"  # from 15/16 years (a setting in data/)


def consent_giver(
    status: ConsentStatus,
    chosen: ConsentGiver | None,
    birth_date: date | None,
    today: date,
    own_age: int,
) -> ConsentGiver | None:
    """Who gave (or refused, or withdrew) consent. From ``own_age`` (15 or
    16, a municipal setting) the youth decides themself; before that the
    guardians do. Nothing chosen: decided by age. A youth below that age
    cannot consent alone: ValidationError."""
    if status in (ConsentStatus.MISSING, ConsentStatus.NOT_NEEDED_ANONYMOUS) or birth_date is None:
        return chosen
    from bti_tui.model.privacy import age_on

    old_enough = age_on(birth_date, today) >= own_age
    if chosen is ConsentGiver.YOUTH and not old_enough:
        raise ValidationError("intake.youth_too_young", own_age=own_age)
    if chosen is None:
        return ConsentGiver.YOUTH if old_enough else ConsentGiver.GUARDIANS
    return chosen


def initials_key(initials: str) -> str:
    """Initials as the intake lookup compares them: case- and
    accent-insensitive ("Åse" and "ase" match; NFKD, combining marks
    dropped, casefolded), dots and spaces ignored."""
    decomposed = unicodedata.normalize("NFKD", initials)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in bare.casefold() if c != "." and not c.isspace())


@dataclass
class Consent:
    """Consent as documented: by whom and when, to which services and which
    information, until when, and withdrawn when. The rules (in force on a
    day, scope against the services in the room) are in
    :mod:`bti_tui.model.consent`. Dates are optional: files from before
    issue 18 hold none, and an empty ``services`` means the scope was not
    recorded (nothing to compare against)."""

    status: ConsentStatus = ConsentStatus.MISSING
    services: list[str] = field(default_factory=list)  # services it covers
    given_by: ConsentGiver | None = None
    given_on: date | None = None
    information: str = ""  # which information it covers, as written
    valid_until: date | None = None  # last day it holds
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class CaseReference:
    """Initials and birth date (pseudonymous), or anonymous (neither)."""

    initials: str | None = None
    birth_date: date | None = None

    @property
    def anonymous(self) -> bool:
        return self.initials is None

    @property
    def key(self) -> str:
        """The initials as the lookup compares them ("" when anonymous)."""
        return initials_key(self.initials or "")

    @classmethod
    def identified(
        cls, initials: str, birth_date: date, today: date, max_age: int = 18
    ) -> CaseReference:
        """Validated reference; raises ValidationError with a catalogue key."""
        return cls(
            initials=validate_initials(initials),
            birth_date=validate_birth_date(birth_date, today=today, max_age=max_age),
        )

    @classmethod
    def anonymized(cls) -> CaseReference:
        return cls()


@dataclass
class Documentation:
    """That and where things were archived, never the documents themselves."""

    stafettlogg_created: bool = False
    consent_archived_in: str = ""  # e.g. "ESA elevmappe"; empty = not yet
    firfoting_archived_in: str = ""
    other_archived_in: str = ""


@dataclass(frozen=True)
class StafettholderAssignment:
    """The stafettholder from ``assigned_on``, chosen in (or, for an internt
    arbeidsmøte, named before) ``meeting_id``; ``named_by`` who named them
    (the styrar or rektor, seed 000), ``note`` why it was handed over."""

    name: str
    service: str
    meeting_id: str
    assigned_on: date
    named_by: str = ""
    note: str = ""


@dataclass
class Case:
    id: str
    reference: CaseReference
    submitted_by: str = ""
    consent: Consent = field(default_factory=Consent)
    firfoting_prepared: bool = False
    documentation: Documentation = field(default_factory=Documentation)
    stafettholders: list[StafettholderAssignment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    # The municipal archive's references (Noark 5 arkivsak and document
    # number) when known; printed in the case's referat. Empty = not known.
    archive_case_number: str = ""
    archive_document_number: str = ""
    # How the case began (seed 000).
    origin: CaseOrigin = field(default_factory=CaseOrigin)
    # Closed and reopened, in order; none: open since it began.
    status_history: list[CaseStatusChange] = field(default_factory=list)
    # The stafettholder's duties ticked (duty id -> the day), from the kind.
    duties_done: dict[str, date] = field(default_factory=dict)

    @property
    def anonymous(self) -> bool:
        return self.reference.anonymous

    @property
    def stafettholder(self) -> StafettholderAssignment | None:
        """The current stafettholder: the last hand-over."""
        return self.stafettholders[-1] if self.stafettholders else None

    def assign_stafettholder(
        self,
        name: str,
        service: str,
        meeting_id: str,
        on: date,
        named_by: str = "",
        note: str = "",
    ) -> None:
        """Hand over (or set) the stafettholder; the history is kept."""
        current = self.stafettholder
        if current and (current.name, current.service) == (name, service):
            if (named_by, note) != ("", "") and meeting_id and current.meeting_id == meeting_id:
                self.stafettholders[-1] = StafettholderAssignment(
                    name, service, meeting_id, current.assigned_on, named_by or current.named_by, note or current.note
                )
            return  # confirmed again: no hand-over
        if current and meeting_id and current.meeting_id == meeting_id:
            # Corrected within the same meeting: not a hand-over. (Outside
            # a meeting, from the case screen, meeting_id is "".)
            self.stafettholders.pop()
        self.stafettholders.append(
            StafettholderAssignment(name, service, meeting_id, on, named_by, note)
        )

    def handovers(self) -> list[Handover]:
        """The stafettholder over time: each change with whom it came from
        (derived from the history; the first has no one before it)."""
        result: list[Handover] = []
        before: StafettholderAssignment | None = None
        for item in self.stafettholders:
            result.append(
                Handover(
                    item.assigned_on,
                    before.name if before else None,
                    before.service if before else None,
                    item.name,
                    item.service,
                    item.meeting_id,
                    item.named_by,
                    item.note,
                )
            )
            before = item
        return result

    def handover_in(self, meeting_id: str) -> Handover | None:
        """The hand-over made in ``meeting_id`` (for its referat), if any."""
        return next((h for h in reversed(self.handovers()) if h.meeting_id == meeting_id), None)

    # --- open and closed --------------------------------------------------------------
    @property
    def status(self) -> CaseStatus:
        return self.status_history[-1].status if self.status_history else CaseStatus.OPEN

    @property
    def is_open(self) -> bool:
        return self.status is CaseStatus.OPEN

    @property
    def closing(self) -> CaseStatusChange | None:
        """The closing in force (None while open)."""
        return None if self.is_open else self.status_history[-1]

    def close(
        self, on: date, reason: ClosingReason, text: str = "", meeting_id: str | None = None
    ) -> CaseStatusChange:
        """Close the case: a reason, and a text for "other". ValidationError
        if it is closed already or "other" has no text."""
        if not self.is_open:
            raise ValidationError("cases.already_closed")
        text = text.strip()
        if reason is ClosingReason.OTHER and not text:
            raise ValidationError("cases.other_needs_text")
        self._not_before_last_change(on)
        change = CaseStatusChange(on, CaseStatus.CLOSED, reason, text, meeting_id)
        self.status_history.append(change)
        return change

    def reopen(self, on: date, reason: str, meeting_id: str | None = None) -> CaseStatusChange:
        """Open a closed case again, with the reason why."""
        if self.is_open:
            raise ValidationError("cases.not_closed")
        reason = reason.strip()
        if not reason:
            raise ValidationError("cases.reopen_needs_reason")
        self._not_before_last_change(on)
        change = CaseStatusChange(on, CaseStatus.OPEN, None, reason, meeting_id)
        self.status_history.append(change)
        return change

    def _not_before_last_change(self, on: date) -> None:
        if self.status_history and on < self.status_history[-1].on:
            last = self.status_history[-1].on
            raise ValidationError("cases.date_before_last", value=on.strftime("%d.%m.%Y"), last=last.strftime("%d.%m.%Y"))

    # --- the stafettholder's duties ---------------------------------------------------
    def tick_duty(self, duty_id: str, on: date | None) -> None:
        """Tick a duty done on ``on``; None takes the tick away."""
        if on is None:
            self.duties_done.pop(duty_id, None)
        else:
            self.duties_done[duty_id] = on

    def withdraw_stafettholder(self, meeting_id: str) -> None:
        """Undo this meeting's choice (the name was cleared); earlier
        hand-overs stay."""
        current = self.stafettholder
        if current and meeting_id and current.meeting_id == meeting_id:
            self.stafettholders.pop()

    @property
    def needs_consent_warning(self) -> bool:
        """Identified but without valid consent: warn before discussing."""
        return not self.anonymous and self.consent.status is not ConsentStatus.GIVEN

    def agreements_from(self, meeting_id: str) -> list[Agreement]:
        return [a for a in self.agreements if a.meeting_id == meeting_id]

    def open_agreements_before(self, meeting_id: str) -> list[Agreement]:
        return [a for a in self.agreements if a.is_open and a.meeting_id != meeting_id]

    def agreement(self, agreement_id: str) -> Agreement | None:
        return next((a for a in self.agreements if a.id == agreement_id), None)
