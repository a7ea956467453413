"""Help: the keys of the screen it was opened from, built from its live
bindings, so it never drifts from what the keys really do."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from bti_tui.ui.screens.base import BtiModal


def screen_keys(screen: Screen) -> list[tuple[str, str]]:
    """(key as shown, description) for every described, enabled binding."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        rows.append((screen.app.get_key_display(binding), binding.description))
    return rows


class HelpScreen(BtiModal):
    BINDINGS = [
        Binding("escape", "dismiss", "keys.close"),
        Binding("f1", "dismiss", "keys.close", show=False),
        Binding("question_mark", "dismiss", "keys.close", show=False),
    ]

    def __init__(self, for_screen: Screen) -> None:
        super().__init__()
        self._for_screen = for_screen

    def compose(self) -> ComposeResult:
        table = Table(show_header=True, header_style="bold", expand=True, box=None)
        table.add_column(self.t("ui.help.key"), no_wrap=True)
        table.add_column(self.t("ui.help.action"))
        for key, description in screen_keys(self._for_screen):
            table.add_row(key, description)
        with VerticalScroll(id="help-box"):
            yield Label(self.t("ui.help.title"), id="help-title")
            yield Static(self.t("ui.help.intro"), id="help-intro")
            yield Static(table, id="help-table")
            yield Static(self.t("ui.help.footer"), id="help-footer")

    def action_dismiss(self) -> None:
        self.dismiss(None)
