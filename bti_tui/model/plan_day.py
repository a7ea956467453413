"""On the day: a planned date becomes a meeting, ready to open.

The meeting gets the plan's kind, place and time, the kind's fixed
participants (with the names the plan knows), the møteleder the kind names,
and the queued cases of that date as ``Case`` entities in their slots, in
the order they were placed. A case's one-line question is put in as the
first note of the first agenda step (the problem and the goal), where the
room starts from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bti_tui.model.case import Case, Consent
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.meeting import Meeting, new_id
from bti_tui.model.plan import HalfYearPlan
from bti_tui.model.dates import format_date
from bti_tui.model.queue import QueuedCase


@dataclass(frozen=True)
class DayMeeting:
    meeting: Meeting
    cases: list[Case]  # in slot order
    queue_ids: list[str]  # the queued cases that became ``cases``: off the queue now


def case_from_queue(item: QueuedCase) -> Case:
    return Case(
        id=new_id("c-"),
        reference=item.reference,
        submitted_by=item.submitted_by,
        consent=Consent(item.consent),
        firfoting_prepared=item.firfoting_prepared,
    )


def meeting_for_date(
    plan: HalfYearPlan,
    day: date,
    kind: MeetingKind,
    queue: Mapping[str, QueuedCase],
    lang: str,
    meeting_id: str | None = None,
) -> DayMeeting:
    """The meeting of ``plan`` on ``day`` with its queued cases in their
    slots. Marks the date as opened (``meeting_id``); the caller saves the
    cases, the meeting and the plan, and takes ``queue_ids`` off the queue."""
    planned = plan.at(day)
    if planned.cancelled:
        raise ValidationError("plan.date_cancelled", value=format_date(day))
    if planned.meeting_id is not None:
        raise ValidationError("plan.date_opened", value=format_date(day))
    if kind.id != plan.kind_id:
        raise ValueError(f"plan {plan.id} is for {plan.kind_id}, not {kind.id}")
    missing = [case_id for case_id in planned.cases if case_id not in queue]
    if missing:
        raise ValidationError("plan.queued_case_missing", ids=", ".join(missing))
    meeting = Meeting.plan(kind, day, plan.start_time, plan.place, lang, meeting_id)
    for spec, participant in zip(kind.fixed_roles, meeting.participants, strict=True):
        participant.name = plan.names.get(spec.id, "")
        if spec.id == kind.leader_role:
            meeting.moteleder = participant.id
    cases = [case_from_queue(queue[case_id]) for case_id in planned.cases[: len(meeting.slots)]]
    first_step = kind.steps[0].id if kind.steps else None
    for slot, (case, case_id) in enumerate(zip(cases, planned.cases, strict=False)):
        meeting.slots[slot].case_id = case.id
        if first_step is not None:
            meeting.slots[slot].notes[first_step] = queue[case_id].question
    planned.meeting_id = meeting.id
    return DayMeeting(meeting, cases, list(planned.cases[: len(cases)]))
