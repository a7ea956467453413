"""What typing in a running meeting does beyond the notes field (issue 20,
typing): the clock does not lay the screen out every second, the screen
is kept out of the collector's way while it is shown, the anonymity hints
wait for a pause but come even when typing stops just as a save was forced,
and the fødselsnummer guard still sees a number an edit completes anywhere
in a long note. No timings: benchmarks/typing_cost.py measures."""

from __future__ import annotations

import gc
import time
import weakref

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static, TextArea

from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.widgets import clock_panel
from bti_tui.ui.widgets.clock_panel import ClockPanel
from ui_support import LONG, notes_at_end, running_meeting

FNR = "01010750160"  # valid check digits (synthetic)


@pytest.fixture
def layouts(monkeypatch):
    """The ids of the widgets that asked for the screen to be laid out again."""
    asked: list[str | None] = []
    refresh = Widget.refresh

    def spy(self, *regions, repaint=True, layout=False, recompose=False):
        if layout:
            asked.append(self.id)
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", spy)
    return asked


def _clock(app) -> tuple[ClockPanel, Static]:
    """The meeting screen's clock panel and its lines (case, meeting)."""
    return app.screen.query_one(ClockPanel), app.screen.query_one("#clock-lines", Static)


async def test_the_clock_ticking_does_not_lay_out_the_screen(make_app, repo, clock, layouts) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel, lines = _clock(app)
        before = str(lines.render())
        layouts.clear()
        clock.advance(seconds=1)
        panel.refresh_clock()
        await pilot.pause()
        assert str(lines.render()) != before  # the seconds moved on
        assert layouts == []
        clock.advance(minutes=30)  # the step runs over: a new word, a new width
        panel.refresh_clock()
        assert "clock-caption" in layouts


async def test_while_someone_types_the_clocks_second_is_drawn_with_the_next_key(make_app, repo, clock, monkeypatch) -> None:
    """A second of its own was a frame of its own (some 5 ms) that the next
    key waited behind; while keys come, it is drawn in the next key's frame."""
    monkeypatch.setattr(clock_panel, "TYPING_GRACE", 30.0)  # the next key is well within it, however slow the machine
    monkeypatch.setattr(clock_panel, "TICK", 3600.0)  # the test's own ticks only
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel, lines = _clock(app)
        notes = notes_at_end(app.screen)
        await pilot.press("a")
        before = str(lines.render())
        clock.advance(seconds=1)
        panel._tick()  # the second comes while someone types
        assert str(lines.render()) == before  # not drawn on its own
        await pilot.press("b")
        assert str(lines.render()) != before  # drawn as the next key came
        assert notes.text.endswith("ab")
        shown = str(lines.render())
        clock.advance(seconds=1)
        app.typed_at = 0.0  # no one has typed: the second is drawn at once
        panel._tick()
        assert str(lines.render()) != shown
        # A second waiting for a key that does not come is drawn soon after.
        monkeypatch.setattr(clock_panel, "TYPING_GRACE", 0.2)
        shown = str(lines.render())
        clock.advance(seconds=1)
        app.typed_at = time.monotonic()  # a key just now
        panel._tick()
        assert str(lines.render()) == shown
        await pilot.pause(0.5)  # no key comes
        assert str(lines.render()) != shown


async def test_the_meeting_screen_is_kept_out_of_the_collectors_way_while_shown(make_app, repo, clock) -> None:
    before = gc.get_threshold()
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert not any(tracked is screen for tracked in gc.get_objects())  # frozen: no collection walks it
        assert gc.get_threshold()[2] >= 1_000_000  # no full pass on its own in the middle of a key
        await pilot.press("f3")  # back to the list: the screen goes
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
        assert gc.get_freeze_count() == 0  # collected again once garbage
        assert gc.get_threshold() == before


class _Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_the_full_collection_runs_when_typing_pauses(make_app, repo, clock) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        garbage = _Cycle()
        gone = weakref.ref(garbage)
        gc.collect(1)  # it lives through the young passes: only a full one can take it
        del garbage
        for _ in range(30):
            gc.collect(1)  # as many young passes as typing makes
        assert gone() is not None
        await pilot.press("x")
        await pilot.pause(1.3)  # the pause, and the save after it
        assert gone() is None
        assert app.screen._collector.holding


async def test_hints_come_when_typing_stops_just_as_a_save_was_forced(make_app, repo, clock) -> None:
    running_meeting(repo, clock, slot=1, note="Går i ")  # slot 1: the demo's anonymous case
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        pane = screen.query_one("#pane-step")
        notes = notes_at_end(screen)
        await pilot.press(*"7. klass")
        pane._saves._first = time.monotonic() - 10  # the first unsaved key long ago: the next save is forced
        await pilot.press("e")
        assert pane._saves.after_pause is False and not pane._saves.dirty  # that key's save was the forced one
        warning = screen.query_one("#notes-error", Static)
        assert "7. klasse" not in str(warning.render())  # not on the forced save
        await pilot.pause(1.3)  # the pause after it
        assert "7. klasse" in str(warning.render())


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda notes: (notes.move_cursor((0, 500)), notes.insert(f" {FNR} ")), id="pasted in the middle"),
        pytest.param(
            lambda notes: (notes.move_cursor((0, 300)), notes.insert(f" {FNR[:6]} x{FNR[6:]} "), notes.delete((0, 307), (0, 309))),
            id="two halves joined by deleting what stood between",
        ),
    ],
)
async def test_a_fodselsnummer_completed_anywhere_in_a_long_note_is_refused(make_app, repo, clock, edit) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        notes = screen.query_one("#notes", TextArea)
        notes.focus()
        edit(notes)
        await pilot.pause()
        assert FNR in notes.text.replace(" ", "") and FNR in notes.text  # the number is whole on screen
        note = screen.session.meeting.slots[0].notes["g-problem"]
        assert FNR not in note and (0, "g-problem") in screen.session.refused_notes
        assert "fødselsnummer" in str(screen.query_one("#notes-error", Static).render()).lower()


async def test_a_fodselsnummer_typed_key_by_key_at_the_end_of_a_long_note_is_refused(make_app, repo, clock) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        notes = notes_at_end(screen)
        await pilot.press(*FNR)
        await pilot.pause()
        assert notes.text.endswith(FNR)
        assert FNR not in screen.session.meeting.slots[0].notes["g-problem"]
        assert (0, "g-problem") in screen.session.refused_notes


async def test_a_key_in_the_notes_sends_nothing_up_past_the_step(make_app, repo, clock, monkeypatch) -> None:
    """Textual's SelectionChanged and Changed climbed every container to the
    app on every key (fourteen messages handled, for no one)."""
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        notes = notes_at_end(screen)
        await pilot.pause()
        arrived: list[str] = []
        post = screen.post_message

        def spy(message):
            arrived.append(type(message).__name__)
            return post(message)

        monkeypatch.setattr(screen, "post_message", spy)
        await pilot.press("x", "y")
        await pilot.pause()
        assert notes.text.endswith("xy")
        assert "Changed" not in arrived and "SelectionChanged" not in arrived
        assert screen.session.meeting.slots[0].note("g-problem").endswith("xy")  # the step pane still took it


async def test_coming_back_to_a_step_shows_the_cursor_at_the_end_of_its_note(make_app, repo, clock) -> None:
    """At 80x24 the note came back scrolled a row short (the step's prompt
    takes another row than the step before's): its last row and the cursor
    were hidden until a key was typed."""
    running_meeting(repo, clock, note="\n".join(f"Rad {n} av notatet, som er langt nok til å rulle." for n in range(40)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        for key in ("f8", "f7"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.cursor_location == notes.document.end
        x, y = notes.cursor_screen_offset
        assert notes.content_region.contains(x, y), (notes.cursor_screen_offset, notes.content_region)


@pytest.mark.parametrize("field", ["#notes", "#cooperation"])
async def test_a_paste_into_any_field_is_cleaned_of_escapes_and_controls(make_app, repo, clock, field) -> None:
    """An ESC pasted reached the terminal when the field was drawn (in a
    one-line field a letter after it vanished) and was saved as it was. The
    terminal sends a paste to the app, which cleans it and hands it to the
    focused field."""
    from textual import events

    running_meeting(repo, clock, note="")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(field)
        widget.focus()
        await pilot.pause()
        app.post_message(events.Paste("rød \x1b[31mROD\x1b[0m \x1b]0;TITTEL\x07 [@click=app.quit]\x1bt slutt\u202e"))
        await pilot.pause()
        value = widget.text if isinstance(widget, TextArea) else widget.value
        assert "\x1b" not in value and "\x07" not in value and "\u202e" not in value and "TITTEL" not in value
        assert value.startswith("rød ROD") and value.endswith("slutt")
        assert "[@click=app.quit]" in value  # shown as typed: data, not markup
        if isinstance(widget, TextArea):
            widget.clear()
            app.post_message(events.Paste("rød \x1b[31mROD\x1b[0m \x1b]0;TITTEL\x07 slutt\x07\rny linje\u202e"))
            await pilot.pause()
            assert widget.text == "rød ROD  slutt\nny linje"  # a CR is a line break
            shown = "".join(strip.text for strip in widget.render_lines(Region(0, 0, *widget.size)))
            assert "\x1b" not in shown and "TITTEL" not in shown


async def test_a_save_while_typing_writes_the_cases_only_when_one_of_theirs_changed(make_app, repo, clock, monkeypatch) -> None:
    """Every save while typing snapshotted every case too (2 ms of the key it
    fell on); a change to a case's own field (the stafettholder) is still
    written with the next save."""
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        pane = screen.query_one("#pane-step")
        saved: list[list[str]] = []
        save = app.saver.save

        def spy(meeting, cases=(), **kwargs):
            saved.append([case.id for case in cases])
            return save(meeting, cases, **kwargs)

        monkeypatch.setattr(app.saver, "save", spy)
        notes_at_end(screen)
        await pilot.press("x", "y")
        pane._save_now()
        assert saved[-1] == []  # the meeting alone
        case_id = screen.session.meeting.slots[0].case_id
        before = len(saved)
        screen.query_one("#st-name").value = "Per Hansen"
        await pilot.pause()
        pane._save_now()
        assert any(case_id in ids for ids in saved[before:]), saved[before:]
        app.saver.flush(timeout=None)
        assert repo.load_case(case_id).stafettholder.name == "Per Hansen"
