"""Agreements as a table (what · who · service · due) whose cells wrap, so
nothing is cut off at 80 columns and it reads as a grid at 200.

The column widths follow the widget's width: Textual's DataTable wraps a
cell only when its column has a fixed width and the row an automatic height.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from bti_tui.model import Agreement
from bti_tui.model.dates import format_date
from bti_tui.ui.text import plain
from bti_tui.ui.widgets.tables import selected_key

DUE_WIDTH = 10
SHARES = (0.45, 0.30, 0.25)  # what, who, service


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _widths(free: int, rows: Sequence[tuple[Agreement, bool]]) -> list[int]:
    """Column widths for what · who · service: each at least as wide as its
    longest word where the width allows (cells wrap at spaces, so no word is
    broken in the middle), the rest shared out by SHARES."""
    columns = [[a.what for a, _ in rows], [a.responsible for a, _ in rows], [a.service for a, _ in rows]]
    wanted = [max(6, min(_longest_word(texts), free // 3)) for texts in columns]
    widths = [max(int(free * share), want) for share, want in zip(SHARES, wanted, strict=True)]
    while sum(widths) > free:  # give back from the widest column beyond its longest word
        spare = [w - want for w, want in zip(widths, wanted, strict=True)]
        index = spare.index(max(spare))
        if spare[index] <= 0:
            break
        widths[index] -= 1
    return widths


class AgreementTable(DataTable):
    DEFAULT_CSS = """
    AgreementTable { height: auto; }
    """

    def __init__(self, t: Callable[..., str], **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self._t = t
        self._rows: list[tuple[Agreement, bool]] = []
        self._width = 0

    def show(self, agreements: Sequence[tuple[Agreement, bool]]) -> None:
        """(agreement, from an earlier meeting) pairs, in order."""
        self._rows = list(agreements)
        self._rebuild()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._rebuild()

    @property
    def selected_id(self) -> str | None:
        return selected_key(self)

    def _rebuild(self) -> None:
        self._width = self.size.width
        row = self.cursor_row
        self.clear(columns=True)
        free = max(self._width - DUE_WIDTH - 2 * 4 - 1, 24)  # 4 columns, padding 1 each side
        widths = _widths(free, self._rows)
        for key, width in zip(("what", "who", "service"), widths, strict=True):
            self.add_column(self._t(f"ui.meeting.col_{key}"), key=key, width=width)
        self.add_column(self._t("ui.meeting.col_due"), key="due", width=DUE_WIDTH)
        for agreement, earlier in self._rows:
            what = plain(agreement.what)
            if earlier:
                what = Text("↺ " + self._t("ui.meeting.from_earlier") + ": ", style="italic") + what
            self.add_row(
                what, plain(agreement.responsible), plain(agreement.service), Text(format_date(agreement.due) or "—"),
                key=agreement.id, height=None,
            )
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))
