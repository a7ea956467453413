"""Case intake: what a case form holds, checked and turned into a Case.

The intake screen reads its fields into a :class:`CaseForm` and asks
:func:`build_case`; the rules live here, tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from bti_tui.model import Case, CaseReference, Consent, ConsentGiver, ConsentStatus, ValidationError, initials_key, new_id
from bti_tui.model.case import consent_giver
from bti_tui.model.consent import check_dates, check_services, default_valid_until
from bti_tui.model.dates import format_date, parse_date, parse_optional_date
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
    # Consent in full (issue 18): dates as typed (empty: not known), the
    # information it covers. Valid until left empty: the municipal default
    # validity from the day given.
    given_on: str = ""
    information: str = ""
    valid_until: str = ""
    withdrawn_on: str = ""

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
    today: date | None = None,
    validity_months: int = 12,
    check_service: Callable[[Sequence[str]], None] | None = None,
    fixed_reference: bool = False,
) -> Case | None:
    """The slot's case from the form (None when left empty), or
    ValidationError with nothing changed: ``existing`` (the case already in
    the slot) is updated only once every field is valid. ``today`` (default
    the meeting's date) bounds the consent's dates; ``check_service``
    refuses a service the meeting does not know (see
    :func:`meeting_services_check`)."""
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
    if fixed_reference and existing is not None:
        reference = _kept_reference(existing, reference)
    status = form.consent
    if form.anonymous:
        status = ConsentStatus.NOT_NEEDED_ANONYMOUS
    elif status is ConsentStatus.NOT_NEEDED_ANONYMOUS:
        raise ValidationError("intake.consent_anonymous")
    given_by = consent_giver(status, form.given_by, reference.birth_date, today=meeting_date, own_age=consent_own_age)
    consent = _consent_in_full(form, Consent(status, services, given_by), today or meeting_date, validity_months)
    if check_service is not None and not form.anonymous:
        check_service(services)
    case = existing or Case(id=new_id("c-"), reference=reference)
    case.reference = reference
    case.submitted_by = submitted
    case.consent = consent
    case.firfoting_prepared = form.firfoting
    return case


def _kept_reference(existing: Case, typed: CaseReference) -> CaseReference:
    """The existing case's own reference when the form names the same
    child (initials compared as the lookup does); else ValidationError."""
    old = existing.reference
    same = typed.anonymous == old.anonymous and typed.birth_date == old.birth_date
    if same and initials_key(typed.initials or "") == initials_key(old.initials or ""):
        return old
    raise ValidationError("intake_rules.reference_fixed", initials=old.initials or "", born=format_date(old.birth_date))


def _consent_in_full(form: CaseForm, consent: Consent, today: date, validity_months: int) -> Consent:
    """The consent's dates and information from the form, checked. A
    withdrawal date makes the status "withdrawn"; an empty "valid until"
    takes the default validity from the day given."""
    consent.given_on = parse_optional_date(form.given_on)
    consent.valid_until = parse_optional_date(form.valid_until)
    consent.withdrawn_on = parse_optional_date(form.withdrawn_on)
    consent.information = guard_text(form.information.strip())
    if consent.status is ConsentStatus.NOT_NEEDED_ANONYMOUS:
        consent.given_on = consent.valid_until = consent.withdrawn_on = None
        return consent
    check_dates(consent, today)
    if consent.withdrawn_on is not None:
        consent.status = ConsentStatus.WITHDRAWN
    if consent.given_on is not None and consent.valid_until is None and consent.status is not ConsentStatus.REFUSED:
        consent.valid_until = default_valid_until(consent.given_on, validity_months)
    return consent


def meeting_services_check(session_kind: object, participants: Sequence[object], lang: str) -> Callable[[Sequence[str]], None]:
    """A ``check_service`` for :func:`build_case`: the meeting kind's
    services (any language, role words too) and the participants'."""
    return lambda services: check_services(services, session_kind, participants, lang)  # type: ignore[arg-type]


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
        given_on=format_date(case.consent.given_on),
        information=case.consent.information,
        valid_until=format_date(case.consent.valid_until),
        withdrawn_on=format_date(case.consent.withdrawn_on),
    )
