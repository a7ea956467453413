"""Rows drawn straight (Textual's line API) for widgets redrawn every second.

The clock's digits and lines change every second, and through Textual's
content pipeline (a Text, its visual, its strips) they took some 2.5 ms of
the frame a keystroke shares with the clock (benchmarks/typing_cost.py). A
widget with this mixin draws each row as one segment in its own style,
worked out once per draw (``rich_style`` walks every ancestor on each call).
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class StraightRows:
    """Mixin for a Widget (first in its bases)."""

    _style: Style | None = None
    rich_style: Style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._style = self.rich_style
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._style = None

    def row(self, text: str, width: int, extra: Style | None = None) -> Strip:
        """``text`` as one row ``width`` cells wide, in the widget's style."""
        style: Any = self._style if self._style is not None else self.rich_style
        if extra is not None:
            style = style + extra
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)
