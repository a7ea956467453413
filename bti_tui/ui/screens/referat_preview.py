"""Preview the referat in the app (Textual's Markdown widget, the same
parser as the export), and export it to a file that is said where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Markdown

from bti_tui.session import MeetingSession
from bti_tui.session.exports import EXPORT_FORMATS, export_referat as write_referat, render_referat
from bti_tui.ui.screens.base import BtiScreen

__all__ = ["EXPORT_FORMATS", "ReferatPreviewScreen", "export_referat"]


def _parser():
    """The export's own parser settings: raw HTML off, and no linkify, so a
    typed address never becomes a link (Textual's default parser links it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def export_referat(screen: BtiScreen, session: MeetingSession, fmt: str = "md") -> None:
    """Write the referat into the data folder's export folder and say where."""
    try:
        path = write_referat(session, screen.app.lang, fmt)
    except Exception as error:  # shown, not swallowed; the meeting data is untouched
        screen.say(screen.message_for(error), severity="error", timeout=15)
        return
    screen.say(screen.t("ui.referat.exported", path=str(path)), timeout=15)


class ReferatPreviewScreen(BtiScreen):
    BINDINGS = [
        Binding("escape", "back", "keys.back"),
        Binding("e", "export('md')", "keys.export_md"),
        Binding("h", "export('html')", "keys.export_html"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Label(self.t("ui.referat.title"), classes="screen-title")
        with VerticalScroll(id="referat-scroll"):
            yield Markdown(
                render_referat(self.session, self.app.lang), id="referat", open_links=False, parser_factory=_parser
            )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#referat-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self, fmt: str) -> None:
        export_referat(self, self.session, fmt)
