"""The screens' compositor draws only the rows that changed (ui/compositor.py),
and what it writes to the terminal is what Textual's own would write."""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import TextArea

from bti_tui.ui.compositor import RowCompositor, _Drawn, rows_to_draw
from bti_tui.ui.widgets.clock_panel import ClockPanel
from ui_support import notes_at_end, running_meeting


def test_rows_to_draw_are_the_rows_a_changed_region_touches() -> None:
    visible = Region(10, 5, 20, 10)  # rows 5..14, columns 10..29
    assert rows_to_draw(visible, []) == []
    assert rows_to_draw(visible, [Region(0, 0, 5, 50)]) == []  # beside it: nothing
    assert rows_to_draw(visible, [Region(12, 7, 3, 1)]) == [(7, 8)]
    assert rows_to_draw(visible, [Region(0, 0, 100, 7)]) == [(5, 7)]  # clipped to the widget
    # Overlapping and touching ranges merge; a gap stays a gap.
    assert rows_to_draw(visible, [Region(10, 9, 5, 2), Region(10, 6, 5, 1), Region(10, 8, 5, 2), Region(10, 13, 5, 1)]) == [(6, 7), (8, 11), (13, 14)]


def test_rows_drawn_in_front_from_edge_to_edge_are_not_drawn_again() -> None:
    drawn = _Drawn()
    assert drawn.uncovered(0, 3, 0, 10) == [(0, 3)]
    drawn.add(1, 2, 0, 6)
    drawn.add(1, 2, 6, 10)  # two widgets side by side cover row 1
    drawn.add(2, 3, 0, 9)  # row 2: one column short
    assert drawn.uncovered(0, 3, 0, 10) == [(0, 1), (2, 3)]
    assert drawn.uncovered(0, 3, 2, 8) == [(0, 1)]


def _changes(app, screen, clock, typed: str) -> set[Region]:
    """Type ``typed`` at the end of the notes and let the clock tick, then
    hand the changes to the compositor as the screen would, without drawing."""
    notes = screen.query_one("#notes", TextArea)
    notes.insert(typed)
    clock.advance(seconds=1)
    screen.query_one(ClockPanel).refresh_clock()
    compositor = screen._compositor
    compositor.update_widgets(set(compositor.visible_widgets))  # each hands over what it asked to redraw
    return set(compositor._dirty_regions)


def _lines_asked(monkeypatch) -> list[int]:
    asked: list[int] = []
    render_lines = Widget.render_lines

    def spy(self, crop):
        asked.append(crop.height)
        return render_lines(self, crop)

    monkeypatch.setattr(Widget, "render_lines", spy)
    return asked


async def test_a_partial_update_writes_what_textuals_own_would(make_app, repo, clock, monkeypatch) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        compositor = screen._compositor
        assert isinstance(compositor, RowCompositor)
        notes = notes_at_end(screen)
        await pilot.pause()
        asked = _lines_asked(monkeypatch)
        # A key with the clock's tick in the same frame, and a paste long
        # enough to add rows and scroll the field.
        for typed, fewer in (("x", 3), (" ny setning om skolen." * 12, 1.2)):
            dirty = _changes(app, screen, clock, typed)
            assert len(dirty) >= 2
            asked.clear()
            ours = compositor.render_partial_update()
            ours_asked = sum(asked)
            compositor._dirty_regions.update(dirty)
            asked.clear()
            theirs = Compositor.render_partial_update(compositor)  # Textual's own, on the same screen
            theirs_asked = sum(asked)
            assert ours is not None and theirs is not None
            assert ours.render_segments(app.console) == theirs.render_segments(app.console)
            # The gap this covers: Textual 8.2 asks every widget near a
            # change for all its lines. If this fails, Textual draws only
            # what changed itself, and ui/compositor.py can go.
            assert ours_asked * fewer < theirs_asked, (ours_asked, theirs_asked)
            await pilot.pause()


async def test_every_screen_of_the_app_draws_changed_rows_only(make_app, repo, clock) -> None:
    running_meeting(repo, clock)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen._compositor, RowCompositor)  # the meeting
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen._compositor, RowCompositor)  # a dialog over it
