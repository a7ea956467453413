"""The consent warning's first line in the user's language, for the
warning at a case's start and the opening's list of cases (issue 18)."""

from __future__ import annotations

from collections.abc import Callable

from bti_tui.model import Case
from bti_tui.model.consent_check import ConsentProblem
from bti_tui.model.dates import format_date
from bti_tui.session.consent import ConsentWarning


def problem_text(t: Callable[..., str], warning: ConsentWarning, case: Case) -> str:
    """The warning's first line, in the user's language."""
    consent = case.consent
    if warning.problem is ConsentProblem.EXPIRED and consent.valid_until:
        return t("consent.warning.expired", date=format_date(consent.valid_until))
    if warning.problem is ConsentProblem.WITHDRAWN and consent.withdrawn_on:
        return t("consent.warning.withdrawn_on", date=format_date(consent.withdrawn_on))
    if warning.problem is ConsentProblem.OUT_OF_SCOPE:
        return t("consent.warning.out_of_scope", services=", ".join(warning.uncovered))
    return t(f"consent.warning.{warning.problem.value}")
