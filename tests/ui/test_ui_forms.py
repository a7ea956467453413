"""Forms refuse what a meeting cannot use, with a message, and change nothing."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Checkbox

from bti_tui.ui.screens.forms import AgreementForm
from bti_tui.ui.screens.setup import SetupScreen
from bti_tui.ui.widgets.tick_box import TickBox

from test_ui_meeting_flow import open_first_case, type_into


async def test_setup_needs_a_moteleder_and_a_referent(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", "f8")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "(M)" in str(app.screen.query_one("#setup-error").render())
        assert app.repo.list_meetings() == []  # nothing stored
        app.screen.query_one("#participants").focus()
        await pilot.press("m", "down", "r")
        await pilot.pause()
        assert str(app.screen.query_one("#setup-error").render()) == ""


async def test_an_agreement_due_before_the_meeting_is_refused(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_case(pilot)
        screen = app.screen
        while "agreements" not in screen.session.kind.step(screen.session.position.step).features:
            await pilot.press("f8")
            await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await type_into(pilot, "#a-what", "Ring")
        await type_into(pilot, "#a-who", "Kari")
        await type_into(pilot, "#a-due", "01.01.2020")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, AgreementForm)
        assert "01.01.2020" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert screen.session.case(0).agreements == []


async def test_a_tick_is_a_sign_not_only_a_colour(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        box = TickBox("x")
        await app.screen.mount(box)
        assert box.BUTTON_INNER == " "
        box.value = True
        assert box.BUTTON_INNER == "✔"
        assert isinstance(box, Checkbox)


async def test_ctrl_p_opens_the_palette_with_this_screens_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"demo")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert len(app.repo.list_meetings()) == 2  # the palette ran "Demomøte"


async def test_a_child_below_the_consent_age_cannot_consent_alone(make_app) -> None:
    from bti_tui.model import ConsentGiver, ConsentStatus
    from bti_tui.ui.screens.intake import IntakeScreen

    from test_ui_meeting_flow import set_up_meeting

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await set_up_meeting(pilot)
        await type_into(pilot, "#initials-0", "AB")
        await type_into(pilot, "#birth-0", "14.03.2016")  # 10 years old
        app.screen.query_one("#consent-0").value = ConsentStatus.GIVEN.value
        app.screen.query_one("#given-by-0").value = ConsentGiver.YOUTH.value
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, IntakeScreen)
        assert "16" in str(app.screen.query_one("#intake-error-0").render())
        app.screen.query_one("#given-by-0").clear()  # "by age"
        await pilot.press("f8")
        await pilot.pause()
        session = app.screen.session
        assert session.case(0).consent.given_by is ConsentGiver.GUARDIANS
