"""Wrapping a long paragraph again after a keystroke: only the rows near it.

Where Textual 8.2 falls short: ``WrappedDocument.wrap_range`` wraps every
document line an edit touches from its first character, so each key in a
10,000-character paragraph wraps all 10,000 characters again; and
``get_sections`` (asked twice a key, to place the cursor) builds a
``rich.text.Text`` of the whole paragraph and one per row, only to read
their text. On this machine that was some 10 ms of the UI thread per key.

Textual's wrap (``compute_wrap_offsets``) is greedy: it reads the paragraph
in chunks (a word with the spaces after it) and starts a row where a chunk
does not fit. A row that starts at a chunk (not inside a long word it
folds) depends on nothing before it, so wrapping can start again at such a
row: :func:`rewrap` starts at the last one before the first chunk the edit
can change, wraps a window past the edit with Textual's own function, and
stops at the first such row after the edit that was a row start before it
too; from there the old rows hold, moved by the length of the edit. Lines
with a tab (whose width depends on the whole line) and edits over several
lines are wrapped by Textual as before. tests/ui/test_ui_notes_wrap.py
compares the result with ``compute_wrap_offsets`` on many random edits.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rich.control import STRIP_CONTROL_CODES, strip_control_codes
from textual._wrap import compute_wrap_offsets
from textual.document._document import Location
from textual.document._wrapped_document import WrappedDocument

_SPACE = re.compile(r"\s")  # what Textual's chunks (\S+\s*|\s+) call a space
_CONTROL = [chr(code) for code in STRIP_CONTROL_CODES]


def drawn_text(text: str) -> str:
    """``text`` as ``rich.text.Text`` keeps it (the control codes rich drops
    dropped); looking for each is a thousand times quicker than rich's
    ``str.translate`` over a long paragraph that has none."""
    return strip_control_codes(text) if any(code in text for code in _CONTROL) else text


def _is_space(text: str, index: int) -> bool:
    return _SPACE.match(text, index) is not None


def _row_start(text: str, index: int) -> bool:
    """A chunk starts at ``index`` (a space before it, none at it): a row
    starting here is wrapped as if the text began here."""
    return 0 < index < len(text) and _is_space(text, index - 1) and not _is_space(text, index)


def _chunk_start(text: str, index: int) -> int:
    """The start of the chunk holding ``text[index - 1]`` (0 if none): the
    first chunk an edit at ``index`` can change."""
    i = min(index, len(text)) - 1
    while i >= 0 and _is_space(text, i):
        i -= 1
    while i >= 0 and not _is_space(text, i):
        i -= 1
    return i + 1


_SPACE_THEN_WORD = re.compile(r"\s\S")


def _next_row_start(text: str, index: int) -> int:
    """The first chunk start at or after ``index``, or the end of the text."""
    match = _SPACE_THEN_WORD.search(text, max(index - 1, 0))
    return match.start() + 1 if match else len(text)


def rewrap(text: str, old: list[int], start: int, old_end: int, new_end: int, width: int, tab_size: int) -> list[int]:
    """The wrap offsets of ``text`` (one line, no tab) after an edit that
    replaced ``start:old_end`` of the line wrapped at ``old`` with
    ``start:new_end`` of ``text``; the same as ``compute_wrap_offsets(text,
    width, tab_size)``, computed around the edit."""
    delta = new_end - old_end
    first_changed = _chunk_start(text, start)
    # The last row before it that starts at a chunk: everything before holds.
    keep = bisect_left(old, first_changed)
    while keep > 0 and not _row_start(text, old[keep - 1]):
        keep -= 1
    restart = old[keep - 1] if keep else 0
    prefix = old[:keep]
    window = max(4 * width, 256)
    while True:
        end = _next_row_start(text, new_end + window)
        # Every row of text[restart:end] is as in the whole text: its last
        # chunk ends where it does in the whole text (a chunk starts at end).
        rows = [restart + offset for offset in compute_wrap_offsets(text[restart:end], width, tab_size)]
        if end >= len(text):
            return prefix + rows
        for index, offset in enumerate(rows):
            if offset > new_end and _row_start(text, offset):
                at = bisect_left(old, offset - delta)
                if at < len(old) and old[at] == offset - delta:
                    return prefix + rows[: index + 1] + [o + delta for o in old[at + 1 :]]
        window *= 4


class NotesWrap(WrappedDocument):
    """Textual's WrappedDocument, wrapping an edit within one line only
    around the edit, and giving a line's rows without building Text."""

    _sections: tuple[str, list[int], list[str]] | None = None

    def wrap_range(self, start: Location, old_end: Location, new_end: Location) -> None:
        line = start[0]
        if not self._width or not line == old_end[0] == new_end[0] or not 0 <= line < len(self._wrap_offsets):
            super().wrap_range(start, old_end, new_end)
            return
        text = self.document[line]
        if "\t" in text:
            super().wrap_range(start, old_end, new_end)
            return
        new = rewrap(text, self._wrap_offsets[line], start[1], old_end[1], new_end[1], self._width, self._tab_width)
        self._set_rows(line, new, [0] if text else [])

    def _set_rows(self, line: int, offsets: list[int], tab_widths: list[int]) -> None:
        """What ``wrap_range`` records for one line wrapped anew."""
        top = self._line_index_to_offsets[line][0]
        old_height = len(self._wrap_offsets[line]) + 1
        height = len(offsets) + 1
        self._offset_to_line_info[top : top + old_height] = [(line, section) for section in range(height)]
        self._line_index_to_offsets[line] = list(range(top, top + height))
        self._tab_width_cache[line] = tab_widths
        self._wrap_offsets[line] = offsets
        shift = height - old_height
        if shift:
            below = self._line_index_to_offsets
            for index in range(line + 1, len(below)):
                below[index] = [y + shift for y in below[index]]

    def get_sections(self, line_index: int) -> list[str]:
        """``Text(line).divide(offsets)``'s texts (control codes dropped as
        Text drops them), kept until the line or its rows change."""
        line = self.document[line_index]
        offsets = self._wrap_offsets[line_index]
        known = self._sections
        if known is not None and known[1] == offsets and known[0] == line:
            return list(known[2])
        plain = drawn_text(line)
        bounds = [0, *offsets, len(plain)] if offsets else [0, len(plain)]
        sections = [plain[a:b] for a, b in zip(bounds, bounds[1:])]
        self._sections = (line, list(offsets), sections)
        return list(sections)


def section_bounds(offsets: list[int], section: int, length: int) -> tuple[int, int]:
    """Where row ``section`` of a line wrapped at ``offsets`` starts and ends."""
    start = offsets[section - 1] if section else 0
    end = offsets[section] if section < len(offsets) else length
    return start, end

