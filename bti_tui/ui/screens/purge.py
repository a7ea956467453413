"""Archive and purge (issue 18): what ``bti-tui purge`` and ``bti-tui
archived`` do, from the home screen.

Purge: a date and "archived only"; "show what is removed" lists the
finished meetings, closed cases and exports (ids and dates, no names),
"remove for good" asks, removes exactly that list (session/retention.py)
and reports. Mark: a meeting or case id, a date and the ESA reference.
Every refusal is a message in the user's language and changes nothing."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Static

from bti_tui.model import ValidationError
from bti_tui.model.dates import format_date
from bti_tui.resources import stylesheet
from bti_tui.session.retention import RetentionDesk, purge_listing
from bti_tui.store import StoreError
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import ConfirmScreen
from bti_tui.ui.text import plain
from bti_tui.ui.widgets.tick_box import TickBox


class PurgeScreen(BtiScreen):
    CSS_PATH = stylesheet("purge.tcss")  # read when the screen is first shown
    BINDINGS = [Binding("escape", "back", "keys.back")]

    def __init__(self) -> None:
        super().__init__()
        self.desk = RetentionDesk(self.app.repo, self.app.now().date())

    def compose(self) -> ComposeResult:
        t = self.t
        with VerticalScroll(id="purge"):
            yield Label(t("retention.title"), classes="screen-title")
            yield Static(t("retention.help"), classes="help-line")
            with Vertical(classes="field purge-date"):
                yield Label(t("retention.before"))
                yield Input(id="purge-before", placeholder=t("ui.form.date_hint"))
            yield TickBox(t("retention.archived_only"), id="purge-archived-only")
            with Horizontal(classes="purge-buttons"):
                yield Button(t("retention.list"), variant="primary", id="purge-list")
                yield Button(t("retention.remove"), variant="error", id="purge-remove", disabled=True)
            yield Static("", id="purge-listing")
            yield Static("", id="purge-message", classes="form-error")
            yield Label(t("retention.mark_title"), classes="section-title")
            yield Static(t("retention.mark_help"), classes="help-line")
            with Horizontal(classes="field-row"):
                for name in ("id", "date", "ref"):
                    with Vertical(classes="field"):
                        yield Label(t(f"retention.mark_{name}"))
                        yield Input(id=f"mark-{name}")
            with Horizontal(classes="purge-buttons"):
                yield Button(t("retention.mark_save"), id="mark-save")
            yield Static("", id="mark-message", classes="form-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#purge-before", Input).focus()

    # --- purge ------------------------------------------------------------------------
    def _choices(self) -> tuple[str, bool]:
        return self.query_one("#purge-before", Input).value, self.query_one("#purge-archived-only", TickBox).value

    def _message(self, text: str, where: str = "#purge-message") -> None:
        self.query_one(where, Static).update(plain(text))

    @on(Input.Changed, "#purge-before")
    @on(TickBox.Changed, "#purge-archived-only")
    def _choices_changed(self) -> None:
        """A listing is for the choices it was made with: changed, it goes."""
        if not self.desk.matches(*self._choices()):
            self.query_one("#purge-remove", Button).disabled = True
            self.query_one("#purge-listing", Static).update("")

    @on(Input.Submitted, "#purge-before")
    @on(Button.Pressed, "#purge-list")
    def action_list(self) -> None:
        before, archived_only = self._choices()
        try:
            plan = self.desk.list(before, archived_only)
        except (ValidationError, StoreError) as error:
            self.query_one("#purge-remove", Button).disabled = True
            self.query_one("#purge-listing", Static).update("")
            self._message("⚠ " + self.message_for(error))
            return
        folder = str(self.app.repo.data_dir)
        kept = [self.t("purge.kept_open", count=len(plan.kept_open), ids=", ".join(plan.kept_open))] if plan.kept_open else []
        text = self.t("purge.nothing", date=format_date(plan.before), folder=folder) if plan.empty else purge_listing(self.t, plan, full_paths=False)
        self.query_one("#purge-listing", Static).update(plain("\n".join([text, *kept])))
        self._message("")
        self.query_one("#purge-remove", Button).disabled = plan.empty

    @on(Button.Pressed, "#purge-remove")
    def action_remove(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self._remove()

        self.app.push_screen(
            ConfirmScreen(self.t("retention.confirm"), self.t("retention.confirm_yes"), self.t("retention.confirm_no")), answered
        )

    def _remove(self) -> None:
        self.app.saver.flush()
        try:
            done = self.desk.remove(*self._choices())
        except (ValidationError, StoreError) as error:
            self._message("⚠ " + self.message_for(error))
            return
        counts = [
            self.t("purge.done_meetings", count=len(done.meetings)),
            self.t("purge.done_cases", count=len(done.cases)),
            self.t("purge.done_exports", count=len(done.exports)),
        ]
        self.query_one("#purge-listing", Static).update("")
        self.query_one("#purge-remove", Button).disabled = True
        self._message(self.t("purge.done", what=", ".join(counts), folder=str(self.app.repo.data_dir)))

    # --- archived in ESA ----------------------------------------------------------------
    @on(Button.Pressed, "#mark-save")
    def action_mark(self) -> None:
        values = [self.query_one(f"#mark-{name}", Input).value for name in ("id", "date", "ref")]
        try:
            mark = self.desk.mark(*values)
        except (ValidationError, StoreError) as error:
            self._message("⚠ " + self.message_for(error), "#mark-message")
            return
        text = self.t(f"purge.marked_{mark.kind}", id=mark.id, date=format_date(mark.on), ref=mark.ref)
        self._message(text, "#mark-message")

    def action_back(self) -> None:
        self.app.pop_screen()
