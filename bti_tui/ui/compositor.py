"""A screen's compositor that draws, on a partial update, only the rows
that changed.

Where Textual 8.2 falls short: on a partial update (a key typed, the clock
ticking) its compositor takes the box around every changed region and asks
every widget whose *clip* (its container's area) touches that box for *all*
of its lines, then keeps the lines the update needs. One key in the notes
changed one row, and sixteen widgets were drawn whole: the screen, each
container the notes sit in, the step's title and prompt, the Footer (some
440 lines). When the clock ticked in the same frame, the box ran from the
clock at the top to the notes row at the bottom, and nearly the whole
screen was drawn: such keys took 20 ms of the UI thread instead of 12
(benchmarks/typing_cost.py).

Here each widget draws only its rows that a changed region touches. What
reaches the terminal is the same: every row the update writes is drawn by
every widget in it (a cell written lies in a changed region, and so does
the widget in front there), as before
(tests/ui/test_ui_compositor.py compares the two on the same screens). A
full update (a layout, a screenshot) is Textual's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip


def rows_to_draw(visible: Region, regions: list[Region]) -> list[tuple[int, int]]:
    """The rows of ``visible`` (a widget's area on screen) that the changed
    ``regions`` touch, as sorted, merged ``(top, bottom)`` ranges (bottom
    exclusive)."""
    ranges = sorted(
        (max(r.y, visible.y), min(r.bottom, visible.bottom)) for r in regions if visible.overlaps(r)
    )
    merged: list[tuple[int, int]] = []
    for top, bottom in ranges:
        if merged and top <= merged[-1][1]:
            if bottom > merged[-1][1]:
                merged[-1] = (merged[-1][0], bottom)
        else:
            merged.append((top, bottom))
    return merged


class RowCompositor(Compositor):
    """Textual's compositor, drawing only changed rows on a partial update."""

    _changed: list[Region] | None = None

    def render_partial_update(self) -> ChopsUpdate | None:
        self._changed = list(self._dirty_regions)
        try:
            return super().render_partial_update()
        finally:
            self._changed = None

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        changed = self._changed
        if changed is None or crop is None:
            yield from super()._get_renders(crop)
            return
        intersection = Region.intersection
        overlaps = crop.overlaps
        drawn = _Drawn()  # what the widgets in front have drawn, row by row
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            visible = intersection(region, clip)
            if not overlaps(visible):
                continue
            left, right = visible.x, visible.right
            for top, bottom in rows_to_draw(visible, changed):
                # A row the widgets in front cover from edge to edge would be
                # drawn and not shown (the front one's cells win): skipped.
                for first, last in drawn.uncovered(top, bottom, left, right):
                    band = Region(left, first, right - left, last - first)
                    yield region, band, widget.render_lines(Region(left - region.x, first - region.y, band.width, band.height))
                drawn.add(top, bottom, left, right)


class _Drawn:
    """The columns drawn so far on each row, as merged ``(left, right)`` spans."""

    def __init__(self) -> None:
        self._rows: dict[int, list[tuple[int, int]]] = {}

    def covered(self, y: int, left: int, right: int) -> bool:
        return any(a <= left and right <= b for a, b in self._rows.get(y, ()))

    def uncovered(self, top: int, bottom: int, left: int, right: int) -> list[tuple[int, int]]:
        """The runs of rows in ``top..bottom`` not covered across ``left..right``."""
        runs: list[tuple[int, int]] = []
        for y in range(top, bottom):
            if self.covered(y, left, right):
                continue
            if runs and runs[-1][1] == y:
                runs[-1] = (runs[-1][0], y + 1)
            else:
                runs.append((y, y + 1))
        return runs

    def add(self, top: int, bottom: int, left: int, right: int) -> None:
        for y in range(top, bottom):
            spans = self._rows.setdefault(y, [])
            spans.append((left, right))
            if len(spans) > 1:
                spans.sort()
                merged = [spans[0]]
                for a, b in spans[1:]:
                    if a <= merged[-1][1]:
                        merged[-1] = (merged[-1][0], max(merged[-1][1], b))
                    else:
                        merged.append((a, b))
                spans[:] = merged


def draw_changed_rows_only(screen: Screen[object]) -> None:
    """Give ``screen`` the compositor above (before it is mounted)."""
    screen._compositor = RowCompositor()
