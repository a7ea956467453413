"""The top of the referat: title, date, time, place, who led and who wrote,
and who was there."""

from __future__ import annotations

from bti_tui.model import Attendance, MeetingStatus
from bti_tui.referat.context import Referat
from bti_tui.referat.escape import escape_line
from bti_tui.referat.format import finished_at, fmt_date, fmt_time
from bti_tui.referat.markup import bullet_list, emphasis, field, heading, table


def title(r: Referat) -> str:
    """The title as plain text (for the HTML <title>)."""
    return r.t("referat.title", kind=r.kind.name_in(r.lang), date=fmt_date(r.meeting.date))


def head_blocks(r: Referat) -> list[str]:
    meeting = r.meeting
    end = finished_at(meeting)
    # The times the clock really ran, once it has: a meeting started late, or
    # held on another day than planned, must not read "09:00–07:20".
    started = meeting.clock.started_at
    start = started.time() if started else meeting.start_time
    hours = fmt_time(start) + (f"–{fmt_time(end)}" if end else "")
    facts = [
        field(r.text("meeting.date"), fmt_date(meeting.date)),
        field(r.text("meeting.time"), hours),
        field(r.text("meeting.place"), escape_line(meeting.place) or "—"),
        field(r.text("meeting.leader"), r.person(meeting.participant(meeting.moteleder))),
        field(r.text("meeting.referent"), r.person(meeting.participant(meeting.referent))),
        field(r.text("meeting.status"), r.text(f"meeting.status_{MeetingStatus(meeting.status).value}")),
    ]
    return [heading(1, r.text("title", kind=escape_line(r.kind.name_in(r.lang)), date=fmt_date(meeting.date))), bullet_list(facts)]


def participant_blocks(r: Referat) -> list[str]:
    groups = [
        ("participants.present", Attendance.PRESENT, True),
        ("participants.absent", Attendance.ABSENT, True),
        ("participants.invited", Attendance.INVITED, False),  # shown only if anyone
    ]
    header = [r.text(f"participants.{c}") for c in ("name", "role", "service")]
    blocks = [heading(2, r.text("participants.heading"))]
    for key, attendance, always in groups:
        people = [p for p in r.meeting.participants if p.attendance is attendance]
        if not people and not always:
            continue
        blocks.append(heading(3, r.text(key)))
        rows = [(p.name, p.role, p.service) for p in people]
        blocks.append(table(header, rows) if rows else emphasis(r.text("none")))
    return blocks
