"""The notes field: Textual's TextArea, drawn in time for the next key
however long a paragraph grows.

Where Textual 8.2 falls short (its own TODO in ``TextArea._render_line``:
"Lets not apply the division each time through render_line"): with soft
wrap, every screen row of a paragraph builds a ``rich.text.Text`` of the
whole paragraph (``get_line``), pads it (``set_length``: the whole text
again) and divides it into *every* wrapped row (``Text.divide``: a Text per
row); each of these strips control codes over the whole paragraph with a
``str.translate`` table (about 0.1 µs a character). Each key redraws every
row of the cursor's paragraph, so a 10,000-character paragraph cost some
200 ms of the UI thread per key (benchmarks/typing_cost.py): the room saw
the typing lag by seconds under load.

Here the paragraph's text is cleaned once per change (with rich's own
``strip_control_codes``, as ``Text()`` does: no control sequence reaches the
terminal), padding appends without cleaning spaces again, and dividing
builds each row from its own slice, once per paragraph and styling (not
once per row drawn). Beyond that (the second half of the class): a row
drawn is kept by what it shows, an edit has only the rows it changed drawn
again, and the paragraph is rewrapped around the edit only
(notes_wrap.py). What is drawn is the same (tests/ui/test_ui_notes_area.py
compares every row with TextArea's, and what an edit leaves on screen with
a full redraw).
"""

from __future__ import annotations

from typing import Any, NamedTuple, Self

from rich.text import Span, Text
from textual.cache import LRUCache
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Region, Size
from textual.message import Message
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from bti_tui.ui.widgets.notes_moved import MovedRows
from bti_tui.ui.widgets.notes_scrollbar import NotesScrollBar
from bti_tui.ui.widgets.notes_wrap import NotesWrap, drawn_text, section_bounds


def _trusted(plain: str, like: Text, spans: list[Span], end: str = "\n") -> Text:
    """A Text of ``plain``, which is already clean (no control code), made
    without cleaning it again; the attributes are those ``Text()`` sets."""
    text = Text.__new__(_Paragraph if isinstance(like, _Paragraph) and end == "" else Text)
    text._text = [plain]
    text.style = like.style
    text.justify = like.justify
    text.overflow = like.overflow
    text.no_wrap = like.no_wrap
    text.end = end
    text.tab_size = like.tab_size
    text._spans = spans
    text._length = len(plain)
    return text


def _row(paragraph: Text, start: int, end: int) -> Text:
    """One row of ``Text.divide`` of a clean paragraph: from its own slice,
    with the spans that fall in it, and nothing cleaned again."""
    inside = [Span(max(s.start, start) - start, min(s.end, end) - start, s.style) for s in paragraph._spans if s.end > start and s.start < end]
    return _trusted(paragraph.plain[start:end], paragraph, inside)


class _PlainRow:
    """A row of a paragraph as TextArea reads the rows before the one it
    draws: for the tabs in them (``.plain``), nothing else."""

    __slots__ = ("plain",)

    def __init__(self, plain: str) -> None:
        self.plain = plain


class _Rows:
    """``Text.divide`` of a clean paragraph, each row made when asked for.

    TextArea divides the whole paragraph to draw one row of it, and reads
    every row before that one for its tabs: making a Text of each row (with
    its share of the styles) was a tenth of a key's work at the end of a
    10,000-character paragraph. While NotesArea draws a row of its own
    (``_Paragraph.drawing``: which row; never one with a tab), the other
    rows are plain slices; otherwise every row is a Text, as Textual's."""

    __slots__ = ("_paragraph", "_bounds", "_texts", "_plains")

    def __init__(self, paragraph: Text, bounds: list[int]) -> None:
        self._paragraph = paragraph
        self._bounds = bounds
        self._texts: dict[int, Text] = {}
        self._plains: list[Any] | None = None

    def text(self, index: int) -> Text:
        text = self._texts.get(index)
        if text is None:
            text = self._texts[index] = _row(self._paragraph, self._bounds[index], self._bounds[index + 1])
        return text

    def for_drawing(self, drawing: int | None) -> list[Any]:
        count = len(self._bounds) - 1
        if drawing is None or not 0 <= drawing < count:
            return [self.text(index) for index in range(count)]
        if self._plains is None:
            plain, bounds = self._paragraph.plain, self._bounds
            self._plains = [_PlainRow(plain[start:end]) for start, end in zip(bounds, bounds[1:])]
        rows = list(self._plains)
        rows[drawing] = self.text(drawing)
        return rows


class _Paragraph(Text):
    """One document line, already clean (see the module's docstring)."""

    def pad_right(self, count: int, character: str = " ") -> None:
        if count and character.isprintable():
            self._text[:] = [f"{self.plain}{character * count}"]
            self._length += count
        else:
            super().pad_right(count, character)

    #: The row (of its paragraph) NotesArea is drawing itself, if it is.
    drawing: int | None = None

    # The rows of the paragraph last divided: TextArea divides the same
    # paragraph, styled the same, once for every row it draws of it. Each
    # caller takes one row and only reads it (sets ``end = ""``, renders).
    _last: tuple[str, list[int], list[Span], _Rows] | None = None

    def divide(self, offsets: Any) -> Any:
        cuts = list(offsets)
        if not cuts:
            return super().divide(cuts)
        last = _Paragraph._last
        if last is None or last[1] != cuts or last[2] != self._spans or last[0] != self.plain:
            last = _Paragraph._last = (self.plain, cuts, list(self._spans), _Rows(self, [0, *cuts, len(self.plain)]))
        return last[3].for_drawing(_Paragraph.drawing)


class NotesArea(MovedRows, TextArea):
    """A TextArea whose long paragraphs cost each key the rows it shows,
    not the rows times the paragraph."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._clean: dict[int, tuple[str, str]] = {}  # line index -> (as typed, cleaned)
        self._rows: LRUCache[tuple, Strip] = LRUCache(512)  # row key -> the row drawn
        self._shown: dict[int, tuple | None] = {}  # y -> the key of the row last drawn there
        self._drawn: dict[int, tuple[tuple, Strip]] = {}  # y (of the field) -> that key and its styled line (notes_moved.py)
        self._frame: _Frame | None = None  # what every row of the render under way shares
        self._rendering = False
        self._editing = False
        self._styled: tuple | None = None  # what the theme's styles were last set from
        super().__init__(*args, **kwargs)

    def post_message(self, message: Message) -> bool:
        """Textual tells of every cursor move (SelectionChanged), and the
        message climbs every container to the app: seven messages handled
        per key, for no one (nothing here listens to it)."""
        if type(message) is TextArea.SelectionChanged:
            return False
        return super().post_message(message)

    # Textual builds its WrappedDocument in two places (__init__ and
    # _set_document); each becomes the one that rewraps around an edit.
    @property
    def wrapped_document(self) -> WrappedDocument:
        return self._wrapped

    @wrapped_document.setter
    def wrapped_document(self, document: WrappedDocument) -> None:
        if type(document) is WrappedDocument:
            document.__class__ = NotesWrap  # adds no state: the same object, rewrapped more cheaply
        self._wrapped = document

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's own making of the bar (Widget.vertical_scrollbar), with
        the bar that draws only the rows that changed (notes_scrollbar.py)."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = NotesScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def _cleaned(self, line_index: int) -> str:
        raw = self.document.get_line(line_index)
        known = self._clean.get(line_index)
        if known is None or known[0] != raw:
            known = (raw, drawn_text(raw))
            self._clean[line_index] = known
        return known[1]

    def get_line(self, line_index: int) -> Text:
        return _trusted(self._cleaned(line_index), _PLAIN_LINE, [], end="")

    # --- drawing a row once, not on every key ----------------------------------------
    # Textual keys its cache of drawn rows by the row's place and, with soft
    # wrap, by the selection, empties it on every edit, and has every row
    # shown drawn again (and put on the screen again) after every key.
    # Here a row is kept by what it shows (its text, the cursor, selection
    # and bracket marks in it, the styles), and an edit asks for the rows
    # whose key changed to be drawn again, not the whole field.

    def notify_style_update(self) -> None:
        self._rows.clear()
        self._drawn.clear()
        self._styled = None
        super().notify_style_update()

    def edit(self, edit: Any) -> Any:
        self._editing = True
        try:
            return super().edit(edit)
        finally:
            self._editing = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if self._editing and not regions and repaint and not layout and not recompose and self.is_mounted:
            changed = self._changed_rows()
            if changed is not None:
                width = self.scrollable_content_region.width
                regions = tuple(Region(0, y, width, 1) for y in changed) or (Region(0, 0, width, 1),)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _refresh_size(self) -> None:
        """Textual sets the virtual size through a reactive that lays the
        whole screen out again: some 20 ms, on every key that adds a row to
        the note. A field whose size is set by the CSS, not its content,
        needs only its scrollbars told (as a layout would tell them); a
        scrollbar appearing or going still lays the screen out (its own
        reactive does)."""
        height, width = self.styles.height, self.styles.width
        if not self._editing or not self.soft_wrap or height is None or height.is_auto or width is None or width.is_auto:
            # Not an edit (a resize, a new theme, another text): Textual's
            # own, whose layout puts the wrap right for the new width.
            super()._refresh_size()
            return
        size = Size(0, self.wrapped_document.height)
        if size == self.virtual_size:
            self._refresh_scrollbars()  # what Textual does (the scrollbar is not drawn again)
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)

    def _changed_rows(self) -> list[int] | None:
        """The rows shown whose key is not the one drawn there; None if a
        row has no key (Textual draws it: redraw the whole field)."""
        frame = self._frame_now()
        changed = []
        for y in range(self.scrollable_content_region.height):
            key = self._row_key(y, frame)
            if key is None:
                return None
            if self._shown.get(y) != key:
                changed.append(y)
        return changed

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.soft_wrap and self.wrapped_document._width != self.wrap_width:
            # Textual rewraps the text when the field's size changes; a new
            # theme with a wider border or padding (the projector's) changes
            # the width for the text alone, and the rows kept the old wrap,
            # cut off at the border (Textual 8.2's own TextArea as well,
            # tests/ui/test_ui_notes_area.py).
            self._rewrap_and_refresh_virtual_size()
            self.refresh()
        self._rendering = True
        try:
            # TextArea.render_lines sets its theme's styles from the CSS
            # (six component styles, recomputed since every key's refresh
            # empties their cache): about a tenth of a key's work. Done
            # again when a style changed (Textual says so), the widget's own
            # style did, or the theme was replaced or changed.
            theme, styled = self._theme, (self.rich_style, self.app.theme)
            last = self._styled
            if theme is not None and last is not None and last[0] is theme and last[1] == styled:
                self._frame = self._frame_now()
                fresh = self._take_moved(crop, self._frame)  # a scroll: the rows that only moved (notes_moved.py)
                lines = Widget.render_lines(self, crop)
            else:
                self._drawn.clear()
                fresh = self._due(crop)
                lines = super().render_lines(crop)
                self._styled = (theme, styled)
            self._keep_drawn(fresh)
            return lines
        finally:
            self._rendering = False
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        if frame is None:
            frame = self._frame_now()
            if self._rendering:
                self._frame = frame
        key = self._row_key(y, frame)
        self._shown[y] = key
        if key is None or key[1] is None:  # Textual's own, or a row below the text
            return super().render_line(y)
        strip = self._rows.get(key)
        if strip is None:
            _Paragraph.drawing = self.wrapped_document._offset_to_line_info[frame.scroll_y + y][1]
            try:
                strip = self._render_line(y)
            finally:
                _Paragraph.drawing = None
            self._rows[key] = strip
        return strip

    def _frame_now(self) -> _Frame:
        theme = self._theme
        selection = self.selection
        cursor_row, cursor_column = selection.end
        styles = (
            self.theme,
            theme.base_style if theme else None,
            self.rich_style if theme is None or theme.base_style is None else None,
            theme.cursor_line_style if theme else None,
            theme.cursor_style if theme else None,
            theme.selection_style if theme else None,
            theme.bracket_matching_style if theme else None,
            self.size,
            self.scrollable_content_region.width,
            self.scroll_offset.x,
            self.read_only,
            self.show_cursor,
            self.highlight_cursor_line,
            self.match_cursor_bracket,
        )
        return _Frame(
            styles=styles,
            own=bool(self.soft_wrap and not self.show_line_numbers and not self._highlights and not (self.placeholder and not self.text)),
            scroll_y=self.scroll_offset.y,
            selection=selection,
            selected=(min(selection)[0], max(selection)[0]) if selection.start != selection.end else None,
            cursor_row=cursor_row,
            cursor=(cursor_column, self._draw_cursor),
            has_cursor=self._has_cursor,
            bracket=self._matching_bracket_location,
            suggestion=(cursor_column, self.suggestion, self.has_focus) if self.suggestion else None,
        )

    def _row_key(self, y: int, frame: _Frame) -> tuple | None:
        """What row ``y`` shows, or None where Textual's own cache is kept
        (no soft wrap, line numbers, syntax colours, the placeholder, tabs)."""
        if not frame.own:
            return None
        info = self.wrapped_document._offset_to_line_info
        row = frame.scroll_y + y
        if row >= len(info) or info[row] is None:
            return (frame.styles, None)  # below the text: blank
        line_index, section = info[row]
        if "\t" in self.document.get_line(line_index):
            return None
        clean = self._cleaned(line_index)
        start, end = section_bounds(self.wrapped_document.get_offsets(line_index), section, len(clean) + 1)
        on_cursor_line = frame.cursor_row == line_index
        bracket, selected = frame.bracket, frame.selected
        marks = (
            # The cursor (and the bracket under it) where it is drawn in this row.
            frame.cursor if on_cursor_line and start <= frame.cursor[0] <= end else None,
            frame.selection if selected and selected[0] <= line_index <= selected[1] else None,
            bracket if bracket is not None and (bracket[0] == line_index or on_cursor_line) else None,
            frame.suggestion if on_cursor_line else None,
        )
        return (
            frame.styles,
            clean[start:end],
            start <= len(clean) < end,  # the space at the end, where the cursor can stand
            on_cursor_line and frame.has_cursor,
            # Where the row is matters only to what is marked in it.
            (line_index, start, marks) if any(mark is not None for mark in marks) else None,
        )


class _Frame(NamedTuple):
    styles: tuple
    own: bool
    scroll_y: int
    selection: Selection
    selected: tuple[int, int] | None
    cursor_row: int
    cursor: tuple[int, bool]
    has_cursor: bool
    bracket: tuple[int, int] | None
    suggestion: tuple | None


# What TextArea.get_line makes: Text(line, end="", no_wrap=True).
_PLAIN_LINE = _Paragraph("", end="", no_wrap=True)
