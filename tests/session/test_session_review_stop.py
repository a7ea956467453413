"""The review of earlier agreements as a rule of moving on: entering a case
with agreements still to mark stops at the review first; leaving it with
marks missing says so once; the room may go on either way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bti_tui.model import AgreementStatus, Case, CaseReference, Consent, ConsentGiver, ConsentStatus, Meeting, Position
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver, MeetingSession, Move
from bti_tui.store import Repository

FIRST = date(2026, 10, 6)
SECOND = date(2026, 11, 24)


class Clock:
    def __init__(self, day: date) -> None:
        self.at = datetime.combine(day, time(9, 0))

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


@pytest.fixture
def saver(tmp_path: Path) -> Iterator[Autosaver]:
    with Repository.open(tmp_path / "data") as repo:
        saver = Autosaver(repo, lambda error: None)
        yield saver
        saver.close()


def session_for(saver: Autosaver, day: date, meeting_id: str, *cases: Case) -> MeetingSession:
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, day, time(9, 0), "Nordby", "nb", meeting_id)
    for slot, case in zip(meeting.slots, cases, strict=False):
        slot.case_id = case.id
    session = MeetingSession(meeting, kind, {c.id: c for c in cases}, saver, Clock(day))
    session.save(all_cases=True)
    return session


def child(case_id: str, initials: str) -> Case:
    return Case(case_id, CaseReference(initials, date(2016, 3, 14)), consent=Consent(ConsentStatus.GIVEN, [], ConsentGiver.GUARDIANS))


@pytest.fixture
def second(saver: Autosaver) -> MeetingSession:
    """Meeting two: case 1 has two agreements from meeting one to review;
    case 2 is new."""
    first = session_for(saver, FIRST, "m-1", child("c-ab", "AB"))
    first.add_agreement(0, "Samtaler", "Kari", "Helsestasjonen", date(2026, 10, 20))
    first.add_agreement(0, "Veiledning", "Ingrid", "Familiehjelpen", None)
    first.set_stafettholder(0, "Kari", "Helsestasjonen")
    assert first.finish() == []
    saver.flush()
    return session_for(saver, SECOND, "m-2", saver.repo.load_case("c-ab"), child("c-cd", "CD"))


def last_step(s: MeetingSession, slot: int) -> Position:
    return Position(s.kind.steps[-1].id, slot)


def test_entering_a_case_with_agreements_to_mark_stops_at_the_review(second: MeetingSession) -> None:
    s = second
    result = s.next_step()  # the opening -> case 1
    assert result.outcome is Move.NEEDS_REVIEW and result.slot == 0
    assert result.target == Position(s.kind.steps[0].id, 0)
    assert s.position == Position.opening()  # nothing moved
    moved = s.pass_review(0)  # seen, nothing marked yet: into the case
    assert moved.moved and s.position == result.target
    # Going back to the opening and in again does not stop a second time.
    s.go(Position.opening())
    assert s.next_step().moved


def test_leaving_with_marks_missing_says_so_once(second: MeetingSession) -> None:
    s = second
    s.pass_review(0)
    s.set_stafettholder(0, "Kari", "Helsestasjonen")
    s.go(last_step(s, 0))
    result = s.next_step()
    assert result.outcome is Move.NEEDS_REVIEW and result.slot == 0
    assert result.target == Position(s.kind.steps[0].id, 1)
    # The room goes on without marking: the usual rules follow (read-back).
    assert s.pass_review(0).outcome is Move.NEEDS_READ_BACK
    assert 0 in s.review_left_open and s.review_pending(0)


def test_all_marked_no_stop(second: MeetingSession) -> None:
    s = second
    talks, guidance = (i.agreement.id for i in s.review_items(0))
    s.mark_agreement(0, talks, AgreementStatus.DONE)
    s.mark_agreement(0, guidance, AgreementStatus.CONTINUED, new_due=date(2027, 1, 15))
    assert s.next_step().moved  # into case 1 at once
    s.set_stafettholder(0, "Kari", "Helsestasjonen")
    s.go(last_step(s, 0))
    assert s.next_step().outcome is Move.NEEDS_READ_BACK  # not the review


def test_a_case_without_earlier_agreements_never_stops(second: MeetingSession) -> None:
    s = second
    assert not s.needs_review(1)
    s.review_left_open.add(0)  # case 1's own stop aside
    assert s.review_stop(last_step(s, 0), Position(s.kind.steps[0].id, 1)) is None
