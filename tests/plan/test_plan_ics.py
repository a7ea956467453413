"""The plan as iCalendar, read back by an independent parser (vobject):
one event per meeting that is not cancelled, at the right local time in
Europe/Oslo across the change to summer time, two hours long, a UID that
survives a move, and nothing about the children in it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from plan_helpers import demo_plan

from bti_tui.calendar_ics import plans_to_ics
from bti_tui.resources import meeting_kinds

OSLO = ZoneInfo("Europe/Oslo")
STAMP = datetime(2027, 1, 4, 8, 0, tzinfo=UTC)


def events(data: bytes) -> list[vobject.base.Component]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return sorted(calendar.vevent_list, key=lambda e: e.dtstart.value)


def test_every_meeting_is_an_event_at_13_00_in_oslo() -> None:
    demo = demo_plan("nb")
    data = plans_to_ics([demo.plan], meeting_kinds(), "nb", stamp=STAMP)
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n" in data
    found = events(data)
    assert [e.dtstart.value.date() for e in found] == [d.date for d in demo.plan.dates]
    for event in found:
        start, end = event.dtstart.value, event.dtend.value
        assert start.tzinfo is not None
        local = start.astimezone(OSLO)
        assert (local.time(), end - start) == (time(13, 0), timedelta(hours=2))
        assert event.summary.value == "Instansmøte skole"
        assert event.location.value == "Nordby skole, møterom 2"
    # Winter time in January (UTC+1), summer time in April (UTC+2).
    offsets = {e.dtstart.value.date(): e.dtstart.value.utcoffset() for e in found}
    assert offsets[date(2027, 1, 14)] == timedelta(hours=1)
    assert offsets[date(2027, 4, 8)] == timedelta(hours=2)
    assert found[0].dtstart.value.astimezone(UTC).time() == time(12, 0)
    assert found[3].dtstart.value.astimezone(UTC).time() == time(11, 0)


@pytest.mark.parametrize(("lang", "summary", "case"), [("nn", "Instansmøte skule", "Sak 1"), ("en", "Agency meeting, school", "Case 1")])
def test_the_summary_follows_the_language(lang: str, summary: str, case: str) -> None:
    demo = demo_plan(lang)
    found = events(plans_to_ics([demo.plan], meeting_kinds(), lang, stamp=STAMP))
    assert found[0].summary.value == summary
    assert found[0].description.value.splitlines()[0] == case


def test_no_personal_data_about_the_children() -> None:
    demo = demo_plan("nb")
    data = plans_to_ics([demo.plan], meeting_kinds(), "nb", stamp=STAMP)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    child = demo.queue[0].reference
    assert not re.search(r"\bAB\b", unfolded)
    assert child.birth_date is not None
    for shape in (child.birth_date.strftime("%d.%m.%Y"), child.birth_date.isoformat(), child.birth_date.strftime("%Y%m%d")):
        assert shape not in unfolded
    # The demo school both hosts the meeting and submits case 1: its name may
    # stand as the LOCATION, nowhere else.
    elsewhere = "\n".join(line for line in unfolded.splitlines() if not line.startswith("LOCATION:"))
    for item in demo.queue:
        assert item.submitted_by not in elsewhere
        assert item.question[:20] not in unfolded
    first = events(data)[0]
    assert first.description.value == "Sak 1\nSak 2"


def test_a_moved_meeting_keeps_its_uid_and_a_cancelled_one_is_left_out() -> None:
    demo = demo_plan("nb")
    before = {e.dtstart.value.date(): e.uid.value for e in events(plans_to_ics([demo.plan], meeting_kinds(), "nb", stamp=STAMP))}
    assert len(set(before.values())) == len(before)
    demo.plan.move(date(2027, 2, 11), date(2027, 2, 18), "")
    demo.plan.cancel(date(2027, 3, 11))
    after = events(plans_to_ics([demo.plan], meeting_kinds(), "nb", stamp=STAMP))
    by_date = {e.dtstart.value.date(): e for e in after}
    assert date(2027, 3, 11) not in by_date and date(2027, 2, 11) not in by_date
    moved = by_date[date(2027, 2, 18)]
    assert moved.uid.value == before[date(2027, 2, 11)] and moved.sequence.value == "1"
    assert len(after) == len(before) - 1


def test_the_same_plan_and_stamp_give_the_same_bytes() -> None:
    demo = demo_plan("nb")
    first = plans_to_ics([demo.plan], meeting_kinds(), "nb", stamp=STAMP)
    assert first == plans_to_ics([demo_plan("nb").plan], meeting_kinds(), "nb", stamp=STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in first.decode("utf-8").split("\r\n"))
