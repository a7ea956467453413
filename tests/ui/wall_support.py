"""Helpers for the wall's tests: a data folder with the demo meetings, one
of them running at a chosen position, written the way the app writes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bti_tui.model import Meeting, MeetingClock, MeetingStatus, Position
from bti_tui.session.demo import write_demo
from bti_tui.store import Repository

RUNNING = "demo-ferdig"  # the finished demo meeting, replayed as running


def demo_folder(data: Path, today: datetime) -> Path:
    with Repository.open(data) as repo:
        write_demo(repo, today.date(), "nb")
    return data


def run_at(
    data: Path,
    position: Position,
    now: datetime,
    minutes_in: int = 20,
    minutes_here: int = 3,
    meeting_id: str = RUNNING,
    edit=None,
) -> Meeting:
    """Make ``meeting_id`` run at ``position`` since ``minutes_here``
    minutes (the meeting since ``minutes_in``), and save it."""
    with Repository.open(data) as repo:
        meeting = repo.load_meeting(meeting_id)
        meeting.clock = MeetingClock()
        meeting.clock.start(now - timedelta(minutes=minutes_in))
        meeting.clock.enter(Position.opening(), now - timedelta(minutes=minutes_in))
        meeting.clock.enter(position, now - timedelta(minutes=minutes_here))
        meeting.status = MeetingStatus.RUNNING
        if edit is not None:
            edit(meeting, repo)
        repo.save_meeting(meeting)
    return meeting


def save(data: Path, meeting: Meeting) -> None:
    with Repository.open(data) as repo:
        repo.save_meeting(meeting)


def folder_state(data: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``data`` with its size and mtime: the
    wall must leave it exactly so."""
    return {
        str(path.relative_to(data)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(data.rglob("*"))
    }
