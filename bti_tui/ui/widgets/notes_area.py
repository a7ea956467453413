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
once per row drawn). What is drawn is
the same (tests/ui/test_ui_notes_area.py compares every row with
TextArea's).
"""

from __future__ import annotations

from typing import Any

from rich.control import strip_control_codes
from rich.text import Span, Text
from textual.cache import LRUCache
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea

from bti_tui.ui.widgets.notes_wrap import NotesWrap, section_bounds


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


def _rows(paragraph: Text, bounds: list[int]) -> list[Text]:
    """``Text.divide`` of a clean paragraph: each row from its own slice,
    with the spans that fall in it, and nothing cleaned again."""
    plain, spans = paragraph.plain, paragraph._spans
    rows = []
    for start, end in zip(bounds, bounds[1:]):
        inside = [Span(max(s.start, start) - start, min(s.end, end) - start, s.style) for s in spans if s.end > start and s.start < end]
        rows.append(_trusted(plain[start:end], paragraph, inside))
    return rows


class _Paragraph(Text):
    """One document line, already clean (see the module's docstring)."""

    def pad_right(self, count: int, character: str = " ") -> None:
        if count and character.isprintable():
            self._text[:] = [f"{self.plain}{character * count}"]
            self._length += count
        else:
            super().pad_right(count, character)

    # The rows of the paragraph last divided: TextArea divides the same
    # paragraph, styled the same, once for every row it draws of it. Each
    # caller takes one row and only reads it (sets ``end = ""``, renders).
    _last: tuple[str, list[int], list[Span], list[Text]] | None = None

    def divide(self, offsets: Any) -> Any:
        cuts = list(offsets)
        if not cuts:
            return super().divide(cuts)
        last = _Paragraph._last
        if last is not None and last[1] == cuts and last[2] == self._spans and last[0] == self.plain:
            return last[3]
        rows = _rows(self, [0, *cuts, len(self.plain)])
        _Paragraph._last = (self.plain, cuts, list(self._spans), rows)
        return rows


class NotesArea(TextArea):
    """A TextArea whose long paragraphs cost each key the rows it shows,
    not the rows times the paragraph."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._clean: dict[int, tuple[str, str]] = {}  # line index -> (as typed, cleaned)
        self._rows: LRUCache[tuple, Strip] = LRUCache(512)
        self._styling: tuple | None = None  # the styles of this render (see render_lines)
        super().__init__(*args, **kwargs)

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

    def _cleaned(self, line_index: int) -> str:
        raw = self.document.get_line(line_index)
        known = self._clean.get(line_index)
        if known is None or known[0] != raw:
            known = (raw, strip_control_codes(raw))
            self._clean[line_index] = known
        return known[1]

    def get_line(self, line_index: int) -> Text:
        return _trusted(self._cleaned(line_index), _PLAIN_LINE, [], end="")

    # --- drawing a row once, not on every key ----------------------------------------
    # Textual keys its cache of drawn rows by the row's place and, with soft
    # wrap, by the selection, and empties it on every edit: every key draws
    # every row shown again. Here a row is kept by what it shows (its text,
    # the cursor and selection in it, the styles), so a key draws the rows
    # it changed.

    def notify_style_update(self) -> None:
        self._rows.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._styling = None  # TextArea.render_lines applies the CSS to its theme first
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        key = self._row_key(y)
        if key is None:
            return super().render_line(y)
        strip = self._rows.get(key)
        if strip is None:
            strip = self._render_line(y)
            self._rows[key] = strip
        return strip

    def _style_key(self) -> tuple:
        if self._styling is None:  # the theme's styles, set from the CSS at each render
            theme = self._theme
            self._styling = (
                self.theme,
                theme.base_style if theme else None,
                self.rich_style if theme is None or theme.base_style is None else None,
                theme.cursor_line_style if theme else None,
                theme.cursor_style if theme else None,
                theme.selection_style if theme else None,
                theme.bracket_matching_style if theme else None,
            )
        return (
            self._styling,
            self.size,
            self.scrollable_content_region.width,
            self.scroll_offset.x,
            self.read_only,
            self.show_cursor,
            self.highlight_cursor_line,
            self.match_cursor_bracket,
        )

    def _row_key(self, y: int) -> tuple | None:
        """What row ``y`` shows, or None where Textual's own cache is kept
        (no soft wrap, line numbers, syntax colours, the placeholder, tabs)."""
        if not self.soft_wrap or self.show_line_numbers or self._highlights or (self.placeholder and not self.text):
            return None
        wrapped = self.wrapped_document
        row = self.scroll_offset.y + y
        info = wrapped._offset_to_line_info
        if row >= len(info) or info[row] is None:
            return None
        line_index, section = info[row]
        if "\t" in self.document.get_line(line_index):
            return None
        clean = self._cleaned(line_index)
        start, end = section_bounds(wrapped.get_offsets(line_index), section, len(clean) + 1)
        selection = self.selection
        cursor_row, cursor_column = selection.end
        top, bottom = sorted(selection)
        on_cursor_line = cursor_row == line_index
        bracket = self._matching_bracket_location
        marks = (
            # The cursor (and the bracket under it) where it is drawn in this row.
            (cursor_column, self._draw_cursor) if on_cursor_line and start <= cursor_column <= end else None,
            selection if selection.start != selection.end and top[0] <= line_index <= bottom[0] else None,
            bracket if bracket is not None and (bracket[0] == line_index or on_cursor_line) else None,
            (cursor_column, self.suggestion, self.has_focus) if on_cursor_line and self.suggestion else None,
        )
        return (
            self._style_key(),
            clean[start:end],
            start <= len(clean) < end,  # the space at the end, where the cursor can stand
            on_cursor_line and self._has_cursor,
            # Where the row is matters only to what is marked in it.
            (line_index, start, marks) if any(mark is not None for mark in marks) else None,
        )


# What TextArea.get_line makes: Text(line, end="", no_wrap=True).
_PLAIN_LINE = _Paragraph("", end="", no_wrap=True)
