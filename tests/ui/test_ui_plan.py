"""The half-year plan on screen: a plan made, two cases queued into the
first meeting, and that meeting opened with both cases in their slots."""

from __future__ import annotations

from textual.widgets import Input, Select

from bti_tui.ui.screens.plan import NewPlanForm, PlanScreen, QueueCaseForm
from bti_tui.ui.screens.setup import SetupScreen


async def fill(pilot, values: dict[str, str]) -> None:
    for widget_id, value in values.items():
        pilot.app.screen.query_one(f"#{widget_id}", Input).value = value
    await pilot.pause()


async def test_plan_queue_two_cases_and_open_the_first_meeting(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanForm)
        app.screen.query_one("#pl-kind", Select).value = "instansmote-skole"
        # A bad time first: a message, and nothing is saved.
        await fill(pilot, {"pl-from": "01.12.2026", "pl-to": "18.12.2026", "pl-weekday": "tor", "pl-week": "2", "pl-time": "25:00", "pl-place": "Nordby skole"})
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanForm)
        assert "25:00" in str(app.screen.query_one("#form-error").render())
        await fill(pilot, {"pl-time": "13:00"})
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one("#plan-dates")
        assert table.row_count == 1  # 10.12.2026, the second Thursday
        for initials, born, who in (("AB", "14.03.2016", "Nordby skole"), ("CD", "02.09.2018", "Helsestasjonen")):
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, QueueCaseForm)
            await fill(pilot, {"q-initials": initials, "q-birth_date": born, "q-submitted_by": who, "q-question": "Høyt fravær"})
            await pilot.press("f8")
            await pilot.pause()
        assert "Sak 2" in str(table.get_row_at(0)[4])
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)  # a planned meeting opens on its setup
        session = screen.session
        refs = [session.case(slot).reference.initials for slot in range(2)]
        assert refs == ["AB", "CD"]
        assert session.meeting.place == "Nordby skole" and session.meeting.date.isoformat() == "2026-12-10"
