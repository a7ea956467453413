"""The review's small forms: a continued agreement's new due date, a note
on a mark, an agreement edited. Each hands what is typed to a function of
the session; a ValidationError keeps the form open with its message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from bti_tui.model import Agreement
from bti_tui.model.dates import format_date, parse_optional_date
from bti_tui.ui.screens.forms import FormModal
from bti_tui.ui.text import plain, safe


def _field(value: str) -> str:
    return safe(value, multiline=False)


class ContinueForm(FormModal):
    """Continued: the new due date (required) and a note."""

    title_key = "review.form.continue_title"

    def __init__(self, what: str, due: date | None, note: str, apply: Callable[[date | None, str], object]) -> None:
        super().__init__()
        self._what, self._due, self._note, self._apply = what, due, note, apply

    def compose_fields(self) -> ComposeResult:
        yield Label(plain(self._what, "bold"))
        yield Label(self.t("review.form.new_due"))
        yield Input(format_date(self._due), id="r-due", placeholder=self.t("ui.form.date_hint"), compact=True)
        yield Label(self.t("review.form.note"))
        yield Input(_field(self._note), id="r-note", compact=True)

    def collect(self) -> bool:
        self._apply(parse_optional_date(self.value("r-due")), self.value("r-note"))
        return True


class NoteForm(FormModal):
    """The note on this meeting's mark."""

    title_key = "review.form.note_title"

    def __init__(self, what: str, note: str, apply: Callable[[str], object]) -> None:
        super().__init__()
        self._what, self._note, self._apply = what, note, apply

    def compose_fields(self) -> ComposeResult:
        yield Label(plain(self._what, "bold"))
        yield Label(self.t("review.form.note"))
        yield Input(_field(self._note), id="r-note", compact=True)

    def collect(self) -> bool:
        self._apply(self.value("r-note"))
        return True


class EditAgreementForm(FormModal):
    """What · who · service · due of an agreement, as it stands; why."""

    title_key = "review.form.edit_title"

    def __init__(
        self,
        agreement: Agreement,
        names: list[str],
        services: list[str],
        apply: Callable[[str, str, str, date | None, str], object],
    ) -> None:
        super().__init__()
        self._agreement, self._names, self._services, self._apply = agreement, names, services, apply

    def compose_fields(self) -> ComposeResult:
        a = self._agreement
        yield Label(self.t("ui.agreement.what"))
        yield Input(_field(a.what), id="e-what", compact=True, select_on_focus=False)
        yield Label(self.t("ui.agreement.who"))
        yield Input(_field(a.responsible), id="e-who", suggester=SuggestFromList(self._names, case_sensitive=False), compact=True, select_on_focus=False)
        yield Label(self.t("ui.agreement.service"))
        yield Input(_field(a.service), id="e-service", suggester=SuggestFromList(self._services, case_sensitive=False), compact=True, select_on_focus=False)
        yield Label(self.t("ui.agreement.due"))
        yield Input(format_date(a.due), id="e-due", placeholder=self.t("ui.form.date_hint"), compact=True, select_on_focus=False)
        yield Label(self.t("review.form.edit_note"))
        yield Input(id="e-note", compact=True)

    def collect(self) -> bool:
        due = parse_optional_date(self.value("e-due"))
        self._apply(self.value("e-what"), self.value("e-who"), self.value("e-service"), due, self.value("e-note"))
        return True
