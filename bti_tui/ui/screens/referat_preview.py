"""Preview the referat in the app (Textual's Markdown widget, the same
parser as the export), and export it to a file that is said where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Markdown

from bti_tui.session import MeetingSession
from bti_tui.session.exports import EXPORT_FORMATS, case_choices, render_referat
from bti_tui.session.exports import export_referat as write_referat
from bti_tui.store.crypto import is_encrypted
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import ChoiceScreen

__all__ = ["EXPORT_FORMATS", "ReferatPreviewScreen", "choose_export", "export_referat"]


def _parser():
    """The export's own parser settings: raw HTML off, and no linkify, so a
    typed address never becomes a link (Textual's default parser links it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def export_referat(screen: BtiScreen, session: MeetingSession, fmt: str = "md", case: int | None = None) -> None:
    """Write the referat into the data folder's export folder and say where."""
    try:
        path = write_referat(session, screen.app.lang, fmt, case)
    except Exception as error:  # shown, not swallowed; the meeting data is untouched
        screen.say(screen.message_for(error), severity="error", timeout=15)
        return
    message = screen.t("ui.referat.exported", path=str(path))
    if is_encrypted(session.saver.repo.data_dir):  # the user's export is in clear: say so
        message += " " + screen.t("crypto.export_clear")
    screen.say(message, timeout=15)


def choose_export(screen: BtiScreen, session: MeetingSession) -> None:
    """Ask what (one case for the child's folder, or the meeting for the
    participants), then the format; then export."""
    t = screen.t
    whats = [(label, str(number)) for number, label in case_choices(session, screen.app.lang)]
    whats.append((t("ui.referat.whole_meeting"), "all"))

    def what_chosen(what: str | None) -> None:
        if what is None:
            return
        case = None if what == "all" else int(what)
        formats = [(t(f"ui.referat.format_{fmt}"), fmt) for fmt in EXPORT_FORMATS]
        screen.app.push_screen(
            ChoiceScreen(t("ui.referat.export_q"), formats),
            lambda fmt: export_referat(screen, session, fmt, case) if fmt else None,
        )

    screen.app.push_screen(ChoiceScreen(t("ui.referat.export_what_q"), whats), what_chosen)


class ReferatPreviewScreen(BtiScreen):
    BINDINGS = [
        Binding("escape", "back", "keys.back"),
        Binding("e", "export", "keys.export"),
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

    def action_export(self) -> None:
        choose_export(self, self.session)
