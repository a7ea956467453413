"""The meeting clock as an event log, and the budgets a meeting derives from it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bti_tui.model import (
    Budget,
    CaseSlot,
    ClockEventKind,
    Meeting,
    MeetingClock,
    MeetingStatus,
    Phase,
    Position,
)
from bti_tui.model.clock import CLOSING, OPENING
from bti_tui.resources import meeting_kind

T0 = datetime(2026, 11, 16, 9, 0)
KIND = meeting_kind("instansmote-skole")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def mins(n: float) -> timedelta:
    return timedelta(minutes=n)


G = Position("g-problem", 0)
R = Position("r-situation", 0)


def sample_clock() -> MeetingClock:
    """opening 0-5, G 5-8 and 10-20 (paused 8-10), R from 20."""
    clock = MeetingClock()
    clock.start(at(0))
    clock.enter(Position.opening(), at(0))
    clock.enter(G, at(5))
    clock.pause(at(8))
    clock.resume(at(10))
    clock.enter(R, at(20))
    return clock


# --- positions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "code"),
    [
        (Position.opening(), "opening"),
        (Position.closing(), "closing"),
        (Position("g-problem", 0), "case0:g-problem"),
        (Position("w-next-meeting", 1), "case1:w-next-meeting"),
        (Position("x", 12), "case12:x"),
    ],
)
def test_position_encode_decode(position: Position, code: str) -> None:
    assert position.encode() == code
    assert Position.decode(code) == position


# --- state ------------------------------------------------------------------------


def test_state_follows_the_log() -> None:
    clock = MeetingClock()
    assert not clock.started and not clock.running and clock.position is None
    assert clock.started_at is None
    clock.start(at(0))
    assert clock.started and clock.running and clock.started_at == at(0)
    clock.toggle_pause(at(1))
    assert clock.paused and not clock.running
    clock.toggle_pause(at(2))
    assert not clock.paused and clock.running
    clock.enter(G, at(3))
    assert clock.position == G and clock.position_code == "case0:g-problem"
    clock.finish(at(4))
    assert clock.finished and not clock.running


def test_repeated_commands_add_no_events() -> None:
    clock = MeetingClock()
    clock.pause(at(0))
    clock.resume(at(0))
    clock.finish(at(0))
    assert clock.events == []
    clock.start(at(0))
    clock.start(at(1))
    clock.enter(G, at(1))
    clock.enter(G, at(2))
    clock.resume(at(2))  # not paused
    clock.pause(at(3))
    clock.pause(at(4))
    assert [e.kind for e in clock.events] == [
        ClockEventKind.STARTED,
        ClockEventKind.STEP_ENTERED,
        ClockEventKind.PAUSED,
    ]


# --- elapsed -------------------------------------------------------------------------


def test_elapsed_excludes_pauses() -> None:
    clock = MeetingClock()
    clock.start(at(0))
    assert clock.elapsed(at(0)) == mins(0)
    assert clock.elapsed(at(8)) == mins(8)
    clock.pause(at(8))
    assert clock.elapsed(at(9)) == mins(8)
    clock.resume(at(10))
    assert clock.elapsed(at(10)) == mins(8)
    assert clock.elapsed(at(30)) == mins(28)
    assert sample_clock().elapsed(at(30)) == mins(28)


def test_elapsed_never_runs_backwards() -> None:
    # A ``now`` before the last logged event (a wall clock set back) counts
    # the log as it stands: the shown time stands still, it does not shrink.
    clock = sample_clock()
    assert clock.elapsed(at(0)) == clock.elapsed(at(20)) == mins(18)


def test_time_per_position() -> None:
    clock = sample_clock()
    spent = clock.time_by_position(at(30))
    assert spent == {"opening": mins(5), "case0:g-problem": mins(13), "case0:r-situation": mins(10)}
    assert clock.at_position(Position.opening(), at(30)) == mins(5)
    assert clock.at_position(G, at(30)) == mins(13)
    assert clock.at_position(Position.closing(), at(30)) == mins(0)
    assert sum(spent.values(), timedelta()) == clock.elapsed(at(30))


def test_in_case_sums_a_slot_only() -> None:
    clock = sample_clock()
    clock.enter(Position("g-problem", 1), at(30))
    clock.enter(Position("g-problem", 10), at(35))
    assert clock.in_case(0, at(40)) == mins(23)
    assert clock.in_case(1, at(40)) == mins(5)
    assert clock.in_case(10, at(40)) == mins(5)
    assert clock.in_case(2, at(40)) == mins(0)


def test_time_before_the_first_step_counts_for_the_meeting_only() -> None:
    clock = MeetingClock()
    clock.start(at(0))
    clock.enter(Position.opening(), at(2))
    assert clock.elapsed(at(5)) == mins(5)
    assert clock.time_by_position(at(5)) == {"opening": mins(3)}


def test_moving_while_paused_counts_nothing_until_resumed() -> None:
    clock = sample_clock()
    clock.pause(at(22))
    clock.enter(Position("o-focus", 0), at(25))
    clock.resume(at(27))
    spent = clock.time_by_position(at(30))
    assert spent["case0:r-situation"] == mins(2)
    assert spent["case0:o-focus"] == mins(3)


def test_finish_stops_time() -> None:
    clock = sample_clock()
    clock.finish(at(40))
    assert clock.elapsed(at(40)) == clock.elapsed(at(500)) == mins(38)
    assert clock.time_by_position(at(500)) == clock.time_by_position(at(40))
    clock.resume(at(50))
    clock.pause(at(50))
    assert clock.elapsed(at(500)) == mins(38)


def test_finish_while_paused() -> None:
    clock = sample_clock()
    clock.pause(at(30))
    clock.finish(at(45))
    clock.resume(at(46))
    assert clock.elapsed(at(100)) == mins(28)


def test_a_clock_set_back_never_yields_negative_time() -> None:
    clock = MeetingClock()
    clock.start(at(10))
    clock.enter(Position.opening(), at(5))  # the wall clock jumped back
    clock.enter(G, at(2))
    assert [e.at for e in clock.events] == [at(10)] * 3
    assert clock.elapsed(at(0)) == mins(0)
    assert all(t >= timedelta() for t in clock.time_by_position(at(0)).values())
    assert clock.elapsed(at(12)) == mins(2)
    assert clock.at_position(G, at(12)) == mins(2)


def test_a_restart_rebuilds_the_same_numbers() -> None:
    clock = sample_clock()
    clock.pause(at(31))
    # What the store keeps: the events; a new process builds a new clock.
    rebuilt = MeetingClock(events=list(clock.events))
    for now in (at(0), at(9), at(31), at(60)):
        assert rebuilt.elapsed(now) == clock.elapsed(now)
        assert rebuilt.time_by_position(now) == clock.time_by_position(now)
    assert rebuilt.paused and rebuilt.position == R


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["start", "pause", "resume", "toggle", "enter", "finish"]),
            st.integers(-30, 30),
            st.integers(0, 3),
        ),
        max_size=30,
    ),
    st.integers(-60, 600),
)
def test_times_are_never_negative_and_add_up(
    commands: list[tuple[str, int, int]], now_offset: int
) -> None:
    clock = MeetingClock()
    minute = 0
    for command, step, slot in commands:
        minute += step
        now = at(minute)
        if command == "enter":
            clock.enter(Position("g-problem", slot), now)
        elif command == "toggle":
            clock.toggle_pause(now)
        else:
            getattr(clock, command)(now)
    now = at(now_offset)
    spent = clock.time_by_position(now)
    assert clock.elapsed(now) >= timedelta()
    assert all(t >= timedelta() for t in spent.values())
    assert sum(spent.values(), timedelta()) <= clock.elapsed(now)
    assert MeetingClock(list(clock.events)).elapsed(now) == clock.elapsed(now)
    times = [e.at for e in clock.events]
    assert times == sorted(times)
    assert clock.elapsed(now) <= clock.elapsed(now + mins(1))


# --- budgets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("used", "planned", "over", "left", "overrun"),
    [
        (3, 5, False, 2, 0),
        (5, 5, False, 0, 0),
        (7, 5, True, -2, 2),
        (0, 0, False, 0, 0),
        (1, 0, True, -1, 1),
    ],
)
def test_budget(used: int, planned: int, over: bool, left: int, overrun: int) -> None:
    budget = Budget(mins(used), mins(planned))
    assert budget.over is over
    assert budget.left == mins(left)
    assert budget.overrun == mins(overrun)


def planned_meeting() -> Meeting:
    meeting = Meeting.plan(KIND, date(2026, 11, 16), time(9, 0), meeting_id="m1")
    return meeting


def test_plan_fills_fixed_participants_and_slots() -> None:
    meeting = planned_meeting()
    assert meeting.id == "m1" and meeting.kind_id == KIND.id
    assert len(meeting.slots) == KIND.case_slots == 2
    assert [p.role_in(KIND, "nb") for p in meeting.participants] == [r.role["nb"] for r in KIND.fixed_roles]
    assert all(p.fixed for p in meeting.participants)
    assert meeting.starts_at == T0
    assert meeting.status is MeetingStatus.PLANNED


def test_positions_cover_used_slots_only() -> None:
    meeting = planned_meeting()
    assert meeting.positions(KIND) == [Position.opening(), Position.closing()]
    meeting.slots[1].case_id = "c2"
    positions = meeting.positions(KIND)
    assert positions[0] == Position.opening() and positions[-1] == Position.closing()
    assert positions[1:-1] == [Position(s.id, 1) for s in KIND.steps]
    meeting.slots[0] = CaseSlot(case_id="c1")
    assert len(meeting.positions(KIND)) == 2 + 2 * len(KIND.steps)
    assert meeting.positions(KIND)[1] == Position(KIND.steps[0].id, 0)


def test_start_and_finish() -> None:
    meeting = planned_meeting()
    meeting.start(at(0))
    assert meeting.status is MeetingStatus.RUNNING
    assert meeting.clock.running and meeting.clock.position == Position.opening()
    meeting.clock.enter(G, at(5))
    meeting.start(at(6))  # starting again (e.g. after a restart) changes nothing
    assert meeting.clock.position == G
    assert meeting.clock.started_at == at(0)
    meeting.finish(at(10))
    assert meeting.status is MeetingStatus.FINISHED
    assert meeting.clock.finished
    assert meeting.meeting_budget(KIND, at(99)).used == mins(10)


def test_budgets_against_the_kind() -> None:
    meeting = planned_meeting()
    meeting.slots[0].case_id = "c1"
    meeting.start(at(0))
    meeting.clock.enter(G, at(5))
    meeting.clock.enter(R, at(15))  # G: 10 of 7 minutes
    meeting.clock.enter(Position("r-causes", 0), at(20))
    now = at(25)

    whole = meeting.meeting_budget(KIND, now)
    assert whole == Budget(mins(25), mins(120))
    assert meeting.case_budget(KIND, 0, now) == Budget(mins(20), mins(50))
    assert meeting.case_budget(KIND, 1, now) == Budget(mins(0), mins(50))

    opening = meeting.position_budget(KIND, Position.opening(), now)
    assert opening == Budget(mins(5), mins(5)) and not opening.over
    closing = meeting.position_budget(KIND, Position.closing(), now)
    assert closing == Budget(mins(0), mins(KIND.buffer_minutes))  # the closing uses the buffer
    g_step = meeting.position_budget(KIND, G, now)
    assert g_step == Budget(mins(10), mins(7))
    assert g_step.over and g_step.overrun == mins(3) and g_step.left == mins(-3)

    assert meeting.phase_budget(KIND, 0, Phase.G, now) == Budget(mins(10), mins(7))
    assert meeting.phase_budget(KIND, 0, Phase.R, now) == Budget(mins(10), mins(18))
    assert meeting.phase_budget(KIND, 0, Phase.O, now) == Budget(mins(0), mins(13))
    assert meeting.phase_budget(KIND, 0, Phase.W, now) == Budget(mins(0), mins(12))
    assert meeting.phase_budget(KIND, 1, Phase.G, now).used == mins(0)


def test_opening_and_closing_constants() -> None:
    assert Position.opening().step == OPENING and Position.closing().step == CLOSING
