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
        for widget, (region, clip) in self.visible_widgets.items():
            visible = intersection(region, clip)
            if not overlaps(visible):
                continue
            for top, bottom in rows_to_draw(visible, changed):
                band = Region(visible.x, top, visible.width, bottom - top)
                yield region, band, widget.render_lines(Region(band.x - region.x, top - region.y, band.width, band.height))


def draw_changed_rows_only(screen: Screen[object]) -> None:
    """Give ``screen`` the compositor above (before it is mounted)."""
    screen._compositor = RowCompositor()
