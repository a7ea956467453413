"""G · R · O · W with the current phase marked by brackets and bold, so it
reads on a monochrome projector too."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from bti_tui.model import Phase


class PhaseStepper(Static):
    def show(self, current: Phase | None, names: dict[Phase, str]) -> None:
        text = Text()
        for index, phase in enumerate(Phase):
            if index:
                text.append("  →  ", style="dim")
            label = f"{phase.value} {names[phase]}"
            if phase is current:
                text.append(f"[ {label} ]", style="bold reverse")
            else:
                text.append(f"  {label}  ", style="dim" if current else "")
        self.update(text)
