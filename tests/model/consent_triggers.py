"""One real way to raise each ValidationError of consent in full (issue 18),
used by test_model_error_messages, which checks every message formats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bti_tui.model import Consent, ConsentStatus
from bti_tui.model.consent import check_dates, check_services
from bti_tui.resources import meeting_kind

TODAY = date(2026, 11, 15)

CONSENT_TRIGGERS: dict[str, Callable[[], object]] = {
    "consent.given_future": lambda: check_dates(Consent(ConsentStatus.GIVEN, given_on=date(2026, 12, 1)), TODAY),
    "consent.withdrawn_future": lambda: check_dates(Consent(ConsentStatus.GIVEN, withdrawn_on=date(2026, 12, 1)), TODAY),
    "consent.until_before_given": lambda: check_dates(
        Consent(ConsentStatus.GIVEN, given_on=date(2026, 5, 1), valid_until=date(2026, 4, 30)), TODAY
    ),
    "consent.withdrawn_before_given": lambda: check_dates(
        Consent(ConsentStatus.GIVEN, given_on=date(2026, 5, 1), withdrawn_on=date(2026, 4, 1)), TODAY
    ),
    "consent.unknown_service": lambda: check_services(["Tannlegen"], meeting_kind("instansmote-skole"), [], "nb"),
}
