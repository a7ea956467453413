"""What a review found could go wrong in front of the room, pinned down."""

from __future__ import annotations

import asyncio
import time
from datetime import date

import pytest
from test_ui_meeting_flow import open_first_case, set_up_meeting, type_into
from test_ui_nothing_lost import go_to
from textual.widgets import Input, TextArea

from bti_tui.session.demo import write_demo
from bti_tui.model import Position
from bti_tui.ui.screens.home import HomeScreen
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.setup import SetupScreen


async def test_typing_goes_on_at_the_end_of_a_note_after_moving_and_resizing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        await pilot.press(*"abc")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press(*"def", "f8", "f7")
        await pilot.pause()
        await pilot.press(*"ghi")
        assert app.screen.query_one("#notes", TextArea).text == "abcdefghi"


async def test_a_resize_keeps_what_is_typed_in_the_fields(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = await go_to(pilot, "w-next-meeting")
        await type_into(pilot, "#next-meeting", "15.13.20")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.query_one("#next-meeting", Input).value == "15.13.20"
        assert screen.query_one("#next-meeting", Input).has_focus


async def test_clearing_the_stafettholder_name_clears_the_choice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = await go_to(pilot, "w-stafettholder")
        await type_into(pilot, "#st-name", "Kari")
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert screen.session.case(0).stafettholder is None
        await pilot.press("f8", "f8")  # past the last step: refused
        await pilot.pause()
        assert screen.session.position == Position("w-stafettholder", 0)


async def test_escape_from_the_cases_keeps_what_was_typed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        await type_into(pilot, "#initials-0", "AB")
        await type_into(pilot, "#birth-0", "14.03.2016")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert app.screen.query_one("#initials-0", Input).value == "AB"


async def test_a_case_taken_off_the_meeting_leaves_no_file(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = app.screen
        dropped = screen.session.meeting.slots[1].case_id
        await pilot.press("f7")  # back from case 1 to the opening
        await pilot.pause()
        await pilot.press("f7")  # from the opening back to the cases
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        app.screen.query_one("#anon-1").value = False
        await type_into(pilot, "#submitted-1", "")
        await pilot.press("f8")
        await pilot.pause()
    app.saver.flush()
    assert not repo.case_path(dropped).exists()


async def test_a_meeting_of_an_unknown_kind_is_named_not_a_crash(make_app, repo) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    meeting = repo.load_meeting("demo-neste")
    meeting.kind_id = "nedlagt-type"
    repo.save_meeting(meeting)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("nedlagt-type" in str(n.message) for n in app._notifications)


@pytest.mark.timeout(30)
async def test_quitting_while_a_save_fails_slowly_does_not_hang(make_app, repo) -> None:
    """The save thread reports a failure while the app is closing: neither
    may wait for the other (it once hung here for good)."""

    def slow_failure(meeting, **_options) -> None:
        time.sleep(0.5)
        raise OSError(28, "No space left on device")

    app = make_app()

    async def meeting_then_quit() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_first_case(pilot)
            repo.save_meeting = slow_failure
            await pilot.press(*"abc")
            await app.action_quit()
            await pilot.pause()
            # The refused save is not lost in silence: quitting asks.
            assert type(app.screen).__name__ == "UnsavedScreen"
            await pilot.press("escape")

    await asyncio.wait_for(meeting_then_quit(), timeout=20)


def test_failures_are_logged_to_a_private_file_not_the_screen(tmp_path) -> None:
    import logging
    import stat

    from bti_tui.ui.app_log import LOG_NAME, log_to_file

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        log_to_file(tmp_path)
        logging.getLogger("bti_tui.test").error("autosave failed: disk full")
        for handler in root.handlers:
            handler.flush()
        path = tmp_path / LOG_NAME
        assert "autosave failed: disk full" in path.read_text(encoding="utf-8")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:], root.level = saved[0], saved[1]
