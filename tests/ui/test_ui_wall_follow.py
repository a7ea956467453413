"""The wall's follower: it finds the running meeting, reads a file only when
its signature changed, never shows a half-written or damaged file, never
writes, and its cost per tick does not grow with the history beside it."""

from __future__ import annotations

import os
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from ui_support import START, FakeClock
from wall_support import RUNNING, demo_folder, folder_state, run_at, save

from bti_tui.model import Meeting, MeetingStatus, Position
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository
from bti_tui.store.plans import PlanStore
from bti_tui.ui.wall.follow import LIST_SECONDS, Follower


class Ticker:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.at = 1000.0

    def __call__(self) -> float:
        return self.at


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return demo_folder(tmp_path / "data", START)


def follower(data: Path, clock: FakeClock | None = None, ticker: Ticker | None = None) -> Follower:
    return Follower(data, now=clock or FakeClock(START), monotonic=ticker or Ticker())


def bump(path: Path) -> None:
    """Make sure a rewrite within the same clock tick still changes mtime."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_no_meeting_running_shows_the_next_planned(data: Path) -> None:
    wall = follower(data)
    assert wall.tick() is True
    assert wall.followed is None
    assert wall.upcoming is not None
    assert wall.upcoming.starts_at.date() == START.date() + timedelta(days=14)  # demo-neste
    assert wall.upcoming.place == "Nordby skole, møterom 2"


def test_next_planned_comes_from_a_plan_too(data: Path) -> None:
    from bti_tui.model.plan import PlannedDate
    from bti_tui.session.demo import write_demo_plan

    with Repository.open(data) as repo:
        store = PlanStore(repo)
        plan = write_demo_plan(store, START.date(), "nb")
        soon = START.date() + timedelta(days=2)
        plan.dates.insert(0, PlannedDate(soon))
        store.save_plan(plan)
    wall = follower(data)
    wall.tick()
    assert wall.upcoming is not None
    assert wall.upcoming.starts_at.date() == soon
    assert wall.upcoming.place == plan.place


def test_follows_the_running_meeting(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    assert wall.tick() is True
    assert wall.followed is not None
    assert wall.followed.meeting.id == RUNNING
    assert set(wall.followed.cases) == {"demo-sak-1", "demo-sak-2"}


def test_several_running_the_one_changed_last(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    run_at(data, Position.opening(), START, meeting_id="demo-neste")
    path = data / "meetings" / "demo-neste.json"
    bump(path)
    wall = follower(data)
    wall.tick()
    assert wall.followed is not None and wall.followed.meeting.id == "demo-neste"


def test_a_meeting_left_running_days_ago_is_not_followed(data: Path) -> None:
    run_at(data, Position("o-options", 0), START - timedelta(days=3))
    wall = follower(data)
    wall.tick()
    assert wall.followed is None


def test_reads_only_when_a_file_changed(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    reads = wall.stats.reads
    for _ in range(20):
        assert wall.tick() is False
    assert wall.stats.reads == reads
    assert wall.stats.listings == 1

    meeting.slots[0].notes["o-options"] = "Nytt notat"
    save(data, meeting)
    bump(data / "meetings" / f"{RUNNING}.json")
    assert wall.tick() is True
    assert wall.followed is not None
    assert wall.followed.meeting.slots[0].note("o-options") == "Nytt notat"


def test_a_step_change_is_seen_on_the_next_tick(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    meeting.clock.enter(Position("w-agreements", 0), START)
    save(data, meeting)
    bump(data / "meetings" / f"{RUNNING}.json")
    assert wall.tick() is True
    assert wall.followed.meeting.clock.position == Position("w-agreements", 0)


def test_a_damaged_file_is_not_shown_and_read_again(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    path = data / "meetings" / f"{RUNNING}.json"
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])  # half a file
    assert wall.tick() is False
    assert wall.followed.meeting.slots[0].note("o-options") == meeting.slots[0].note("o-options")
    assert wall.stats.refused == 1
    assert wall.tick() is False  # read again, still refused
    assert wall.stats.refused == 2

    meeting.slots[0].notes["o-options"] = "Hel igjen"
    path.write_bytes(good)
    save(data, meeting)
    bump(path)
    assert wall.tick() is True
    assert wall.followed.meeting.slots[0].note("o-options") == "Hel igjen"


def test_a_finished_meeting_is_left(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    meeting.finish(START)
    save(data, meeting)
    bump(data / "meetings" / f"{RUNNING}.json")
    assert wall.tick() is True
    assert wall.followed is None
    assert wall.upcoming is not None


def test_the_app_moving_to_another_meeting_is_seen(data: Path) -> None:
    """The folder changed but not the followed file: it lists again."""
    run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    run_at(data, Position.opening(), START, meeting_id="demo-neste")
    bump(data / "meetings" / "demo-neste.json")
    wall.tick()
    assert wall.followed is not None and wall.followed.meeting.id == "demo-neste"


def test_a_new_case_file_is_picked_up(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    wall = follower(data)
    wall.tick()
    case_path = data / "cases" / "demo-sak-2.json"
    kept = case_path.read_bytes()
    case_path.unlink()
    bump(data / "meetings" / f"{RUNNING}.json")
    wall.tick()
    assert "demo-sak-2" not in wall.followed.cases  # shown as "Sak 2" until written
    case_path.write_bytes(kept)
    wall.tick()
    assert "demo-sak-2" in wall.followed.cases
    assert meeting.id == RUNNING


def test_while_none_runs_lists_only_when_the_folder_changed(data: Path) -> None:
    ticker = Ticker()
    wall = follower(data, ticker=ticker)
    for _ in range(10):
        wall.tick()
    assert wall.stats.listings == 1
    ticker.at += LIST_SECONDS  # coarse file times: a listing now and then anyway
    wall.tick()
    assert wall.stats.listings == 2
    run_at(data, Position("g-problem", 0), START)  # the app starts a meeting
    assert wall.tick() is True
    assert wall.stats.listings == 3
    assert wall.followed is not None


def test_cost_per_tick_does_not_grow_with_history(data: Path) -> None:
    """While following, a tick stats the meeting, its cases and the folder:
    the same few calls beside 3 or 203 meetings, and nothing is parsed."""

    def stats_per_tick(folder: Path) -> tuple[int, int]:
        wall = follower(folder)
        wall.tick()
        stats, reads = wall.stats.stats, wall.stats.reads
        for _ in range(10):
            wall.tick()
        return (wall.stats.stats - stats) // 10, wall.stats.reads - reads

    run_at(data, Position("o-options", 0), START)
    small = stats_per_tick(data)
    kind = meeting_kind("instansmote-skole")
    with Repository.open(data) as repo:
        for n in range(200):
            day = date(2016, 1, 1) + timedelta(days=10 * n)
            old = Meeting.plan(kind, day, time(9, 0), "Rom 1", "nb", f"history-{n:03d}")
            old.status = MeetingStatus.FINISHED
            repo.save_meeting(old)
    bump(data / "meetings" / f"{RUNNING}.json")
    large = stats_per_tick(data)
    assert small == large == (4, 0)  # meeting, two cases, the folder; no reads


def test_the_wall_never_writes_nor_locks(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    before = folder_state(data)
    wall = follower(data)
    for _ in range(5):
        wall.tick()
    # The app can still take the folder: the wall holds no lock.
    with Repository.open(data) as repo:
        repo.save_meeting(meeting)
    after = folder_state(data)
    wall.close()
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed <= {f"meetings/{RUNNING}.json", f"meetings/{RUNNING}.json.bak", "meetings", ".lock"}
    assert set(after) - set(before) == set()


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    wall = follower(tmp_path / "nowhere")
    wall.tick()
    assert wall.followed is None and wall.upcoming is None
    assert not (tmp_path / "nowhere").exists()
