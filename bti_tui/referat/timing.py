"""Time used against plan: per phase for each case, and for the meeting.

Everything is computed from the meeting's clock log up to the meeting's own
"now" (``Referat.now``), never from the wall clock."""

from __future__ import annotations

from bti_tui.model import Budget, Phase, Position
from bti_tui.referat.context import Referat
from bti_tui.referat.format import signed, whole_minutes
from bti_tui.referat.markup import emphasis, heading, table

_NUMBERS = (1, 2, 3)  # right-aligned columns: planned, used, difference


def _row(label: str, budget: Budget) -> tuple[str, str, str, str]:
    planned, used = whole_minutes(budget.planned), whole_minutes(budget.used)
    return (label, str(planned), str(used), signed(used - planned))


def _header(r: Referat, first: str) -> list[str]:
    return [r.text(first), r.text("time.planned"), r.text("time.used"), r.text("time.difference")]


def not_started(r: Referat) -> list[str] | None:
    """A meeting whose clock never started has no time to report."""
    return None if r.meeting.clock.started else [emphasis(r.text("time.not_started"))]


def case_time_blocks(r: Referat, slot_index: int) -> list[str]:
    if (remark := not_started(r)) is not None:
        return remark
    rows = []
    for phase in Phase:
        if any(s.phase is phase for s in r.kind.steps):
            budget = r.meeting.phase_budget(r.kind, slot_index, phase, r.now)
            rows.append(_row(f"{phase.value} – {r.text(f'phase.{phase.value}')}", budget))
    total = r.meeting.case_budget(r.kind, slot_index, r.now)
    rows.append(_row(r.text("time.case_total"), total))
    return [table(_header(r, "time.phase"), rows, right=_NUMBERS)]


def meeting_time_blocks(r: Referat) -> list[str]:
    meeting, kind, now = r.meeting, r.kind, r.now
    title = heading(2, r.text("time.meeting_heading"))
    if (remark := not_started(r)) is not None:
        return [title, *remark]
    rows = [_row(r.text("time.opening"), meeting.position_budget(kind, Position.opening(), now))]
    number = 0
    for index, slot in enumerate(meeting.slots):
        if slot.case_id:
            number += 1
            rows.append(_row(r.text("time.case", number=number), meeting.case_budget(kind, index, now)))
    rows.append(_row(r.text("time.closing"), meeting.position_budget(kind, Position.closing(), now)))
    rows.append(_row(r.text("time.meeting_total"), meeting.meeting_budget(kind, now)))
    return [title, table(_header(r, "time.part"), rows, right=_NUMBERS)]

