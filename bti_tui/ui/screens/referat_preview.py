"""Preview the referat in the app, and export it to a file that is said where.

The referat is drawn by Rich's Markdown renderable in one Static (as the
innkalling is), not by Textual's Markdown widget: that one builds a widget
per block and table cell, and took 3–4 s to show the demo meeting's referat
on this machine, in front of the room (Rich: a fraction of a second,
``benchmarks/preview.py``). Rich parses with markdown-it too and turns text
into ``Text`` without reading markup; the typed text in the referat is
escaped Markdown already (``referat.markup``), so it makes no link, HTML or
heading of its own, and ``hyperlinks=False`` writes no terminal link.
"""

from __future__ import annotations

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Label, Static

from bti_tui.session import MeetingSession
from bti_tui.session.exports import EXPORT_FORMATS, case_choices, render_referat
from bti_tui.session.exports import export_referat as write_referat
from bti_tui.store.crypto import is_encrypted
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import ChoiceScreen

__all__ = ["EXPORT_FORMATS", "ReferatPreviewScreen", "choose_export", "export_referat"]


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
            yield Static(Markdown(render_referat(self.session, self.app.lang), hyperlinks=False), id="referat")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#referat-scroll").focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        choose_export(self, self.session)
