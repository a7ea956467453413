"""Consent rules (issue 18): valid on a day, scope against the room, and
the checks on what intake takes in.

A consent is documented with the day it was given, by whom, to which
services and which information, until when it holds (a municipal setting
gives the default validity in months from the day given) and when it was
withdrawn. At the start of a named case the services present in the room
are compared with those it covers; the ones outside are named.

Services are matched by meaning, not spelling: a service (or role) word of
the meeting kind in any language stands for that role's service, so a
consent written in bokmål covers "Skulehelsetenesta" in a nynorsk meeting.
Other words are compared case-insensitively.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from collections.abc import Iterable
from datetime import date

from bti_tui.model.case import Case, CaseReference, Consent, ConsentStatus
from bti_tui.model.consent_check import ConsentProblem
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.localized import pick
from bti_tui.model.meeting import Attendance, CaseSlot, Participant


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_valid_until(given_on: date, months: int) -> date:
    """The last day a consent given on ``given_on`` holds by default."""
    return add_months(given_on, months) - _ONE_DAY


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def check_dates(consent: Consent, today: date) -> None:
    """ValidationError when the dates cannot be right: given or withdrawn
    in the future, valid until before given, withdrawn before given."""
    given, until, withdrawn = consent.given_on, consent.valid_until, consent.withdrawn_on
    if given is not None and given > today:
        raise ValidationError("consent.given_future", value=_day(given))
    if withdrawn is not None and withdrawn > today:
        raise ValidationError("consent.withdrawn_future", value=_day(withdrawn))
    if given is not None and until is not None and until < given:
        raise ValidationError("consent.until_before_given", until=_day(until), given=_day(given))
    if given is not None and withdrawn is not None and withdrawn < given:
        raise ValidationError("consent.withdrawn_before_given", withdrawn=_day(withdrawn), given=_day(given))


def problem_on(consent: Consent, day: date) -> ConsentProblem | None:
    """What is wrong with the consent for a meeting on ``day`` (scope
    aside), or None when it holds."""
    if consent.withdrawn_on is not None and consent.withdrawn_on <= day:
        return ConsentProblem.WITHDRAWN
    status = ConsentStatus(consent.status)
    if status is ConsentStatus.WITHDRAWN:
        return ConsentProblem.WITHDRAWN
    if status is ConsentStatus.REFUSED:
        return ConsentProblem.REFUSED
    if status is not ConsentStatus.GIVEN:
        return ConsentProblem.MISSING
    if consent.valid_until is not None and consent.valid_until < day:
        return ConsentProblem.EXPIRED
    return None


# --- services ------------------------------------------------------------------
def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def service_key(name: str, kind: MeetingKind) -> str:
    """What a service name means: the kind's role whose service or role
    word (any language) it is, else the name itself, case-folded."""
    folded = _fold(name)
    for spec in kind.roles:
        words = {_fold(w) for w in (*spec.service.values(), *spec.role.values())}
        if folded in words:
            return f"role:{spec.id}"
    return folded


def _participant_key(person: Participant, kind: MeetingKind) -> str:
    if not person.service and not person.role and person.role_id:
        return f"role:{person.role_id}"
    typed = person.service or person.role
    return service_key(typed, kind) if typed else ""


def known_services(kind: MeetingKind, participants: Iterable[Participant], lang: str) -> list[str]:
    """The services a consent may name: the kind's (in ``lang``) and those
    typed for the meeting's participants."""
    names: dict[str, str] = {}
    for spec in kind.roles:
        names.setdefault(f"role:{spec.id}", pick(spec.service, lang) or pick(spec.role, lang))
    for person in participants:
        key = _participant_key(person, kind)
        if key:
            names.setdefault(key, person.service_in(kind, lang) or person.role_in(kind, lang))
    return list(names.values())


def check_services(services: Iterable[str], kind: MeetingKind, participants: Iterable[Participant], lang: str) -> None:
    """ValidationError naming the first service neither the kind nor the
    meeting knows (a typo would silently leave a service uncovered)."""
    people = list(participants)
    known = {service_key(n, kind) for n in known_services(kind, people, lang)}
    for name in services:
        if service_key(name, kind) not in known:
            raise ValidationError("consent.unknown_service", service=name, known=", ".join(known_services(kind, people, lang)))


def uncovered_services(case: Case, participants: Iterable[Participant], kind: MeetingKind, lang: str) -> list[str]:
    """The services present (marked til stede) that the consent does not
    cover, by name in ``lang``, in the order of the participant list. The
    service that submitted the case is covered (the consent was given to
    it). A consent that lists no services has no recorded scope: [] ."""
    consent = case.consent
    if not consent.services:
        return []
    covered = {service_key(s, kind) for s in consent.services}
    if case.submitted_by.strip():
        covered.add(service_key(case.submitted_by, kind))
    outside: dict[str, str] = {}
    for person in participants:
        if person.attendance is not Attendance.PRESENT:
            continue
        key = _participant_key(person, kind)
        if key and key not in covered:
            outside.setdefault(key, person.service_in(kind, lang) or person.role_in(kind, lang))
    return list(outside.values())


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def discussed_anonymously(case: Case, slot: CaseSlot, day: date) -> bool:
    """Whether a case is shown without its name in this meeting (screens,
    wall, referat, file names): it is anonymous, the room decided so after
    the consent warning, or the consent no longer holds (withdrawn, expired,
    refused), which leaves anonymity as the only choice even before the
    room has said it."""
    if case.anonymous:
        return True
    if slot.consent_check is not None and slot.consent_check.anonymous:
        return True
    problem = problem_on(case.consent, day)
    return problem is not None and problem.forces_anonymity


def as_discussed(case: Case, slot: CaseSlot, day: date) -> Case:
    """The case as this meeting may name it: a copy without initials and
    birth date when it is discussed anonymously (``discussed_anonymously``)."""
    if case.anonymous or not discussed_anonymously(case, slot, day):
        return case
    return replace(case, reference=CaseReference.anonymized())
