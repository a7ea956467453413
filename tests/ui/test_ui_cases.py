"""The case overview and the case screen on the demo, with a fixed today
(24.11.2026: the demo's first agreement of case 1 was due 17.11.2026).

Lean on purpose: one app run checks several things, and fields are set
rather than typed key by key."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Select, Static

from bti_tui.i18n import Translator
from bti_tui.model import AgreementStatus, CaseStatus
from bti_tui.session.demo import write_demo
from bti_tui.ui.screens.case_detail import CaseScreen
from bti_tui.ui.screens.case_dialogs import CloseCaseForm, EditAgreementForm, HandoverForm, MarkAgreementForm, ReopenCaseForm
from bti_tui.ui.screens.cases import CaseOverviewScreen

TODAY = date(2026, 11, 24)  # the FakeClock's day


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def rows(screen) -> dict[str, list[str]]:
    table = screen.query_one("#cases-table", DataTable)
    return {key.value: [str(c) for c in table.get_row(key)] for key in table.rows}


async def settle(pilot) -> None:
    await pilot.pause()


async def form(pilot, key: str, kind, values: dict[str, str], selects: dict[str, str] | None = None):
    """Open a form with ``key``, set its fields and press F8; the screen after."""
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, kind), screen
    for widget_id, value in values.items():
        screen.query_one(f"#{widget_id}", Input).value = value
    for widget_id, value in (selects or {}).items():
        screen.query_one(f"#{widget_id}", Select).value = value
    await pilot.press("f8")
    await settle(pilot)
    return pilot.app.screen


async def test_overview_case_screen_hand_over_close_and_reopen(make_app, repo) -> None:
    write_demo(repo, TODAY, "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        overview = app.screen
        assert isinstance(overview, CaseOverviewScreen)
        shown = rows(overview)
        assert set(shown) == {"demo-sak-1", "demo-sak-2", "demo-sak-3"}
        # Overdue with a sign and a word, not colour alone; none overdue: a plain 0.
        assert shown["demo-sak-1"][0] == "AB, født 14.03.2016"
        assert shown["demo-sak-1"][1:5] == ["Kari Nordmann", "01.12.2026", "3", "⚠ 1 forfalt"]
        assert shown["demo-sak-3"][4] == "0"
        cell = overview.query_one("#cases-table", DataTable).get_row("demo-sak-1")[4]
        assert "bold" in str(cell.style)
        assert "24.11.2026" in text_of(overview, "#cases-summary")

        # Filter by service, then by status.
        overview.query_one("#cases-service", Select).value = "Familiehjelpen"
        await settle(pilot)
        assert set(rows(overview)) == {"demo-sak-1"}
        overview.query_one("#cases-service", Select).value = ""
        overview.query_one("#cases-status", Select).value = "closed"
        await settle(pilot)
        assert rows(overview) == {}
        assert "lukket" in text_of(overview, "#cases-empty")
        overview.query_one("#cases-status", Select).value = "open"
        await settle(pilot)

        # Enter on the first row opens the case: its two meetings.
        table = overview.query_one("#cases-table", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("demo-sak-1"))
        await pilot.press("enter")
        await settle(pilot)
        case_screen = app.screen
        assert isinstance(case_screen, CaseScreen)
        meetings = text_of(case_screen, "#case-meetings").splitlines()
        assert [line.split()[0] for line in meetings] == ["10.11.2026", "08.12.2026"]
        assert all("Instansmøte skole" in line for line in meetings)
        first = case_screen.query_one("#case-agreements", DataTable).get_row("demo-a1")
        assert str(first[3]) == "åpen ⚠ forfalt"

        # A bad date in the hand-over: a message, the form stays, nothing changes.
        # The name holds markup: it is shown as typed (a "[/b]" once crashed a screen).
        after = await form(pilot, "o", HandoverForm, {"c-on": "31.02.2026", "c-to": "Ingrid [/b][red] Berg", "c-service": "Familiehjelpen"})
        assert isinstance(after, HandoverForm)
        assert "31.02.2026" in text_of(after, "#form-error")
        app.saver.flush()
        assert len(repo.load_case("demo-sak-1").stafettholders) == 1
        after.query_one("#c-on", Input).value = "25.11.2026"
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is case_screen
        handovers = text_of(case_screen, "#case-handovers")
        assert "25.11.2026: fra Kari Nordmann (Skolehelsetjenesten) til Ingrid [/b][red] Berg (Familiehjelpen)" in handovers
        assert "Ingrid [/b][red] Berg (Familiehjelpen)" in text_of(case_screen, "#case-state")

        # Close: "other" without a text is refused in the user's language; with a reason it closes.
        after = await form(pilot, "l", CloseCaseForm, {}, {"c-reason": "other"})
        assert isinstance(after, CloseCaseForm)
        assert text_of(after, "#form-error") == "⚠ " + Translator("nb")("errors.cases.other_needs_text")
        await pilot.press("escape")
        await settle(pilot)
        assert repo.load_case("demo-sak-1").status is CaseStatus.OPEN
        after = await form(pilot, "l", CloseCaseForm, {"c-on": "26.11.2026"}, {"c-reason": "moved_away"})
        assert after is case_screen
        assert "26.11.2026: lukket – flyttet fra kommunen" in text_of(case_screen, "#case-closing")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is overview
        assert "demo-sak-1" not in rows(overview)

        # Closed list → the case → reopen: an empty reason is refused, a reason reopens it.
        overview.query_one("#cases-status", Select).value = "closed"
        await settle(pilot)
        assert set(rows(overview)) == {"demo-sak-1"}
        assert rows(overview)["demo-sak-1"][0] == "AB, født 14.03.2016 · lukket"
        overview.query_one("#cases-table", DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        case_screen = app.screen
        assert isinstance(case_screen, CaseScreen)
        await pilot.press("l")  # a closed case cannot be closed again: the key is off
        await settle(pilot)
        assert app.screen is case_screen
        after = await form(pilot, "g", ReopenCaseForm, {"c-text": "   "})
        assert isinstance(after, ReopenCaseForm)
        assert text_of(after, "#form-error") == "⚠ " + Translator("nb")("errors.cases.reopen_needs_reason")
        after.query_one("#c-text", Input).value = "Flytter tilbake"
        await pilot.press("f8")  # today, 24.11., lies before the closing: refused too
        await settle(pilot)
        assert "26.11.2026" in text_of(after, "#form-error")
        after.query_one("#c-on", Input).value = "27.11.2026"
        await pilot.press("f8")
        await settle(pilot)
        assert "27.11.2026: gjenåpnet – Flytter tilbake" in text_of(case_screen, "#case-closing")
        await pilot.press("escape")
        overview.query_one("#cases-status", Select).value = "open"
        await settle(pilot)
        assert rows(overview)["demo-sak-1"][1] == "Ingrid [/b][red] Berg"
    app.saver.flush()
    assert repo.load_case("demo-sak-1").status is CaseStatus.OPEN


async def test_case_screen_edits_marks_and_ticks_as_history_nynorsk(make_app, repo) -> None:
    write_demo(repo, TODAY, "nn")
    app = make_app("nn")
    t = Translator("nn")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")  # the first row: case 1, discussed most recently
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CaseScreen) and screen.case_id == "demo-sak-1"

        # The first agreement, continued without a new due date: refused, in nynorsk.
        after = await form(pilot, "m", MarkAgreementForm, {"c-note": "Treng meir tid"}, {"c-status": "continued"})
        assert isinstance(after, MarkAgreementForm)
        assert text_of(after, "#form-error") == "⚠ " + t("errors.cases.continue_needs_due")
        after.query_one("#c-new-due", Input).value = "15.12.2026"
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is screen
        history = text_of(screen, "#case-agreement-history")
        assert "24.11.2026 (frå saksbiletet): status open → vidareført; frist 17.11.2026 → 15.12.2026; merknad: Treng meir tid" in history

        # Edited: the old text stays in the history.
        after = await form(pilot, "e", EditAgreementForm, {"c-what": "Samtalar kvar veke"})
        assert app.screen is screen
        assert "kva Samtalar med eleven kvar veke → Samtalar kvar veke" in text_of(screen, "#case-agreement-history")

        # A duty ticked with today's date, and unticked again.
        duties = screen.query_one("#case-duties", DataTable)
        duties.focus()
        await pilot.press("space")
        await settle(pilot)
        first = duties.get_row("coordinate")
        assert [str(first[0]), str(first[2])] == ["✔", "24.11.2026"]
        app.saver.flush()
        case = repo.load_case("demo-sak-1")
        assert case.duties_done == {"coordinate": TODAY}
        agreement = case.agreement("demo-a1")
        assert agreement.status is AgreementStatus.CONTINUED and len(agreement.history) == 2
        await pilot.press("space")
        await settle(pilot)
        assert str(duties.get_row("coordinate")[0]) == " "
