"""A case met again, as plain session rules: the review of earlier
agreements in the next meeting, edits and hand-overs kept as history, the
intake lookup and the "same child?" question, the overview with a fixed
"today", closing and reopening, and who tells whom."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bti_tui.i18n import Translator, catalogue
from bti_tui.model import (
    GUARDIANS,
    YOUTH,
    AgreementStatus,
    Attendance,
    Case,
    CaseReference,
    CaseStatus,
    ClosingReason,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Meeting,
    MeetingStatus,
    UserPresence,
    ValidationError,
)
from bti_tui.model.localized import LANGUAGES
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver, CaseBook, CaseForm, MeetingSession
from bti_tui.session.demo import write_demo
from bti_tui.store import CaseNotFound, Repository

FIRST = date(2026, 10, 6)
SECOND = date(2026, 11, 24)


class Clock:
    def __init__(self, day: date) -> None:
        self.at = datetime.combine(day, time(9, 0))

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with Repository.open(tmp_path / "data") as repository:
        yield repository


@pytest.fixture
def saver(repo: Repository) -> Iterator[Autosaver]:
    saver = Autosaver(repo, lambda error: None)
    yield saver
    saver.close()


def child(case_id: str = "c-ab", initials: str = "AB", born: date = date(2016, 3, 14)) -> Case:
    return Case(case_id, CaseReference(initials, born), consent=Consent(ConsentStatus.GIVEN, [], ConsentGiver.GUARDIANS))


def meeting_for(saver: Autosaver, day: date, meeting_id: str, *cases: Case, kind_id: str = "instansmote-skole") -> MeetingSession:
    kind = meeting_kind(kind_id)
    meeting = Meeting.plan(kind, day, time(9, 0), "Nordby", "nb", meeting_id)
    for slot, case in zip(meeting.slots, cases, strict=False):
        slot.case_id = case.id
    session = MeetingSession(meeting, kind, {c.id: c for c in cases}, saver, Clock(day))
    session.save(all_cases=True)
    return session


def first_meeting(saver: Autosaver) -> MeetingSession:
    """The child's first meeting: three agreements and a stafettholder."""
    s = meeting_for(saver, FIRST, "m-1", child())
    s.add_agreement(0, "Samtaler hver uke", "Kari Nordmann", "Helsestasjonen", date(2026, 10, 20))
    s.add_agreement(0, "Veiledning til foresatte", "Ingrid Berg", "Familiehjelpen", date(2026, 12, 1))
    s.add_agreement(0, "Fast voksen i friminuttene", "Nils Moen", "Skolen", None)
    s.set_stafettholder(0, "Kari Nordmann", "Helsestasjonen")
    s.finish()  # a named case with a stafettholder: it finishes
    assert s.meeting.status is MeetingStatus.FINISHED
    saver.flush()
    return s


def second_meeting(saver: Autosaver, repo: Repository) -> MeetingSession:
    """The same child met again: the case as the store holds it."""
    return meeting_for(saver, SECOND, "m-2", repo.load_case("c-ab"))


# --- the review in the next meeting ---------------------------------------------------------
def test_the_first_meetings_open_agreements_come_up_for_review(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    assert s.needs_review(0)
    items = s.review_items(0)
    assert [i.agreement.what for i in items] == ["Samtaler hver uke", "Veiledning til foresatte", "Fast voksen i friminuttene"]
    assert [i.overdue for i in items] == [True, False, False]
    assert [i.made_on for i in items] == [FIRST] * 3
    assert not any(i.marked for i in items)


def test_marks_are_saved_and_the_continued_one_stays_open(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    done, guidance, adult = (i.agreement.id for i in s.review_items(0))
    s.mark_agreement(0, done, AgreementStatus.DONE, note="Gjennomført hele høsten")
    s.mark_agreement(0, guidance, "continued", new_due=date(2027, 2, 1))
    s.mark_agreement(0, adult, AgreementStatus.DROPPED)
    items = s.review_items(0)
    assert [i.mark.status for i in items] == [AgreementStatus.DONE, AgreementStatus.CONTINUED, AgreementStatus.DROPPED]
    assert items[0].overdue  # as the meeting found it
    assert s.review_pending(0) == []
    saver.flush()
    stored = repo.load_case("c-ab")
    assert [a.status for a in stored.agreements] == [AgreementStatus.DONE, AgreementStatus.CONTINUED, AgreementStatus.DROPPED]
    assert stored.agreements[0].history[0].note == "Gjennomført hele høsten"
    assert stored.agreements[1].due == date(2027, 2, 1)
    # The next meeting sees only the continued one.
    third = meeting_for(saver, date(2027, 1, 20), "m-3", stored)
    assert [i.agreement.id for i in third.review_items(0)] == [guidance]
    assert third.review_items(0)[0].overdue is False


def test_a_bad_mark_changes_nothing_and_saves_nothing(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    item = s.review_items(0)[1]
    for new_due, key in ((None, "cases.continue_needs_due"), (date(2026, 11, 23), "form.due_before_meeting")):
        with pytest.raises(ValidationError) as info:
            s.mark_agreement(0, item.agreement.id, AgreementStatus.CONTINUED, new_due=new_due)
        assert info.value.key == key
    assert item.agreement.history == [] and item.agreement.due == date(2026, 12, 1)
    new = s.add_agreement(0, "Ny avtale", "Ola", "Skolen", None)
    with pytest.raises(ValidationError) as info:
        s.mark_agreement(0, new.id, AgreementStatus.DONE)
    assert info.value.key == "cases.not_in_review"


def test_an_agreement_is_edited_with_its_history(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    agreement = s.review_items(0)[2].agreement
    change = s.edit_agreement(0, agreement.id, "Fast voksen i alle friminutt", "Nils Moen", "Skolen", date(2026, 12, 15), note="Utvidet")
    assert change is not None and change.meeting_id == "m-2" and change.on == SECOND
    assert [(c.field, c.before, c.after) for c in change.changes] == [
        ("what", "Fast voksen i friminuttene", "Fast voksen i alle friminutt"),
        ("due", "", "2026-12-15"),
    ]
    assert s.edit_agreement(0, agreement.id, "Fast voksen i alle friminutt", "Nils Moen", "Skolen", date(2026, 12, 15)) is None
    with pytest.raises(ValidationError) as info:
        s.edit_agreement(0, agreement.id, "x", "Nils Moen", "Skolen", date(2026, 11, 1))
    assert info.value.key == "form.due_before_meeting" and agreement.what == "Fast voksen i alle friminutt"
    # An old due date left as it was is no error.
    overdue = s.review_items(0)[0].agreement
    assert s.edit_agreement(0, overdue.id, overdue.what, "Kari N.", overdue.service, overdue.due) is not None


def test_the_stafettholder_handed_over_shows_in_the_case_history(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    handover = s.hand_over_stafettholder(0, "Ola Hansen", "Barneverntjenesten", note="Saken trenger barnevernet")
    assert handover is not None and (handover.before_name, handover.name, handover.meeting_id) == ("Kari Nordmann", "Ola Hansen", "m-2")
    assert s.handover(0) == handover
    history = s.case_book().history("c-ab")
    assert [(h.name, h.on) for h in history.handovers] == [("Kari Nordmann", FIRST), ("Ola Hansen", SECOND)]
    assert [(m.id, m.date, m.kind_id) for m in history.meetings] == [("m-1", FIRST, "instansmote-skole"), ("m-2", SECOND, "instansmote-skole")]


# --- the intake lookup -------------------------------------------------------------------------
def test_a_case_is_found_again_by_initials_and_birth_date(saver, repo) -> None:
    first_meeting(saver)
    repo.save_case(Case("c-anon", CaseReference.anonymized()))
    book = CaseBook(repo, saver)
    assert [r.id for r in book.find_existing("a.b.", date(2016, 3, 14))] == ["c-ab"]
    assert [r.id for r in book.find_existing("ab", date(2016, 3, 14))] == ["c-ab"]
    assert book.find_existing("AB", date(2016, 3, 15)) == []
    assert book.find_existing("", date(2016, 3, 14)) == []
    row = book.find_existing("AB", date(2016, 3, 14), today=SECOND)[0]
    assert (row.stafettholder, row.open_agreements, row.overdue_agreements) == ("Kari Nordmann", 3, 1)


def test_accents_and_case_do_not_hide_a_child(repo) -> None:
    repo.save_case(child("c-aase", "ÅS"))
    assert [r.id for r in CaseBook(repo).find_existing("as", date(2016, 3, 14))] == ["c-aase"]


def test_a_duplicate_asks_same_child(saver, repo) -> None:
    first_meeting(saver)
    book = CaseBook(repo, saver)
    form = CaseForm(initials="ab", birth_date="14.03.2016")
    row = book.same_child_question(form)
    assert row is not None and row.id == "c-ab"
    assert book.same_child_question(form, exclude="c-ab") is None  # the case already in the slot
    assert book.same_child_question(CaseForm(anonymous=True)) is None
    assert book.same_child_question(CaseForm(initials="ab", birth_date="31.02.2016")) is None
    assert book.same_child_question(CaseForm(initials="ab", birth_date="15.03.2016")) is None


def test_a_closed_case_is_not_offered_until_reopened(saver, repo) -> None:
    first_meeting(saver)
    book = CaseBook(repo, saver)
    closed = book.close_case("c-ab", SECOND, ClosingReason.GOAL_REACHED)
    assert closed.reason is ClosingReason.GOAL_REACHED and closed.meeting_id is None
    assert book.find_existing("AB", date(2016, 3, 14)) == []
    assert book.same_child_question(CaseForm(initials="AB", birth_date="14.03.2016")) is None
    with pytest.raises(ValidationError) as info:
        book.reopen_case("c-ab", SECOND, " ")
    assert info.value.key == "cases.reopen_needs_reason"
    book.reopen_case("c-ab", date(2027, 1, 10), "Ny bekymring")
    assert [r.id for r in book.find_existing("AB", date(2016, 3, 14))] == ["c-ab"]
    saver.flush()
    assert [c.status for c in repo.load_case("c-ab").status_history] == [CaseStatus.CLOSED, CaseStatus.OPEN]


def test_closing_in_a_meeting_changes_the_meetings_own_case(saver, repo) -> None:
    first_meeting(saver)
    s = second_meeting(saver, repo)
    s.close_case("c-ab", SECOND, "other", "Familien flytter til Bergen")
    case = s.case(0)
    assert case is not None and case.closing is not None and case.closing.meeting_id == "m-2"
    with pytest.raises(ValidationError):
        s.close_case("c-ab", SECOND, ClosingReason.MOVED_AWAY)
    saver.flush()
    assert repo.load_case("c-ab").closing.text == "Familien flytter til Bergen"


def test_an_unknown_case_is_not_found(repo) -> None:
    with pytest.raises(CaseNotFound):
        CaseBook(repo).history("c-nobody")


# --- the overview ---------------------------------------------------------------------------------
def test_the_overview_counts_with_a_fixed_today(saver, repo) -> None:
    first_meeting(saver)
    planned = meeting_for(saver, date(2027, 1, 12), "m-9", repo.load_case("c-ab"))
    assert planned.meeting.status is MeetingStatus.PLANNED
    other = child("c-cd", "CD", date(2019, 9, 2))
    other.close(FIRST, ClosingReason.MOVED_AWAY)
    repo.save_case(other)
    book = CaseBook(repo, saver)
    (row,) = book.open_cases(today=SECOND)
    assert (row.id, row.initials, row.birth_date, row.status) == ("c-ab", "AB", date(2016, 3, 14), CaseStatus.OPEN)
    assert (row.stafettholder, row.stafettholder_service) == ("Kari Nordmann", "Helsestasjonen")
    assert [m.id for m in row.meetings] == ["m-1", "m-9"] and row.next_meeting == date(2027, 1, 12)
    assert (row.open_agreements, row.overdue_agreements) == (3, 1)
    later = book.open_cases(today=date(2026, 12, 2))[0]
    assert later.overdue_agreements == 2
    assert [r.id for r in book.open_cases(SECOND, status="closed")] == ["c-cd"]
    assert [r.id for r in book.open_cases(SECOND, status="all")] == ["c-ab", "c-cd"]
    assert [r.id for r in book.open_cases(SECOND, service="familiehjelpen")] == ["c-ab"]
    assert book.open_cases(SECOND, service="PPT") == []


# --- who tells whom -------------------------------------------------------------------------------
def test_who_tells_the_guardians_and_the_absent_with_a_task(saver, repo) -> None:
    s = meeting_for(saver, FIRST, "m-1", child())
    for person in s.meeting.participants:
        person.attendance = Attendance.PRESENT
    absent = s.meeting.participants[2]
    absent.attendance = Attendance.ABSENT
    absent.name = "Ingrid Berg"
    s.add_agreement(0, "Veiledning", "ingrid berg", absent.service_in(s.kind, "nb"), None)
    missing = s.informing_missing(0)
    assert [i.whom for i in missing] == [GUARDIANS, absent.id] and missing[1].tasks == ("Veiledning",)
    s.inform(0, GUARDIANS, "Kari Nordmann")
    s.inform(0, absent.id, "Nils Moen")
    assert s.informing_missing(0) == []
    s.inform(0, absent.id, "")
    assert [i.whom for i in s.informing_missing(0)] == [absent.id]
    # A participant without a name is named by the role, in the kind's words.
    nameless = s.meeting.participants[3]
    nameless.attendance = Attendance.ABSENT
    s.add_agreement(0, "Vurdering", nameless.role_in(s.kind, "nb"), "", None)
    assert [i.whom for i in s.informing_missing(0)] == [absent.id, nameless.id]
    with pytest.raises(LookupError):
        s.inform(0, "p-nobody", "Kari")


def test_guardians_and_youth_present_informed_or_not_with_a_reason(saver, repo) -> None:
    s = meeting_for(saver, FIRST, "m-1", child())
    s.set_user_presence(0, GUARDIANS, UserPresence.PRESENT)
    s.set_user_presence(0, YOUTH, "informed")
    assert [i.whom for i in s.informing_missing(0)] == [YOUTH]  # the guardians heard it themselves
    with pytest.raises(ValidationError) as info:
        s.set_user_presence(0, YOUTH, UserPresence.NOT_INFORMED, " ")
    assert info.value.key == "cases.not_informed_reason" and s.informing(0).youth.presence is UserPresence.INFORMED
    s.set_user_presence(0, YOUTH, UserPresence.NOT_INFORMED, "Innlagt på sykehus")
    saver.flush()
    stored = repo.load_meeting("m-1").slots[0].informing
    assert (stored.guardians.presence, stored.youth.reason) == (UserPresence.PRESENT, "Innlagt på sykehus")


def test_an_anonymous_case_needs_no_one_to_tell_the_guardians(saver) -> None:
    s = meeting_for(saver, FIRST, "m-1", Case("c-anon", CaseReference.anonymized()))
    assert s.informing_missing(0) == []


# --- the demo --------------------------------------------------------------------------------------
def test_the_upcoming_demo_meeting_opens_with_a_review(repo, saver) -> None:
    from bti_tui.session import open_meeting

    write_demo(repo, date(2026, 3, 2), "nb")
    s = open_meeting(saver, "demo-neste", Clock(date(2026, 3, 16)))
    assert s.needs_review(0) and not s.needs_review(1)
    assert [(i.agreement.id, i.overdue) for i in s.review_items(0)] == [("demo-a1", True), ("demo-a2", False), ("demo-a3", False)]
    assert [i.made_on for i in s.review_items(0)] == [date(2026, 2, 16)] * 3
    (row,) = [r for r in CaseBook(repo).open_cases(date(2026, 3, 2)) if r.id == "demo-sak-1"]
    assert [m.id for m in row.meetings] == ["demo-ferdig", "demo-neste"]


# --- messages ---------------------------------------------------------------------------------------
SESSION_KEYS = {
    "cases.not_in_review": {},
    "cases.not_informed_reason": {},
    "cases.named_by_missing": {},
    "cases.named_after_meeting": {"value": "01.12.2026"},
    "cases.role_reason_needed": {},
    "cases.no_external_partner": {"kind": "Internt arbeidsmøte", "service": "Barnevernet"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", sorted(SESSION_KEYS))
def test_every_session_message_formats_in_every_language(key: str, lang: str) -> None:
    assert f"errors.{key}" in catalogue(lang)
    message = Translator(lang).error(ValidationError(key, **SESSION_KEYS[key]))
    assert message.strip() and "{" not in message and "⟨" not in message
    for value in SESSION_KEYS[key].values():
        assert value in message


def test_a_case_found_again_and_taken_off_the_new_meeting_is_kept(saver, repo) -> None:
    earlier = meeting_for(saver, FIRST, "m-1", child("c-quiet", "EF"))  # discussed, nothing decided
    earlier.meeting.status = MeetingStatus.FINISHED
    earlier.save()
    saver.flush()
    s = meeting_for(saver, SECOND, "m-2")
    found = CaseBook(repo, saver).find_existing("ef", date(2016, 3, 14))[0]
    s.place_case(0, repo.load_case(found.id))
    s.place_case(0, None)
    saver.flush()
    assert repo.load_case("c-quiet").id == "c-quiet"
    # A case made in this meeting alone still goes when taken off.
    s.place_case(0, child("c-new", "GH"))
    s.save(all_cases=True)
    s.place_case(0, None)
    saver.flush()
    with pytest.raises(CaseNotFound):
        repo.load_case("c-new")
