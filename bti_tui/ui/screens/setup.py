"""Set up a meeting: kind, date, time, place, who is there, who leads and
who writes the referat."""

from __future__ import annotations

from datetime import date, time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Input, Label, Select, Static

from bti_tui.model import Attendance, Meeting, Participant, ValidationError, new_id
from bti_tui.model.privacy import guard_text, parse_date
from bti_tui.resources import meeting_kind, meeting_kinds
from bti_tui.session import MeetingSession
from bti_tui.ui.format import date_text, time_text
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import ParticipantForm
from bti_tui.ui.widgets.tables import selected_key

_NEXT_ATTENDANCE = {
    Attendance.INVITED: Attendance.PRESENT,
    Attendance.PRESENT: Attendance.ABSENT,
    Attendance.ABSENT: Attendance.INVITED,
}
_MARK = {Attendance.PRESENT: "✔", Attendance.ABSENT: "✘", Attendance.INVITED: "?"}


def parse_time(raw: str) -> time:
    try:
        hours, minutes = raw.strip().replace(".", ":").split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError("time.format", value=raw.strip()) from None


class SetupScreen(BtiScreen):
    BINDINGS = [
        Binding("f8", "next", "keys.to_cases"),
        Binding("space", "toggle_attendance", "keys.attendance"),
        Binding("a", "add_participant", "keys.add_participant"),
        Binding("enter", "edit_participant", "keys.edit_participant", show=False),
        Binding("m", "set_leader", "keys.set_leader"),
        Binding("r", "set_referent", "keys.set_referent"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self, session: MeetingSession | None = None) -> None:
        super().__init__()
        self.session = session
        if session is None:
            kind = next(iter(meeting_kinds().values()))
            today = self.app.now().date()
            self.meeting = Meeting.plan(kind, today, time(9, 0), "", self.app.lang)
        else:
            self.meeting = session.meeting

    def compose(self) -> ComposeResult:
        m = self.meeting
        kinds = [(k.name_in(self.app.lang), k.id) for k in meeting_kinds().values()]
        with VerticalScroll(id="setup"):
            yield Label(self.t("ui.setup.title"), classes="screen-title")
            with Horizontal(classes="field-row"):
                with Vertical(classes="field"):
                    yield Label(self.t("ui.setup.kind"))
                    yield Select(kinds, value=m.kind_id, allow_blank=False, id="kind", disabled=self.session is not None)
                with Vertical(classes="field field-small"):
                    yield Label(self.t("ui.setup.date"))
                    yield Input(date_text(m.date), id="date", placeholder=self.t("ui.form.date_hint"))
                with Vertical(classes="field field-small"):
                    yield Label(self.t("ui.setup.time"))
                    yield Input(time_text(m.start_time), id="time", placeholder="09:00")
                with Vertical(classes="field"):
                    yield Label(self.t("ui.setup.place"))
                    yield Input(m.place, id="place", placeholder=self.t("ui.setup.place_hint"))
            yield Label(self.t("ui.setup.participants"), classes="section-title")
            yield Static(self.t("ui.setup.participants_help"), classes="help-line")
            yield DataTable(id="participants", cursor_type="row")
            yield Static("", id="setup-error", classes="form-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#participants", DataTable)
        for column in ("attendance", "task", "name", "role", "service"):
            table.add_column(self.t(f"ui.setup.col_{column}"), key=column)
        self._fill_participants()
        table.focus()

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
                f"{_MARK[person.attendance]} {self.t('ui.attendance.' + person.attendance.value)}",
                ", ".join(task),
                person.name or "—",
                person.role,
                person.service,
                key=person.id,
            )
        if table.row_count:
            table.move_cursor(row=min(keep_row, table.row_count - 1))
        if self._roles_chosen() and self.is_mounted:
            self.query_one("#setup-error", Static).update("")  # the warning is answered

    def _roles_chosen(self) -> bool:
        return bool(self.meeting.participant(self.meeting.moteleder) and self.meeting.participant(self.meeting.referent))

    def _current(self) -> Participant | None:
        key = selected_key(self.query_one("#participants", DataTable))
        return self.meeting.participant(key)

    def _row(self) -> int:
        return self.query_one("#participants", DataTable).cursor_row

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        if self.session is not None or event.value == self.meeting.kind_id:
            return
        kind = meeting_kind(str(event.value))
        fresh = Meeting.plan(kind, self.meeting.date, self.meeting.start_time, self.meeting.place, self.app.lang, self.meeting.id)
        self.meeting = fresh
        self._fill_participants()

    def action_toggle_attendance(self) -> None:
        person = self._current()
        if person:
            person.attendance = _NEXT_ATTENDANCE[person.attendance]
            self._fill_participants(self._row())

    def action_set_leader(self) -> None:
        person = self._current()
        if person:
            self.meeting.moteleder = person.id
            self._fill_participants(self._row())

    def action_set_referent(self) -> None:
        person = self._current()
        if person:
            self.meeting.referent = person.id
            self._fill_participants(self._row())

    def action_add_participant(self) -> None:
        kind = meeting_kind(self.meeting.kind_id)

        def added(result: tuple[str, str, str] | None) -> None:
            if result:
                name, role, service = result
                self.meeting.participants.append(Participant(new_id("p-"), name, role, service, Attendance.PRESENT))
                self._fill_participants(len(self.meeting.participants) - 1)

        self.app.push_screen(ParticipantForm(kind, self.app.lang), added)

    def action_edit_participant(self) -> None:
        person = self._current()
        if person is None:
            return
        kind = meeting_kind(self.meeting.kind_id)
        row = self._row()

        def edited(result: tuple[str, str, str] | None) -> None:
            if result:
                person.name, person.role, person.service = result
                self._fill_participants(row)

        self.app.push_screen(ParticipantForm(kind, self.app.lang, person.name, person.role, person.service), edited)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit_participant()

    def action_back(self) -> None:
        self.flush_edits()
        self.app.pop_screen()

    def flush_edits(self) -> None:
        """Leaving or quitting: an existing meeting keeps what was changed
        here (fields that do not validate keep their old value)."""
        if self.session is None:
            return  # a new meeting is stored only once it is set up (F8)
        try:
            self._read_fields()
        except ValidationError:
            pass
        self.session.save()

    def _read_fields(self) -> None:
        """Copy the fields into the meeting; raises ValidationError, changing nothing."""
        on_day: date = parse_date(self.query_one("#date", Input).value)
        at = parse_time(self.query_one("#time", Input).value)
        place = guard_text(self.query_one("#place", Input).value.strip())
        self.meeting.date, self.meeting.start_time, self.meeting.place = on_day, at, place

    def action_next(self) -> None:
        try:
            self._read_fields()
        except ValidationError as error:
            self.query_one("#setup-error", Static).update("⚠ " + self.t.error(error))
            return
        if not self._roles_chosen():
            self.query_one("#setup-error", Static).update("⚠ " + self.t("ui.setup.roles_missing"))
            return
        self.query_one("#setup-error", Static).update("")
        if self.session is None:
            self.session = MeetingSession(self.meeting, meeting_kind(self.meeting.kind_id), {}, self.app.saver, self.app.now)
        self.session.save()
        from bti_tui.ui.screens.intake import IntakeScreen

        self.app.switch_screen(IntakeScreen(self.session))
