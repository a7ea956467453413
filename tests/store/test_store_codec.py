"""Model <-> plain dict: every meeting and case survives JSON and back."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bti_tui.demo import build_demo
from bti_tui.model import (
    Agreement,
    AgreementStatus,
    Attendance,
    Case,
    CaseReference,
    CaseSlot,
    ClockEvent,
    ClockEventKind,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Documentation,
    Meeting,
    MeetingClock,
    MeetingStatus,
    Participant,
    StafettholderAssignment,
)
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository
from bti_tui.store.codec import (
    DocumentError,
    case_from_doc,
    case_to_doc,
    meeting_from_doc,
    meeting_to_doc,
)

text = st.text(max_size=40)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
times = st.times()
datetimes = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))

participants = st.builds(Participant, ids, text, text, text, st.sampled_from(Attendance), st.booleans())
slots = st.builds(
    CaseSlot,
    st.none() | ids,
    st.dictionaries(ids, text, max_size=5),
    st.lists(text, max_size=3),
    st.none() | dates,
    st.booleans(),
)
events = st.builds(ClockEvent, st.sampled_from(ClockEventKind), datetimes, st.none() | text)
meetings = st.builds(
    Meeting,
    id=ids,
    kind_id=ids,
    date=dates,
    start_time=times,
    place=text,
    language=st.sampled_from(["nb", "nn", "en"]),
    moteleder=st.none() | ids,
    referent=st.none() | ids,
    participants=st.lists(participants, max_size=6),
    slots=st.lists(slots, max_size=3),
    status=st.sampled_from(MeetingStatus),
    clock=st.builds(MeetingClock, st.lists(events, max_size=8)),
)
agreements = st.builds(Agreement, ids, text, text, text, st.none() | dates, ids, st.sampled_from(AgreementStatus))
cases = st.builds(
    Case,
    id=ids,
    reference=st.builds(CaseReference, st.none() | st.text(min_size=1, max_size=4), st.none() | dates),
    submitted_by=text,
    consent=st.builds(Consent, st.sampled_from(ConsentStatus), st.lists(text, max_size=3), st.none() | st.sampled_from(ConsentGiver)),
    firfoting_prepared=st.booleans(),
    documentation=st.builds(Documentation, st.booleans(), text, text, text),
    stafettholders=st.lists(st.builds(StafettholderAssignment, text, text, ids, dates), max_size=3),
    agreements=st.lists(agreements, max_size=4),
)


def through_json(doc: dict) -> dict:
    return json.loads(json.dumps(doc))


@settings(deadline=None)
@given(meetings)
def test_any_meeting_round_trips(meeting: Meeting) -> None:
    assert meeting_from_doc(through_json(meeting_to_doc(meeting))) == meeting


@settings(deadline=None)
@given(cases)
def test_any_case_round_trips(case: Case) -> None:
    assert case_from_doc(through_json(case_to_doc(case))) == case


# No deadline: a loaded machine (two test workers) makes a file save slow
# now and then; what is tested is the round trip, not its speed.
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(meeting=meetings, case=cases)
def test_any_meeting_and_case_round_trip_through_the_files(tmp_path: Path, meeting: Meeting, case: Case) -> None:
    with Repository.open(tmp_path / "d") as repo:
        repo.save_meeting(meeting)
        repo.save_case(case)
        assert repo.load_meeting(meeting.id) == meeting
        assert repo.load_case(case.id) == case


def test_the_demo_round_trips_with_clock_agreements_and_stafettholders() -> None:
    demo = build_demo(meeting_kinds(), TODAY, "nb")
    done = demo.meetings[0]
    assert len(done.clock.events) > 10 and done.participants and done.slots[0].notes
    assert demo.cases[0].agreements and demo.cases[0].stafettholders
    for meeting in demo.meetings:
        assert meeting_from_doc(through_json(meeting_to_doc(meeting))) == meeting
    for case in demo.cases:
        assert case_from_doc(through_json(case_to_doc(case))) == case


def test_plain_values_in_the_document() -> None:
    meeting = build_demo(meeting_kinds(), TODAY, "nb").meetings[0]
    doc = meeting_to_doc(meeting)
    assert doc["date"] == "2026-02-16"
    assert doc["start_time"] == "09:00"
    assert doc["status"] == "finished"
    assert doc["participants"][2]["attendance"] == "absent"
    assert doc["clock"]["events"][0] == {"kind": "started", "at": "2026-02-16T09:00:00", "position": None}
    case_doc = case_to_doc(build_demo(meeting_kinds(), TODAY, "nb").cases[0])
    assert case_doc["reference"] == {"initials": "AB", "birth_date": "2016-03-14"}
    assert case_doc["consent"]["given_by"] == "guardians"


def test_times_with_seconds_keep_them() -> None:
    meeting = build_demo(meeting_kinds(), TODAY, "nb").meetings[1]
    meeting.start_time = time(9, 30, 15)
    assert meeting_to_doc(meeting)["start_time"] == "09:30:15"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"date": "16.02.2026"}, "$.date"),
        ({"status": "cancelled"}, "$.status"),
        ({"unknown": 1}, "unknown"),
        ({"slots": "none"}, "$.slots"),
    ],
)
def test_a_document_that_does_not_fit_says_where(change: dict, where: str) -> None:
    doc = meeting_to_doc(build_demo(meeting_kinds(), TODAY, "nb").meetings[0])
    with pytest.raises(DocumentError) as caught:
        meeting_from_doc({**doc, **change})
    assert where in str(caught.value)


def test_a_missing_field_is_reported() -> None:
    doc = meeting_to_doc(build_demo(meeting_kinds(), TODAY, "nb").meetings[0])
    del doc["kind_id"]
    with pytest.raises(DocumentError, match="kind_id"):
        meeting_from_doc(doc)
