"""Consent in full (issue 18): validity, dates, scope by meaning; and the
intake form's consent fields (bad input changes nothing)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bti_tui.i18n import Translator
from bti_tui.model import Case, CaseReference, Consent, ConsentGiver, ConsentStatus, ValidationError
from bti_tui.model.consent import add_months, default_valid_until, problem_on, service_key
from bti_tui.model.consent_check import ConsentProblem
from bti_tui.model.localized import LANGUAGES
from bti_tui.resources import meeting_kind
from bti_tui.session import CaseForm, build_case, form_of
from bti_tui.session.intake import meeting_services_check

DAY = date(2026, 11, 24)
KIND = meeting_kind("instansmote-skole")


def test_months_are_added_to_the_calendar() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 30), 12) == date(2026, 11, 30)
    assert default_valid_until(date(2025, 11, 25), 12) == date(2026, 11, 24)


@pytest.mark.parametrize(
    ("consent", "problem"),
    [
        (Consent(ConsentStatus.GIVEN), None),
        (Consent(ConsentStatus.GIVEN, valid_until=DAY), None),
        (Consent(ConsentStatus.GIVEN, valid_until=date(2026, 11, 23)), ConsentProblem.EXPIRED),
        (Consent(ConsentStatus.GIVEN, withdrawn_on=DAY), ConsentProblem.WITHDRAWN),
        (Consent(ConsentStatus.WITHDRAWN), ConsentProblem.WITHDRAWN),
        (Consent(ConsentStatus.REFUSED), ConsentProblem.REFUSED),
        (Consent(ConsentStatus.MISSING), ConsentProblem.MISSING),
    ],
)
def test_what_is_wrong_with_a_consent_on_a_day(consent: Consent, problem: ConsentProblem | None) -> None:
    assert problem_on(consent, DAY) is problem


def test_a_service_is_matched_by_meaning_in_any_language() -> None:
    keys = {service_key(name, KIND) for name in ("Skolehelsetjenesten", "skulehelsetenesta", "School health service", "Helsesykepleier")}
    assert keys == {"role:helsesykepleier"}
    assert service_key("  Nordby   Skole ", KIND) == "nordby skole"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("problem", ["withdrawn", "expired", "refused"])
def test_the_anonymity_messages_exist(lang: str, problem: str) -> None:
    text = Translator(lang)(f"errors.consent.only_anonymous_{problem}")
    assert text and "⟨" not in text


# --- intake ---------------------------------------------------------------------------
def build(form: CaseForm, existing: Case | None = None, today: date = DAY) -> Case | None:
    return build_case(
        form, existing, meeting_date=DAY, max_age=18, consent_own_age=16, today=today,
        validity_months=12, check_service=meeting_services_check(KIND, [], "nb"),
    )


def form(**consent: str) -> CaseForm:
    return CaseForm(initials="AB", birth_date="14.03.2016", submitted_by="Skolen", consent=ConsentStatus.GIVEN, **consent)


def test_intake_takes_the_consent_in_full_and_the_default_validity() -> None:
    case = build(form(given_on="01.09.2026", services="Skolehelsetjenesten, PPT", information="Karakterer og fravær"))
    consent = case.consent
    assert consent.given_on == date(2026, 9, 1) and consent.valid_until == date(2027, 8, 31)
    assert consent.services == ["Skolehelsetjenesten", "PPT"] and consent.information == "Karakterer og fravær"
    assert consent.given_by is ConsentGiver.GUARDIANS
    again = form_of(case)
    assert (again.given_on, again.valid_until, again.withdrawn_on) == ("01.09.2026", "31.08.2027", "")


def test_a_withdrawal_date_makes_the_consent_withdrawn() -> None:
    case = build(form(given_on="01.09.2026", withdrawn_on="20.11.2026"))
    assert case.consent.status is ConsentStatus.WITHDRAWN and case.consent.withdrawn_on == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"given_on": "25.11.2026"}, "consent.given_future"),
        ({"given_on": "01.09.2026", "valid_until": "31.08.2026"}, "consent.until_before_given"),
        ({"given_on": "01.09.2026", "withdrawn_on": "01.08.2026"}, "consent.withdrawn_before_given"),
        ({"withdrawn_on": "01.12.2026"}, "consent.withdrawn_future"),
        ({"services": "Skolehelsetjenesten, Tannlegen"}, "consent.unknown_service"),
        ({"given_on": "i går"}, "date.format"),
    ],
)
def test_bad_consent_input_is_refused_and_changes_nothing(fields: dict[str, str], key: str) -> None:
    existing = build(form(given_on="01.09.2026", services="PPT"))
    before = Consent(**vars(existing.consent))
    with pytest.raises(ValidationError) as error:
        build(form(**fields), existing)
    assert error.value.key == key
    assert existing.consent == before
    for lang in LANGUAGES:
        assert "⟨" not in Translator(lang).error(error.value)


def test_the_unknown_service_message_names_it_and_the_known_ones() -> None:
    with pytest.raises(ValidationError) as error:
        build(form(services="Tannlegen"))
    message = Translator("nb").error(error.value)
    assert "«Tannlegen»" in message and "Kommunepsykologen" in message and "Ingenting er endret" in message


def test_an_anonymous_case_keeps_no_consent_dates() -> None:
    case = build(CaseForm(anonymous=True, submitted_by="Barnehagen", given_on="01.09.2026"))
    assert case.consent.status is ConsentStatus.NOT_NEEDED_ANONYMOUS and case.consent.given_on is None
    assert CaseReference.anonymized() == case.reference


FNR = "01010750160"  # valid check digits (synthetic)


@pytest.mark.parametrize(
    "field", ["initials", "birth_date", "submitted_by", "services", "given_on", "valid_until", "withdrawn_on", "information"]
)
def test_a_fodselsnummer_in_any_intake_field_is_refused(field: str) -> None:
    """Field by field (the Pilot test fills them all at once)."""
    existing = build(form(given_on="01.09.2026", services="PPT"))
    before = (existing.reference, existing.submitted_by, Consent(**vars(existing.consent)))
    with pytest.raises(ValidationError):
        build(dataclasses.replace(form(given_on="01.09.2026", services="PPT"), **{field: f"nr {FNR}"}), existing)
    assert (existing.reference, existing.submitted_by, existing.consent) == before
