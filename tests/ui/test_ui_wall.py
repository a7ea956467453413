"""The wall app with Pilot: it follows what the app saves, shows user text
literally, gives the clock the most room, keeps notes at a readable width,
switches theme on F2, and never takes the lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import START, FakeClock
from wall_support import RUNNING, demo_folder, folder_state, run_at, save

from bti_tui.model import Agreement, Position
from bti_tui.store import Repository
from bti_tui.ui.theme import NORMAL, PROJECTOR
from bti_tui.ui.wall.app import WallApp
from bti_tui.ui.widgets.bigtext import BigClock, BigText
from bti_tui.ui.wall.follow import Follower
from bti_tui.ui.wall.screen import WallScreen


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return demo_folder(tmp_path / "data", START)


def wall_app(data: Path, clock: FakeClock | None = None, lang: str = "nb", **kw) -> WallApp:
    clock = clock or FakeClock(START)
    return WallApp(Follower(data, now=clock), lang, now=clock, poll=None, **kw)


def text_of(app: WallApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_follows_a_save_and_a_step_change(data: Path) -> None:
    meeting = run_at(data, Position("o-options", 0), START)
    app = wall_app(data)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert "helsesykepleier" in text_of(app, "#wall-notes")
        meeting.slots[0].notes["o-options"] = "Skrevet i appen nå"
        save(data, meeting)
        app.tick()
        await pilot.pause()
        assert text_of(app, "#wall-notes") == "Skrevet i appen nå"
        meeting.clock.enter(Position("w-agreements", 0), START)
        save(data, meeting)
        app.tick()
        await pilot.pause()
        assert "steg 6 av 9" in text_of(app, "#wall-where")
        assert app.screen.query_one("#wall-title", BigText).paragraphs == ("Oppsummering og avtaler",)


async def test_the_clock_moves_without_a_save(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    clock = FakeClock(START)
    app = wall_app(data, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(BigClock).digits == "04:00"
        clock.advance(seconds=61)
        app.tick()
        await pilot.pause()
        assert app.screen.query_one(BigClock).digits == "02:59"


async def test_user_text_is_shown_literally(data: Path) -> None:
    hostile = "[red]rød[/red] [/b] [@click=app.quit]klikk[/] \x1b[2J slutt"

    def edit(meeting, repo) -> None:
        meeting.slots[0].notes["w-next-meeting"] = hostile
        case = repo.load_case("demo-sak-1")
        case.agreements.append(Agreement("a-x", "[/b] avtale [b]", "Ola [i]", "", None, meeting.id))
        repo.save_case(case)

    run_at(data, Position("w-next-meeting", 0), START, edit=edit)
    app = wall_app(data)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        readback = app.screen.query_one("#wall-readback", BigText)
        assert "4. [/b] avtale [b] - Ola [i]" in readback.paragraphs
        assert app.is_running
    run_at(data, Position("o-options", 0), START, edit=lambda m, r: m.slots[0].notes.update({"o-options": hostile}))
    app = wall_app(data)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert text_of(app, "#wall-notes") == "[red]rød[/red] [/b] [@click=app.quit]klikk[/]  slutt"  # the escape sequence is removed whole


async def test_the_clock_is_the_largest_thing_at_200x50(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    app = wall_app(data)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        clock = app.screen.query_one("#wall-clock", BigClock).region
        title = app.screen.query_one("#wall-title", BigText).region
        assert clock.height >= 50 / 5
        assert clock.height > title.height > 1  # the title is in large letters too
        notes = app.screen.query_one("#wall-notes").region
        assert notes.width <= 100


async def test_read_back_in_large_type(data: Path) -> None:
    run_at(data, Position("w-next-meeting", 0), START)
    app = wall_app(data)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-read-back")
        readback = app.screen.query_one("#wall-readback", BigText)
        assert readback.large
        assert app.screen.query_one("#wall-clock").region.height >= 10
        assert not app.screen.query_one("#wall-notes-box").display


async def test_f2_switches_the_theme_of_this_window_only(data: Path) -> None:
    before = folder_state(data)
    app = wall_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == PROJECTOR
        await pilot.press("f2")
        assert app.theme == NORMAL
        await pilot.press("f2")
        assert app.theme == PROJECTOR
    assert folder_state(data) == before  # no preference written


async def test_no_lock_while_the_wall_runs(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    app = wall_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        with Repository.open(data) as repo:  # the app can take the folder
            assert repo.load_meeting(RUNNING).id == RUNNING
        assert isinstance(app.screen, WallScreen)


async def test_waits_when_no_meeting_runs(data: Path) -> None:
    app = wall_app(data, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-idle")
        assert app.screen.query_one("#wall-title", BigText).paragraphs == ("No meeting is running",)
        big = app.screen.query_one("#wall-readback", BigText)
        assert big.paragraphs == ("Next meeting:", "Agency meeting, school", "Tuesday 08.12.2026 at 09:00", "Nordby skole, møterom 2")
        assert big.large
        run_at(data, Position("g-problem", 0), START)
        app.follower._next_listing = 0  # as if a few seconds had passed
        app.tick()
        await pilot.pause()
        assert app.screen.has_class("-step")
        assert app.screen.query_one("#wall-title", BigText).paragraphs == ("Problem and goal",)


async def test_a_crash_of_a_tick_is_not_fatal(data: Path) -> None:
    run_at(data, Position("o-options", 0), START)
    app = wall_app(data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        def broken() -> bool:
            raise OSError("disk away")

        app.follower.tick = broken
        app.tick()
        await pilot.pause()
        assert app.failed_ticks == 1
        assert app.is_running
        assert "helsesykepleier" in text_of(app, "#wall-notes")
