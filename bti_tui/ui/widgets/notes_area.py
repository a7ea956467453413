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
builds only the rows asked for, each from its own slice. What is drawn is
the same (tests/ui/test_ui_notes_area.py compares every row with
TextArea's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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


class _Rows(Sequence[Text]):
    """``Text.divide`` of a paragraph, each row built when it is asked for."""

    def __init__(self, paragraph: Text, bounds: list[int]) -> None:
        self._paragraph = paragraph
        self._bounds = bounds

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start, end = self._bounds[index], self._bounds[index + 1]
        spans = [
            Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
            for s in self._paragraph._spans
            if s.end > start and s.start < end
        ]
        return _trusted(self._paragraph.plain[start:end], self._paragraph, spans)

    def __iter__(self) -> Iterator[Text]:
        return (self[i] for i in range(len(self)))


class _Paragraph(Text):
    """One document line, already clean (see the module's docstring)."""

    def pad_right(self, count: int, character: str = " ") -> None:
        if count and character.isprintable():
            self._text[:] = [f"{self.plain}{character * count}"]
            self._length += count
        else:
            super().pad_right(count, character)

    def divide(self, offsets: Any) -> Any:
        cuts = list(offsets)
        if not cuts:
            return super().divide(cuts)
        return _Rows(self, [0, *cuts, len(self.plain)])


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
