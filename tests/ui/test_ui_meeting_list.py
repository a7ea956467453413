"""Years of meetings on the home screen (issue 20): the first screenful of rows
is filled at start, the rest as the cursor or the scrolling comes near the
end; every meeting can still be reached and selected."""

from __future__ import annotations

import asyncio
from datetime import date, time, timedelta

import pytest

from bti_tui.model import Meeting
from bti_tui.resources import meeting_kind
from bti_tui.ui.screens.home import HomeScreen
from bti_tui.ui.widgets.meeting_list import PAGE, MeetingList

COUNT = 2 * PAGE + 30


def _history(repo) -> list[str]:
    kind = meeting_kind("instansmote-skole")
    first = date(2016, 1, 4)
    ids = []
    with repo.index.deferred():
        for n in range(COUNT):
            meeting = Meeting.plan(kind, first + timedelta(days=7 * n), time(9, 0), "Rom 1", "nb", f"h-{n:04d}")
            repo.save_meeting(meeting)
            ids.append(meeting.id)
    return ids[::-1]  # newest first


async def test_the_first_page_is_filled_and_the_rest_on_the_way_down(make_app, repo) -> None:
    newest_first = _history(repo)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#meetings", MeetingList)
        assert table.total == COUNT
        first = table.row_count
        assert 30 <= first < COUNT  # a screenful and some
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == newest_first[0]
        table.move_cursor(row=first - 1)
        await pilot.pause()
        assert table.row_count == first + PAGE
        await pilot.press("ctrl+end")  # to the oldest: everything is filled
        await pilot.pause()
        assert table.row_count == COUNT
        keys = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(COUNT)]
        assert keys == newest_first


async def test_scrolling_down_fills_the_next_page(make_app, repo) -> None:
    _history(repo)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", MeetingList)
        first = table.row_count
        table.scroll_to(y=table.max_scroll_y, animate=False)  # the mouse wheel, to the end
        await pilot.pause()
        assert table.row_count == first + PAGE


async def test_selecting_an_old_meeting_fills_the_list_up_to_it(make_app, repo) -> None:
    newest_first = _history(repo)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        screen.reload(select=newest_first[-1])
        await pilot.pause()
        table = screen.query_one("#meetings", MeetingList)
        assert table.row_count == COUNT
        assert table.cursor_row == COUNT - 1


async def test_a_damaged_file_far_down_is_named_when_its_row_is_reached(make_app, repo) -> None:
    newest_first = _history(repo)
    oldest = repo.meeting_path(newest_first[-1])
    oldest.write_bytes(oldest.read_bytes()[:40])  # behind the index's back
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        problems = screen.query_one("#home-problems")
        assert not problems.display  # only the first rows' files were read
        await pilot.press("ctrl+end")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert oldest.name in str(problems.render())
        table = screen.query_one("#meetings", MeetingList)
        assert table.total == table.row_count == COUNT - 1


async def test_the_first_frame_is_drawn_before_the_list_is_read(make_app, repo) -> None:
    """Issue 20: the title, the folder and the keys show at once; the index
    is read and the rows filled right after that first frame."""
    _history(repo)
    order: list[str] = []
    read = repo.indexed_meetings
    repo.indexed_meetings = lambda: (order.append("list read"), read())[1]
    app = make_app()
    display = app._display

    def shown(screen, renderable) -> None:
        if renderable is not None and isinstance(screen, HomeScreen) and "frame" not in order:
            order.append("frame")
        display(screen, renderable)

    app._display = shown
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", MeetingList)
        assert order[:2] == ["frame", "list read"]
        assert table.row_count > 0
        assert app.focused is table  # focused once filled: Enter opens the newest


async def test_a_screen_opened_before_the_list_is_filled_keeps_the_focus(make_app, repo, clock, monkeypatch) -> None:
    """A key pressed in the moment before the rows came (n: a new meeting)
    is not undone by them: the list does not take the focus from the screen
    on top, and a meeting left running is not opened over it."""
    ids = _history(repo)
    running = repo.load_meeting(ids[0])
    running.start(clock())
    repo.save_meeting(running)
    first_load = HomeScreen._first_load
    held: list[HomeScreen] = []

    async def hold(screen: HomeScreen) -> None:
        held.append(screen)  # the rows are late: they come when the test says

    monkeypatch.setattr(HomeScreen, "_first_load", hold)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        [home] = held
        assert app.screen is home and not home.query("#meetings")
        app.show_setup()
        await pilot.pause()
        on_top, focused = app.screen, app.focused
        await first_load(home)  # the rows arriving behind the new screen
        await pilot.pause()
        assert app.screen is on_top and app.focused is focused
        assert home.query_one("#meetings", MeetingList).total == len(ids)
        app.pop_screen()  # back on the list: every meeting there, the running one not opened by itself
        await pilot.pause()
        assert app.screen is home and app.focused is home.query_one("#meetings", MeetingList)


async def test_the_app_makes_the_files_private_after_its_first_frame(tmp_path, clock) -> None:
    """What opening left for later (``files_private_later``, as ``bti-tui``
    opens the folder): the app puts the files' modes right once it shows."""
    from bti_tui.store import Repository
    from bti_tui.ui.app import BtiApp

    folder = tmp_path / "data"
    with Repository.open(folder) as repo:
        ids = _history(repo)
    wide = repo.meeting_path(ids[0])
    wide.chmod(0o644)
    with Repository.open(folder, files_private_later=True) as repo:
        assert wide.stat().st_mode & 0o777 == 0o644
        app = BtiApp(repo, "nb", now=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            app.saver.flush(timeout=10)
            assert wide.stat().st_mode & 0o777 == 0o600
        app.saver.close()


async def test_the_app_takes_the_folder_just_after_its_first_frame(tmp_path, clock) -> None:
    """As ``bti-tui`` opens it (``lock_later``): the lock is taken once the
    first frame is drawn (its library's import and the taking were some
    20 ms before it); the list then comes as before."""
    from bti_tui.store import DataLocked, Repository
    from bti_tui.ui.app import BtiApp

    folder = tmp_path / "data"
    with Repository.open(folder) as repo:
        _history(repo)
    with Repository.open(folder, files_private_later=True, lock_later=True) as repo:
        app = BtiApp(repo, "nb", now=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert not repo.opening
            with pytest.raises(DataLocked):
                Repository.open(folder)
            assert app.screen.query_one("#meetings", MeetingList).row_count > 0
        app.saver.close()


async def test_a_key_before_the_folder_is_taken_takes_it_first(tmp_path, clock, monkeypatch) -> None:
    from bti_tui.store import Repository
    from bti_tui.ui.app import BtiApp

    monkeypatch.setattr(BtiApp, "_after_first_frame", lambda self: None)  # a key comes before it would run
    with Repository.open(tmp_path / "data", lock_later=True) as repo:
        app = BtiApp(repo, "nb", now=clock)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert repo.opening
            await pilot.press("f1")
            assert not repo.opening
        app.saver.close()


async def test_a_folder_another_bti_tui_took_first_closes_the_app_and_says_why(tmp_path, clock) -> None:
    """Between ``open`` and the first frame another bti-tui took the folder:
    the app closes at once, and run_app raises what ``open`` would have
    (the command then says the folder is already open, exit code 1)."""
    from bti_tui.store import DataLocked, Repository
    from bti_tui.ui.app import BtiApp

    folder = tmp_path / "data"
    with Repository.open(folder, lock_later=True) as repo, Repository.open(folder):
        before = sorted(p.name for p in folder.rglob("*"))
        app = BtiApp(repo, "nb", now=clock)
        app.list_after = 0.05  # as in a terminal: the list is due just as the app closes
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.press("enter")  # a key that waits for the list
            await pilot.pause(0.2)
        app.saver.close()
        assert app._exception is None  # closed, not crashed (the list was not mounted into a closing app)
        assert isinstance(app.opening_failed, DataLocked) and app.return_code == 1
        assert sorted(p.name for p in folder.rglob("*")) == before  # nothing written


async def test_the_list_due_as_the_app_closes_for_a_taken_folder_is_not_mounted(tmp_path, clock, monkeypatch) -> None:
    """Found in tmux under load: the list's timer (or a key waiting for the
    list) came just after the app began closing for a folder another
    bti-tui took; mounting it failed (MountError), and the crash went into
    the folder's log."""
    from bti_tui.store import Repository
    from bti_tui.ui.app import BtiApp

    monkeypatch.setattr(BtiApp, "_after_first_frame", lambda self: None)
    folder = tmp_path / "data"
    with Repository.open(folder, lock_later=True) as repo, Repository.open(folder):
        app = BtiApp(repo, "nb", now=clock)
        app.list_after = 30.0
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            home = app.screen
            assert not app._finish_opening()  # refused: the app closes
            await home._first_load()  # the list's time comes now: nothing is mounted, nothing raised
            assert not home.query("#meetings")
        app.saver.close()


async def test_in_a_terminal_the_list_waits_a_moment_after_the_first_frame(make_app, repo) -> None:
    """``run_app`` sets ``list_after``: the terminal draws the first frame
    before the list's work takes the processor."""
    _history(repo)
    app = make_app()
    app.list_after = 0.3
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#meetings")  # the frame is up, the list not yet read
        await pilot.pause(0.5)
        assert app.screen.query_one("#meetings", MeetingList).row_count > 0


async def test_enter_pressed_before_the_list_came_opens_the_newest_meeting(make_app, repo) -> None:
    """The room's first key, pressed as soon as the screen shows: it waits
    for the list (read at once for it), and opens the newest meeting."""
    newest_first = _history(repo)
    app = make_app()
    app.list_after = 30.0  # the list would come much later by itself
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and not home.query("#meetings")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not home
        assert app.screen.session.meeting.id == newest_first[0]
        app.pop_screen()
        await pilot.pause()
        assert home.query_one("#meetings", MeetingList).total == len(newest_first)  # filled once


async def test_enter_pressed_while_the_list_is_being_mounted_waits_for_it(make_app, repo, monkeypatch) -> None:
    """Enter in the moment the list's own load is half way (its table being
    mounted; Enter is the app's key, so it comes meanwhile): it waits for
    the rows, then opens the newest meeting, instead of finding no list."""
    newest_first = _history(repo)
    started, go_on = asyncio.Event(), asyncio.Event()
    query_one = HomeScreen.query_one
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        fresh = HomeScreen()  # a home screen whose list load stops half way until told
        fresh._started = True  # its load is started by hand below

        def slow(self, selector, *a, **k):
            found = query_one(self, selector, *a, **k)
            if self is fresh and selector == "#home" and not started.is_set():
                started.set()
                mount = found.mount

                async def mount_later(*widgets, **kw):
                    await go_on.wait()
                    return await mount(*widgets, **kw)

                found.mount = mount_later
            return found

        monkeypatch.setattr(HomeScreen, "query_one", slow)
        await app.push_screen(fresh)
        await pilot.pause()
        loading = asyncio.ensure_future(fresh._first_load())
        await started.wait()
        asyncio.get_running_loop().call_later(0.3, go_on.set)  # the mount finishes while Enter waits
        await pilot.press("enter")
        await loading
        await pilot.pause()
        assert app.screen is not fresh
        assert app.screen.session.meeting.id == newest_first[0]


def test_the_theme_colours_are_worked_out_once_at_start(make_app, monkeypatch) -> None:
    """Textual's own default theme's were worked out too, and thrown away
    (some 4 ms before the first frame)."""
    from textual.app import App

    themes: list[str] = []
    variables = App.get_css_variables

    def spy(self):
        themes.append(self.theme)
        return variables(self)

    monkeypatch.setattr(App, "get_css_variables", spy)
    app = make_app(projector=True)
    assert themes == [app.theme] and app.theme != "textual-dark"
    assert app.stylesheet._variables == app.get_css_variables()  # ours, in place
