"""Consent in full at the start of a named case (issue 18): scope against
the services present, expired and withdrawn consent force anonymity, and
the room's decision is kept for the referat. Plain methods, milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bti_tui.model import (
    Attendance,
    Case,
    CaseReference,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Meeting,
    Position,
    ValidationError,
)
from bti_tui.model.consent_check import ConsentDecision, ConsentProblem
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver, MeetingSession, Move
from bti_tui.store import Repository

DAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0)


@pytest.fixture
def saver(tmp_path: Path) -> Iterator[Autosaver]:
    with Repository.open(tmp_path / "data") as repo:
        saver = Autosaver(repo, lambda error: None)
        yield saver
        saver.close()


def named(consent: Consent) -> Case:
    return Case("c-named", CaseReference("AB", date(2016, 3, 14)), submitted_by="Skolen", consent=consent)


def given(services: list[str], **dates: date) -> Consent:
    return Consent(ConsentStatus.GIVEN, services, ConsentGiver.GUARDIANS, **dates)


def session_with(saver: Autosaver, case: Case, present: set[str] | None = None, lang: str = "nb") -> MeetingSession:
    """Every fixed participant present unless ``present`` names the role ids."""
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, DAY, time(9, 0), "Nordby", lang, "m-1")
    for person in meeting.participants:
        person.attendance = Attendance.PRESENT if present is None or person.role_id in present else Attendance.ABSENT
    meeting.slots[0].case_id = case.id
    clock = iter(NOW + timedelta(seconds=n) for n in range(10_000))
    return MeetingSession(meeting, kind, {case.id: case}, saver, lambda: next(clock))


def test_the_scope_warning_names_the_services_outside_the_consent(saver) -> None:
    s = session_with(saver, named(given(["Skolehelsetjenesten", "Barneverntjenesten", "Familiehjelpen"])))
    result = s.next_step()
    assert result.outcome is Move.NEEDS_CONSENT and result.slot == 0
    assert s.position == Position.opening()
    warning = s.consent_warning(0)
    assert warning.problem is ConsentProblem.OUT_OF_SCOPE
    # the school submitted the case: covered; the other two are named, in the kind's words
    assert warning.uncovered == ("Kommunepsykologen", "Koordinerende enhet")
    assert set(warning.choices) == set(ConsentDecision)


def test_services_match_by_meaning_across_languages_and_role_words(saver) -> None:
    consent = given(["School health service", "barnevernskonsulent", "Familiehjelpa", "Kommunepsykolog", "Koordinator barn og unge"])
    s = session_with(saver, named(consent), lang="nn")
    assert s.consent_warning(0) is None
    assert s.next_step().outcome is Move.MOVED


def test_only_services_present_count(saver) -> None:
    s = session_with(saver, named(given(["Skolehelsetjenesten"])), present={"helsesykepleier", "kommunepsykolog"})
    assert s.consent_warning(0).uncovered == ("Kommunepsykologen",)


def test_a_consent_without_a_recorded_scope_is_not_compared(saver) -> None:
    s = session_with(saver, named(given([])))
    assert s.consent_warning(0) is None
    assert s.next_step().outcome is Move.MOVED


def test_the_rooms_decision_is_recorded_and_not_asked_again(saver) -> None:
    s = session_with(saver, named(given(["Skolehelsetjenesten"])))
    assert s.next_step().outcome is Move.NEEDS_CONSENT
    assert s.decide_consent(0, ConsentDecision.SERVICES_LEAVE).outcome is Move.MOVED
    check = s.meeting.slots[0].consent_check
    assert check.decision is ConsentDecision.SERVICES_LEAVE and check.problem is ConsentProblem.OUT_OF_SCOPE
    assert "Kommunepsykologen" in check.uncovered and check.decided_at is not None
    # back to the opening and in again: the decision stands (also after a restart)
    s.previous_step()
    s.consent_acknowledged.clear()
    assert s.next_step().outcome is Move.MOVED


@pytest.mark.parametrize(
    ("consent", "problem"),
    [
        (given(["Skolehelsetjenesten"], given_on=date(2025, 10, 1), valid_until=date(2026, 9, 30)), ConsentProblem.EXPIRED),
        (given([], given_on=date(2026, 1, 5), withdrawn_on=date(2026, 11, 20)), ConsentProblem.WITHDRAWN),
        (Consent(ConsentStatus.WITHDRAWN, [], ConsentGiver.GUARDIANS), ConsentProblem.WITHDRAWN),
    ],
)
def test_expired_and_withdrawn_consent_force_anonymity(saver, consent: Consent, problem: ConsentProblem) -> None:
    s = session_with(saver, named(consent))
    assert s.next_step().outcome is Move.NEEDS_CONSENT
    warning = s.consent_warning(0)
    assert warning.problem is problem and warning.anonymous_only
    assert warning.choices == (ConsentDecision.ANONYMOUS,)
    for refused in (ConsentDecision.AS_IS, ConsentDecision.SERVICES_LEAVE):
        with pytest.raises(ValidationError) as error:
            s.decide_consent(0, refused)
        assert error.value.key == f"consent.only_anonymous_{problem.value}"
        assert s.meeting.slots[0].consent_check is None and s.position == Position.opening()
    with pytest.raises(ValidationError):
        s.acknowledge_consent(0)  # the old "go on anyway" is no way round it
    assert s.decide_consent(0, ConsentDecision.ANONYMOUS).outcome is Move.MOVED
    assert s.discussed_anonymously(0)


def test_a_consent_valid_until_the_meeting_day_still_holds(saver) -> None:
    s = session_with(saver, named(given([], given_on=date(2025, 11, 25), valid_until=DAY)))
    assert s.consent_warning(0) is None


def test_a_withdrawal_after_the_meeting_does_not_count_for_it(saver) -> None:
    s = session_with(saver, named(given([], given_on=date(2025, 11, 25), withdrawn_on=DAY + timedelta(days=1))))
    assert s.consent_warning(0) is None


def test_without_consent_a_named_case_is_discussed_only_anonymously(saver) -> None:
    """DOMAIN: "obtain consent from the guardians, or mark the case
    anonymous". Going on "as it is" without one named the child (tester)."""
    s = session_with(saver, named(Consent(ConsentStatus.MISSING)))
    warning = s.consent_warning(0)
    assert warning.problem is ConsentProblem.MISSING and warning.uncovered == ()
    assert warning.choices == (ConsentDecision.ANONYMOUS,) and s.discussed_anonymously(0)
    with pytest.raises(ValidationError) as refused:
        s.acknowledge_consent(0)
    assert refused.value.key == "consent.only_anonymous_missing" and s.meeting.slots[0].consent_check is None
    assert s.decide_consent(0, ConsentDecision.ANONYMOUS).outcome is Move.MOVED


def test_an_anonymous_case_is_never_warned(saver) -> None:
    case = Case("c-anon", CaseReference.anonymized(), consent=Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS))
    s = session_with(saver, case)
    assert s.consent_warning(0) is None and s.next_step().outcome is Move.MOVED


def test_the_decision_is_saved_with_the_meeting(saver, tmp_path: Path) -> None:
    s = session_with(saver, named(given(["Skolehelsetjenesten"])))
    s.decide_consent(0, ConsentDecision.ANONYMOUS)
    saver.flush()
    loaded = saver.repo.load_meeting("m-1")
    assert loaded.slots[0].consent_check == s.meeting.slots[0].consent_check


def test_a_case_discussed_anonymously_is_projected_without_its_reference(saver) -> None:
    """The meeting screen's label and the wall say "anonym" once the room
    decided so (the referat says why)."""
    from bti_tui.i18n import Translator
    from bti_tui.ui.labels import case_label
    from bti_tui.ui.wall.follow import Followed
    from bti_tui.ui.wall.view import case_label as wall_label

    t = Translator("nb")
    s = session_with(saver, named(given(["Skolehelsetjenesten"])))  # services outside it: the room chooses
    assert "AB" in case_label(t, s, 0).plain
    s.decide_consent(0, ConsentDecision.ANONYMOUS)
    assert "AB" not in case_label(t, s, 0).plain and "anonym" in case_label(t, s, 0).plain
    shown = wall_label(t, Followed(s.meeting, s.kind, s.cases), 0, s.position, show_reference=True)
    assert "AB" not in shown and "14.03.2016" not in shown


def test_a_consent_that_no_longer_holds_hides_the_name_before_the_room_decides(saver) -> None:
    """Expired: anonymity is the only choice, so the name is never on the
    wall, in the warning or in the referat (headings and file names)."""
    from bti_tui.i18n import Translator
    from bti_tui.referat import render_markdown
    from bti_tui.referat.export import case_choices
    from bti_tui.ui.labels import case_label
    from bti_tui.ui.wall.follow import Followed
    from bti_tui.ui.wall.view import case_label as wall_label

    t = Translator("nb")
    s = session_with(saver, named(given([], given_on=date(2025, 1, 6), valid_until=date(2025, 12, 31))))
    assert s.discussed_anonymously(0) and "AB" not in case_label(t, s, 0).plain
    assert "AB" not in wall_label(t, Followed(s.meeting, s.kind, s.cases), 0, s.position, show_reference=True)
    s.decide_consent(0, ConsentDecision.ANONYMOUS)
    text = render_markdown(s.meeting, s.kind, s.cases, "nb")
    assert "AB" not in text and "14.03.2016" not in text
    assert all("AB" not in label for _, label in case_choices(s.meeting, s.cases, "nb"))
    assert s.cases["c-named"].reference.initials == "AB"  # the case itself keeps its reference
