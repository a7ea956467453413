"""Times that cannot contradict: the planned date and time in the header, the
clock's real start and end labelled as such, and a time table whose totals
are the sums of its rows (and whose planned total is the header's span)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from referat_helpers import LANGS, demo_args

from bti_tui.demo import build_demo
from bti_tui.model import MeetingClock, Position
from bti_tui.referat import render_markdown
from bti_tui.referat.context import Referat
from bti_tui.referat.timing import meeting_rows, planned_minutes
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
    assert "- **Planlagt tid:** 09:00–11:00\n" in text
    assert "- **Faktisk tid:** Møtet startet 07:10, slutt 07:20\n" in text


def test_a_meeting_held_on_another_day_says_which() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.clock = MeetingClock()
    meeting.start(datetime(2026, 11, 12, 13, 4))
    meeting.finish(datetime(2026, 11, 12, 14, 58))
    text = render_markdown(meeting, kind, cases, lang)
    assert "- **Faktisk tid:** Møtet startet 12.11.2026 13:04, slutt 12.11.2026 14:58\n" in text


def test_a_meeting_not_started_shows_its_planned_time_only() -> None:
    kinds = meeting_kinds()
    demo = build_demo(kinds, date(2026, 11, 24), "nb")
    upcoming = demo.meetings[1]
    text = render_markdown(upcoming, kinds[upcoming.kind_id], {c.id: c for c in demo.cases}, "nb")
    assert "- **Møtedato:** 08.12.2026\n- **Planlagt tid:** 09:00–11:00\n" in text
    assert "Faktisk tid" not in text


def _table(text: str, heading: str) -> list[list[str]]:
    part = text.split(heading, 1)[1].split("\n\n", 2)[1]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in part.splitlines()]
    return rows[2:]  # without the header and the rule


@pytest.mark.parametrize("lang", LANGS)
def test_every_total_is_the_sum_of_its_rows(lang: str) -> None:
    text = render_markdown(*demo_args(lang))
    heading = {"nb": "## Tidsbruk for møtet", "nn": "## Tidsbruk for møtet", "en": "## Time used in the meeting"}[lang]
    tables = [_table(text, heading)] + [
        _table(text, match) for match in re.findall(r"### \d\.\d+ (?:Tidsbruk|Time used)", text)
    ]
    assert len(tables) == 3
    for rows in tables:
        *parts, total = [[int(c) for c in row[1:]] for row in rows]
        assert total == [sum(column) for column in zip(*parts, strict=True)]


def test_the_planned_meeting_is_the_kinds_two_hours_and_the_header_says_so() -> None:
    # The kind books 120 minutes, its parts plan 115 (5 + 2 × 50 + 10): the
    # 5 left over are a row of their own, so the total is the sum and 120.
    meeting, kind, cases, lang = demo_args("nb")
    r = Referat.of(meeting, kind, cases, lang)
    rows = meeting_rows(r)
    assert [(label, planned) for label, planned, _ in rows] == [
        ("Åpning", 5), ("Sak 1", 50), ("Sak 2", 50), ("Avslutning (buffer)", 10), ("Ikke fordelt", 5), ("Hele møtet", 120)
    ]
    assert planned_minutes(r) == kind.duration_minutes == 120
    assert "- **Planlagt tid:** 09:00–11:00\n" in render_markdown(meeting, kind, cases, lang)


def test_parts_longer_than_the_kind_are_planned_as_they_are() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    kind = type(kind)(**{**kind.__dict__, "duration_minutes": 90})
    r = Referat.of(meeting, kind, cases, lang)
    assert [label for label, _, _ in meeting_rows(r)][-2:] == ["Avslutning (buffer)", "Hele møtet"]
    assert planned_minutes(r) == 115
    assert "- **Planlagt tid:** 09:00–10:55\n" in render_markdown(meeting, kind, cases, lang)
