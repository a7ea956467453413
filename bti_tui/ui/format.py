"""How times and dates look on screen."""

from __future__ import annotations

from datetime import date, time, timedelta

from bti_tui.model.privacy import format_date


def clock_text(span: timedelta) -> str:
    """``MM:SS`` below an hour, ``H:MM:SS`` above; never negative."""
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins:02d}:{secs:02d}"


def date_text(day: date | None) -> str:
    return format_date(day) if day else ""


def time_text(at: time) -> str:
    return at.strftime("%H:%M")
