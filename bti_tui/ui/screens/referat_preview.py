"""Preview the referat in the app (Textual's Markdown widget, the same
parser as the export), and export it to a file that is said where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Markdown

from bti_tui.session import MeetingSession
from bti_tui.store.exports import write_export
from bti_tui.ui.screens.base import BtiScreen


def render(session: MeetingSession, lang: str, fmt: str = "md") -> str:
    from bti_tui import referat

    renderer = referat.render_html if fmt == "html" else referat.render_markdown
    return renderer(session.meeting, session.kind, session.cases, lang)


def export_referat(screen: BtiScreen, session: MeetingSession, fmt: str = "md") -> None:
    """Write the referat into the data folder's export folder and say where."""
    app = screen.app
    try:
        session.saver.flush()
        text = render(session, session.meeting.language or app.lang, fmt)
        path = write_export(app.repo.data_dir, f"referat-{session.meeting.id}.{fmt}", text)
    except Exception as error:  # shown, not swallowed; the meeting data is untouched
        screen.notify(screen.message_for(error), severity="error", timeout=15)
        return
    screen.notify(screen.t("ui.referat.exported", path=str(path)), timeout=15)


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
            yield Markdown(render(self.session, self.session.meeting.language or self.app.lang), id="referat")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#referat-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self, fmt: str) -> None:
        export_referat(self, self.session, fmt)
