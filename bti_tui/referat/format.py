"""Dates, times and minutes as the referat writes them: DD.MM.YYYY and HH:MM
in every language (Norwegian archives read them so; one format for all)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bti_tui.model import ClockEventKind, Meeting
from bti_tui.model.dates import format_date as fmt_date
from bti_tui.model.dates import format_time as fmt_time

__all__ = ["clock_now", "finished_at", "fmt_date", "fmt_time", "signed", "whole_minutes"]


def whole_minutes(span: timedelta) -> int:
    """Rounded half up, so 7 min 30 s is 8 min."""
    return int(span.total_seconds() // 60 + (1 if span.total_seconds() % 60 >= 30 else 0))


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def clock_now(meeting: Meeting) -> datetime:
    """The "now" for time-used figures, read from the meeting's own clock so
    the referat never depends on when it is rendered: the finish for a
    finished meeting, otherwise the last recorded event (or the planned start)."""
    events = meeting.clock.events
    return finished_at(meeting) or (events[-1].at if events else meeting.starts_at)


def finished_at(meeting: Meeting) -> datetime | None:
    finished = [e.at for e in meeting.clock.events if e.kind is ClockEventKind.FINISHED]
    return finished[-1] if finished else None
