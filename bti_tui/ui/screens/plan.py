"""The half-year plan: the planned meetings with the cases queued into
them, the queue, and from here a new plan, a queued case, the innkalling,
the calendar file, and opening the day's meeting with its cases in place."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, DataTable, Footer, Input, Label, Select, Static

from bti_tui.model import ValidationError
from bti_tui.model.dates import format_date
from bti_tui.model.plan import DateStatus
from bti_tui.resources import meeting_kinds
from bti_tui.session.plans import PlanForm, QueueForm, cancel_date, create_plan, move_date, queue_case
from bti_tui.store import StoreError
from bti_tui.store.plans import PlanStore
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.forms import FormModal
from bti_tui.ui.screens.innkalling import InnkallingScreen
from bti_tui.ui.text import plain
from bti_tui.ui.widgets.tables import selected_key
from bti_tui.ui.widgets.tick_box import TickBox


class NewPlanForm(FormModal):
    """New half-year plan: kind, from, to, weekday, week of the month, time, place."""

    title_key = "ui.plan.new_title"

    def __init__(self, apply) -> None:
        super().__init__()
        self._apply = apply

    def compose_fields(self) -> ComposeResult:
        kinds = [(k.name_in(self.app.lang), k.id) for k in meeting_kinds().values()]
        yield Label(self.t("ui.setup.kind"))
        yield Select(kinds, value=kinds[0][1], allow_blank=False, id="pl-kind", compact=True)
        for field in ("from", "to", "weekday", "week", "time", "place"):
            yield Label(self.t(f"ui.plan.{field}"))
            yield Input(id=f"pl-{field}", placeholder=self.t(f"ui.plan.hint_{field}"), compact=True)

    def collect(self) -> bool:
        self._apply(
            PlanForm(
                kind_id=str(self.query_one("#pl-kind", Select).value),
                first=self.value("pl-from"),
                last=self.value("pl-to"),
                weekday=self.value("pl-weekday"),
                week=self.value("pl-week"),
                time=self.value("pl-time"),
                place=self.value("pl-place"),
            )
        )
        return True


class QueueCaseForm(FormModal):
    """A case submitted ahead of the meeting; it goes into the next free slot."""

    title_key = "ui.plan.queue_title"

    def __init__(self, apply) -> None:
        super().__init__()
        self._apply = apply

    def compose_fields(self) -> ComposeResult:
        yield TickBox(self.t("ui.intake.anonymous"), id="q-anon")
        for field in ("initials", "birth_date", "submitted_by", "question"):
            yield Label(self.t(f"ui.plan.q_{field}"))
            yield Input(id=f"q-{field}", compact=True)
        yield Label(self.t("invite.queue.date"))
        yield Input(id="q-date", compact=True, placeholder=self.t("ui.form.date_hint"))

    def collect(self) -> bool:
        self._apply(
            QueueForm(
                anonymous=self.query_one("#q-anon", Checkbox).value,
                initials=self.value("q-initials"),
                birth_date=self.value("q-birth_date"),
                submitted_by=self.value("q-submitted_by"),
                question=self.value("q-question"),
                date=self.value("q-date"),
            )
        )
        return True


class ChangeDateForm(FormModal):
    """Move one date of the plan (a new date and a note) or cancel it (a note)."""

    def __init__(self, title_key: str, day: date, apply, *, with_date: bool) -> None:
        super().__init__()
        self.title_key = title_key
        self._day = day
        self._apply = apply
        self._with_date = with_date

    def compose_fields(self) -> ComposeResult:
        if self._with_date:
            yield Label(self.t("invite.change.to"))
            yield Input(id="ch-to", compact=True, placeholder=self.t("ui.form.date_hint"))
        yield Label(self.t("invite.change.note"))
        yield Input(id="ch-note", compact=True)

    def on_mount(self) -> None:
        self.query_one(".form-title", Label).update(self.t(self.title_key, date=format_date(self._day)))
        self.query_one(Input).focus()

    def collect(self) -> bool:
        self._apply(self.value("ch-to") if self._with_date else "", self.value("ch-note"))
        return True


class PlanScreen(BtiScreen):
    BINDINGS = [
        Binding("n", "new_plan", "keys.new_plan"),
        Binding("k", "queue_case", "keys.queue_case"),
        Binding("enter", "open_date", "keys.open_planned", priority=True),
        Binding("i", "innkalling", "keys.innkalling"),
        Binding("f", "move_date", "keys.move_date"),
        Binding("a", "cancel_date", "keys.cancel_date"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.store = PlanStore(self.app.repo)

    def compose(self) -> ComposeResult:
        with Vertical(id="plan"):
            yield Label(self.t("ui.plan.title"), classes="screen-title")
            yield Static(self.t("ui.plan.help"), classes="help-line")
            yield Static("", id="plan-empty")
            yield DataTable(id="plan-dates", cursor_type="row")
            yield Label(self.t("ui.plan.queue"), classes="section-title")
            yield Static("", id="plan-queue")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#plan-dates", DataTable)
        for column in ("date", "kind", "place", "status", "cases"):
            table.add_column(self.t(f"ui.plan.col_{column}"), key=column)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        kinds = meeting_kinds()
        table = self.query_one("#plan-dates", DataTable)
        table.clear()
        plans = self.store.list_plans()
        queue = {q.id: q for q in self.store.list_queue()}
        placed: set[str] = set()
        for plan in plans:
            kind = kinds.get(plan.kind_id)
            for planned in plan.dates:
                placed.update(planned.cases)
                cases = ", ".join(
                    self.t("ui.plan.case_from", n=n, who=queue[c].submitted_by) if c in queue else self.t("ui.plan.case_n", n=n)
                    for n, c in enumerate(planned.cases, 1)
                )
                table.add_row(
                    Text(f"{format_date(planned.date)} {plan.start_time:%H:%M}"),
                    plain(kind.name_in(self.app.lang) if kind else plan.kind_id),
                    plain(plan.place, multiline=False),
                    plain(self._status(planned), multiline=False),
                    plain(cases or "—"),
                    key=f"{plan.id}|{planned.date.isoformat()}",
                )
        waiting = [q for q in queue.values() if q.id not in placed]
        self.query_one("#plan-queue", Static).update(
            plain("\n".join(f"• {q.submitted_by}: {q.question}" for q in waiting) or self.t("ui.plan.queue_empty"))
        )
        empty = self.query_one("#plan-empty", Static)
        empty.update(self.t("ui.plan.empty") if not plans else "")
        empty.display = not plans
        if plans:
            table.focus()
        if select is not None:
            keys = [row_key.value for row_key in table.rows]
            if select in keys:
                table.move_cursor(row=keys.index(select))

    def _status(self, planned) -> str:
        """"Flyttet fra 14.01.2027 – Planleggingsdag": the status and its note."""
        status = self.t(f"ui.plan.status_{planned.status.value}")
        if planned.status is DateStatus.MOVED and planned.original is not None:
            status = f"{status} ({format_date(planned.original)})"
        return f"{status} – {planned.note}" if planned.note else status

    def action_new_plan(self) -> None:
        def apply(form: PlanForm) -> None:
            create_plan(self.store, form, self.app.lang)

        self.app.push_screen(NewPlanForm(apply), lambda done: self.reload() if done else None)

    def action_queue_case(self) -> None:
        today = self.app.now().date()
        result: list = []

        def apply(form: QueueForm) -> None:
            result.append(queue_case(self.store, form, today))

        def done(ok: bool | None) -> None:
            if not ok or not result:
                return
            _item, where = result[0]
            self.reload()
            if where is None:
                self.say(self.t("ui.plan.waits"), severity="warning")
            else:
                self.say(self.t("ui.plan.placed", date=format_date(where.date), slot=where.slot + 1))

        self.app.push_screen(QueueCaseForm(apply), done)

    def _chosen(self) -> tuple[str, date] | None:
        """(plan id, date) of the meeting under the cursor; None, said, if none."""
        key = selected_key(self.query_one("#plan-dates", DataTable))
        if key is None:
            self.say(self.t("invite.change.nothing_chosen"), severity="warning")
            return None
        plan_id, day = key.split("|")
        return plan_id, date.fromisoformat(day)

    def action_innkalling(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            screen = InnkallingScreen.of(self.store, *chosen, self.app.lang)
        except (ValidationError, StoreError) as error:
            self.say(self.message_for(error), severity="error", timeout=10)
            return
        self.app.push_screen(screen)

    def action_move_date(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        plan_id, day = chosen
        moved: list[date] = []

        def apply(to: str, note: str) -> None:
            moved.append(move_date(self.store, plan_id, day, to, note, self.app.lang))

        def done(ok: bool | None) -> None:
            if ok and moved:
                self.reload(select=f"{plan_id}|{moved[0].isoformat()}")
                self.say(self.t("invite.change.moved", date=format_date(day), to=format_date(moved[0])))

        self.app.push_screen(ChangeDateForm("invite.change.move_title", day, apply, with_date=True), done)

    def action_cancel_date(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        plan_id, day = chosen
        freed: list[list[str]] = []

        def apply(_to: str, note: str) -> None:
            freed.append(cancel_date(self.store, plan_id, day, note))

        def done(ok: bool | None) -> None:
            if ok and freed:
                self.reload(select=f"{plan_id}|{day.isoformat()}")
                self.say(self.t("invite.change.cancelled", date=format_date(day), count=len(freed[0])))

        self.app.push_screen(ChangeDateForm("invite.change.cancel_title", day, apply, with_date=False), done)

    def action_open_date(self) -> None:
        key = selected_key(self.query_one("#plan-dates", DataTable))
        if key is None:
            return
        plan_id, day = key.split("|")
        try:
            plan = self.store.load_plan(plan_id)
            if plan.at(date.fromisoformat(day)).status is DateStatus.CANCELLED:
                raise ValidationError("plan.date_cancelled", value=format_date(date.fromisoformat(day)))
            meeting = self.store.open_planned(plan_id, date.fromisoformat(day), self.app.lang)
            session = self.app.session_for(meeting.id)
        except (ValidationError, StoreError) as error:
            self.say(self.message_for(error), severity="error", timeout=10)
            return
        self.app.show_session(session)

    def action_back(self) -> None:
        self.app.pop_screen()
