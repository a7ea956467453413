"""Archive and purge from the home screen (issue 18): a bad date gets a
message; the list comes first, then the removal asks, removes exactly the
listed files and reports; an archive mark is made."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Button, Input, Static

from bti_tui.model import ClosingReason
from bti_tui.session.demo import write_demo
from bti_tui.store.retention import load_marks
from bti_tui.ui.screens.forms import ConfirmScreen
from bti_tui.ui.screens.purge import PurgeScreen

from ui_support import START


def files(repo) -> set[str]:
    return {str(p.relative_to(repo.data_dir)) for p in repo.data_dir.rglob("*") if p.is_file()}


async def test_the_purge_screen_lists_then_removes_exactly_that(make_app, repo) -> None:
    write_demo(repo, START.date(), "nb")
    case = repo.load_case("demo-sak-1")
    case.close(START.date() - timedelta(days=10), ClosingReason.GOAL_REACHED)
    repo.save_case(case)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PurgeScreen)
        await pilot.press(*"31.02", "enter")
        await pilot.pause()
        assert "DD.MM.ÅÅÅÅ" in str(screen.query_one("#purge-message", Static).render())
        assert screen.query_one("#purge-remove", Button).disabled
        screen.query_one("#purge-before", Input).value = "24.11.2026"
        await pilot.press("enter")
        await pilot.pause()
        listed = str(screen.query_one("#purge-listing", Static).render())
        assert "demo-ferdig" in listed and "demo-sak-2" in listed and "demo-neste" not in listed
        before = files(repo)
        screen.query_one("#purge-remove", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: nothing removed
        await pilot.pause()
        assert files(repo) == before
        screen.query_one("#purge-remove", Button).press()
        await pilot.pause()
        app.screen.query_one("#confirm-yes", Button).press()
        await pilot.pause()
        gone = before - files(repo)
        assert {"meetings/demo-ferdig.json", "cases/demo-sak-2.json"} <= gone
        assert all(g.startswith(("meetings/demo-ferdig", "cases/demo-sak-2")) for g in gone), gone
        assert "Slettet 1 møte, 1 sak" in str(screen.query_one("#purge-message", Static).render())
        # Marking archived in ESA: the reference is required, then kept.
        screen.query_one("#mark-id", Input).value = "demo-neste"
        screen.query_one("#mark-save", Button).press()
        await pilot.pause()
        assert "Arkivreferansen er tom" in str(screen.query_one("#mark-message", Static).render())
        screen.query_one("#mark-ref", Input).value = "26/01234"
        screen.query_one("#mark-save", Button).press()
        await pilot.pause()
        assert "demo-neste" in str(screen.query_one("#mark-message", Static).render())
        assert ("meeting", "demo-neste") in load_marks(repo.data_dir)
        await pilot.press("escape")
        await pilot.pause()
        assert "demo-ferdig" not in {str(k.value) for k in app.screen.query_one("#meetings").rows}
