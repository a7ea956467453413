"""The notes field's vertical scrollbar, drawn again only where it changed.

Each key that adds a row to a long note changes the scrollbar's thumb by
an eighth of a cell or so. Textual 8.2 then draws the whole bar again, and
through Rich's console (the bar is a Rich renderable): some 2–4 ms of that
key for a bar 35 rows tall, the largest part of the keys that went over
one frame (benchmarks/typing_cost.py). Here each row is the bar's own
segment for it (``ScrollBarRender.render_bar``, the glyphs, colours and
mouse actions Textual's has), styled as Textual styles it, and a change
asks only for the rows whose segment changed to be drawn again.
tests/ui/test_ui_notes_area.py compares every row with Textual's.
"""

from __future__ import annotations

from typing import Self

from rich.color import Color
from rich.segment import Segment
from textual.geometry import Region, Size
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip


class NotesScrollBar(ScrollBar):
    """A vertical ScrollBar whose rows are made straight from its segments."""

    _rows: tuple[Size, list[Segment]] | None = None  # the size drawn at, a segment per row

    def _made(self) -> list[Segment] | None:
        """The bar's segment for each row as it is now; None where Textual's
        own drawing is kept (horizontal, or a renderer of another kind)."""
        renderable = self.render()
        if not self.vertical or type(renderable) is not ScrollBarRender:
            return None
        width, height = self.size
        style = renderable.style if not isinstance(renderable.style, str) else None
        if style is None or width <= 0 or height <= 0:
            return None
        # What ScrollBarRender.__rich_console__ asks of render_bar, with the
        # size the widget is drawn at (its content: a bar has no spacing).
        bar = renderable.render_bar(
            size=height,
            window_size=renderable.window_size,
            virtual_size=renderable.virtual_size,
            position=renderable.position,
            vertical=True,
            thickness=width,
            back_color=style.bgcolor or Color.parse("#555555"),
            bar_color=style.color or Color.parse("bright_magenta"),
        )
        # What Textual's drawing adds: the widget's style beneath each segment.
        base = self.visual_style.rich_style
        return [Segment(segment.text, base + segment.style if base else segment.style) for segment in bar.segments]

    def render_line(self, y: int) -> Strip:
        rows = self._rows
        if rows is None or rows[0] != self.size:
            made = self._made()
            if made is None:
                return super().render_line(y)
            rows = self._rows = (self.size, made)
        segments = rows[1]
        return Strip([segments[y]], self.size.width) if 0 <= y < len(segments) else super().render_line(y)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        before = self._rows
        self._rows = None
        if regions or not repaint or layout or recompose or before is None or not self.is_mounted or before[0] != self.size:
            return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        made = self._made()
        if made is None or len(made) != len(before[1]):
            return super().refresh(repaint=repaint)
        self._rows = (self.size, made)
        changed = [Region(0, y, self.size.width, 1) for y, (old, new) in enumerate(zip(before[1], made, strict=True)) if old != new]
        if changed:
            super().refresh(*changed)
        return self

    def notify_style_update(self) -> None:
        self._rows = None
        super().notify_style_update()
