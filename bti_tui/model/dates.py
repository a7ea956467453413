"""Dates and times as people in a Norwegian meeting read and type them:
DD.MM.YYYY and HH:MM, in every language (archives read them so).

The one place that parses and formats them: the model, the referat, the
screens and the CLI all use these functions, so what is shown can always
be typed back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bti_tui.model.errors import ValidationError

_DATE_FORMATS = (
    re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)
# 13:00, 13.00, 9:30 and 1300 (what people type on a number pad).
_TIME = re.compile(r"^(?P<h>\d{1,2})[:.]?(?P<m>\d{2})$")


def format_date(day: date | None) -> str:
    """DD.MM.YYYY (the first form :func:`parse_date` reads); "" for None."""
    return day.strftime("%d.%m.%Y") if day else ""


def parse_date(raw: str) -> date:
    """A date typed as DD.MM.YYYY (Norwegian) or YYYY-MM-DD (ISO).

    Raises ``date.format`` for other shapes and ``date.invalid`` for dates
    that do not exist (31.02.2020).
    """
    text = raw.strip()
    for pattern in _DATE_FORMATS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise ValidationError("date.invalid", value=text) from None
    raise ValidationError("date.format", value=text)


def parse_optional_date(raw: str) -> date | None:
    """Like :func:`parse_date`, but an empty field means no date."""
    return parse_date(raw) if raw.strip() else None


def format_time(moment: time | datetime) -> str:
    """HH:MM."""
    return moment.strftime("%H:%M")


def parse_time(raw: str) -> time:
    """A time typed as HH:MM, HH.MM or HHMM (``13:00``, ``9.30``, ``1300``).

    Raises ``time.format`` for other shapes and ``time.invalid`` for a time
    of day that does not exist (25:00, 13:60).
    """
    text = raw.strip()
    match = _TIME.match(text)
    if match is None:
        raise ValidationError("time.format", value=text)
    try:
        return time(int(match["h"]), int(match["m"]))
    except ValueError:
        raise ValidationError("time.invalid", value=text) from None


def format_span(span: timedelta) -> str:
    """A running clock: MM:SS below an hour, H:MM:SS above; never negative."""
    seconds = max(int(span.total_seconds()), 0)
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins:02d}:{secs:02d}"
