"""Set up a meeting: kind, date, time, place, who is there, who leads and
who writes the referat."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Input, Label, Select, Static

from bti_tui.model import Attendance, Participant, ValidationError
from bti_tui.model.dates import format_date, format_time
from bti_tui.resources import meeting_kind, meeting_kinds
from bti_tui.session import MeetingSession, SetupEdits, new_meeting_session
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import ConfirmScreen, ParticipantForm
from bti_tui.ui.text import plain, safe
from bti_tui.ui.widgets.tables import selected_key

_MARK = {Attendance.PRESENT: "✔", Attendance.ABSENT: "✘", Attendance.INVITED: "?"}


class SetupScreen(BtiScreen):
    BINDINGS = [
        Binding("f8", "next", "keys.to_cases"),
        Binding("space", "toggle_attendance", "keys.attendance"),
        Binding("a", "add_participant", "keys.add_participant"),
        Binding("enter", "edit_participant", "keys.edit_participant", show=False),
        Binding("i", "toggle_called", "keys.called"),
        Binding("m", "set_leader", "keys.set_leader"),
        Binding("r", "set_referent", "keys.set_referent"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self, session: MeetingSession | None = None) -> None:
        super().__init__()
        if session is None:
            kind = next(iter(meeting_kinds().values()))
            session = new_meeting_session(kind, self.app.lang, self.app.saver, self.app.now)
        self.session = session
        self.edits = SetupEdits(session)

    @property
    def meeting(self):
        return self.session.meeting

    def compose(self) -> ComposeResult:
        m = self.meeting
        kinds = [(k.name_in(self.app.lang), k.id) for k in meeting_kinds().values()]
        with VerticalScroll(id="setup"):
            yield Label(self.t("ui.setup.title"), classes="screen-title")
            with Horizontal(classes="field-row"):
                with Vertical(classes="field"):
                    yield Label(self.t("ui.setup.kind"))
                    yield Select(kinds, value=m.kind_id, allow_blank=False, id="kind", disabled=not self.edits.is_new)
                with Vertical(classes="field field-small"):
                    yield Label(self.t("ui.setup.date"))
                    yield Input(format_date(m.date), id="date", placeholder=self.t("ui.form.date_hint"))
                with Vertical(classes="field field-small"):
                    yield Label(self.t("ui.setup.time"))
                    yield Input(format_time(m.start_time), id="time", placeholder="09:00")
                with Vertical(classes="field"):
                    yield Label(self.t("ui.setup.place"))
                    yield Input(safe(m.place, multiline=False), id="place", placeholder=self.t("ui.setup.place_hint"))
            yield Label(self.t("ui.setup.participants"), classes="section-title")
            yield Static(self.t("ui.setup.participants_help"), classes="help-line")
            yield DataTable(id="participants", cursor_type="row")
            yield Static("", id="setup-error", classes="form-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#participants", DataTable)
        table.add_column(self.t("ui.setup.col_attendance"), key="attendance")
        table.add_column(self.t("invite.called.col"), key="called")
        for column in ("task", "name", "role", "service"):
            table.add_column(self.t(f"ui.setup.col_{column}"), key=column)
        self._fill_participants()
        kind = self.query_one("#kind", Select)
        (kind if not kind.disabled else table).focus()

    def _fill_participants(self, keep_row: int = 0) -> None:
        table = self.query_one("#participants", DataTable)
        table.clear()
        for person in self.meeting.participants:
            task = []
            if person.id == self.meeting.moteleder:
                task.append(self.t("ui.setup.leader"))
            if person.id == self.meeting.referent:
                task.append(self.t("ui.setup.referent"))
            table.add_row(
                Text(f"{_MARK[person.attendance]} {self.t('ui.attendance.' + person.attendance.value)}"),
                Text(self._called(person)),
                Text(", ".join(task)),
                plain(person.name or "—"),
                plain(person.role_in(self.session.kind, self.app.lang)),
                plain(person.service_in(self.session.kind, self.app.lang)),
                key=person.id,
            )
        if table.row_count:
            table.move_cursor(row=min(keep_row, table.row_count - 1))
        if self.edits.roles_chosen() and self.is_mounted:
            self.query_one("#setup-error", Static).update("")  # the warning is answered

    def _called(self, person: Participant) -> str:
        if person.called_on is None:
            return self.t("invite.called.no")
        return self.t("invite.called.on", date=format_date(person.called_on))

    def _current(self) -> Participant | None:
        key = selected_key(self.query_one("#participants", DataTable))
        return self.meeting.participant(key)

    def _row(self) -> int:
        return self.query_one("#participants", DataTable).cursor_row

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if not self.edits.is_new or event.value == self.meeting.kind_id:
            return
        self.edits.change_kind(meeting_kind(str(event.value)))
        self._fill_participants()

    def _on_person(self, change) -> None:
        person = self._current()
        if person:
            change(person.id)
            self._fill_participants(self._row())

    def action_toggle_attendance(self) -> None:
        self._on_person(self.edits.toggle_attendance)

    def action_toggle_called(self) -> None:
        """I: called (innkalt) today, or not after all."""
        today = self.app.now().date()
        self._on_person(lambda person_id: self.edits.toggle_called(person_id, today))

    def action_set_leader(self) -> None:
        self._on_person(self.edits.set_leader)

    def action_set_referent(self) -> None:
        self._on_person(self.edits.set_referent)

    def action_add_participant(self) -> None:
        kind = meeting_kind(self.meeting.kind_id)

        def added(result: bool | None) -> None:
            if result:
                self._fill_participants(len(self.meeting.participants) - 1)

        def add(name: str, role: str, service: str) -> None:
            self.edits.add_participant(name, role, service, self.app.lang)

        self.app.push_screen(ParticipantForm(kind, self.app.lang, add), added)

    def action_edit_participant(self) -> None:
        person = self._current()
        if person is None:
            return
        kind = meeting_kind(self.meeting.kind_id)
        row = self._row()

        def edit(name: str, role: str, service: str) -> None:
            self.edits.edit_participant(person.id, name, role, service, self.app.lang)

        def edited(result: bool | None) -> None:
            if result:
                self._fill_participants(row)

        role, service = person.role_in(kind, self.app.lang), person.service_in(kind, self.app.lang)
        self.app.push_screen(ParticipantForm(kind, self.app.lang, edit, person.name, role, service), edited)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit_participant()

    def _fields(self) -> tuple[str, str, str]:
        return tuple(self.query_one(f"#{i}", Input).value for i in ("date", "time", "place"))  # type: ignore[return-value]

    def action_back(self) -> None:
        """Esc: an existing meeting keeps what was changed; a new one with
        something typed asks before it is thrown away."""
        if self.would_lose():

            def answered(discard: bool | None) -> None:
                if discard:
                    self.app.pop_screen()

            self.app.push_screen(
                ConfirmScreen(self.t("ui.setup.discard_q"), self.t("ui.setup.discard_yes"), self.t("ui.setup.discard_no")),
                answered,
            )
            return
        self.flush_edits()
        self.app.pop_screen()

    def would_lose(self) -> bool:
        """Quitting now would throw away a new meeting's typed content."""
        return self.edits.is_new and (self.edits.has_content() or bool(self.query_one("#place", Input).value.strip()))

    def flush_edits(self) -> None:
        """Leaving or quitting: an existing meeting keeps what was changed
        here (fields that do not validate keep their old value)."""
        if self.edits.is_new:
            return  # a new meeting is stored only once it is set up (F8)
        try:
            self.edits.set_facts(*self._fields())
        except ValidationError:
            self.session.save()

    def action_next(self) -> None:
        error = self.query_one("#setup-error", Static)
        try:
            self.edits.finish_setup(*self._fields())
        except ValidationError as problem:
            error.update(plain("⚠ " + self.t.error(problem)))
            return
        error.update("")
        self.app.show_intake(self.session)
