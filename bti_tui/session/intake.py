"""Case intake: what a case form holds, checked and turned into a Case.

The intake screen reads its fields into a :class:`CaseForm` and asks
:func:`build_case`; the rules live here, tested without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bti_tui.model import Case, CaseReference, Consent, ConsentGiver, ConsentStatus, ValidationError, new_id
from bti_tui.model.case import consent_giver
from bti_tui.model.dates import parse_date
from bti_tui.model.privacy import guard_text


@dataclass
class CaseForm:
    """One case slot's fields as typed."""

    anonymous: bool = False
    initials: str = ""
    birth_date: str = ""
    submitted_by: str = ""
    consent: ConsentStatus = ConsentStatus.MISSING
    given_by: ConsentGiver | None = None  # None: decided by age
    services: str = ""  # comma-separated
    firfoting: bool = False

    @property
    def empty(self) -> bool:
        return not (self.anonymous or self.initials.strip() or self.birth_date.strip() or self.submitted_by.strip())


def build_case(
    form: CaseForm,
    existing: Case | None,
    *,
    meeting_date: date,
    max_age: int,
    consent_own_age: int,
) -> Case | None:
    """The slot's case from the form (None when left empty), or
    ValidationError with nothing changed: ``existing`` (the case already in
    the slot) is updated only once every field is valid."""
    initials, birth = form.initials.strip(), form.birth_date.strip()
    submitted = guard_text(form.submitted_by.strip())
    services = [guard_text(s.strip()) for s in form.services.split(",") if s.strip()]
    if not form.anonymous and not (initials or birth):
        if submitted or services:
            raise ValidationError("intake.reference_missing")
        return None
    if form.anonymous:
        reference = CaseReference.anonymized()
    else:
        guard_text(initials)
        if not birth:
            raise ValidationError("intake.birth_date_missing")
        reference = CaseReference.identified(initials, parse_date(birth), today=meeting_date, max_age=max_age)
    status = form.consent
    if form.anonymous:
        status = ConsentStatus.NOT_NEEDED_ANONYMOUS
    elif status is ConsentStatus.NOT_NEEDED_ANONYMOUS:
        raise ValidationError("intake.consent_anonymous")
    given_by = consent_giver(status, form.given_by, reference.birth_date, today=meeting_date, own_age=consent_own_age)
    case = existing or Case(id=new_id("c-"), reference=reference)
    case.reference = reference
    case.submitted_by = submitted
    case.consent = Consent(status, services, given_by)
    case.firfoting_prepared = form.firfoting
    return case


def form_of(case: Case | None) -> CaseForm:
    """The fields to show for a case already in a slot."""
    if case is None:
        return CaseForm()
    ref = case.reference
    return CaseForm(
        anonymous=ref.anonymous,
        initials=ref.initials or "",
        birth_date=ref.birth_date.strftime("%d.%m.%Y") if ref.birth_date else "",
        submitted_by=case.submitted_by,
        consent=case.consent.status,
        given_by=case.consent.given_by,
        services=", ".join(case.consent.services),
        firfoting=case.firfoting_prepared,
    )
