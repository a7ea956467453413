"""The referat records consent in full (issue 18): its dates and scope, the
warning at the case's start and the room's decision; an expired or
withdrawn consent says the case could only be discussed anonymously."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from referat_helpers import demo_args

from bti_tui.model.consent_check import ConsentCheck, ConsentDecision, ConsentProblem
from bti_tui.referat import render_case_markdown, render_markdown


def test_the_warning_and_the_decision_are_in_the_referat() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    consent = cases["demo-sak-1"].consent
    consent.given_on, consent.valid_until, consent.information = date(2026, 9, 1), date(2027, 8, 31), "Fravær og *trivsel*"
    meeting.slots[0].consent_check = ConsentCheck(
        ConsentProblem.OUT_OF_SCOPE, ConsentDecision.SERVICES_LEAVE, ["Kommunepsykologen", "Koordinerende enhet"], datetime(2026, 11, 10, 9, 5)
    )
    text = render_case_markdown(meeting, kind, cases, 0, lang)
    assert "01.09.2026" in text and "31.08.2027" in text
    assert "Fravær og \\*trivsel\\*" in text  # user text, not markup
    assert "Varslet ved saksstart: samtykket dekker ikke Kommunepsykologen, Koordinerende enhet." in text
    assert "Møtet besluttet: Kommunepsykologen, Koordinerende enhet gikk ut under saken." in text
    # the other case's referat holds nothing of it
    assert "Kommunepsykologen, Koordinerende" not in render_case_markdown(meeting, kind, cases, 1, lang)


@pytest.mark.parametrize(
    ("lang", "problem", "says"),
    [
        ("nb", ConsentProblem.EXPIRED, "Samtykket er utløpt: saken kunne bare drøftes anonymt. Møtet besluttet: saken ble drøftet anonymt."),
        ("nb", ConsentProblem.WITHDRAWN, "Samtykket er trukket tilbake: saken kunne bare drøftes anonymt."),
        ("nn", ConsentProblem.WITHDRAWN, "Samtykket er trekt tilbake: saka kunne berre drøftast anonymt. Møtet avgjorde: saka vart drøfta anonymt."),
        ("en", ConsentProblem.EXPIRED, "The consent has expired: the case could only be discussed anonymously."),
    ],
)
def test_an_expired_or_withdrawn_consent_says_anonymous_only(lang: str, problem: ConsentProblem, says: str) -> None:
    meeting, kind, cases, _ = demo_args(lang)
    meeting.slots[0].consent_check = ConsentCheck(problem, ConsentDecision.ANONYMOUS, [], datetime(2026, 11, 10, 9, 5))
    assert says in render_markdown(meeting, kind, cases, lang)
    assert says in render_case_markdown(meeting, kind, cases, 0, lang)
