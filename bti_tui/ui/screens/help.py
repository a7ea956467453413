"""Help: the keys of the screen it was opened from, built from its live
bindings, so it never drifts from what the keys really do."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Label, Static

from bti_tui.ui.i18n_bindings import OURS
from bti_tui.ui.screens.base import BtiModal


def screen_actions(screen: Screen) -> list[tuple[str, Binding, DOMNode]]:
    """(key as shown, binding, node) for each action of the screen and the app.

    Editing keys of the focused widget (cursor movement in a text field) are
    left out: they are Textual's own, and the same on every screen."""
    rows: list[tuple[str, Binding, DOMNode]] = []
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is not screen and active.node is not screen.app:
            continue
        if (binding.key, binding.action) not in OURS or not active.enabled or binding.description in seen:
            continue
        seen.add(binding.description)
        rows.append((screen.app.get_key_display(binding), binding, active.node))
    return rows


class HelpScreen(BtiModal):
    BINDINGS = [
        Binding("escape", "dismiss", "keys.close"),
        Binding("f1", "dismiss", "keys.close", show=False),
        Binding("question_mark", "dismiss", "keys.close", show=False),
        Binding("g", "glossary", "keys.glossary"),
    ]

    def __init__(self, for_screen: Screen) -> None:
        super().__init__()
        self._for_screen = for_screen

    def compose(self) -> ComposeResult:
        table = Table(show_header=True, header_style="bold", expand=True, box=None)
        table.add_column(self.t("ui.help.key"), no_wrap=True)
        table.add_column(self.t("ui.help.action"))
        for key, binding, _node in screen_actions(self._for_screen):
            table.add_row(key, binding.description)
        table.add_row(self.app.get_key_display(Binding("g", "glossary")), self.t("keys.glossary"))  # this screen's own key
        with VerticalScroll(id="help-box"):
            yield Label(self.t("ui.help.title"), id="help-title")
            yield Static(self.t("ui.help.intro"), id="help-intro")
            yield Static(table, id="help-table")
            yield Static(self.t("ui.help.footer"), id="help-footer")

    def action_glossary(self) -> None:
        from bti_tui.ui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen())

    def action_dismiss(self) -> None:
        self.dismiss(None)
