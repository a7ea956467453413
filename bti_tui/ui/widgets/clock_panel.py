"""The big clock: time left on this step in large digits, with the case and
the whole meeting below. Overrun shows a word and a sign, not only colour."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from time import monotonic

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widgets import Digits, Label, Static

from bti_tui.model import Budget
from bti_tui.ui.widgets.bigtext import BigClock
from bti_tui.ui.widgets.straight_rows import StraightRows
from bti_tui.model.dates import format_span as clock_text


@dataclass(frozen=True)
class ClockReading:
    step: Budget
    case: Budget | None
    meeting: Budget
    started: bool
    paused: bool
    finished: bool = False  # a finished meeting: time used, no running clock


class ClockLines(StraightRows, Static):
    """The case's and the meeting's time left, drawn again every second.

    Drawn straight (straight_rows.py) from the text shown. Its size is
    Static's; a line too long for the width is Static's to draw (it wraps
    it)."""

    _rows: tuple[str, ...] = ()

    def show(self, text: str, layout: bool) -> None:
        self._rows = tuple(text.split("\n")) if text else ()
        self.update(Text(text), layout=layout)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        rows = self._rows
        if any(cell_len(row) > width for row in rows):
            return super().render_line(y)
        return self.row(rows[y] if 0 <= y < len(rows) else "", width)


TICK = 1.0  # seconds between the clock's readings
#: Seconds a tick of the clock may wait for the next key while someone types.
TYPING_GRACE = 0.1


class ClockPanel(Vertical):
    DEFAULT_CSS = """
    ClockPanel { height: auto; width: auto; }
    ClockPanel Digits { width: auto; }
    """

    def __init__(self, read: Callable[[], ClockReading], t: Callable[..., str], **kwargs) -> None:
        super().__init__(**kwargs)
        self._read = read
        self._t = t
        self._texts: dict[str, str] = {}  # widget id -> the text it shows
        self._due = False  # a second not drawn yet: it waits for the next key

    def _text(self, widget_id: str, text: str) -> None:
        """Show ``text`` if it changed, and lay the screen out again only if
        its shape did: the lines change every second, and a layout of the
        meeting screen every second landed on a keystroke in two of three
        seconds of typing (benchmarks/typing_cost.py)."""
        before = self._texts.get(widget_id)
        if before == text:
            return
        self._texts[widget_id] = text
        same_shape = before is not None and _shape(before) == _shape(text)
        # Our own text (no markup in it, none parsed: a parse is a third of
        # the clock's frame).
        widget = self.query_one(f"#{widget_id}", Static)
        if isinstance(widget, ClockLines):
            widget.show(text, layout=not same_shape)
        else:
            widget.update(Text(text), layout=not same_shape)

    def compose(self) -> ComposeResult:
        yield Label("", id="clock-caption")
        yield Digits("00:00", id="clock-digits")
        # On a wide screen (the wall layout) the same time in large digits.
        yield BigClock(id="clock-big")
        yield Label("", id="clock-state")
        yield ClockLines("", id="clock-lines")

    def on_mount(self) -> None:
        self.refresh_clock()
        self.set_interval(TICK, self._tick)

    def _tick(self) -> None:
        """The second: drawn now, or, while someone types, with the next key
        (within TYPING_GRACE): one frame for both, not a frame of its own
        that a key waits behind (benchmarks/typing_cost.py)."""
        app = self.app
        typed_at = getattr(app, "typed_at", 0.0)
        if self._due or not typed_at or monotonic() - typed_at >= TYPING_GRACE:
            self._due = False
            self.refresh_clock()
            return
        self._due = True
        app.before_next_key(self._draw_due)
        self.set_timer(TYPING_GRACE, self._draw_due)

    def _draw_due(self) -> None:
        if self._due and self.is_attached:
            self._due = False
            self.refresh_clock()

    def _line(self, label_key: str, budget: Budget) -> str:
        t = self._t
        if budget.over:
            return "⚠ " + t(label_key) + ": " + t("ui.clock.line_over", over=clock_text(budget.overrun))
        return t(label_key) + ": " + t("ui.clock.line", left=clock_text(budget.left))

    def _show(self, text: str) -> None:
        self.query_one("#clock-digits", Digits).update(text)
        self.query_one("#clock-big", BigClock).show(text, 1)

    def refresh_clock(self) -> None:
        reading = self._read()
        t = self._t
        step = reading.step
        if reading.finished:
            self._show(clock_text(reading.meeting.used))
            self._text("clock-caption", t("ui.clock.used"))
            self._text("clock-state", "✔ " + t("ui.clock.finished"))
            self._text("clock-lines", "")
            self.set_class(False, "-step-over")
            self.set_class(False, "-paused")
            return
        if step.over:
            self._show("+" + clock_text(step.overrun))
            self._text("clock-caption", t("ui.clock.step_over"))
        else:
            self._show(clock_text(step.left))
            self._text("clock-caption", t("ui.clock.step_left"))
        state = ""
        if not reading.started:
            state = t("ui.clock.not_started")
        elif reading.paused:
            state = "⏸ " + t("ui.clock.paused")
        elif step.over or (reading.case and reading.case.over) or reading.meeting.over:
            state = "⚠ " + t("ui.clock.over_word")
        self._text("clock-state", state)
        self.set_class(step.over, "-step-over")
        self.set_class(reading.paused, "-paused")
        lines = []
        if reading.case is not None:
            lines.append(self._line("ui.clock.case", reading.case))
        lines.append(self._line("ui.clock.meeting", reading.meeting))
        self._text("clock-lines", "\n".join(lines))


def _shape(text: str) -> list[int]:
    """What the size of a label showing ``text`` depends on: the width of each line."""
    return [cell_len(line) for line in text.split("\n")]
