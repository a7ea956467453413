"""The half-year plans as an iCalendar file (RFC 5545), through ``icalendar``.

One VEVENT per meeting that is not cancelled, in Europe/Oslo with its
VTIMEZONE (``icalendar`` adds none by itself: ``add_missing_timezones``), so
Outlook and other calendars show the local time across the change to and
from summer time. The UID comes from the plan id and the date the meeting
was first planned, so importing the file again after a date was moved
updates the event instead of adding a second one (SEQUENCE goes up).

No personal data about children: the events name the meeting kind and the
place, and the cases only as "Sak 1", "Sak 2" — never initials, birth dates,
questions or who submitted them. A calendar is shared far more widely than
an innkalling.

Pure apart from the import: the caller passes ``stamp`` (DTSTAMP, the time
the file is made), so the same plans and stamp give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bti_tui.i18n import Translator
from bti_tui.model.kind import MeetingKind
from bti_tui.model.plan import DateStatus, HalfYearPlan

OSLO = ZoneInfo("Europe/Oslo")
PRODID = "-//bti-tui//half-year plan//EN"
UID_DOMAIN = "bti-tui"


def event_uid(plan: HalfYearPlan, first_planned: date) -> str:
    """Stable across a move: the plan id and the date first planned."""
    return f"{plan.id}-{first_planned:%Y%m%d}@{UID_DOMAIN}"


def plans_to_ics(plans: Sequence[HalfYearPlan], kinds: Mapping[str, MeetingKind], lang: str, *, stamp: datetime) -> bytes:
    """The meetings of ``plans`` as one calendar, named in ``lang``."""
    import icalendar

    t = Translator(lang)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("plan.ics.calendar_name"))
    first: date | None = None
    last: date | None = None
    for plan in plans:
        kind = kinds.get(plan.kind_id)
        summary = kind.name_in(lang) if kind else plan.kind_id
        for planned in plan.active:
            start = datetime.combine(planned.date, plan.start_time, tzinfo=OSLO)
            event = icalendar.Event()
            event.add("uid", event_uid(plan, planned.uid_date))
            event.add("dtstamp", stamp)
            event.add("sequence", 1 if planned.status is DateStatus.MOVED else 0)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=plan.duration_minutes))
            event.add("summary", summary)
            event.add("location", plan.place)
            cases = [t("plan.ics.case", number=n) for n in range(1, len(planned.cases) + 1)]
            if cases:
                event.add("description", "\n".join(cases))
            cal.add_component(event)
        first = min(first or plan.half_year.first, plan.half_year.first)
        last = max(last or plan.half_year.last, plan.half_year.last)
    if first is not None and last is not None:
        cal.add_missing_timezones(first_date=first, last_date=last + timedelta(days=1))
    return cal.to_ical()
