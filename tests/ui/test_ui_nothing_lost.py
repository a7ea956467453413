"""Nothing typed is lost: not when F8 or Ctrl+Q comes before the last
keystrokes' change messages, not when a note holds a fødselsnummer, and a
finished meeting is not changed by accident."""

from __future__ import annotations

from datetime import date

from test_ui_meeting_flow import open_first_case
from textual import events
from textual.widgets import Input, TextArea

from bti_tui.session.demo import write_demo
from bti_tui.model import MeetingStatus, Position
from bti_tui.ui.screens.meeting import MeetingScreen


async def go_to(pilot, step_id: str) -> MeetingScreen:
    screen = pilot.app.screen
    while screen.session.position.step != step_id:
        await pilot.press("f8")
        await pilot.pause()
    return screen


async def test_fields_typed_just_before_f8_are_kept(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = await go_to(pilot, "w-stafettholder")
        screen.query_one("#st-name", Input).value = "Liv Pedersen"
        screen.query_one("#st-service", Input).value = "Barnehagen"
        screen.action_next_step()  # before any Input.Changed is handled
        assert screen.session.position == Position("w-next-meeting", 0)
        meeting_id = screen.session.meeting.id
    app.saver.flush()
    meeting = repo.load_meeting(meeting_id)
    holder = repo.cases_for(meeting)[meeting.slots[0].case_id].stafettholder
    assert (holder.name, holder.service) == ("Liv Pedersen", "Barnehagen")


async def test_quitting_right_after_typing_keeps_the_note(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = app.screen
        screen.query_one("#notes", TextArea).insert("Halvferdig notat, andre forsøk")
        meeting_id = screen.session.meeting.id
        await app.action_quit()  # Ctrl+Q before the change message and the save pause
    app.saver.flush()
    assert repo.load_meeting(meeting_id).slots[0].notes["g-problem"] == "Halvferdig notat, andre forsøk"


async def test_a_note_with_a_fodselsnummer_blocks_moving_on_and_is_masked_on_quit(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        notes.insert("Mor oppgav fnr 01010750160 i møtet")  # pasted in one go
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert screen.session.position == Position("g-problem", 0)  # stayed
        assert notes.text == "Mor oppgav fnr 01010750160 i møtet"  # nothing wiped
        meeting_id = screen.session.meeting.id
        await app.action_quit()
    app.saver.flush()
    stored = repo.load_meeting(meeting_id).slots[0].notes["g-problem"]
    assert stored == "Mor oppgav fnr *********** i møtet"
    assert "01010750160" not in repo.meeting_path(meeting_id).read_text(encoding="utf-8")


async def test_an_invalid_next_meeting_date_blocks_moving_on(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = await go_to(pilot, "w-next-meeting")
        screen.query_one("#next-meeting", Input).value = "32.13.2026"
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert screen.session.position == Position("w-next-meeting", 0)
        assert "32.13.2026" in str(screen.query_one("#feature-error").render())


async def test_a_finished_meeting_is_shown_not_changed(make_app, repo) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # the finished demo meeting
        await pilot.pause()
        screen = app.screen
        assert screen.session.meeting.status is MeetingStatus.FINISHED
        await pilot.press("f7")
        await pilot.pause()
        notes = screen.query_one("#notes", TextArea)
        assert notes.read_only
        before = screen.session.meeting.slots[1].notes.get("w-next-meeting", "")
        await pilot.press(*"X")
        assert screen.session.meeting.slots[1].notes.get("w-next-meeting", "") == before
        assert screen.check_action("pause", ()) is False
        assert screen.check_action("add_agreement", ()) is False


async def test_keys_typed_just_before_ctrl_q_are_all_kept(make_app, repo) -> None:
    """A fast typist, or tmux send-keys: the keys arrive at once, Ctrl+Q last.
    Ctrl+Q must wait its turn behind them (it is no priority binding)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        meeting_id = app.screen.session.meeting.id
        for char in "SLUTT dette er en lengre tekst":
            key = "space" if char == " " else char
            app.post_message(events.Key(key, char))
        app.post_message(events.Key("ctrl+q", None))
        await pilot.pause()
    app.saver.flush()
    assert repo.load_meeting(meeting_id).slots[0].notes["g-problem"] == "SLUTT dette er en lengre tekst"


def test_a_save_after_the_saver_closed_is_written_not_lost(repo) -> None:
    from bti_tui.demo import build_demo
    from bti_tui.resources import meeting_kinds
    from bti_tui.session import Autosaver

    meeting = build_demo(meeting_kinds(), date(2026, 11, 24), "nb").meetings[1]
    saver = Autosaver(repo, on_error=lambda error: None)
    saver.close()
    saver.save(meeting).result(timeout=5)
    assert repo.load_meeting(meeting.id).id == meeting.id
