"""The innkalling of one planned meeting: the invitation text in the user's
language, who has been
called and who still needs calling, and the text copied to the clipboard or
saved as Markdown or PDF in the data folder's export folder.

The text is drawn by Rich's Markdown renderable in one Static, not by
Textual's Markdown widget: that one builds a widget per block and took about
2.6 s to show this page on a loaded machine (Rich: 0.3 s). Rich parses with
markdown-it too and turns text into ``Text`` without reading markup; the
typed text in it is escaped Markdown already (``referat.markup``), so it
makes no link, HTML or heading of its own.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from rich.markdown import Markdown
from textual.widgets import Footer, Label, Static

from bti_tui.model.dates import format_date
from bti_tui.resources import stylesheet
from bti_tui.session.innkalling import Invitation, invitation
from bti_tui.store.crypto import is_encrypted
from bti_tui.store.plans import PlanStore
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.text import lines, plain


class InnkallingScreen(BtiScreen):
    CSS_PATH = stylesheet("plan.tcss")  # read when the screen is first shown
    BINDINGS = [
        Binding("c", "copy", "keys.copy"),
        Binding("m", "save('md')", "keys.save_md"),
        Binding("p", "save('pdf')", "keys.save_pdf"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self, store: PlanStore, invitation: Invitation) -> None:
        super().__init__()
        self.store = store
        self.invitation = invitation
        self.text = invitation.markdown(self.app.lang)

    @classmethod
    def of(cls, store: PlanStore, plan_id: str, day: date, lang: str) -> InnkallingScreen:
        """The screen for ``plan_id`` on ``day``; ValidationError for a
        cancelled date (nothing to send)."""
        return cls(store, invitation(store, plan_id, day, lang))

    def compose(self) -> ComposeResult:
        yield Label(self.t("invite.view.title"), classes="screen-title")
        yield Static(self.t("invite.view.help"), classes="help-line")
        with Horizontal(id="innkalling-body"):
            with VerticalScroll(id="innkalling-scroll"):
                yield Static(Markdown(self.text, hyperlinks=False), id="innkalling")
            with VerticalScroll(id="innkalling-called", can_focus=False):
                yield Label(self.t("invite.view.called_title"), classes="section-title")
                yield Static(self._called(), id="called-list")
        yield Footer(compact=True, show_command_palette=False)

    def _called(self):
        inv, t = self.invitation, self.t
        if inv.meeting is None or not (inv.called or inv.to_call):
            return plain(t("invite.view.not_opened"))
        out = [t("invite.view.all_called")] if not inv.to_call else [t("invite.view.to_call", count=len(inv.to_call))]
        out += [plain(f"• {who}", "bold") for who in inv.to_call]
        if inv.called:
            out.append("")
            out += [t("invite.view.called", who=who, date=format_date(when)) for who, when in inv.called]
        return lines(out)

    def on_mount(self) -> None:
        self.query_one("#innkalling-scroll").focus()

    def action_copy(self) -> None:
        # OSC 52: many terminals honour it, some do not, tmux only with
        # set-clipboard on, and no terminal answers whether it did; so the
        # toast says so and points to the files.
        self.app.copy_to_clipboard(self.text)
        self.say(self.t("invite.view.copied"), timeout=12)

    def action_save(self, fmt: str) -> None:
        try:
            path = self.invitation.export(self.store, self.app.lang, fmt)
        except Exception as error:  # shown, not swallowed; the plan is untouched
            self.say(self.message_for(error), severity="error", timeout=15)
            return
        message = self.t("invite.view.saved", path=str(path))
        if is_encrypted(self.store.repo.data_dir):  # the user's export is in clear: say so
            message += " " + self.t("crypto.export_clear")
        self.say(message, timeout=15)

    def action_back(self) -> None:
        self.app.pop_screen()
