"""The consent warning at the start of a named case, through the real app
(issue 18): services outside the consent are named before the case is
discussed, and the room's choice is recorded. The screen is also saved as
an SVG in the test's tmp folder, for a look by eye."""

from __future__ import annotations

import dataclasses

from textual.widgets import Button, Input, Select, Static, TextArea

from bti_tui.model import Attendance, ConsentStatus, MeetingStatus, Position
from bti_tui.model.consent_check import ConsentDecision, ConsentProblem
from bti_tui.session.demo import write_demo
from bti_tui.ui.screens.review import ReviewScreen
from bti_tui.ui.screens.consent_warning import ConsentWarningScreen
from bti_tui.ui.screens.meeting import MeetingScreen

from ui_support import START


def demo_at_opening(repo) -> None:
    """The upcoming demo, everyone present, begun on the opening: case 1's
    consent covers the health service, family support and child welfare."""
    write_demo(repo, START.date(), "nb")
    meeting = repo.load_meeting("demo-neste")
    for person in meeting.participants:
        person.attendance = Attendance.PRESENT
    meeting.start(START)
    meeting.clock.enter(Position.opening(), START)
    meeting.status = MeetingStatus.RUNNING
    repo.save_meeting(meeting)


async def test_the_warning_names_the_services_outside_the_consent_before_the_case(make_app, repo, tmp_path) -> None:
    demo_at_opening(repo)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        named = "Samtykket dekker ikke: Kommunepsykologen, Koordinerende enhet, Skolen"
        assert named in str(screen.query_one("#opening-body", Static).render())  # shown on the opening already
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConsentWarningScreen)
        assert named in str(app.screen.query_one("#consent-warning-text", Static).render())
        (tmp_path / "consent-warning.svg").write_text(app.export_screenshot(), "utf-8")
        await pilot.press("enter")  # the focus is on "not yet": nothing decided
        await pilot.pause()
        assert screen.session.position == Position.opening() and screen.session.meeting.slots[0].consent_check is None
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#consent-services_leave", Button).press()
        await pilot.pause()
        check = screen.session.meeting.slots[0].consent_check
        assert check.problem is ConsentProblem.OUT_OF_SCOPE and check.decision is ConsentDecision.SERVICES_LEAVE
        assert check.uncovered == ["Kommunepsykologen", "Koordinerende enhet", "Skolen"]
        # The child is met again: the review of its open agreements comes next, then the case.
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert screen.session.position.slot == 0
    saved = repo.load_meeting("demo-neste").slots[0].consent_check
    assert saved == check


async def test_a_note_with_contact_details_is_warned_about_not_blocked(make_app, repo) -> None:
    demo_at_opening(repo)
    meeting = repo.load_meeting("demo-neste")
    meeting.clock.enter(Position("g-problem", 1), START)
    repo.save_meeting(meeting)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        notes.focus()
        notes.insert("Mor ringer fra 412 34 567 eller ")
        await pilot.press(*"kari@x.no")  # typed: the check waits for the pause
        await pilot.pause(1.3)
        warning = str(screen.query_one("#notes-error", Static).render())
        assert "et telefonnummer og en e-postadresse" in warning and "412 34 567" not in warning
        assert screen.session.meeting.slots[1].note("g-problem").endswith("kari@x.no")  # kept: a warning only


async def test_bad_consent_input_at_intake_gets_a_message_and_changes_nothing(make_app, repo) -> None:
    write_demo(repo, START.date(), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = app.session_for("demo-neste")
        app.show_intake(session)
        await pilot.pause()
        before = dataclasses.replace(session.case(1).consent)
        for field, value, shown in (
            ("#given-on-1", "01.12.2026", "fram i tid"),
            ("#valid-until-1", "01.01.2026", "«Gyldig til» (01.01.2026) er før"),
            ("#services-1", "Tannlegen", "«Tannlegen»"),
        ):
            form = app.screen
            form.query_one("#consent-1", Select).value = ConsentStatus.GIVEN.value
            form.query_one("#given-on-1", Input).value = "01.09.2026"
            form.query_one(field, Input).value = value
            await pilot.press("f8")
            await pilot.pause()
            assert app.screen is form
            message = str(form.query_one("#intake-error-1", Static).render())
            assert shown in message and "Ingenting er endret" in message, message
            assert session.case(1).consent == before
            form.query_one(field, Input).value = ""


async def test_at_80x24_every_choice_of_the_warning_can_be_seen_when_reached(make_app, repo) -> None:
    """Four buttons and the text did not fit 24 rows: the last choice was
    drawn below the screen, where Tab reached it unseen."""
    demo_at_opening(repo)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConsentWarningScreen)
        buttons = list(app.screen.query(Button))
        assert len(buttons) >= 4
        screen_area = app.screen.region
        seen = set()
        for _ in range(len(buttons)):
            focused = app.screen.focused
            assert isinstance(focused, Button)
            shown = app.screen.find_widget(focused)  # where it is, and what of it its box lets show
            assert screen_area.contains_region(shown.region) and shown.clip.contains_region(shown.region), (focused.id, shown)
            seen.add(focused.id)
            await pilot.press("tab")
            await pilot.pause()
            await app.animator.wait_until_complete()  # the box scrolls it into view
        assert seen == {b.id for b in buttons}
