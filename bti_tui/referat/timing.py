"""Time used against plan: per phase for each case, and for the meeting.

Everything is computed from the meeting's clock log up to the meeting's own
"now" (``Referat.now``), never from the wall clock.

A total is the sum of its rows, in planned and in used minutes alike (each
row rounded first), so the table adds up as printed. The meeting kind's
``duration_minutes`` (the two hours an instansmøte is booked for) may be more
than its parts (5 opening + 2 × 50 per case + 10 buffer = 115): the rest is a
row of its own, "not allocated", and the header's planned end is the planned
start plus this total, so header and table cannot disagree.
"""

from __future__ import annotations

from bti_tui.model import Budget, Phase, Position
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import Block, Heading, Remark, Table
from bti_tui.referat.format import signed, whole_minutes

_NUMBERS = (1, 2, 3)  # right-aligned columns: planned, used, difference

Row = tuple[str, int, int]  # label, planned, used (whole minutes)


def _row(label: str, budget: Budget) -> Row:
    return (label, whole_minutes(budget.planned), whole_minutes(budget.used))


def _with_total(label: str, rows: list[Row]) -> list[Row]:
    return [*rows, (label, sum(r[1] for r in rows), sum(r[2] for r in rows))]


def _table(r: Referat, first: str, rows: list[Row]) -> Table:
    header = (r.text(first), r.text("time.planned"), r.text("time.used"), r.text("time.difference"))
    cells = tuple((label, str(planned), str(used), signed(used - planned)) for label, planned, used in rows)
    return Table(header, cells, right=_NUMBERS)


def not_started(r: Referat) -> list[Block] | None:
    """A meeting whose clock never started has no time to report."""
    return None if r.meeting.clock.started else [Remark(r.text("time.not_started"))]


def case_rows(r: Referat, slot_index: int) -> list[Row]:
    rows = []
    for phase in Phase:
        if any(s.phase is phase for s in r.kind.steps):
            budget = r.meeting.phase_budget(r.kind, slot_index, phase, r.now)
            rows.append(_row(f"{phase.value} – {r.text(f'phase.{phase.value}')}", budget))
    return _with_total(r.text("time.case_total"), rows)


def meeting_rows(r: Referat) -> list[Row]:
    meeting, kind, now = r.meeting, r.kind, r.now
    rows = [_row(r.text("time.opening"), meeting.position_budget(kind, Position.opening(), now))]
    for number, index, _ in r.numbered_slots():
        rows.append((r.text("time.case", number=number), *case_rows(r, index)[-1][1:]))
    rows.append(_row(r.text("time.closing"), meeting.position_budget(kind, Position.closing(), now)))
    rest = kind.duration_minutes - sum(row[1] for row in rows)
    if rest > 0:
        rows.append((r.text("time.unallocated"), rest, 0))
    return _with_total(r.text("time.meeting_total"), rows)


def planned_minutes(r: Referat) -> int:
    """The meeting's planned length: the planned total of its time table."""
    return meeting_rows(r)[-1][1]


def case_time_blocks(r: Referat, slot_index: int) -> list[Block]:
    if (remark := not_started(r)) is not None:
        return remark
    return [_table(r, "time.phase", case_rows(r, slot_index))]


def meeting_time_blocks(r: Referat) -> list[Block]:
    title = Heading(2, r.text("time.meeting_heading"))
    if (remark := not_started(r)) is not None:
        return [title, *remark]
    return [title, _table(r, "time.part", meeting_rows(r))]
