"""The notes field draws what Textual's TextArea draws (issue 20: it only
draws it without going over the whole paragraph for every row; see
bti_tui/ui/widgets/notes_area.py for the gap in Textual it works around)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import TextArea

from bti_tui.ui.widgets.notes_area import NotesArea
from bti_tui.ui.widgets.notes_scrollbar import NotesScrollBar

import pytest

PARAGRAPH = "Eleven har hatt fravær i 7. klasse og får samtaler hver uke.\tMor ringer ofte. " * 40
TEXT = f"Kort linje\n{PARAGRAPH}\n\n{PARAGRAPH[:300]}\u0007bjelle\rretur"
# Without tabs: the rows NotesArea keeps by what they show (a line with a
# tab is drawn by Textual's own cache).
PROSE = TEXT.replace("\t", " ") + "\n(klammer) [og] " + "Kort linje\n" * 3


class One(App):
    def __init__(self, kind: type[TextArea], text: str = TEXT) -> None:
        super().__init__()
        self.kind = kind
        self.text = text

    def compose(self) -> ComposeResult:
        yield self.kind(self.text, id="notes", soft_wrap=True, show_line_numbers=False)


def rows(area: TextArea) -> list[tuple[str, list]]:
    """Every row the widget draws, as text and styled segments."""
    out = []
    for y in range(area.scrollable_content_region.height):
        strip = area.render_line(y)
        out.append((strip.text, [(s.text, s.style) for s in strip]))
    return out


STEPS = [
        lambda a: None,
        lambda a: a.move_cursor((1, 1000)),  # deep in the long paragraph
        lambda a: a.move_cursor((1, 1200), select=True),  # a selection in it
        lambda a: (a.move_cursor((1, 500)), a.insert("ny tekst \u001b[31m")),  # typed into
        lambda a: a.insert("x"),  # a key in the middle: the rows after it flow on
        lambda a: a.delete((1, 499), (1, 500)),  # backspace
        lambda a: a.move_cursor((1, 0)),
        lambda a: a.insert("Start "),  # at the start of the paragraph
        lambda a: a.move_cursor((1, 100), select=True),  # a selection over rows
        lambda a: a.move_cursor((4, 1)),  # on a bracket: its partner marked
        lambda a: a.move_cursor(a.document.end),
        lambda a: a.insert("slutt"),
        lambda a: [a.insert(word) for word in ["ord ", "og ", "flere "] * 20],  # the note grows rows, one key at a time
        lambda a: a.scroll_to(y=10, animate=False),
        lambda a: a.move_cursor((2, 0)),  # an empty line
        lambda a: a.move_cursor((3, 2), select=True),  # a selection from it
        lambda a: a.blur(),
        lambda a: a.focus(),
        lambda a: setattr(a, "read_only", True),
    ]


async def drawn(kind: type[TextArea], text: str = TEXT) -> list[list[tuple[str, list]]]:
    """What the field draws after each of a few edits and moves."""
    app = One(kind, text)
    seen = []
    async with app.run_test(size=(70, 30)) as pilot:
        area = app.query_one("#notes", TextArea)
        area.cursor_blink = False  # both draw the cursor whenever they are compared
        area.focus()
        for step in STEPS:
            step(area)
            await pilot.pause()
            seen.append([*rows(area), ("scrolled", [area.scroll_offset, area.virtual_size, area.show_vertical_scrollbar])])
        await pilot.resize_terminal(50, 20)  # rows wrapped again
        seen.append(rows(area))
    return seen


@pytest.mark.parametrize("text", [TEXT, PROSE], ids=["with tabs", "prose"])
async def test_the_notes_field_draws_what_the_text_area_draws(text: str) -> None:
    theirs, ours = await drawn(TextArea, text), await drawn(NotesArea, text)
    assert len(ours) == len(theirs)
    for step, (mine, textual) in enumerate(zip(ours, theirs, strict=True)):
        assert mine == textual, f"step {step}"


async def test_no_control_code_of_a_note_is_drawn() -> None:
    shown = "".join(text for view in await drawn(NotesArea) for row in view for text, _ in [row])
    assert "\u0007" not in shown and "\r" not in shown


def on_screen(area: TextArea) -> list[tuple[str, list]]:
    strips = area.render_lines(Region(0, 0, *area.region.size))
    return [(strip.text, [(s.text, s.style) for s in strip]) for strip in strips]


def afresh(area: NotesArea) -> None:
    """Nothing kept of what was drawn: the next render draws every row anew."""
    area._styles_cache.clear()
    area._rows.clear()
    area._drawn.clear()


async def test_an_edit_redraws_every_row_it_changes() -> None:
    """An edit has only the rows whose content changed drawn again: what the
    field then shows is what drawing it all afresh shows."""
    app = One(NotesArea, PROSE)
    keys = ["a", "space", "backspace", "enter", "left", "delete", "y"]  # each kind of edit once
    async with app.run_test(size=(70, 30)) as pilot:
        area = app.query_one("#notes", NotesArea)
        area.cursor_blink = False
        area.focus()
        for n, step in enumerate(STEPS[:-1]):  # read-only takes no keys
            step(area)
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                shown = on_screen(area)
                afresh(area)
                assert shown == on_screen(area), f"step {n}, key {key}"


async def grown(kind: type[TextArea]) -> list:
    """A short note typed long, key by key, until it needs a scrollbar."""
    app = One(kind, "Kort")
    seen = []
    async with app.run_test(size=(50, 12)) as pilot:
        area = app.query_one("#notes", TextArea)
        area.cursor_blink = False
        area.focus()
        area.move_cursor(area.document.end)
        for n in range(600):
            area.insert(" " if n % 6 == 5 else "abcde"[n % 5])  # a key's edit, without Pilot's wait
            if n % 10 == 9:
                await pilot.pause()
                seen.append([*rows(area), (area.scroll_offset, area.virtual_size, area.show_vertical_scrollbar, area.wrap_width)])
    return seen


async def test_a_growing_note_scrolls_and_gets_its_scrollbar_as_the_text_area_does() -> None:
    theirs, ours = await grown(TextArea), await grown(NotesArea)
    assert ours[-1][-1][2]  # the scrollbar came
    assert ours == theirs


async def test_the_notes_wrap_as_the_text_area_after_the_window_shrinks_and_grows() -> None:
    """After a smaller window and then a larger one, the rows kept the
    smaller window's wrap: words at the ends of rows were not shown."""

    async def after_resizes(kind: type[TextArea]) -> list:
        app = One(kind, PROSE)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for size in [(70, 30), (90, 30), (60, 20), (120, 40)]:
                await pilot.resize_terminal(*size)
                await pilot.pause()
                area = app.query_one("#notes", TextArea)
                yield_rows = [text for text, _ in on_screen(area)]
                seen.append((size, yield_rows))
        return seen

    seen: list = []
    theirs = list(await after_resizes(TextArea))
    seen = []
    ours = list(await after_resizes(NotesArea))
    assert ours == theirs


class Padded(One):
    CSS = "TextArea { height: 24; } App.-wide-border TextArea { padding: 0 4; }"


async def test_the_notes_wrap_again_when_a_theme_narrows_the_text_but_not_the_field() -> None:
    """F2 (the projector's theme, a wider border) narrowed the room for the
    text, not the field: the rows kept the old wrap, cut off at the border
    (words missing at row ends) until a key was typed."""
    words = [f"ord{n}" for n in range(150)]
    app = Padded(NotesArea, "Langt avsnitt: " + " ".join(words))
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.pause()
        for wide in (True, False, True):
            app.set_class(wide, "-wide-border")
            await pilot.pause()
            await pilot.pause()
            shown = " ".join(strip.text for strip in app.screen._compositor.render_strips()).split()
            assert [w for w in shown if w.startswith("ord")] == words, wide


def bar_rows(bar: ScrollBar) -> list[list]:
    return [[(s.text, s.style) for s in bar.render_line(y)] for y in range(bar.size.height)]


def textuals_bar_rows(bar: ScrollBar) -> list[list]:
    """The rows as Textual's ScrollBar draws them (through Rich's console)."""
    bar._render_content()
    return [[(s.text, s.style) for s in Widget.render_line(bar, y)] for y in range(bar.size.height)]


async def test_the_notes_scrollbar_draws_what_textuals_draws_and_redraws_only_what_moved(monkeypatch) -> None:
    """Each key that adds a row moves the thumb a little; the bar was drawn
    whole again, through Rich, on every one of them."""
    asked: list[int] = []
    refresh = Widget.refresh

    def spy(self, *regions, **kwargs):
        if isinstance(self, NotesScrollBar):
            asked.append(sum(region.height for region in regions) if regions else -1)
        return refresh(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", spy)
    app = One(NotesArea, "Kort")
    async with app.run_test(size=(50, 16)) as pilot:
        area = app.query_one("#notes", NotesArea)
        area.cursor_blink = False
        area.focus()
        area.move_cursor(area.document.end)
        bar = area.vertical_scrollbar
        assert isinstance(bar, NotesScrollBar)
        compared = 0
        for n in range(1500):
            area.insert(" " if n % 6 == 5 else "abcde"[n % 5])
            if n % 40 == 39:
                await pilot.pause()
                if area.show_vertical_scrollbar:
                    shown = app.screen._compositor.render_strips()
                    assert bar_rows(bar) == textuals_bar_rows(bar), n
                    Widget.refresh(bar)  # Textual's full redraw: what is shown stays the same
                    bar._styles_cache.clear()
                    await pilot.pause()
                    assert app.screen._compositor.render_strips() == shown, n
                    compared += 1
        assert compared > 20
        typing = [rows for rows in asked if rows > 0]
        assert len(typing) > 20 and max(typing) <= 4  # a few rows of the bar as the thumb moves, not the whole bar
        area.scroll_to(y=0, animate=False)  # the thumb at the top, then hovered, then another theme
        await pilot.pause()
        assert bar_rows(bar) == textuals_bar_rows(bar)
        bar.mouse_over = True
        assert bar_rows(bar) == textuals_bar_rows(bar)
        app.theme = "textual-light"
        await pilot.pause()
        assert bar_rows(bar) == textuals_bar_rows(bar)


async def test_rows_that_only_moved_in_a_scroll_are_not_drawn_again_and_show_what_a_full_redraw_shows() -> None:
    """A one-row scroll (a key that adds a row at the end of a long note)
    had Textual draw every row of the field again, border and padding
    around each: about 3 ms for 35 rows."""
    app = One(NotesArea, PROSE)
    async with app.run_test(size=(70, 30)) as pilot:
        area = app.query_one("#notes", NotesArea)
        area.cursor_blink = False
        area.focus()
        await pilot.pause()
        drawn: list[int] = []
        line = NotesArea.render_line

        def spy(self, y):
            drawn.append(y)
            return line(self, y)

        NotesArea.render_line = spy
        try:
            for n, step in enumerate(
                [
                    lambda: area.scroll_to(y=5, animate=False),
                    lambda: area.scroll_to(y=6, animate=False),  # one row down
                    lambda: area.scroll_to(y=5, animate=False),  # one row up
                    lambda: area.scroll_to(y=20, animate=False),  # far
                    lambda: area.move_cursor((1, 300)),  # the cursor moves in view
                    lambda: area.scroll_to(y=21, animate=False),
                    lambda: area.blur(),  # another border colour
                    lambda: area.scroll_to(y=22, animate=False),
                    lambda: setattr(app, "theme", "textual-light"),
                    lambda: area.scroll_to(y=23, animate=False),
                    lambda: area.move_cursor(area.document.end),  # to the end: scrolls
                    lambda: [area.insert("ord ") for _ in range(40)],  # rows added, scrolling
                ]
            ):
                drawn.clear()
                step()
                await pilot.pause()
                if n in (1, 2, 5, 7, 9):
                    assert len(drawn) <= 2, (n, drawn)  # the row that came into view, not every row
                shown = app.screen._compositor.render_strips()
                afresh(area)
                area.refresh()
                await pilot.pause()
                assert app.screen._compositor.render_strips() == shown, n
        finally:
            NotesArea.render_line = line
