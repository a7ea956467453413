"""What a first-time user tripped on, each pinned: a crash reopens the
meeting, setup starts on the kind, nothing typed vanishes on one key, a
finished meeting says so, an advice case may end without a stafettholder,
toasts do not pile up, export offers its formats, a refused save is never
silent, a crash shows no notes."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import datetime

from textual.widgets import Button, Input, Select, TextArea

from bti_tui.model import MeetingStatus, Position
from bti_tui.session.demo import write_demo
from bti_tui.session.rescue import read_rescued, restore
from bti_tui.ui.screens.forms import ChoiceScreen, ConfirmScreen, UnsavedScreen
from bti_tui.ui.screens.home import HomeScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.setup import SetupScreen
from bti_tui.ui.widgets.step_pane import StepPane

from ui_support import START


def running_demo(repo, at: Position) -> None:
    """The upcoming demo meeting, begun and left at ``at`` (as after a crash)."""
    write_demo(repo, START.date(), "nb")
    meeting = repo.load_meeting("demo-neste")
    case = repo.load_case(meeting.slots[0].case_id)
    case.consent.status = case.consent.status.GIVEN
    repo.save_case(case)
    meeting.start(START)
    meeting.clock.enter(at, START)
    meeting.status = MeetingStatus.RUNNING
    repo.save_meeting(meeting)


async def test_a_running_meeting_reopens_on_its_step(make_app, repo) -> None:
    running_demo(repo, Position("r-causes", 0))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.session.position == Position("r-causes", 0)
        title = str(screen.query_one("#step-title").render())
        assert "Refleksjon" in title or "årsak" in title.lower()


async def test_setup_starts_on_the_kind_and_esc_asks_before_discarding(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.focused, Select) and app.focused.id == "kind"
        app.screen.query_one("#place", Input).value = "Rom 2"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # no: stay
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#place", Input).value == "Rom 2"
        # Ctrl+Q asks too: the new meeting would be lost.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.is_running


async def test_q_on_the_list_asks_nothing_when_nothing_can_be_lost(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_a_finished_meeting_says_so_and_shows_no_running_clock(make_app, repo) -> None:
    write_demo(repo, START.date(), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.push_screen(MeetingScreen(app.session_for("demo-ferdig")))
        await pilot.pause()
        screen = app.screen
        assert "bare lesing" in str(screen.query_one("#case-label").render())
        assert "fullført" in str(screen.query_one("#clock-state").render()).lower()
        assert screen.session.position == Position.closing()
        assert "bare lesing" in str(screen.query_one("#closing-status").render())
        screen.session.go_to(Position.opening())
        screen.sync_position()
        await pilot.pause()
        body = str(screen.query_one("#opening-body").render())
        assert "F8 går videre" not in body and "bare lesing" in body
        await pilot.press("f8")
        await pilot.pause()
        assert "bare lesing" in str(screen.query_one("#case-label").render())
        assert screen.query_one("#notes", TextArea).read_only


async def test_an_anonymous_case_ends_as_advice_without_a_stafettholder(make_app, repo, clock) -> None:
    write_demo(repo, START.date(), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = app.session_for("demo-ferdig")
        session.meeting.status = MeetingStatus.RUNNING
        session.meeting.clock.events = session.meeting.clock.events[:-1]  # not finished
        case = session.case(1)
        case.stafettholders.clear()
        session.go(session.stafettholder_step(1))
        await app.push_screen(MeetingScreen(session))
        await pilot.pause()
        box = app.screen.query_one("#advice-only")
        assert box.display
        box.value = True
        await pilot.pause()
        assert session.meeting.slots[1].advice_only
        assert session.finish_blockers() == []
        # The closing's documentation checklist does not apply to it, and says so.
        session.go(Position.closing())
        app.screen.sync_position()
        await pilot.pause()
        assert app.screen.query_one("#doc-na-1").display and not app.screen.query_one("#doc-fields-1").display
        assert "Sjekklisten gjelder ikke" in str(app.screen.query_one("#doc-na-1").render())
        assert not app.screen.query_one("#doc-stafettlogg-1").display
        assert app.screen.query_one("#doc-fields-0").display and not app.screen.query_one("#doc-na-0").display


async def test_toasts_do_not_pile_up(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for n in range(3):
            app.screen.say(f"melding {n} [/b]")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["melding 2 [/b]"]


async def test_export_from_the_list_offers_markdown_and_html(make_app, repo) -> None:
    write_demo(repo, START.date(), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # what: a case, or the whole meeting
        buttons = list(app.screen.query(Button))
        assert "Hele møtet" in str(buttons[-1].label)
        buttons[-1].press()
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)  # the format
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert any("Markdown" in label for label in labels) and any("HTML" in label for label in labels)
        assert any("PDF" in label for label in labels)
        app.screen.query_one("#choice-1", Button).press()
        await pilot.pause()
        app.saver.flush()
    files = sorted((repo.data_dir / "referat").iterdir())
    assert [f.suffix for f in files] == [".html"]
    upcoming = repo.load_meeting("demo-neste")
    assert files[0].name.startswith(upcoming.date.isoformat())  # the meeting's own date
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"


async def test_quitting_with_a_refused_save_asks_and_can_rescue_the_notes(make_app, repo, tmp_path, monkeypatch) -> None:
    running_demo(repo, Position("g-problem", 0))
    app = make_app()

    def refuse(meeting, **_options) -> None:
        raise OSError(28, "No space left on device")

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        repo.save_meeting = refuse
        app.screen.query_one("#notes", TextArea).insert("KONFIDENSIELT notat")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert app.is_running
        app.screen.query_one("#rescue-folder", Input).value = str(tmp_path / "redning")
        (tmp_path / "redning").mkdir()
        app.screen.query_one("#unsaved-rescue", Button).press()
        await pilot.pause()
    rescued = list((tmp_path / "redning").iterdir())
    assert len(rescued) == 1 and "KONFIDENSIELT notat" in rescued[0].read_text(encoding="utf-8")
    assert oct(rescued[0].stat().st_mode & 0o777) == "0o600"
    assert app.return_code == 1

    # The next start names the file (it lies in the home folder) ...
    monkeypatch.setenv("HOME", str(tmp_path / "redning"))
    del repo.save_meeting
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = [n.message for n in again._notifications]
        assert any(str(rescued[0]) in m and "bti-tui restore" in m for m in shown), shown
    # ... and `restore` takes it back and removes it.
    restore(repo, read_rescued(rescued[0], repo.data_dir))
    assert "KONFIDENSIELT notat" in repo.load_meeting("demo-neste").slots[0].note("g-problem")
    assert not rescued[0].exists()


async def test_a_failed_save_is_retried_without_new_typing(make_app, repo) -> None:
    running_demo(repo, Position("g-problem", 0))
    app = make_app()
    real = repo.save_meeting
    calls = []

    def refuse_once(meeting, **options) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real(meeting, **options)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        repo.save_meeting = refuse_once
        app.screen.session.save()
        app.saver.flush()
        assert app.saver.unsaved
        app._retry_failed_saves()  # what the timer does every few seconds
        app.saver.flush()
        assert not app.saver.unsaved and len(calls) == 2


async def test_a_crash_shows_no_notes_and_exits_non_zero(make_app, repo, capsys) -> None:
    running_demo(repo, Position("g-problem", 0))
    app = make_app()
    secret = "KONFIDENSIELT: mor drikker"

    def boom() -> None:
        notes = {"g-problem": secret}  # a local variable Textual would print
        raise RuntimeError(f"failed on {notes}")

    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.screen.action_pause = boom
            await pilot.press("f5")
            await pilot.pause()
    except RuntimeError:
        pass  # Pilot re-raises the app's exception for the test
    assert app.return_code == 1
    printed = capsys.readouterr()
    shown = printed.out + printed.err
    assert secret not in shown and "KONFIDENSIELT" not in shown
    assert "bti-tui stoppet" in shown and "detaljer står i" in shown  # the log file named


async def test_continuous_typing_is_saved_at_least_every_few_seconds(make_app, repo) -> None:
    """A referent typing without a pause: what was typed more than about
    three seconds ago is on disk even though the pause never comes."""
    running_demo(repo, Position("g-problem", 0))
    app = make_app()
    path = repo.meeting_path("demo-neste")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.query_one(StepPane), StepPane)
        typed: list[tuple[float, int]] = []
        text = 0
        start = time.monotonic()
        while time.monotonic() - start < 6.0:
            await pilot.press("x")
            text += 1
            typed.append((time.monotonic(), text))
            await asyncio.sleep(0.15)
        saved = path.read_text(encoding="utf-8").count("x")
        now = time.monotonic()
        owed = max(n for at, n in typed if now - at >= 3.0)
        assert saved >= owed, (saved, owed, text)


def test_the_step_title_shows_when_the_meeting_opens_first(make_app, repo) -> None:
    """The first position is shown on mount (once it was left blank)."""

    async def run() -> str:
        running_demo(repo, Position("o-options", 0))
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return str(app.screen.query_one("#step-title").render())

    assert "O ·" in asyncio.run(run())
    os.environ.pop("BTI_UNUSED", None)
    assert isinstance(HomeScreen, type) and datetime


async def test_the_palette_finds_the_export_by_html_and_eksport(make_app, repo) -> None:
    write_demo(repo, START.date(), "nb")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        found = [t for t in titles if "html" in t.lower() and "eksport" in t.lower()]
        assert found, titles


async def test_key_names_are_in_the_users_language(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        shown = {app.get_key_display(b.binding) for b in app.screen.active_bindings.values()}
        assert "Mellomrom" in shown and "space" not in shown


async def test_the_demo_is_written_again_only_when_asked(make_app, repo) -> None:
    """`d` on the list rewrote the demo meetings silently, losing what was
    tried out in them (tester)."""
    write_demo(repo, START.date(), "nb")
    tried = repo.load_meeting("demo-neste")
    tried.slots[0].notes["g-problem"] = "Prøvd ut i demoen"
    repo.save_meeting(tried)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep them
        await pilot.pause()
        assert repo.load_meeting("demo-neste").slots[0].note("g-problem") == "Prøvd ut i demoen"
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#confirm-yes").press()
        for _ in range(20):
            await pilot.pause(0.05)
            if not repo.load_meeting("demo-neste").slots[0].note("g-problem"):
                break
        assert repo.load_meeting("demo-neste").slots[0].note("g-problem") == ""
