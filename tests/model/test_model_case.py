"""Case references, stafettholder history, consent warning, open agreements."""

from __future__ import annotations

from datetime import date

import pytest

from bti_tui.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseReference,
    Consent,
    ConsentStatus,
    ValidationError,
)

TODAY = date(2026, 11, 15)


def test_identified_reference_is_validated_and_normalised() -> None:
    ref = CaseReference.identified("a. b.", date(2015, 3, 5), today=TODAY)
    assert ref == CaseReference("AB", date(2015, 3, 5))
    assert not ref.anonymous


@pytest.mark.parametrize(
    ("initials", "born", "key"),
    [
        ("", date(2015, 3, 5), "initials.empty"),
        ("A1", date(2015, 3, 5), "initials.letters"),
        ("ABCDE", date(2015, 3, 5), "initials.length"),
        ("AB", date(2027, 1, 1), "birth_date.future"),
        ("AB", date(2000, 1, 1), "birth_date.too_old"),
    ],
)
def test_identified_reference_refuses_bad_input(initials: str, born: date, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        CaseReference.identified(initials, born, today=TODAY)
    assert info.value.key == key


def test_identified_reference_takes_max_age() -> None:
    born = date(2010, 1, 1)  # 16
    assert CaseReference.identified("AB", born, today=TODAY, max_age=16).birth_date == born
    with pytest.raises(ValidationError):
        CaseReference.identified("AB", born, today=TODAY, max_age=15)


def test_anonymized_reference_holds_nothing() -> None:
    ref = CaseReference.anonymized()
    assert ref.anonymous
    assert ref.initials is None and ref.birth_date is None
    assert Case("c1", ref).anonymous


# --- stafettholder ---------------------------------------------------------------


def test_stafettholder_starts_empty() -> None:
    assert Case("c1", CaseReference.anonymized()).stafettholder is None


def test_hand_over_across_meetings_keeps_history() -> None:
    case = Case("c1", CaseReference.anonymized())
    case.assign_stafettholder("Kari", "Skolen", "m1", date(2026, 9, 1))
    case.assign_stafettholder("Per", "Helsestasjonen", "m2", date(2026, 10, 1))
    assert [(s.name, s.meeting_id) for s in case.stafettholders] == [("Kari", "m1"), ("Per", "m2")]
    assert case.stafettholder is not None
    assert case.stafettholder.name == "Per"
    assert case.stafettholder.assigned_on == date(2026, 10, 1)


def test_correction_within_the_same_meeting_replaces() -> None:
    case = Case("c1", CaseReference.anonymized())
    case.assign_stafettholder("Kari", "Skolen", "m1", date(2026, 9, 1))
    case.assign_stafettholder("Per", "PPT", "m2", date(2026, 10, 1))
    case.assign_stafettholder("Pål", "PPT", "m2", date(2026, 10, 1))
    case.assign_stafettholder("Pål", "Barnevernet", "m2", date(2026, 10, 1))
    assert [(s.name, s.service) for s in case.stafettholders] == [
        ("Kari", "Skolen"),
        ("Pål", "Barnevernet"),
    ]


def test_first_assignment_corrected_in_its_meeting() -> None:
    case = Case("c1", CaseReference.anonymized())
    case.assign_stafettholder("Kari", "Skolen", "m1", date(2026, 9, 1))
    case.assign_stafettholder("Kåre", "Skolen", "m1", date(2026, 9, 1))
    assert [s.name for s in case.stafettholders] == ["Kåre"]


def test_the_same_assignment_twice_is_recorded_once() -> None:
    case = Case("c1", CaseReference.anonymized())
    case.assign_stafettholder("Kari", "Skolen", "m1", date(2026, 9, 1))
    case.assign_stafettholder("Kari", "Skolen", "m1", date(2026, 9, 1))
    assert len(case.stafettholders) == 1


# --- consent -------------------------------------------------------------------------


def identified_case(status: ConsentStatus) -> Case:
    ref = CaseReference.identified("AB", date(2015, 3, 5), today=TODAY)
    return Case("c1", ref, consent=Consent(status=status))


@pytest.mark.parametrize(
    ("status", "warn"),
    [
        (ConsentStatus.MISSING, True),
        (ConsentStatus.GIVEN, False),
        (ConsentStatus.REFUSED, True),
        (ConsentStatus.WITHDRAWN, True),
        (ConsentStatus.NOT_NEEDED_ANONYMOUS, True),  # identified, so anonymity is no ground
    ],
)
def test_identified_case_warns_without_valid_consent(status: ConsentStatus, warn: bool) -> None:
    assert identified_case(status).needs_consent_warning is warn


@pytest.mark.parametrize("status", list(ConsentStatus))
def test_anonymous_case_never_warns_about_consent(status: ConsentStatus) -> None:
    case = Case("c1", CaseReference.anonymized(), consent=Consent(status=status))
    assert not case.needs_consent_warning


# --- agreements --------------------------------------------------------------------------


def agreement(aid: str, meeting: str, status: AgreementStatus = AgreementStatus.OPEN) -> Agreement:
    return Agreement(aid, "Kartlegge", "Kari", "PPT", date(2026, 12, 1), meeting, status)


def test_open_agreements_before_a_meeting() -> None:
    case = Case("c1", CaseReference.anonymized())
    case.agreements = [
        agreement("a1", "m1"),
        agreement("a2", "m1", AgreementStatus.DONE),
        agreement("a3", "m1", AgreementStatus.CANCELLED),
        agreement("a4", "m2"),
        agreement("a5", "m0"),
    ]
    assert [a.id for a in case.open_agreements_before("m2")] == ["a1", "a5"]
    assert [a.id for a in case.open_agreements_before("m1")] == ["a4", "a5"]
    assert [a.id for a in case.agreements_from("m1")] == ["a1", "a2", "a3"]
    assert case.agreements[0].is_open and not case.agreements[1].is_open


class TestConsentGiver:
    """From consent_own_age the youth consents themself; before it the guardians."""

    from bti_tui.model.case import ConsentGiver as Giver

    def decide(self, chosen, born, status=None):
        from bti_tui.model.case import ConsentStatus, consent_giver

        return consent_giver(status or ConsentStatus.GIVEN, chosen, born, today=date(2026, 11, 24), own_age=16)

    def test_by_age_when_nothing_is_chosen(self) -> None:
        assert self.decide(None, date(2016, 3, 14)) is self.Giver.GUARDIANS
        assert self.decide(None, date(2010, 11, 24)) is self.Giver.YOUTH  # 16 today
        assert self.decide(None, date(2010, 11, 25)) is self.Giver.GUARDIANS  # 16 tomorrow

    def test_a_youth_below_the_age_cannot_consent_alone(self) -> None:
        from bti_tui.model import ValidationError

        with pytest.raises(ValidationError) as caught:
            self.decide(self.Giver.YOUTH, date(2012, 1, 1))
        assert caught.value.key == "intake.youth_too_young" and caught.value.params == {"own_age": 16}
        assert self.decide(self.Giver.YOUTH, date(2010, 1, 1)) is self.Giver.YOUTH
        assert self.decide(self.Giver.GUARDIANS, date(2008, 12, 1)) is self.Giver.GUARDIANS

    def test_missing_consent_has_no_giver(self) -> None:
        from bti_tui.model.case import ConsentStatus

        assert self.decide(None, date(2010, 1, 1), ConsentStatus.MISSING) is None
