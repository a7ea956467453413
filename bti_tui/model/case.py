"""A case: one child, met in one or more meetings.

A case is an entity of its own (with an id) that meetings refer to, so a
child met again carries its agreements and stafettholder history forward.
Only initials and birth date are ever kept, or nothing (anonymous).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bti_tui.model.agreement import Agreement
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


@dataclass
class Consent:
    status: ConsentStatus = ConsentStatus.MISSING
    services: list[str] = field(default_factory=list)  # services it covers
    given_by: ConsentGiver | None = None


@dataclass(frozen=True)
class CaseReference:
    """Initials and birth date (pseudonymous), or anonymous (neither)."""

    initials: str | None = None
    birth_date: date | None = None

    @property
    def anonymous(self) -> bool:
        return self.initials is None

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
    name: str
    service: str
    meeting_id: str
    assigned_on: date


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

    @property
    def anonymous(self) -> bool:
        return self.reference.anonymous

    @property
    def stafettholder(self) -> StafettholderAssignment | None:
        """The current stafettholder: the last hand-over."""
        return self.stafettholders[-1] if self.stafettholders else None

    def assign_stafettholder(
        self, name: str, service: str, meeting_id: str, on: date
    ) -> None:
        """Hand over (or set) the stafettholder; the history is kept."""
        current = self.stafettholder
        if current and (current.name, current.service) == (name, service):
            return  # confirmed again: no hand-over
        if current and current.meeting_id == meeting_id:
            # Corrected within the same meeting: not a hand-over.
            self.stafettholders.pop()
        self.stafettholders.append(
            StafettholderAssignment(name, service, meeting_id, on)
        )

    def withdraw_stafettholder(self, meeting_id: str) -> None:
        """Undo this meeting's choice (the name was cleared); earlier
        hand-overs stay."""
        current = self.stafettholder
        if current and current.meeting_id == meeting_id:
            self.stafettholders.pop()

    @property
    def needs_consent_warning(self) -> bool:
        """Identified but without valid consent: warn before discussing."""
        return not self.anonymous and self.consent.status is not ConsentStatus.GIVEN

    def agreements_from(self, meeting_id: str) -> list[Agreement]:
        return [a for a in self.agreements if a.meeting_id == meeting_id]

    def open_agreements_before(self, meeting_id: str) -> list[Agreement]:
        return [a for a in self.agreements if a.is_open and a.meeting_id != meeting_id]
