"""Rows that only moved, not drawn again: the notes field's scroll.

When the notes scroll by a row (each key that adds a row at the end of a
long note does), Textual 8.2 has every row of the field drawn again through
its styles cache: the border, the padding and the colours around each row,
some 80 µs a row, about 3 ms for a field 35 rows tall (the largest part of
the keys still over one frame, benchmarks/typing_cost.py). The rows' text
is the same, one row higher. Here a row whose content (NotesArea's row key:
its text, the cursor, the marks in it, the styles) was drawn in the last
frame is given the line drawn then, as the styles cache keeps it (before
its line filters, which are applied as always). The rows of the border and
the padding, and every row of a new content, are Textual's to draw.
tests/ui/test_ui_notes_area.py checks what is shown against a full redraw
after scrolls, edits and style changes.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.strip import Strip


class MovedRows:
    """Mixin for NotesArea (first in its bases)."""

    _drawn: dict[int, tuple[tuple, Strip]]  # y -> (row key, the line drawn there)
    _shown: dict[int, tuple | None]
    _styles_cache: Any
    region: Any
    styles: Any

    _row_key: Any  # NotesArea's: what row y shows

    def _interior(self) -> range:
        """The field's rows that show text (inside the border and the padding)."""
        top, _, bottom, _ = self.styles.gutter
        return range(top, self.region.height - bottom)

    def _due(self, crop: Region) -> set[int]:
        """The rows of ``crop`` the styles cache will draw (not kept from before)."""
        cache = self._styles_cache
        return {y for y in crop.line_range if y in cache._dirty_lines or y not in cache._cache}

    def _take_moved(self, crop: Region, frame: Any) -> set[int]:
        """Before Textual draws ``crop``: each row due to be drawn whose
        content was drawn in the last frame gets that line. The rows left
        for Textual to draw are returned."""
        cache = self._styles_cache
        dirty: set[int] = cache._dirty_lines
        lines: dict[int, Strip] = cache._cache
        fresh = self._due(crop)
        drawn = self._drawn
        if not fresh or not drawn or crop.column_span != (0, self.region.width) or cache._width != self.region.width:
            return fresh
        before = {key: line for key, line in drawn.values()}
        interior, top = self._interior(), self.styles.gutter.top
        for y in sorted(fresh):
            if y not in interior:
                continue
            key = self._row_key(y - top, frame)
            line = before.get(key) if key is not None and key[1] is not None else None
            if line is not None:
                lines[y] = line
                dirty.discard(y)
                self._shown[y - top] = key
                drawn[y] = (key, line)
                fresh.discard(y)
        return fresh

    def _keep_drawn(self, fresh: set[int]) -> None:
        """After Textual drew the rows in ``fresh``: what each shows, and its line."""
        lines: dict[int, Strip] = self._styles_cache._cache
        interior, top = self._interior(), self.styles.gutter.top
        for y in fresh:
            key, line = self._shown.get(y - top), lines.get(y)
            if y in interior and key is not None and key[1] is not None and line is not None:
                self._drawn[y] = (key, line)
            else:
                self._drawn.pop(y, None)
