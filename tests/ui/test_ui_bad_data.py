"""Bad data in front of the room: a damaged meeting file is named with what
to do, the other meetings still open, and nothing is written."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from bti_tui.session.demo import write_demo
from bti_tui.ui.screens.home import HomeScreen


async def test_a_truncated_meeting_file_is_named_and_left_alone(make_app, repo) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    damaged = repo.meeting_path("demo-ferdig")
    before = damaged.read_bytes()[:40]
    damaged.write_bytes(before)  # cut off, as by a full disk
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the files are read after the first frame
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        problems = str(screen.query_one("#home-problems").render())
        assert "demo-ferdig.json" in problems and ".bak" in problems
        table = screen.query_one("#meetings", DataTable)
        assert table.row_count == 1  # the other meeting is still there
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
    assert damaged.read_bytes() == before


async def test_the_list_is_read_once_at_start(make_app, repo) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    reads = []
    indexed_meetings = repo.indexed_meetings
    repo.indexed_meetings = lambda: reads.append(1) or indexed_meetings()
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#meetings", DataTable).row_count == 2
    assert len(reads) == 1
