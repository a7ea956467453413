"""How the main screens look, in both themes, at 80×24 (laptop) and 200×50
(projector). Update only after opening the report and looking:
``pytest tests/ui/test_ui_snapshots.py --snapshot-update``."""

from __future__ import annotations

import fcntl
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from ui_support import START, FakeClock

from bti_tui.session.demo import write_demo
from bti_tui.model import MeetingClock, MeetingStatus, Position
from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.referat_preview import ReferatPreviewScreen
from bti_tui.ui.screens.setup import SetupScreen

# The home screen shows the data folder: a fixed path keeps the image stable.
SNAPSHOT_DATA = Path("/tmp/bti-tui-snapshot-data")
SIZES = {"80x24": (80, 24), "200x50": (200, 50)}
THEMES = {"normal": False, "projector": True}


@pytest.fixture
def demo_repo():
    # One snapshot at a time on this machine: two test runs (or workers)
    # would otherwise remove each other's folder.
    with open(f"{SNAPSHOT_DATA}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(SNAPSHOT_DATA, ignore_errors=True)
        with Repository.open(SNAPSHOT_DATA) as repo:
            write_demo(repo, START.date(), "nb")
            yield repo
        shutil.rmtree(SNAPSHOT_DATA, ignore_errors=True)


def running_at(app: BtiApp, position: Position, minutes_in: int = 20, minutes_here: int = 3):
    """The finished demo meeting, replayed as if it were running now at ``position``."""
    session = app.session_for("demo-ferdig")
    now = app.now()
    session.meeting.clock = MeetingClock()
    session.meeting.clock.start(now - timedelta(minutes=minutes_in))
    session.meeting.clock.enter(Position.opening(), now - timedelta(minutes=minutes_in))
    session.meeting.clock.enter(position, now - timedelta(minutes=minutes_here))
    session.meeting.status = MeetingStatus.RUNNING
    return session


async def settled(pilot) -> None:
    """Until the layout has settled: the agreement table sizes its columns
    on its first resize, which a loaded machine may deliver late. The text
    cursor stops blinking (shown or not by the timing of the picture)."""
    for area in pilot.app.screen.query("TextArea, Input"):
        area.cursor_blink = False
    for _ in range(3):
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()


def open_meeting_at(position: Position, **kw):
    async def run_before(pilot) -> None:
        await pilot.pause()
        session = running_at(pilot.app, position, **kw)
        session.save = lambda *a, **k: None  # look only: nothing written
        await pilot.app.push_screen(MeetingScreen(session))
        await settled(pilot)

    return run_before


def open_closing():
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.push_screen(MeetingScreen(pilot.app.session_for("demo-ferdig")))
        await pilot.pause()

    return run_before


def push(make_screen):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.push_screen(make_screen(pilot.app))
        await settled(pilot)

    return run_before


SCREENS = {
    "home": None,
    "setup": push(lambda app: SetupScreen(app.session_for("demo-neste"))),
    "intake": push(lambda app: IntakeScreen(app.session_for("demo-ferdig"))),
    "opening": open_meeting_at(Position.opening(), minutes_in=2, minutes_here=2),
    "step": open_meeting_at(Position("o-options", 0)),
    "overrun": open_meeting_at(Position("r-causes", 0), minutes_in=40, minutes_here=14),
    "closing": open_closing(),
    "referat": push(lambda app: ReferatPreviewScreen(app.session_for("demo-ferdig"))),
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_main_screens(snap_compare, demo_repo, screen: str, size: str, theme: str) -> None:
    app = BtiApp(demo_repo, "nb", now=FakeClock(START), projector=THEMES[theme])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, demo_repo, size: str) -> None:
    app = BtiApp(demo_repo, "nb", now=FakeClock(START), projector=False)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=open_meeting_at(Position("w-agreements", 0)), press=["f1"])
