"""The innkalling of one planned meeting as the innkalling screen shows it:
the text, who has been called and who still needs calling, and the files.

Once the day's meeting is opened its queued cases are cases of the meeting
(and off the queue), so the saksliste is read from the meeting then: the
submitting service, the question (the first note of the first step, where
opening put it), consent and Firfoting, never the initials or birth date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bti_tui.model import Meeting, ValidationError
from bti_tui.model.dates import format_date
from bti_tui.model.kind import MeetingKind
from bti_tui.model.plan import HalfYearPlan
from bti_tui.model.queue import QueuedCase
from bti_tui.resources import meeting_kinds
from bti_tui.store.exports import write_export
from bti_tui.store.plans import PlanStore


@dataclass
class Invitation:
    plan: HalfYearPlan
    day: date
    kind: MeetingKind
    queue: dict[str, QueuedCase]
    meeting: Meeting | None = None  # the day's meeting, once opened
    called: list[tuple[str, date]] = field(default_factory=list)  # (who, called on)
    to_call: list[str] = field(default_factory=list)  # who still needs calling

    def markdown(self, lang: str) -> str:
        from bti_tui.innkalling import render_innkalling

        return render_innkalling(self.plan, self.day, self.kind, self.queue, lang)

    def render(self, lang: str, fmt: str) -> tuple[str, bytes]:
        """(file name, content) in ``fmt`` (md, html or pdf)."""
        from bti_tui.innkalling import export_innkalling

        return export_innkalling(self.plan, self.day, self.kind, self.queue, lang, fmt)

    def export(self, store: PlanStore, lang: str, fmt: str) -> Path:
        """Write the innkalling into the data folder's export folder (0600)."""
        name, data = self.render(lang, fmt)
        return write_export(store.repo.data_dir, name, data)


def _from_meeting(store: PlanStore, plan: HalfYearPlan, day: date, kind: MeetingKind, meeting: Meeting) -> dict[str, QueuedCase]:
    first_step = kind.steps[0].id if kind.steps else ""
    found: dict[str, QueuedCase] = {}
    slots = [s for s in meeting.slots if s.case_id]
    for queue_id, slot in zip(plan.at(day).cases, slots, strict=False):
        case = store.repo.load_case(slot.case_id or "")
        question = (slot.notes.get(first_step, "").splitlines() or [""])[0]
        found[queue_id] = QueuedCase(
            id=queue_id,
            reference=case.reference,
            submitted_by=case.submitted_by,
            question=question,
            submitted_on=meeting.date,
            consent=case.consent.status,
            firfoting_prepared=case.firfoting_prepared,
        )
    return found


def invitation(store: PlanStore, plan_id: str, day: date, lang: str) -> Invitation:
    """The innkalling of ``plan_id`` on ``day`` (``plan.date_cancelled`` for
    a cancelled one), with who is called as the day's meeting records it."""
    plan = store.load_plan(plan_id)
    planned = plan.at(day)
    if planned.cancelled:
        raise ValidationError("plan.date_cancelled", value=format_date(day))
    kind = meeting_kinds().get(plan.kind_id)
    if kind is None:
        raise ValidationError("queue.kind_unknown", value=plan.kind_id)
    queue = {q.id: q for q in store.list_queue() if q.id in planned.cases}
    found = Invitation(plan, day, kind, queue)
    if planned.meeting_id is not None:
        meeting = store.repo.load_meeting(planned.meeting_id)
        found.meeting = meeting
        found.queue = {**_from_meeting(store, plan, day, kind, meeting), **queue}
        for person in meeting.participants:
            who = person.label(kind, lang)
            if person.called_on is None:
                found.to_call.append(who)
            else:
                found.called.append((who, person.called_on))
    return found
