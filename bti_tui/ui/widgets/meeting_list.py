"""The home screen's meeting list, filled a page at a time.

Ten years of a municipality's meetings are over a thousand rows; building
every row before the first frame cost more than the rest of the start
(issue 20). The summaries come from the index (``Repository.indexed_meetings``);
the table gets the first screenful of rows, and the next page when the
cursor or the scrolling comes near the end of what is filled. Every row is still there
to reach: ``ensure`` fills up to a given meeting (to select it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.widgets import DataTable

if TYPE_CHECKING:
    from bti_tui.store.documents import MeetingSummary

PAGE = 100  # rows per fill: well over a screen, even a projected one
MARGIN = 20  # rows from the end of the filled part that trigger the next page

Cells = Callable[["MeetingSummary"], tuple[object, ...]]


class MeetingList(DataTable):
    """A DataTable of meeting summaries keyed by meeting id, filled lazily."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._summaries: list[MeetingSummary] = []
        self._cells: Cells = lambda s: ()
        self._on_filled: Callable[[list[str]], None] | None = None
        self._filled = 0

    @property
    def total(self) -> int:
        """How many meetings the list holds, filled in or not yet."""
        return len(self._summaries)

    def show(
        self, summaries: Sequence[MeetingSummary], cells: Cells, filled: Callable[[list[str]], None] | None = None
    ) -> None:
        """Replace the list: its first screenful is filled now, the rest as
        it is reached. ``filled`` is told the ids of each batch of rows added."""
        self.clear()
        self._summaries, self._cells, self._filled, self._on_filled = list(summaries), cells, 0, filled
        # The first screenful and a little more: the table is not laid out
        # yet, the terminal's height is what it can show at most.
        self.fill_more(rows=self.app.size.height + MARGIN)

    def fill_more(self, up_to: int | None = None, rows: int = PAGE) -> None:
        """Fill the next ``rows`` rows, or up to row ``up_to`` (inclusive)."""
        start = self._filled
        end = min(len(self._summaries), max(start + rows, (up_to or 0) + 1))
        self._filled = max(start, end)  # first: adding a row may move the cursor, which fills
        added = self._summaries[start:end]
        for summary in added:
            self.add_row(*self._cells(summary), key=summary.id)
        if added and self._on_filled is not None:
            self._on_filled([s.id for s in added])

    def drop(self, ids: set[str]) -> None:
        """Take meetings out of the list (their files cannot be read)."""
        for index in reversed(range(len(self._summaries))):
            summary = self._summaries[index]
            if summary.id in ids:
                del self._summaries[index]
                if index < self._filled:
                    self.remove_row(summary.id)
                    self._filled -= 1

    def ensure(self, meeting_id: str) -> int | None:
        """The row of a meeting, filling the list up to it; None if not listed."""
        for index, summary in enumerate(self._summaries):
            if summary.id == meeting_id:
                if index >= self._filled:
                    self.fill_more(up_to=index)
                return index
        return None

    def action_scroll_bottom(self) -> None:
        """Ctrl+End: to the oldest meeting, the list filled first."""
        self.fill_more(up_to=len(self._summaries) - 1)
        super().action_scroll_bottom()

    def _near_end(self, row: int) -> None:
        if self._filled < len(self._summaries) and row >= self._filled - MARGIN:
            self.fill_more()

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        self._near_end(new.row)

    def on_resize(self) -> None:
        self._near_end(int(self.scroll_y) + self.size.height)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # The last row on screen (the header takes a line).
        self._near_end(int(new_value) + self.size.height)
