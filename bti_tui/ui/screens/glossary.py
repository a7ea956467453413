"""The glossary: the Norwegian words of a BTI meeting explained (in English),
or a short help page about them (in bokmål and nynorsk). Opened from the
help screen (F1, then G). The texts are ``glossary.*`` in
``data/i18n/<lang>/glossary.toml``; they are shown as plain text, never
parsed as markup."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from bti_tui.ui.screens.base import BtiModal

# The entries, in the order a newcomer meets them; each is
# glossary.<id>.term and glossary.<id>.text in the catalogue.
ENTRIES = (
    "bti",
    "instansmote",
    "arbeidsmote",
    "stafettholder",
    "stafettlogg",
    "firfoting",
    "referat",
    "forfall",
    "esa",
    "samtykke",
)


class GlossaryScreen(BtiModal):
    DEFAULT_CSS = """
    GlossaryScreen #glossary-box {
        width: 90;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    GlossaryScreen #glossary-title {
        text-style: bold;
        color: $primary;
    }
    GlossaryScreen .glossary-note {
        color: $text-muted;
        margin: 1 0;
    }
    GlossaryScreen .glossary-entry {
        margin-bottom: 1;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "keys.close"),
        Binding("g", "dismiss", "keys.close", show=False),
    ]

    def compose(self) -> ComposeResult:
        t = self.t
        with VerticalScroll(id="glossary-box"):
            yield Static(Text(t("glossary.page.title")), id="glossary-title")
            yield Static(Text(t("glossary.page.intro")), classes="glossary-note")
            for entry in ENTRIES:
                text = Text.assemble((t(f"glossary.{entry}.term"), "bold"), "\n", t(f"glossary.{entry}.text"))
                yield Static(text, classes="glossary-entry", id=f"glossary-{entry}")
            yield Static(Text(t("glossary.page.footer")), classes="glossary-note")

    def on_mount(self) -> None:
        self.query_one("#glossary-box").focus()  # arrow keys and PgUp/PgDn scroll

    def action_dismiss(self) -> None:
        self.dismiss(None)
