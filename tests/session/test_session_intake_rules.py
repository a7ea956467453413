"""Intake rules for a child met before (issue 16), as plain session rules:
a case discussed in an earlier meeting keeps its reference (never renamed
across its history), a case made new in this intake may be corrected, and
quitting never makes a second case file of the same child."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from bti_tui.i18n import Translator
from bti_tui.model import Case, CaseReference, Consent, ConsentGiver, ConsentStatus, Meeting, ValidationError
from bti_tui.model.localized import LANGUAGES
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver, CaseForm, MeetingSession, build_case, form_of
from bti_tui.session.intake_rules import keep_on_quit, reference_fixed, unanswered_same_child
from bti_tui.store import Repository

FIRST = date(2026, 10, 6)
SECOND = date(2026, 11, 24)
KIND = "instansmote-skole"


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with Repository.open(tmp_path / "data") as repository:
        yield repository


@pytest.fixture
def saver(repo: Repository) -> Iterator[Autosaver]:
    saver = Autosaver(repo, lambda error: None)
    yield saver
    saver.close()


def child(case_id: str, initials: str, born: date) -> Case:
    return Case(case_id, CaseReference(initials, born), consent=Consent(ConsentStatus.GIVEN, [], ConsentGiver.GUARDIANS))


def meeting_for(saver: Autosaver, day: date, meeting_id: str, *cases: Case) -> MeetingSession:
    kind = meeting_kind(KIND)
    meeting = Meeting.plan(kind, day, time(9, 0), "Nordby", "nb", meeting_id)
    for slot, case in zip(meeting.slots, cases, strict=False):
        slot.case_id = case.id
    session = MeetingSession(meeting, kind, {c.id: c for c in cases}, saver, lambda: datetime.combine(day, time(9, 0)))
    session.save(all_cases=True)
    return session


def second_meeting(saver: Autosaver, repo: Repository) -> MeetingSession:
    """ÅB was discussed on FIRST; the second meeting has found it again
    (slot 1) and nothing in slot 2."""
    meeting_for(saver, FIRST, "m-1", child("c-ab", "ÅB", date(2016, 3, 14)))
    saver.flush()
    return meeting_for(saver, SECOND, "m-2", repo.load_case("c-ab"))


def read(session: MeetingSession, slot: int, form: CaseForm) -> Case | None:
    return build_case(
        form,
        session.case(slot),
        meeting_date=session.meeting.date,
        max_age=18,
        consent_own_age=15,
        fixed_reference=reference_fixed(session, slot),
    )


# --- a found case keeps its reference -----------------------------------------------------
def test_a_case_discussed_before_is_never_renamed_at_intake(saver, repo) -> None:
    s = second_meeting(saver, repo)
    assert reference_fixed(s, 0)
    case = s.case(0)
    before = case.reference
    for initials, born, anonymous in (("XY", "14.03.2016", False), ("ÅB", "15.03.2016", False), ("", "", True)):
        form = form_of(case)
        form.initials, form.birth_date, form.anonymous, form.submitted_by = initials, born, anonymous, "Nordby skole"
        with pytest.raises(ValidationError) as info:
            read(s, 0, form)
        assert info.value.key == "intake_rules.reference_fixed"
        assert info.value.params == {"initials": "ÅB", "born": "14.03.2016"}
        assert case.reference is before and case.submitted_by == ""  # nothing changed
    saver.flush()
    assert repo.load_case("c-ab").reference.initials == "ÅB"


def test_the_same_reference_as_typed_keeps_the_stored_one_and_the_rest_is_updated(saver, repo) -> None:
    s = second_meeting(saver, repo)
    case = s.case(0)
    form = form_of(case)
    form.initials, form.submitted_by = "åb", "Nordby skole"  # the same child, as the lookup compares
    assert read(s, 0, form) is case
    assert case.reference.initials == "ÅB" and case.submitted_by == "Nordby skole"


def test_a_case_made_in_this_intake_may_be_corrected(saver, repo) -> None:
    s = second_meeting(saver, repo)
    made = read(s, 1, CaseForm(initials="CD", birth_date="02.09.2019"))
    s.place_case(1, made)
    s.save(all_cases=True)
    assert not reference_fixed(s, 1)  # only this meeting holds it
    fixed = read(s, 1, CaseForm(initials="CE", birth_date="03.09.2019"))
    assert fixed is made and made.reference.initials == "CE" and made.reference.birth_date == date(2019, 9, 3)


def test_taking_a_found_case_out_keeps_its_file_a_new_one_goes(saver, repo) -> None:
    s = second_meeting(saver, repo)
    s.place_case(1, read(s, 1, CaseForm(initials="CD", birth_date="02.09.2019")))
    new_id = s.case(1).id
    s.save(all_cases=True)
    s.place_case(0, None)
    s.place_case(1, None)
    saver.flush()
    assert repo.load_case("c-ab").reference.initials == "ÅB"
    assert not repo.index.find("cd", date(2019, 9, 2)) and new_id not in s.cases


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_refusal_says_why_and_what_to_do(lang: str) -> None:
    text = Translator(lang).error(ValidationError("intake_rules.reference_fixed", initials="ÅB", born="14.03.2016"))
    assert "ÅB" in text and "14.03.2016" in text and "F7" in text and "F6" in text


# --- quitting never makes a duplicate -------------------------------------------------------
def test_quitting_does_not_create_a_duplicate_of_an_open_case(saver, repo) -> None:
    s = second_meeting(saver, repo)
    s.place_case(0, None)  # ÅB taken out: an open case no slot holds
    typed = CaseForm(initials="ab", birth_date="14.03.2016", submitted_by="Nordby skole")
    assert unanswered_same_child(s, 1, typed).id == "c-ab"
    left = keep_on_quit(s, {0: CaseForm(), 1: typed}, lambda slot, form: read(s, slot, form))
    assert left == [1] and s.case(1) is None
    saver.flush()
    assert [r["id"] for r in repo.index.find("ab", date(2016, 3, 14))] == ["c-ab"]  # no second ÅB


def test_quitting_keeps_the_new_case_once_the_room_said_another_child(saver, repo) -> None:
    s = second_meeting(saver, repo)
    s.place_case(0, None)
    typed = CaseForm(initials="ab", birth_date="14.03.2016")
    assert unanswered_same_child(s, 1, typed, another_child="c-ab") is None
    assert keep_on_quit(s, {1: typed}, lambda slot, form: read(s, slot, form), {1: "c-ab"}) == []
    saver.flush()
    assert len(repo.index.find("ab", date(2016, 3, 14))) == 2 and s.case(1).id != "c-ab"


def test_quitting_keeps_a_case_that_matches_nothing_and_skips_an_invalid_one(saver, repo) -> None:
    s = second_meeting(saver, repo)
    forms = {0: form_of(s.case(0)), 1: CaseForm(initials="CD", birth_date="31.02.2019")}
    forms[0].initials = "XY"  # a rename of the found case: refused, left as it was
    assert keep_on_quit(s, forms, lambda slot, form: read(s, slot, form)) == [0, 1]
    s.place_case(1, None)
    assert keep_on_quit(s, {1: CaseForm(initials="CD", birth_date="02.09.2019")}, lambda slot, form: read(s, slot, form)) == []
    saver.flush()
    assert len(repo.index.find("cd", date(2019, 9, 2))) == 1 and repo.load_case("c-ab").reference.initials == "ÅB"
