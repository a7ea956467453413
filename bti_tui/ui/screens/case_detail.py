"""One case across meetings: every meeting it was discussed in, its
agreements with their history, the stafettholder over time, the
stafettholder's duties (ticked with a date), closing and reopening.

Every change goes through :class:`bti_tui.session.cases.CaseBook` (saved
like every note, kept as history, never overwritten); the forms are in
:mod:`bti_tui.ui.screens.case_dialogs`.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Label, Static

from bti_tui.model import Agreement, AgreementChange, CaseStatus, Duty
from bti_tui.model.dates import format_date
from bti_tui.resources import meeting_kinds, stylesheet
from bti_tui.session.cases import CaseBook, CaseHistory, stafettholder_duties
from bti_tui.store import StoreError
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.case_dialogs import (
    CloseCaseForm,
    EditAgreementForm,
    HandoverForm,
    MarkAgreementForm,
    ReopenCaseForm,
)
from bti_tui.ui.screens.cases import OVERDUE_SIGN, column_room, fit, reference, today_of
from bti_tui.ui.text import lines, plain
from bti_tui.ui.widgets.tables import selected_key

TICK = "✔"


def _who(name: str | None, service: str | None) -> str:
    return f"{name} ({service})" if service else (name or "—")


class CaseScreen(BtiScreen):
    CSS_PATH = stylesheet("cases.tcss")  # read when the screen is first shown
    BINDINGS = [
        Binding("e", "edit_agreement", "keys.cases.edit_agreement"),
        Binding("m", "mark_agreement", "keys.cases.mark_agreement"),
        Binding("o", "hand_over", "keys.cases.hand_over"),
        # Not in the footer (no room at 80 columns): the duties' heading says it.
        Binding("space", "tick_duty", "keys.cases.tick_duty", show=False),
        Binding("l", "close_case", "keys.cases.close_case"),
        Binding("g", "reopen_case", "keys.cases.reopen_case"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self, book: CaseBook, case_id: str) -> None:
        super().__init__()
        self.book = book
        self.case_id = case_id
        self.duties: list[Duty] = stafettholder_duties(meeting_kinds().values())
        self.history: CaseHistory = book.history(case_id)  # CaseNotFound: the caller says so

    # --- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="case"):
            yield Static("", id="case-title", classes="screen-title")
            yield Static("", id="case-state", classes="help-line")
            with VerticalScroll(id="case-body"):
                yield Label(self.t("cases_ui.case.meetings"), classes="section-title")
                yield Static("", id="case-meetings", classes="case-block")
                yield Label(self.t("cases_ui.case.agreements"), classes="section-title")
                yield DataTable(id="case-agreements", cursor_type="row", zebra_stripes=True)
                yield Static("", id="case-agreement-history", classes="case-block")
                yield Label(self.t("cases_ui.case.stafettholders"), classes="section-title")
                yield Static("", id="case-handovers", classes="case-block")
                yield Label(self.t("cases_ui.case.duties"), classes="section-title")
                yield DataTable(id="case-duties", cursor_type="row")
                yield Label(self.t("cases_ui.case.closing"), classes="section-title")
                yield Static("", id="case-closing", classes="case-block")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        agreements = self.query_one("#case-agreements", DataTable)
        for column in ("what", "who", "due", "status"):
            agreements.add_column(self.t(f"cases_ui.case.col_{column}"), key=column)
        duties = self.query_one("#case-duties", DataTable)
        for column in ("done", "duty", "on"):
            duties.add_column(self.t(f"cases_ui.case.col_{column}"), key=column)
        self.show()
        agreements.focus()

    # --- what is shown -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the case again (after a change) and show it."""
        self.history = self.book.history(self.case_id)
        self.show()

    def show(self) -> None:
        h, t, today = self.history, self.t, today_of(self.app)
        case = h.case
        ref = case.reference
        name = reference(t, ref.anonymous, ref.initials or "", ref.birth_date, case.id)
        self.query_one("#case-title", Static).update(
            plain(t("cases_ui.case.title", reference=name, status=t(f"cases.case_status.{case.status.value}")), multiline=False)
        )
        holder = case.stafettholder
        state = t("cases_ui.case.holder", name=_who(holder.name, holder.service)) if holder else t("cases.cli.no_stafettholder")
        self.query_one("#case-state", Static).update(plain(state + " · " + t("cases_ui.case.today", today=format_date(today))))
        kinds = meeting_kinds()
        meeting_lines = [
            "  ".join((format_date(m.date), kinds[m.kind_id].name_in(self.app.lang) if m.kind_id in kinds else m.kind_id,
                       f"({t(f'ui.status.{m.status.value}')})"))
            for m in h.meetings
        ]
        self.query_one("#case-meetings", Static).update(plain("\n".join(meeting_lines) or t("cases.cli.no_meetings")))
        self._show_agreements(today)
        self._show_handovers()
        self._show_duties()
        self._show_closing()
        self.refresh_bindings()

    def _warn(self) -> str:
        return f"bold {self.app.current_theme.error or 'red'}"

    def _show_agreements(self, today: date) -> None:
        table = self.query_one("#case-agreements", DataTable)
        selected = selected_key(table)
        table.clear()
        # The "what" column gives way on a narrow screen (80 columns): the
        # full text is in the history below the table.
        cells = []
        for a in self.history.agreements:
            status = Text(self.t(f"cases.agreement_status.{a.status.value}"))
            if a.overdue_on(today):
                status += Text(f" {OVERDUE_SIGN} " + self.t("cases_ui.overdue"), style=self._warn())
            cells.append((a, plain(a.responsible, multiline=False), status))
        headers = [str(c.label) for c in table.columns.values()]
        widths = [["", who.plain, "00.00.0000", status.plain] for _, who, status in cells]
        room = max(column_room(self.app.size.width, headers, widths, 1), 16)
        for a, who, status in cells:
            table.add_row(plain(fit(a.what, room), multiline=False), who, Text(format_date(a.due) or "—"), status, key=a.id)
        table.display = bool(self.history.agreements)
        if selected is not None and self.history.case.agreement(selected) is not None:
            table.move_cursor(row=table.get_row_index(selected))
        self._show_agreement_history()

    @on(DataTable.RowHighlighted, "#case-agreements")
    def _show_agreement_history(self) -> None:
        agreement = self._agreement(quiet=True)
        box = self.query_one("#case-agreement-history", Static)
        if agreement is None:
            box.update(plain(self.t("cases.cli.no_agreements")) if not self.history.agreements else "")
            return
        heading = plain(self.t("cases_ui.case.history_of", what=agreement.what), style="bold")
        made = self._meeting_date(agreement.meeting_id)
        due = format_date(agreement.due) or "—"
        items: list[Text | str] = [heading, plain(self.t("cases_ui.case.who_due", who=_who(agreement.responsible, agreement.service), due=due))]
        if made:
            items.append(plain(self.t("cases_ui.case.made_in", date=made)))
        items += [plain(self._change_line(c)) for c in agreement.history]
        if not agreement.history:
            items.append(plain(self.t("cases_ui.case.no_changes")))
        box.update(lines(items))

    def _meeting_date(self, meeting_id: str | None) -> str:
        found = next((m for m in self.history.meetings if m.id == meeting_id), None)
        return format_date(found.date) if found else ""

    def _change_line(self, change: AgreementChange) -> str:
        t = self.t
        parts = [
            t("cases.cli.field_change", field=t(f"cases.field.{c.field}"), before=self._value(c.field, c.before), after=self._value(c.field, c.after))
            for c in change.changes
        ]
        if change.note:
            parts.append(t("cases.cli.note", note=change.note))
        where = self._meeting_date(change.meeting_id)
        place = t("cases_ui.case.in_meeting", date=where) if where else t("cases_ui.case.from_case_screen")
        return f"{format_date(change.on)} ({place}): " + "; ".join(parts)

    def _value(self, field: str, raw: str) -> str:
        if not raw:
            return "—"
        if field == "status":
            return self.t(f"cases.agreement_status.{raw}")
        if field == "due":
            return format_date(date.fromisoformat(raw))
        return raw

    def _show_handovers(self) -> None:
        t = self.t
        items = []
        for h in self.history.handovers:
            where = self._meeting_date(h.meeting_id)
            place = ", " + t("cases_ui.case.in_meeting", date=where) if where else ""
            if h.first:
                line = t("cases_ui.case.first_holder", date=format_date(h.on), name=_who(h.name, h.service)) + place
            else:
                line = t("cases_ui.case.handover", date=format_date(h.on), before=_who(h.before_name, h.before_service),
                         name=_who(h.name, h.service)) + place
            extra = [t("cases.cli.named_by", named_by=h.named_by)] if h.named_by else []
            extra += [t("cases.cli.note", note=h.note)] if h.note else []
            items.append("; ".join([line, *extra]))
        self.query_one("#case-handovers", Static).update(plain("\n".join(items) or t("cases.cli.no_stafettholders")))

    def _show_duties(self) -> None:
        table = self.query_one("#case-duties", DataTable)
        row = table.cursor_row
        table.clear()
        done = self.history.case.duties_done
        for duty in self.duties:
            on = done.get(duty.id)
            table.add_row(Text(TICK if on else " "), plain(duty.text_in(self.app.lang)), Text(format_date(on) or "—"), key=duty.id)
        table.display = bool(self.duties)
        if self.duties:
            table.move_cursor(row=min(row, len(self.duties) - 1))

    def _show_closing(self) -> None:
        t = self.t
        items = []
        for change in self.history.status_history:
            day = format_date(change.on)
            if change.status is CaseStatus.CLOSED and change.reason is not None:
                why = t(f"cases.closing_reason.{change.reason.value}") + (f" ({change.text})" if change.text else "")
                items.append(t("cases.cli.closed", date=day, reason=why))
            else:
                items.append(t("cases.cli.reopened", date=day, reason=change.text))
        self.query_one("#case-closing", Static).update(plain("\n".join(items) or t("cases.cli.never_closed")))

    # --- actions -------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Close or reopen, whichever the case's status allows (the other key is hidden)."""
        is_open = self.history.case.is_open
        if action == "close_case":
            return is_open
        if action == "reopen_case":
            return not is_open
        return True

    def _agreement(self, quiet: bool = False) -> Agreement | None:
        key = selected_key(self.query_one("#case-agreements", DataTable))
        agreement = self.history.case.agreement(key) if key else None
        if agreement is None and not quiet:
            self.say(self.t("cases_ui.case.no_agreement_selected"), severity="warning")
        return agreement

    def _form(self, form, done_key: str) -> None:
        """Show ``form``; when it saved, read the case again and say so."""

        def closed(ok: bool | None) -> None:
            if ok:
                self.reload()
                self.say(self.t(done_key))

        self.app.push_screen(form, closed)

    def action_edit_agreement(self) -> None:
        agreement = self._agreement()
        if agreement is None:
            return
        book, case_id = self.book, self.case_id

        def apply(on: date, what: str, who: str, service: str, due: date | None, note: str) -> object:
            return book.edit_agreement(case_id, agreement.id, on, what, who, service, due, note)

        self._form(EditAgreementForm(agreement, today_of(self.app), apply), "cases_ui.done.edited")

    @on(DataTable.RowSelected, "#case-agreements")
    def action_mark_agreement(self) -> None:
        agreement = self._agreement()
        if agreement is None:
            return
        book, case_id = self.book, self.case_id

        def apply(status, on: date, new_due: date | None, note: str) -> object:
            return book.mark_agreement(case_id, agreement.id, status, on, new_due, note)

        self._form(MarkAgreementForm(agreement, today_of(self.app), apply), "cases_ui.done.marked")

    def action_hand_over(self) -> None:
        holder = self.history.case.stafettholder
        current = _who(holder.name, holder.service) if holder else ""
        book, case_id = self.book, self.case_id

        def apply(name: str, service: str, on: date, note: str) -> object:
            return book.hand_over_stafettholder(case_id, name, service, on, note)

        self._form(HandoverForm(current, today_of(self.app), apply), "cases_ui.done.handed_over")

    @on(DataTable.RowSelected, "#case-duties")
    def action_tick_duty(self) -> None:
        """Tick the duty under the cursor done today, or take the tick away."""
        table = self.query_one("#case-duties", DataTable)
        duty_id = selected_key(table)
        if duty_id is None:
            return
        table.focus()
        on = None if duty_id in self.history.case.duties_done else today_of(self.app)
        try:
            self.book.tick_duty(self.case_id, duty_id, on)
        except StoreError as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            return
        self.reload()

    def action_close_case(self) -> None:
        book, case_id = self.book, self.case_id
        form = CloseCaseForm(today_of(self.app), lambda on, reason, text: book.close_case(case_id, on, reason, text))
        self._form(form, "cases_ui.done.closed")

    def action_reopen_case(self) -> None:
        book, case_id = self.book, self.case_id
        form = ReopenCaseForm(today_of(self.app), lambda on, reason: book.reopen_case(case_id, on, reason))
        self._form(form, "cases_ui.done.reopened")

    def action_back(self) -> None:
        self.app.pop_screen()

