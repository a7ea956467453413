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
        widths = [max(int(free * share), 6) for share in SHARES]
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
