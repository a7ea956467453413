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
from textual.widgets import TextArea


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
        super().__init__(*args, **kwargs)
        self._clean: dict[int, tuple[str, str]] = {}  # line index -> (as typed, cleaned)

    def get_line(self, line_index: int) -> Text:
        raw = self.document.get_line(line_index)
        known = self._clean.get(line_index)
        if known is None or known[0] != raw:
            known = (raw, strip_control_codes(raw))
            self._clean[line_index] = known
        return _trusted(known[1], _PLAIN_LINE, [], end="")


# What TextArea.get_line makes: Text(line, end="", no_wrap=True).
_PLAIN_LINE = _Paragraph("", end="", no_wrap=True)
