"""The referat's time line shows when the clock really ran."""

from __future__ import annotations

from datetime import date, datetime

from bti_tui.demo import build_demo
from bti_tui.model import MeetingClock, Position
from bti_tui.referat import render_markdown
from bti_tui.resources import meeting_kinds


def test_a_meeting_started_earlier_than_planned_shows_its_real_times() -> None:
    kinds = meeting_kinds()
    demo = build_demo(kinds, date(2026, 11, 24), "nb")
    meeting = demo.meetings[0]  # planned for 09:00
    meeting.clock = MeetingClock()
    meeting.start(datetime.combine(meeting.date, datetime.min.time()).replace(hour=7, minute=10))
    meeting.clock.enter(Position.closing(), meeting.clock.started_at.replace(minute=15))
    meeting.finish(meeting.clock.started_at.replace(minute=20))
    cases = {c.id: c for c in demo.cases}
    text = render_markdown(meeting, kinds[meeting.kind_id], cases, "nb")
    assert "- **Tid:** 07:10–07:20" in text


def test_a_meeting_not_started_shows_its_planned_start() -> None:
    kinds = meeting_kinds()
    demo = build_demo(kinds, date(2026, 11, 24), "nb")
    upcoming = demo.meetings[1]
    text = render_markdown(upcoming, kinds[upcoming.kind_id], {c.id: c for c in demo.cases}, "nb")
    assert "- **Tid:** 09:00\n" in text
