"""G · R · O · W with the current phase marked by brackets and bold, so it
reads on a monochrome projector too."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from bti_tui.model import Phase


class PhaseStepper(Static):
    def show(self, current: Phase | None, names: dict[Phase, str], narrow: bool = False) -> None:
        """``narrow``: only the current phase is named, so all four fit in 80 columns."""
        text = Text()
        for index, phase in enumerate(Phase):
            if index:
                text.append(" → " if narrow else "  →  ", style="dim")
            named = not narrow or phase is current
            label = f"{phase.value} {names[phase]}" if named else phase.value
            if phase is current:
                text.append(f"[ {label} ]", style="bold reverse")
            else:
                text.append(f"  {label}  ", style="dim" if current else "")
        self.update(text)
