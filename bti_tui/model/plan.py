"""The half-year plan: the fixed dates of one meeting kind at one place.

The instansmøte meets once a month, and its times are set for one half-year
at a time (seed 003): spring is January–June, autumn August–December (July
belongs to neither). A plan is made from a rule ("second Thursday, 13:00")
or from a list of dates; Norwegian public holidays and the school holidays the
user lists are left out, and each left-out date is kept with its reason so the
user sees why a month has no meeting. One date can later be moved or
cancelled, with a note.

Holidays are passed in as a ``{date: name}`` mapping: this module stays pure
and light (no I/O, no clock, no ``holidays`` import, which costs ~57 ms).
``bti_tui.calendar_days.public_holidays`` builds that mapping from the
``holidays`` library and is imported only where a plan is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum

from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.meeting import new_id
from bti_tui.model.dates import format_date
from bti_tui.model.privacy import guard_text

LAST = -1  # "the last <weekday> of the month"


class Term(StrEnum):
    SPRING = "spring"  # January-June
    AUTUMN = "autumn"  # August-December


@dataclass(frozen=True)
class HalfYear:
    year: int
    term: Term

    @property
    def first(self) -> date:
        return date(self.year, 1 if self.term is Term.SPRING else 8, 1)

    @property
    def last(self) -> date:
        return date(self.year, 6, 30) if self.term is Term.SPRING else date(self.year, 12, 31)

    @property
    def key(self) -> str:
        """``2027-spring``: part of plan ids and file names."""
        return f"{self.year}-{self.term.value}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def check(self, day: date) -> date:
        """``day``, or ``plan.outside_half_year``."""
        if day not in self:
            raise ValidationError(
                "plan.outside_half_year", value=format_date(day), first=format_date(self.first), last=format_date(self.last)
            )
        return day

    @classmethod
    def containing(cls, day: date) -> HalfYear:
        """The half-year ``day`` lies in; July is in none (``plan.july``)."""
        if day.month == 7:
            raise ValidationError("plan.july", value=format_date(day))
        return cls(day.year, Term.SPRING if day.month <= 6 else Term.AUTUMN)


@dataclass(frozen=True)
class DateRange:
    """A span of days, both ends included (a school holiday)."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValidationError("plan.range_reversed", first=format_date(self.first), last=format_date(self.last))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


# --- parsing what people type --------------------------------------------------------
# English, bokmål and nynorsk names and their short forms; 1-7 as well.
_WEEKDAY_NAMES = (
    ("mon", "monday", "man", "mandag", "mån", "måndag"),
    ("tue", "tuesday", "tir", "tirsdag", "tys", "tysdag"),
    ("wed", "wednesday", "ons", "onsdag"),
    ("thu", "thursday", "tor", "torsdag"),
    ("fri", "friday", "fre", "fredag"),
    ("sat", "saturday", "lør", "lørdag", "lau", "laurdag"),
    ("sun", "sunday", "søn", "søndag", "sundag"),
)
_WEEKDAYS = {name: n for n, names in enumerate(_WEEKDAY_NAMES) for name in (*names, str(n + 1))}


def parse_weekday(raw: str) -> int:
    """Monday = 0 ... Sunday = 6, from ``thu``, ``torsdag``, ``tor`` or ``4``."""
    text = raw.strip().lower().rstrip(".")
    if text not in _WEEKDAYS:
        raise ValidationError("plan.weekday_unknown", value=raw.strip())
    return _WEEKDAYS[text]


def parse_week(raw: str) -> int:
    """The week of the month: 1-5, or ``last`` / ``siste`` (``LAST``)."""
    text = raw.strip().lower().rstrip(".")
    if text in ("last", "siste", "-1"):
        return LAST
    if text.isdecimal() and 1 <= int(text) <= 5:
        return int(text)
    raise ValidationError("plan.week_invalid", value=raw.strip())


# --- the rule ---------------------------------------------------------------------------
@dataclass(frozen=True)
class MonthlyRule:
    """The ``week``-th ``weekday`` of every month (``week`` 1-5 or ``LAST``)."""

    weekday: int  # Monday = 0
    week: int

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValidationError("plan.weekday_unknown", value=str(self.weekday))
        if self.week != LAST and not 1 <= self.week <= 5:
            raise ValidationError("plan.week_invalid", value=str(self.week))

    def in_month(self, year: int, month: int) -> date | None:
        """The day in that month, or None (a fifth Thursday that is not there)."""
        # Not the calendar module: it imports locale machinery (~15 ms).
        first = date(year, month, 1)
        month_end = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        start = 1 + (self.weekday - first.weekday()) % 7
        days = [date(year, month, d) for d in range(start, month_end + 1, 7)]
        if self.week == LAST:
            return days[-1]
        return days[self.week - 1] if self.week <= len(days) else None


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        if month != 7:
            months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# --- the plan ----------------------------------------------------------------------------
class DateStatus(StrEnum):
    PLANNED = "planned"
    MOVED = "moved"
    CANCELLED = "cancelled"


class SkipReason(StrEnum):
    PUBLIC_HOLIDAY = "public_holiday"
    SCHOOL_HOLIDAY = "school_holiday"


@dataclass(frozen=True)
class SkippedDate:
    """A date the rule (or the list) gave that was left out, and why."""

    date: date
    reason: SkipReason
    name: str = ""  # the holiday's name, from the holiday library


@dataclass
class PlannedDate:
    """One meeting of the plan. ``cases`` are the ids of the queued cases in
    its slots, in slot order; ``meeting_id`` is set once it is opened."""

    date: date
    status: DateStatus = DateStatus.PLANNED
    original: date | None = None  # where a moved meeting was first planned
    note: str = ""
    cases: list[str] = field(default_factory=list)
    meeting_id: str | None = None

    @property
    def uid_date(self) -> date:
        """The first planned date: the calendar event keeps its UID when moved."""
        return self.original or self.date

    @property
    def cancelled(self) -> bool:
        return self.status is DateStatus.CANCELLED


@dataclass
class HalfYearPlan:
    id: str
    kind_id: str
    half_year: HalfYear
    place: str
    start_time: time
    duration_minutes: int
    dates: list[PlannedDate] = field(default_factory=list)
    skipped: list[SkippedDate] = field(default_factory=list)
    school_holidays: list[DateRange] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # role id -> name of a fixed participant

    def at(self, day: date) -> PlannedDate:
        """The meeting on ``day`` (moved meetings by their new date)."""
        for planned in self.dates:
            if planned.date == day:
                return planned
        raise ValidationError("plan.date_not_in_plan", value=format_date(day))

    @property
    def active(self) -> list[PlannedDate]:
        """The meetings that are not cancelled, in date order."""
        return [d for d in self.dates if not d.cancelled]

    def move(self, day: date, to: date, note: str = "", holidays: Mapping[date, str] | None = None) -> list[str]:
        """Move the meeting on ``day`` to ``to`` (inside the half-year, not on
        a public holiday, not on another meeting's day). Its cases move too.
        An opened meeting is not moved here: it has its own date (setup)."""
        planned = self.at(day)
        if planned.meeting_id is not None:
            raise ValidationError("plan.date_opened", value=format_date(day))
        if planned.cancelled:
            raise ValidationError("plan.date_cancelled", value=format_date(day))
        self.half_year.check(to)
        if holidays and to in holidays:
            raise ValidationError("plan.move_to_holiday", value=format_date(to), name=holidays[to])
        if to != day and any(d.date == to and not d.cancelled for d in self.dates):
            raise ValidationError("plan.date_taken", value=format_date(to))
        note = guard_text(note.strip())
        planned.original = planned.original or planned.date
        planned.date = to
        planned.status = DateStatus.PLANNED if to == planned.original else DateStatus.MOVED
        planned.note = note
        self.dates.sort(key=lambda d: d.date)
        return list(planned.cases)

    def cancel(self, day: date, note: str = "") -> list[str]:
        """Cancel the meeting on ``day``. Its cases go back to the queue: their
        ids are returned (the caller says how many)."""
        planned = self.at(day)
        if planned.meeting_id is not None:
            raise ValidationError("plan.date_opened", value=format_date(day))
        note = guard_text(note.strip())
        planned.status = DateStatus.CANCELLED
        planned.note = note
        freed, planned.cases = planned.cases, []
        return freed


def plan_dates(
    half_year: HalfYear,
    first: date,
    last: date,
    *,
    rule: MonthlyRule | None = None,
    dates: Sequence[date] = (),
    holidays: Mapping[date, str],
    school_holidays: Sequence[DateRange] = (),
) -> tuple[list[date], list[SkippedDate]]:
    """The meeting days from ``first`` to ``last`` (inside ``half_year``) by
    ``rule`` or from ``dates``, without public and school holidays; and the
    days left out, with the reason."""
    half_year.check(first)
    half_year.check(last)
    if first > last:
        raise ValidationError("plan.range_reversed", first=format_date(first), last=format_date(last))
    if rule is not None:
        found = [(ym, rule.in_month(*ym)) for ym in _months(first, last)]
        missing = [ym for ym, day in found if day is None]
        if missing:
            raise ValidationError(
                "plan.week_missing", week=rule.week, months=", ".join(f"{m:02d}.{y}" for y, m in missing)
            )
        wanted = [day for _, day in found if day is not None and first <= day <= last]
        if not wanted:
            raise ValidationError("plan.weekday_never", first=format_date(first), last=format_date(last))
    else:
        for day in dates:
            half_year.check(day)
            if not first <= day <= last:
                raise ValidationError(
                    "plan.outside_range", value=format_date(day), first=format_date(first), last=format_date(last)
                )
        wanted = sorted(set(dates))
        if not wanted:
            raise ValidationError("plan.no_dates")
    kept: list[date] = []
    skipped: list[SkippedDate] = []
    for day in wanted:
        if day in holidays:
            skipped.append(SkippedDate(day, SkipReason.PUBLIC_HOLIDAY, holidays[day]))
        elif any(day in span for span in school_holidays):
            skipped.append(SkippedDate(day, SkipReason.SCHOOL_HOLIDAY))
        else:
            kept.append(day)
    if not kept:
        raise ValidationError("plan.all_skipped", count=len(skipped))
    return kept, skipped


def make_plan(
    kind: MeetingKind,
    place: str,
    start_time: time,
    first: date,
    last: date,
    *,
    rule: MonthlyRule | None = None,
    dates: Sequence[date] = (),
    holidays: Mapping[date, str],
    school_holidays: Sequence[DateRange] = (),
    plan_id: str | None = None,
) -> HalfYearPlan:
    """A new plan for ``kind`` from ``first`` to ``last`` (one half-year):
    by ``rule``, or the listed ``dates`` when no rule is given."""
    half_year = HalfYear.containing(first)
    kept, skipped = plan_dates(
        half_year, first, last, rule=rule, dates=dates, holidays=holidays, school_holidays=school_holidays
    )
    place = guard_text(place.strip())
    if not place:
        raise ValidationError("plan.place_empty")
    return HalfYearPlan(
        id=plan_id or new_id(f"{half_year.key}-{kind.id}-"),
        kind_id=kind.id,
        half_year=half_year,
        place=place,
        start_time=start_time,
        duration_minutes=kind.duration_minutes,
        dates=[PlannedDate(day) for day in kept],
        skipped=skipped,
        school_holidays=list(school_holidays),
    )
