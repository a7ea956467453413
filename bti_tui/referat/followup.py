"""A case followed up across meetings, in its referat: the review of earlier
agreements (its own heading, first), the stafettholder's hand-over and
naming, the case closed or reopened, the next meeting as the kind words it,
how the case began, and who tells whom.

Texts come from ``data/i18n/<lang>/cases.toml`` (``[referat]``, and the
words shared with the CLI and the screens).
"""

from __future__ import annotations

from bti_tui.model import (
    GUARDIANS,
    YOUTH,
    AgreementStatus,
    Case,
    CaseSlot,
    CaseStatus,
    UserPresence,
)
from bti_tui.model.informing import InformItem, inform_list
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import Block, Fields, Remark, Table
from bti_tui.referat.escape import one_line
from bti_tui.referat.format import fmt_date, fmt_time


def text(r: Referat, key: str, **values: object) -> str:
    return r.t(f"cases.referat.{key}", **values)


# --- the review -----------------------------------------------------------------------------
def _result(r: Referat, status: AgreementStatus | None, due: str) -> str:
    if status is None or status is AgreementStatus.OPEN:
        return text(r, "result_open")
    if status is AgreementStatus.CONTINUED:
        return text(r, "result_continued", due=due)
    return text(r, "result_done" if status is AgreementStatus.DONE else "result_dropped")


def review_blocks(r: Referat, case: Case) -> list[Block]:
    """The agreements from earlier meetings that were open when this one
    began, and what it decided about each; [] when there were none."""
    meeting = r.meeting
    rows = []
    for agreement in case.agreements:
        if not agreement.open_before(meeting.id):
            continue
        found_due = agreement.due_as_found(meeting.id)
        due = fmt_date(found_due) if found_due else ""
        if agreement.overdue_in(meeting.id, meeting.date):
            due = text(r, "overdue", due=due)
        mark = agreement.mark_in(meeting.id)
        new_due = fmt_date(agreement.due) if agreement.due else ""
        rows.append(
            (
                agreement.what,
                agreement.responsible,
                agreement.service,
                due,
                _result(r, mark.status if mark else None, new_due),
                mark.note if mark else "",
            )
        )
    if not rows:
        return []
    header = tuple(text(r, c) for c in ("what", "who", "service", "due", "result", "note"))
    return [Table(header, tuple(rows))]


# --- follow-up fields ----------------------------------------------------------------------
def _who(name: str | None, service: str | None) -> str:
    name, service = one_line(name or ""), one_line(service or "")
    return f"{name} ({service})" if service else name or "—"


def next_meeting_label(r: Referat) -> str:
    """What the kind calls the next meeting, else the referat's own word."""
    return r.kind.next_meeting_in(r.lang) or r.text("follow_up.next_meeting")


def next_meeting_value(r: Referat, slot: CaseSlot) -> str:
    if slot.next_meeting is None:
        return r.text("not_set")
    when = fmt_date(slot.next_meeting)
    if slot.next_meeting_time is not None:
        when = text(r, "next_meeting_at", date=when, time=fmt_time(slot.next_meeting_time))
    place = one_line(slot.next_meeting_place)
    return f"{when}, {place}" if place else when


def stafettholder_fields(r: Referat, case: Case) -> list[tuple[str, str]]:
    """Named before the meeting (by whom, when); handed over in it (from
    whom, to whom, why)."""
    fields: list[tuple[str, str]] = []
    here = [s for s in case.stafettholders if s.meeting_id == r.meeting.id]
    if here and here[-1].named_by:
        fields.append((text(r, "named"), text(r, "named_value", named_by=one_line(here[-1].named_by), date=fmt_date(here[-1].assigned_on))))
    handover = case.handover_in(r.meeting.id)
    if handover is not None and not handover.first:
        before, after = _who(handover.before_name, handover.before_service), _who(handover.name, handover.service)
        note = one_line(handover.note)
        value = text(r, "handover_reason", before=before, after=after, note=note) if note else text(r, "handover_value", before=before, after=after)
        fields.append((text(r, "handover"), value))
    return fields


def status_fields(r: Referat, case: Case) -> list[tuple[str, str]]:
    """The case closed or reopened in this meeting."""
    fields = []
    for change in case.status_history:
        if change.meeting_id != r.meeting.id:
            continue
        day = fmt_date(change.on)
        if change.status is CaseStatus.CLOSED and change.reason is not None:
            reason = r.t(f"cases.closing_reason.{change.reason.value}")
            note = one_line(change.text)
            value = text(r, "closed_text", date=day, reason=reason, text=note) if note else text(r, "closed_value", date=day, reason=reason)
            fields.append((text(r, "closed"), value))
        else:
            fields.append((text(r, "reopened"), text(r, "reopened_value", date=day, reason=one_line(change.text))))
    return fields


def origin_fields(r: Referat, case: Case) -> list[tuple[str, str]]:
    """How the case began, where recorded (seed 000)."""
    origin = case.origin
    fields = []
    if origin.noticed_by or origin.told_leader:
        value = text(r, "noticed_value", noticed_by=one_line(origin.noticed_by) or "—", told_leader=one_line(origin.told_leader) or "—")
        fields.append((text(r, "noticed"), value))
    if origin.guardians_initiative:
        on = origin.initiative_on
        fields.append((text(r, "initiative"), text(r, "initiative_taken_on", date=fmt_date(on)) if on else text(r, "initiative_taken")))
    return fields


# --- who tells whom -------------------------------------------------------------------------
def _presence(r: Referat, item: InformItem, slot: CaseSlot) -> str:
    if item.presence is None:
        return ""
    status = slot.informing.user(item.whom)
    if item.presence is UserPresence.NOT_INFORMED:
        return r.t("cases.presence.not_informed", reason=one_line(status.reason))
    return r.t(f"cases.presence.{item.presence.value}")


def informing_blocks(r: Referat, slot_index: int, case: Case) -> list[Block]:
    """Who informs the guardians and the youth of the outcome, and each
    absent participant given a task; the guardians' and youth's part. Always
    a section (its headings do not depend on what was typed)."""
    slot = r.meeting.slots[slot_index]
    items: list[tuple[str, str]] = []
    for item in inform_list(r.meeting, slot_index, case, r.kind):
        if not (item.needed or item.teller or item.presence not in (None, UserPresence.UNKNOWN)):
            continue  # nothing to tell and nothing recorded (the youth of a small child)
        if item.whom in (GUARDIANS, YOUTH):
            label = text(r, "guardians" if item.whom == GUARDIANS else "youth")
        else:
            label = r.person(r.meeting.participant(item.whom))
        parts = [_presence(r, item, slot)]
        if item.tasks:
            parts.append(text(r, "tasks", tasks="; ".join(one_line(t) for t in item.tasks)))
        if item.teller:
            parts.append(text(r, "teller", teller=one_line(item.teller)))
        elif item.needed:
            parts.append(text(r, "teller_missing"))
        items.append((label, ". ".join(p for p in parts if p)))
    return [Fields(tuple(items))] if items else [Remark(text(r, "nobody_to_tell"))]
