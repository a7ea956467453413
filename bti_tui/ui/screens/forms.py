"""Small modal forms: a participant, an agreement, a yes/no question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from bti_tui.model import MeetingKind, ValidationError
from bti_tui.model.dates import parse_optional_date
from bti_tui.model.localized import pick
from bti_tui.ui.screens.base import BtiModal
from bti_tui.ui.text import plain, safe


class FormModal(BtiModal):
    """A modal with fields, an error line, and Enter/F8 to save, Esc to cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "keys.cancel"),
        Binding("f8", "submit", "keys.save"),
    ]
    title_key = ""

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def compose(self) -> ComposeResult:
        # Scrolls when the form is taller than the screen (80×24); not a
        # stop of its own for Tab, so Tab goes from field to field.
        with VerticalScroll(classes="form-box", can_focus=False):
            yield Label(self.t(self.title_key), classes="form-title")
            yield from self.compose_fields()
            yield Static("", classes="form-error", id="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(self.t("ui.form.save"), variant="primary", id="form-save")
                yield Button(self.t("ui.form.cancel"), id="form-cancel")

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(plain("⚠ " + message))

    @on(Button.Pressed, "#form-save")
    @on(Input.Submitted)
    def _save_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        try:
            result = self.collect()
        except ValidationError as error:
            self.show_error(self.t.error(error))
            return
        self.dismiss(result)

    def collect(self) -> object:
        raise NotImplementedError

    def value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()


class ParticipantForm(FormModal):
    """Add an invited participant (lege, PPT …) or name a fixed one."""

    title_key = "ui.participant.title"

    def __init__(
        self,
        kind: MeetingKind,
        lang: str,
        apply: Callable[[str, str, str], object],
        name: str = "",
        role: str = "",
        service: str = "",
    ) -> None:
        super().__init__()
        self._kind = kind
        self._lang = lang
        self._apply = apply
        self._initial = (name, role, service)

    def compose_fields(self) -> ComposeResult:
        name, role, service = (safe(v, multiline=False) for v in self._initial)
        if not role:
            options = [(pick(r.role, self._lang), r.id) for r in self._kind.invitable_roles]
            yield Label(self.t("ui.participant.preset"))
            yield Select(options, id="p-preset", prompt=self.t("ui.participant.preset_prompt"), compact=True)
        yield Label(self.t("ui.participant.name"))
        yield Input(name, id="p-name", placeholder=self.t("ui.participant.name_hint"), compact=True)
        yield Label(self.t("ui.participant.role"))
        yield Input(role, id="p-role", compact=True)
        yield Label(self.t("ui.participant.service"))
        yield Input(service, id="p-service", compact=True)

    @on(Select.Changed, "#p-preset")
    def _preset(self, event: Select.Changed) -> None:
        for spec in self._kind.invitable_roles:
            if spec.id == event.value:
                self.query_one("#p-role", Input).value = pick(spec.role, self._lang)
                self.query_one("#p-service", Input).value = pick(spec.service, self._lang)

    def collect(self) -> bool:
        """The session checks and applies the fields (ValidationError keeps the form open)."""
        self._apply(*(self.value(i) for i in ("p-name", "p-role", "p-service")))
        return True


class AgreementForm(FormModal):
    """What · who · service · due date."""

    title_key = "ui.agreement.title"

    def __init__(
        self,
        names: list[str],
        services: list[str],
        apply: Callable[[str, str, str, date | None], object],
    ) -> None:
        super().__init__()
        self._names = names
        self._services = services
        self._apply = apply

    def compose_fields(self) -> ComposeResult:
        yield Label(self.t("ui.agreement.what"))
        yield Input(id="a-what", placeholder=self.t("ui.agreement.what_hint"), compact=True)
        yield Label(self.t("ui.agreement.who"))
        yield Input(id="a-who", suggester=SuggestFromList(self._names, case_sensitive=False), compact=True)
        yield Label(self.t("ui.agreement.service"))
        yield Input(id="a-service", suggester=SuggestFromList(self._services, case_sensitive=False), compact=True)
        yield Label(self.t("ui.agreement.due"))
        yield Input(id="a-due", placeholder=self.t("ui.form.date_hint"), compact=True)

    def collect(self) -> bool:
        """The session checks and adds the agreement (ValidationError keeps the form open)."""
        due = parse_optional_date(self.value("a-due"))
        self._apply(self.value("a-what"), self.value("a-who"), self.value("a-service"), due)
        return True


class ConfirmScreen(BtiModal):
    """A question with two answers; returns True for yes."""

    # "Yes" is the button only (Tab, Enter): no shortcut, so a second press
    # of F8 ("next") can never answer a warning by accident.
    BINDINGS = [
        Binding("escape", "answer(False)", "keys.no"),
        Binding("left", "app.focus_previous", "keys.focus_previous", show=False),
        Binding("right", "app.focus_next", "keys.focus_next", show=False),
    ]

    def __init__(self, message: str, yes: str, no: str) -> None:
        super().__init__()
        self._message, self._yes, self._no = message, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box confirm-box"):
            yield Static(plain(self._message), classes="confirm-message")
            with Horizontal(classes="form-buttons"):
                yield Button(self._yes, variant="warning", id="confirm-yes")
                yield Button(self._no, variant="primary", id="confirm-no")
            yield Static(self.t("ui.form.confirm_hint", no=self._no), classes="help-line")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ChoiceScreen(BtiModal):
    """A question with several answers (a button each); returns the chosen
    value, or None on Esc."""

    BINDINGS = [
        Binding("escape", "cancel", "keys.cancel"),
        Binding("left", "app.focus_previous", "keys.focus_previous", show=False),
        Binding("right", "app.focus_next", "keys.focus_next", show=False),
    ]

    def __init__(self, message: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self._message = message
        self._options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box confirm-box"):
            yield Static(plain(self._message), classes="confirm-message")
            with Horizontal(classes="form-buttons"):
                for index, (label, _value) in enumerate(self._options):
                    yield Button(plain(label), variant="primary" if index == 0 else "default", id=f"choice-{index}")
            yield Static(self.t("ui.form.choice_hint"), classes="help-line")

    def on_mount(self) -> None:
        self.query_one("#choice-0", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        index = int((event.button.id or "choice-0").split("-")[1])
        self.dismiss(self._options[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnsavedScreen(BtiModal):
    """Quitting while the disk refuses a save: retry, write the unsaved
    notes to another folder, or quit anyway. Returns (choice, folder)."""

    BINDINGS = [Binding("escape", "cancel", "keys.cancel")]

    def __init__(self, detail: str, log_ok: bool) -> None:
        super().__init__()
        self._detail = detail
        self._log_ok = log_ok

    def compose(self) -> ComposeResult:
        from pathlib import Path

        with Vertical(classes="form-box confirm-box"):
            yield Static(plain(self.t("ui.app.unsaved_q", detail=self._detail)), classes="confirm-message")
            if not self._log_ok:
                yield Static(plain(self.t("ui.app.log_unwritable")), classes="form-error")
            yield Label(self.t("ui.app.rescue_folder"))
            yield Input(str(Path.home()), id="rescue-folder", compact=True)
            with Horizontal(classes="form-buttons"):
                yield Button(self.t("ui.app.retry"), variant="primary", id="unsaved-retry")
                yield Button(self.t("ui.app.rescue"), id="unsaved-rescue")
                yield Button(self.t("ui.app.quit_anyway"), variant="error", id="unsaved-quit")

    AUTO_FOCUS = "#unsaved-retry"

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("unsaved-")
        self.dismiss((choice, self.query_one("#rescue-folder", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
