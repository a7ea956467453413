"""The top of the referat: title, municipal header, the archive's fields (in
a case's referat), the planned and the actual times, who led and who wrote,
and who was there."""

from __future__ import annotations

from datetime import datetime, timedelta

from bti_tui.model import Attendance, Case, CaseSlot, MeetingStatus
from bti_tui.referat.context import Referat
from bti_tui.referat.escape import one_line
from bti_tui.referat.doc import Block, Fields, Heading, Remark, Strong, Table
from bti_tui.referat.format import finished_at, fmt_date, fmt_time
from bti_tui.referat.timing import planned_minutes


def title(r: Referat) -> str:
    return r.text("title", kind=one_line(r.kind.name_in(r.lang)), date=fmt_date(r.meeting.date))


def marking(r: Referat) -> str:
    """The exemption marking, or "" when the municipality switched it off."""
    return r.text("header.marking") if r.settings.exemption_marking else ""


def running_head(r: Referat) -> str:
    """Kommune and unit on one line ("" when neither is set)."""
    return " – ".join(p for p in (one_line(r.settings.municipality), one_line(r.settings.unit)) if p)


def _moment(r: Referat, moment: datetime) -> str:
    """"09:04", or "12.11.2026 09:04" when not on the planned day."""
    same_day = moment.date() == r.meeting.date
    return fmt_time(moment) if same_day else f"{fmt_date(moment.date())} {fmt_time(moment)}"


def actual_times(r: Referat) -> str:
    """"Møtet startet 13:04, slutt 14:58" from the clock; "" before it ran."""
    started = r.meeting.clock.started_at
    if started is None:
        return ""
    end = finished_at(r.meeting)
    if end is None:
        return r.text("header.actual_running", start=_moment(r, started))
    return r.text("header.actual", start=_moment(r, started), end=_moment(r, end))


def planned_times(r: Referat) -> str:
    """"09:00–11:00": the planned start and the start plus the planned total."""
    start = r.meeting.starts_at
    end = start + timedelta(minutes=planned_minutes(r))
    return f"{fmt_time(start)}–{_moment(r, end)}"


def _municipal(r: Referat) -> list[tuple[str, str]]:
    found = [("header.municipality", r.settings.municipality), ("header.unit", r.settings.unit)]
    return [(r.text(key), one_line(value)) for key, value in found if one_line(value)]


def _archive(r: Referat, case: Case | None, slot: CaseSlot) -> list[tuple[str, str]]:
    """Arkivsak and document number when known, and the document date: the
    day the case was approved in the room, else the meeting's day."""
    fields = []
    if case is not None:
        for key, value in (("case_number", case.archive_case_number), ("document_number", case.archive_document_number)):
            if one_line(value):
                fields.append((r.text(f"header.{key}"), one_line(value)))
    day = slot.approved_at.date() if slot.approved_at else r.meeting.date
    fields.append((r.text("header.document_date"), fmt_date(day)))
    return fields


def head_blocks(r: Referat, slot: CaseSlot | None = None) -> list[Block]:
    """The head of the meeting's referat (``slot`` None: the participants'
    copy) or of one case's referat."""
    meeting = r.meeting
    facts = _municipal(r)
    if slot is not None:
        facts += _archive(r, r.cases.get(slot.case_id or ""), slot)
    facts.append((r.text("meeting.date"), fmt_date(meeting.date)))
    facts.append((r.text("meeting.planned_time"), planned_times(r)))
    if actual := actual_times(r):
        facts.append((r.text("meeting.actual_time"), actual))
    facts += [
        (r.text("meeting.place"), one_line(meeting.place)),
        (r.text("meeting.leader"), r.person(meeting.participant(meeting.moteleder))),
        (r.text("meeting.referent"), r.person(meeting.participant(meeting.referent))),
        (r.text("meeting.status"), r.text(f"meeting.status_{MeetingStatus(meeting.status).value}")),
    ]
    blocks: list[Block] = [Heading(1, title(r))]
    if text := marking(r):
        blocks.append(Strong(text))
    blocks.append(Remark(r.text("header.copy_case" if slot is not None else "header.copy_meeting")))
    blocks.append(Fields(tuple(facts)))
    return blocks


def participant_blocks(r: Referat) -> list[Block]:
    groups = [
        ("participants.present", Attendance.PRESENT, True),
        ("participants.absent", Attendance.ABSENT, True),
        ("participants.invited", Attendance.INVITED, False),  # shown only if anyone
    ]
    header = tuple(r.text(f"participants.{c}") for c in ("name", "role", "service"))
    blocks: list[Block] = [Heading(2, r.text("participants.heading"))]
    for key, attendance, always in groups:
        people = [p for p in r.meeting.participants if p.attendance is attendance]
        if not people and not always:
            continue
        blocks.append(Heading(3, r.text(key)))
        rows = tuple((p.name, p.role_in(r.kind, r.lang), p.service_in(r.kind, r.lang)) for p in people)
        blocks.append(Table(header, rows) if rows else Remark(r.text("none")))
    return blocks
