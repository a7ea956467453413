"""The case screen's forms: edit an agreement, change its status, hand over
the stafettholder, close the case, reopen it.

Each form reads its fields, parses the dates and hands them to ``apply``
(a :class:`bti_tui.session.cases.CaseBook` call); a ``ValidationError``
(a bad date, an empty reason) keeps the form open with the message in the
user's language, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static

from bti_tui.model import Agreement, AgreementStatus, ClosingReason
from bti_tui.model.dates import format_date, parse_date, parse_optional_date
from bti_tui.resources import stylesheet
from bti_tui.store import StoreError
from bti_tui.ui.screens.forms import FormModal
from bti_tui.ui.text import plain, safe

#: The statuses an agreement can be given from the case screen.
MARKS = (AgreementStatus.DONE, AgreementStatus.CONTINUED, AgreementStatus.DROPPED)


class _DatedForm(FormModal):
    """A form whose first field is the day the change is recorded on."""

    CSS_PATH = stylesheet("cases.tcss")  # read when the screen is first shown

    def __init__(self, today: date, apply: Callable[..., object]) -> None:
        super().__init__()
        self._today = today
        self._apply = apply

    def date_field(self) -> ComposeResult:
        yield Label(self.t("cases_ui.form.on"))
        yield Input(format_date(self._today), id="c-on", placeholder=self.t("ui.form.date_hint"), compact=True)

    def on_day(self) -> date:
        return parse_date(self.value("c-on"))

    def action_submit(self) -> None:
        """A case file that cannot be read is said like a bad field: the
        form stays open and nothing is changed."""
        try:
            super().action_submit()
        except StoreError as error:
            self.show_error(self.message_for(error))


class EditAgreementForm(_DatedForm):
    """What · who · service · due, with a note; the change is kept as history."""

    title_key = "cases_ui.form.edit_title"

    def __init__(self, agreement: Agreement, today: date, apply: Callable[..., object]) -> None:
        super().__init__(today, apply)
        self._agreement = agreement

    def compose_fields(self) -> ComposeResult:
        a = self._agreement
        yield from self.date_field()
        values = {"what": a.what, "who": a.responsible, "service": a.service, "due": format_date(a.due) if a.due else ""}
        for name, value in values.items():
            yield Label(self.t(f"ui.agreement.{name}"))
            yield Input(safe(value, multiline=False), id=f"c-{name}", compact=True, select_on_focus=False)
        yield Label(self.t("cases_ui.form.note"))
        yield Input(id="c-note", compact=True)

    def collect(self) -> bool:
        due = parse_optional_date(self.value("c-due"))
        self._apply(self.on_day(), self.value("c-what"), self.value("c-who"), self.value("c-service"), due, self.value("c-note"))
        return True


class MarkAgreementForm(_DatedForm):
    """Done, continued (a new due date) or dropped, with a note."""

    title_key = "cases_ui.form.mark_title"

    def __init__(self, agreement: Agreement, today: date, apply: Callable[..., object]) -> None:
        super().__init__(today, apply)
        self._agreement = agreement

    def compose_fields(self) -> ComposeResult:
        yield Static(plain(self._agreement.what), classes="help-line")
        yield from self.date_field()
        yield Label(self.t("cases_ui.form.status"))
        options = [(self.t(f"cases.agreement_status.{s.value}"), s.value) for s in MARKS]
        yield Select(options, value=MARKS[0].value, allow_blank=False, id="c-status", compact=True)
        yield Label(self.t("cases_ui.form.new_due"))
        yield Input(id="c-new-due", placeholder=self.t("ui.form.date_hint"), compact=True)
        yield Label(self.t("cases_ui.form.note"))
        yield Input(id="c-note", compact=True)

    def collect(self) -> bool:
        status = AgreementStatus(str(self.query_one("#c-status", Select).value))
        new_due = parse_optional_date(self.value("c-new-due")) if status is AgreementStatus.CONTINUED else None
        self._apply(status, self.on_day(), new_due, self.value("c-note"))
        return True


class HandoverForm(_DatedForm):
    """The stafett goes from the current holder to another (date, from, to)."""

    title_key = "cases_ui.form.handover_title"

    def __init__(self, current: str, today: date, apply: Callable[..., object]) -> None:
        super().__init__(today, apply)
        self._current = current

    def compose_fields(self) -> ComposeResult:
        yield Static(plain(self.t("cases_ui.form.handover_from", name=self._current or "—")), classes="help-line")
        yield from self.date_field()
        for name in ("to", "service", "note"):
            yield Label(self.t(f"cases_ui.form.handover_{name}"))
            yield Input(id=f"c-{name}", compact=True)

    def collect(self) -> bool:
        self._apply(self.value("c-to"), self.value("c-service"), self.on_day(), self.value("c-note"))
        return True


class CloseCaseForm(_DatedForm):
    """The date and the reason from the fixed list (a text for "other")."""

    title_key = "cases_ui.form.close_title"

    def compose_fields(self) -> ComposeResult:
        yield from self.date_field()
        yield Label(self.t("cases_ui.form.reason"))
        options = [(self.t(f"cases.closing_reason.{r.value}"), r.value) for r in ClosingReason]
        yield Select(options, value=ClosingReason.GOAL_REACHED.value, allow_blank=False, id="c-reason", compact=True)
        yield Label(self.t("cases_ui.form.reason_text"))
        yield Input(id="c-text", compact=True)

    def collect(self) -> bool:
        reason = ClosingReason(str(self.query_one("#c-reason", Select).value))
        self._apply(self.on_day(), reason, self.value("c-text"))
        return True


class ReopenCaseForm(_DatedForm):
    """Open a closed case again: the date and why."""

    title_key = "cases_ui.form.reopen_title"

    def compose_fields(self) -> ComposeResult:
        yield from self.date_field()
        yield Label(self.t("cases_ui.form.reopen_reason"))
        yield Input(id="c-text", compact=True)

    def collect(self) -> bool:
        self._apply(self.on_day(), self.value("c-text"))
        return True
