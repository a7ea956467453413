"""Test helpers shared by tests/ui (importable; conftest is not)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bti_tui.model import MeetingStatus, Position
from bti_tui.session.demo import write_demo

START = datetime(2026, 11, 24, 9, 0, 0)


class FakeClock:
    """The app's ``now``: stands still unless a test moves it."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


LONG = "Eleven har hatt fravær og får samtaler hver uke, mor ringer skolen ofte. " * 60


def running_meeting(repo, clock, slot: int = 0, note: str = LONG) -> None:
    """The demo's finished meeting made today's, running on ``slot``'s first step."""
    write_demo(repo, clock.at.date(), "nb")
    meeting = repo.load_meeting("demo-ferdig")
    meeting.date = clock.at.date()
    meeting.clock.events.clear()
    meeting.start(clock.at - timedelta(minutes=5))
    meeting.clock.enter(Position("g-problem", slot), clock.at - timedelta(minutes=1))
    meeting.status = MeetingStatus.RUNNING
    meeting.slots[slot].notes["g-problem"] = note
    repo.save_meeting(meeting)


def notes_at_end(screen):
    """The meeting screen's notes field, focused, its cursor at the end of the note."""
    from textual.widgets import TextArea

    notes = screen.query_one("#notes", TextArea)
    notes.focus()
    notes.move_cursor(notes.document.end)
    return notes
