"""A checkbox that shows its state as a sign, not only as a colour: ✔ when
ticked, empty when not (Textual's Checkbox draws an X in both states and
tells them apart by colour alone: unreadable on a monochrome projector)."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name
        return "✔" if self.value else " "
