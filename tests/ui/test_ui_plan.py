"""The half-year plan on screen, in one app run: a plan made (bad input
refused first), two cases queued into the first meeting and a third refused,
the date moved with a note (bad dates refused first), the innkalling shown,
copied and saved, the meeting opened with both cases in their slots, a
participant marked as called in setup and the innkalling saying who still
needs calling, and an opened meeting that cannot be cancelled."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from bti_tui.ui.screens.innkalling import InnkallingScreen
from bti_tui.ui.screens.plan import ChangeDateForm, NewPlanForm, PlanScreen, QueueCaseForm
from bti_tui.ui.screens.setup import SetupScreen


async def fill(pilot, values: dict[str, str]) -> None:
    for widget_id, value in values.items():
        pilot.app.screen.query_one(f"#{widget_id}", Input).value = value
    await pilot.pause()


async def refused(pilot, form: type, values: dict[str, str], words: str) -> None:
    """F8 on ``form`` with ``values``: the form stays, saying ``words``."""
    await fill(pilot, values)
    await pilot.press("f8")
    await pilot.pause()
    assert isinstance(pilot.app.screen, form)
    error = str(pilot.app.screen.query_one("#form-error").render())
    assert words in error, error


def toasts(app) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_plan_queue_move_innkalling_open_and_call(make_app, repo) -> None:
    app = make_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # the terminal's clipboard is not the test's
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPlanForm)
        app.screen.query_one("#pl-kind", Select).value = "instansmote-skole"
        good = {"pl-from": "01.12.2026", "pl-to": "18.12.2026", "pl-weekday": "tor", "pl-week": "2", "pl-time": "13:00", "pl-place": "Nordby skole [/b] rom 2"}
        await refused(pilot, NewPlanForm, {**good, "pl-time": "25:00"}, "«25:00» finnes ikke")
        await refused(pilot, NewPlanForm, {**good, "pl-to": "03.12.2026"}, "gir ingen møtedato")  # no second Thursday by 3 December
        await refused(pilot, NewPlanForm, {**good, "pl-to": "14.01.2027"}, "14.01.2027")  # outside the autumn half-year
        await fill(pilot, good)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one("#plan-dates", DataTable)
        assert table.row_count == 1  # 10.12.2026, the second Thursday
        for initials, born, who in (("AB", "14.03.2016", "Nordby skole"), ("CD", "02.09.2018", "Helsestasjonen")):
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, QueueCaseForm)
            await fill(pilot, {"q-initials": initials, "q-birth_date": born, "q-submitted_by": who, "q-question": "Høyt fravær"})
            await pilot.press("f8")
            await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        third = {"q-initials": "EF", "q-birth_date": "01.02.2015", "q-submitted_by": "PPT", "q-question": "Lese og skrive", "q-date": "10.12.2026"}
        await refused(pilot, QueueCaseForm, third, "fullt (2 saker)")
        await pilot.press("escape")
        await pilot.pause()
        assert "Sak 2" in str(table.get_row_at(0)[4])

        # Move the date: outside the half-year and onto a holiday are refused.
        table.focus()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ChangeDateForm)
        await refused(pilot, ChangeDateForm, {"ch-to": "15.01.2027"}, "15.01.2027")
        await refused(pilot, ChangeDateForm, {"ch-to": "25.12.2026"}, "25.12.2026")
        await fill(pilot, {"ch-to": "09.12.2026", "ch-note": "Juleavslutning"})
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        row = [str(c) for c in table.get_row_at(0)]
        assert row[0].startswith("09.12.2026") and "10.12.2026" in row[3] and "Juleavslutning" in row[3] and "Sak 2" in row[4]

        # The innkalling: the text, copied, saved as Markdown.
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InnkallingScreen)
        text = app.screen.text
        assert "onsdag 09.12.2026" in text and "Sak 2 – meldt inn av Helsestasjonen" in text and "AB" not in text
        shown = app.screen.query_one("#innkalling")
        drawn = "\n".join(shown.render_line(y).text for y in range(shown.size.height))
        assert "Nordby skole [/b] rom 2" in drawn and "Saksliste" in drawn  # typed text as typed, structure drawn
        assert "Merk dem i oppsettet" in str(app.screen.query_one("#called-list").render())
        await pilot.press("c")
        await pilot.pause()
        assert copied == [text] and "Noen terminaler tillater ikke" in toasts(app)
        await pilot.press("m")
        await pilot.pause()
        saved = repo.data_dir / "referat" / "2026-12-09-innkalling.md"
        assert saved.read_text("utf-8") == text and str(saved) in toasts(app)
        await pilot.press("escape")
        await pilot.pause()

        # On the day: the meeting opens on its setup with both cases in place;
        # I marks the first participant as called today.
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        session = screen.session
        assert [session.case(slot).reference.initials for slot in range(2)] == ["AB", "CD"]
        assert session.meeting.place == "Nordby skole [/b] rom 2" and session.meeting.date.isoformat() == "2026-12-09"
        people = screen.query_one("#participants", DataTable)
        people.focus()
        await pilot.press("i")
        await pilot.pause()
        assert "24.11.2026" in str(people.get_row_at(0)[1])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert repo.load_meeting(session.meeting.id).participants[0].called_on.isoformat() == "2026-11-24"
        await pilot.press("i")
        await pilot.pause()
        called = str(app.screen.query_one("#called-list").render())
        others = len(session.meeting.participants) - 1
        assert f"{others} deltakere er ikke innkalt ennå" in called and "innkalt 24.11.2026" in called
        assert "Sak 1 – meldt inn av Nordby skole" in app.screen.text  # the cases are the meeting's now
        await pilot.press("escape")
        await pilot.pause()

        # An opened meeting is not cancelled: the form says why.
        table.focus()
        await pilot.press("a")
        await pilot.pause()
        await refused(pilot, ChangeDateForm, {"ch-note": "Sykdom"}, "09.12.2026")
