"""Intake rules for a child met before, through the real app with Pilot: a
found case's initials and birth date are read-only (and a change that gets
past the screen is refused with the reason), F7 takes it out of the slot
with its history intact, and Ctrl+Q with a typed duplicate asks "same
child?" instead of saving a second case. Fields are set, not typed."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input, Static

from bti_tui.session import open_meeting
from bti_tui.ui.screens.forms import ChoiceScreen
from bti_tui.ui.screens.intake import IntakeScreen
from test_ui_case_again import first_meeting

BORN = date(2016, 3, 14)


async def test_a_found_case_keeps_its_name_and_quitting_makes_no_duplicate(repo, make_app) -> None:
    first_meeting(repo)  # ÅB (c-ab) and CD discussed on 06.10.2026; m-2 planned, empty
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = open_meeting(app.saver, "m-2", app.now)
        session.place_case(0, app.saver.repo.load_case("c-ab"))  # as F6 leaves it
        app.push_screen(IntakeScreen(session))
        await pilot.pause()
        screen = app.screen
        # Read-only, and the screen says why.
        assert screen.query_one("#initials-0", Input).disabled and screen.query_one("#birth-0", Input).disabled
        assert screen.query_one("#anon-0", Checkbox).disabled
        assert "står fast" in str(screen.query_one("#fixed-0", Static).render())
        # A change that gets past the screen anyway: refused, nothing renamed.
        screen.query_one("#initials-0", Input).value = "XY"
        await pilot.press("f8")
        await pilot.pause()
        error = str(screen.query_one("#intake-error-0", Static).render())
        assert "drøftet i et tidligere møte" in error and "F7" in error
        assert isinstance(app.screen, IntakeScreen) and session.case(0).reference.initials == "ÅB"

        # F7: out of the slot; the fields are free; the case keeps its file.
        screen.query_one("#submitted-0", Input).focus()
        await pilot.press("f7")
        await pilot.pause()
        assert session.case(0) is None and not screen.query_one("#initials-0", Input).disabled
        assert screen.query_one("#initials-0", Input).value == ""

        # ÅB typed as new in slot 2, then Ctrl+Q: asked, cancel stays.
        screen.query_one("#initials-1", Input).value = "ab"
        screen.query_one("#birth-1", Input).value = "14.03.2016"
        screen.query_one("#submitted-1", Input).value = "Nordby skole"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Sak 2 er ikke tatt inn ennå" in str(app.screen.query_one(".confirm-message", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen) and app.is_running
        app.saver.flush()
        assert [r["id"] for r in repo.index.find("ab", BORN)] == ["c-ab"]
        # Ctrl+Q again, "use the existing case": the app quits with ÅB in slot 2.
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-0")
        await pilot.pause()
    app.saver.flush()
    assert [r["id"] for r in repo.index.find("ab", BORN)] == ["c-ab"]  # still one ÅB
    stored = repo.load_meeting("m-2")
    assert [s.case_id for s in stored.slots][:2] == [None, "c-ab"]
    assert repo.load_case("c-ab").reference.initials == "ÅB" and repo.load_case("c-ab").submitted_by == ""
