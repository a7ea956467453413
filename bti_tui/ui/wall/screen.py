"""The wall's one screen: phase bar and case, the step's title in large
letters, the time left as the largest thing on screen, the prompt, the
notes (at most about 100 columns wide) and the case's agreements; during
the read-back, the case's decisions in large type.

It only shows a :class:`WallView`; every widget is updated only when what
it shows changed, so an idle wall redraws the clock once a second and
nothing else.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, Static

from bti_tui.model import Phase
from bti_tui.ui.compositor import draw_changed_rows_only
from bti_tui.ui.text import plain
from bti_tui.ui.widgets.bigtext import READ_BACK_FONTS, TITLE_FONTS, BigClock, BigText, clock_lines, clock_scale
from bti_tui.ui.wall.view import WallView
from bti_tui.ui.widgets.phase_stepper import PhaseStepper

#: Columns kept beside the big clock for its caption and the case and meeting lines.
CLOCK_INFO = 36
#: The clock may take this share of the screen's height.
CLOCK_SHARE = 0.3

#: Below this width only the current phase is named in the phase bar.
NARROW = 160

MODES = ("idle", "opening", "step", "read_back", "closing")


class WallScreen(Screen[None]):
    def __init__(self) -> None:
        super().__init__()
        draw_changed_rows_only(self)
        self.view: WallView | None = None
        self._shown: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="wall-top"):
            yield PhaseStepper("", id="wall-phases")
            yield Label("", id="wall-where")
        yield BigText(TITLE_FONTS, id="wall-title")
        with Horizontal(id="wall-clockband"):
            yield BigClock(id="wall-clock")
            with Vertical(id="wall-clockinfo"):
                yield Label("", id="wall-caption")
                yield Label("", id="wall-state")
                yield Static("", id="wall-lines")
        yield Static("", id="wall-prompt")
        with Horizontal(id="wall-body"):
            with VerticalScroll(id="wall-notes-box"):
                yield Label("", id="wall-notes-heading", classes="wall-heading")
                yield Static("", id="wall-notes")
            with VerticalScroll(id="wall-agreements-box"):
                yield Label("", id="wall-agreements-heading", classes="wall-heading")
                yield Static("", id="wall-agreements")
            with Vertical(id="wall-readback-box"):
                yield Label("", id="wall-readback-heading", classes="wall-heading")
                yield BigText(READ_BACK_FONTS, fill=True, id="wall-readback")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.app.tick()  # the first look, as soon as there is something to show it in

    # --- sizes --------------------------------------------------------------------
    def _clock_factor(self, digits: str) -> int:
        width, height = self.size
        template = "".join("0" if c.isdigit() else c for c in digits)
        return clock_scale(template, width - CLOCK_INFO - 4, max(5, int(height * CLOCK_SHARE)))

    def on_resize(self) -> None:
        self._shown.clear()
        if self.view is not None:
            self.show(self.view)

    # --- showing ------------------------------------------------------------------
    def _changed(self, key: str, value: Any) -> bool:
        if self._shown.get(key, object()) == value:
            return False
        self._shown[key] = value
        return True

    def _text(self, widget_id: str, value: str, style: str = "") -> None:
        """Show ``value`` if it changed; the layout is redone only if its
        shape did (the case and meeting lines change every second)."""
        before = self._shown.get(widget_id)
        if self._changed(widget_id, (value, style)):
            shape = [len(line) for line in value.splitlines()]
            same = before is not None and [len(line) for line in before[0].splitlines()] == shape
            self.query_one(f"#{widget_id}", Static).update(plain(value, style), layout=not same)

    def show(self, view: WallView) -> None:
        self.view = view
        if self._changed("mode", view.mode):
            for mode in MODES:
                self.set_class(view.mode == mode, f"-{mode.replace('_', '-')}")
        if self._changed("phase", (view.phase, self.size.width)):
            names = {phase: self.app.t(f"ui.phase.{phase.value}") for phase in Phase}
            self.query_one("#wall-phases", PhaseStepper).show(view.phase, names, self.size.width < NARROW)
        self._text("wall-where", "  ·  ".join(part for part in (view.where, view.step_of) if part), "bold")
        self._show_clock(view)
        self._text("wall-prompt", view.prompt, "italic")
        self._text("wall-notes-heading", view.notes_heading)
        if self._changed("notes", view.notes):
            self.query_one("#wall-notes", Static).update(plain(view.notes))
            self.query_one("#wall-notes-box", VerticalScroll).scroll_end(animate=False)
        self._text("wall-agreements-heading", view.agreements_heading if view.agreements or view.mode == "step" else "")
        self._text("wall-agreements", "\n".join(view.agreements) or (self.app.t("wall.no_agreements") if view.mode == "step" else ""))
        self._text("wall-readback-heading", view.big_heading)
        self.query_one("#wall-readback", BigText).show(view.big)

    def _show_clock(self, view: WallView) -> None:
        face = view.clock
        factor = self._clock_factor(face.digits)
        clock_rows = len(clock_lines(face.digits, factor)) if factor else 1
        title_rows = max(4, clock_rows // 2 + 1)  # the clock stays the largest thing
        self.query_one("#wall-title", BigText).show(view.title, max_rows=title_rows)
        self.query_one("#wall-clock", BigClock).show(face.digits, factor)
        if self._changed("clock-class", (face.over, face.paused)):
            clock = self.query_one("#wall-clockband")
            clock.set_class(face.over, "-over")
            clock.set_class(face.paused, "-paused")
        self._text("wall-caption", face.caption, "bold")
        self._text("wall-state", face.state, "bold")
        self._text("wall-lines", "\n".join(face.lines))
