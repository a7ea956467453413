"""Case intake: for each of the meeting's case slots, the child's initials
and birth date (or anonymous), who submitted it, consent and Firfoting."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from bti_tui.model import (
    Case,
    CaseReference,
    Consent,
    ConsentGiver,
    ConsentStatus,
    ValidationError,
    new_id,
)
from bti_tui.model.case import consent_giver
from bti_tui.model.privacy import guard_text, parse_date
from bti_tui.resources import municipal_settings
from bti_tui.session import MeetingSession
from bti_tui.ui.format import date_text
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.widgets.tick_box import TickBox


class IntakeScreen(BtiScreen):
    BINDINGS = [
        Binding("f8", "next", "keys.to_opening"),
        Binding("escape", "back", "keys.back"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        statuses = [(self.t(f"ui.consent.{s.value}"), s.value) for s in ConsentStatus]
        givers = [(self.t(f"ui.consent_giver.{g.value}"), g.value) for g in ConsentGiver]
        with VerticalScroll(id="intake"):
            yield Label(self.t("ui.intake.title"), classes="screen-title")
            yield Static(self.t("ui.intake.help"), classes="help-line")
            for slot in range(len(self.session.meeting.slots)):
                case = self.session.case(slot)
                ref = case.reference if case else CaseReference()
                with Vertical(classes="case-form", id=f"case-form-{slot}"):
                    yield Label(self.t("ui.intake.case_n", n=slot + 1), classes="section-title")
                    yield TickBox(self.t("ui.intake.anonymous"), value=bool(case and case.anonymous), id=f"anon-{slot}")
                    with Horizontal(classes="field-row"):
                        with Vertical(classes="field field-small"):
                            yield Label(self.t("ui.intake.initials"))
                            yield Input(ref.initials or "", id=f"initials-{slot}", max_length=8)
                        with Vertical(classes="field field-small"):
                            yield Label(self.t("ui.intake.birth_date"))
                            yield Input(date_text(ref.birth_date), id=f"birth-{slot}", placeholder=self.t("ui.form.date_hint"))
                        with Vertical(classes="field"):
                            yield Label(self.t("ui.intake.submitted_by"))
                            yield Input(case.submitted_by if case else "", id=f"submitted-{slot}")
                    with Horizontal(classes="field-row"):
                        with Vertical(classes="field"):
                            yield Label(self.t("ui.intake.consent"))
                            yield Select(statuses, value=(case.consent.status.value if case else ConsentStatus.MISSING.value), allow_blank=False, id=f"consent-{slot}")
                        with Vertical(classes="field"):
                            yield Label(self.t("ui.intake.given_by"))
                            yield Select(
                                givers,
                                value=case.consent.given_by.value if case and case.consent.given_by else Select.NULL,
                                prompt=self.t("ui.intake.given_by_age"),
                                id=f"given-by-{slot}",
                            )
                        with Vertical(classes="field"):
                            yield Label(self.t("ui.intake.consent_services"))
                            yield Input(", ".join(case.consent.services) if case else "", id=f"services-{slot}")
                    yield TickBox(self.t("ui.intake.firfoting"), value=bool(case and case.firfoting_prepared), id=f"firfoting-{slot}")
                    yield Static("", id=f"intake-error-{slot}", classes="form-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        for slot in range(len(self.session.meeting.slots)):
            self._sync_anonymous(slot)
        self.query_one("#anon-0", Checkbox).focus()

    def _sync_anonymous(self, slot: int) -> None:
        anonymous = self.query_one(f"#anon-{slot}", Checkbox).value
        for prefix in ("initials", "birth"):
            self.query_one(f"#{prefix}-{slot}", Input).disabled = anonymous
        consent = self.query_one(f"#consent-{slot}", Select)
        if anonymous:
            consent.value = ConsentStatus.NOT_NEEDED_ANONYMOUS.value
        elif consent.value == ConsentStatus.NOT_NEEDED_ANONYMOUS.value:
            consent.value = ConsentStatus.MISSING.value  # a named child needs real consent

    @on(Checkbox.Changed)
    def _anonymous_toggled(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id and event.checkbox.id.startswith("anon-"):
            self._sync_anonymous(int(event.checkbox.id.split("-")[1]))

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def _read_slot(self, slot: int) -> Case | None:
        """The slot's case from the form (None when left empty); raises ValidationError."""
        anonymous = self.query_one(f"#anon-{slot}", Checkbox).value
        initials, birth = self._value(f"initials-{slot}"), self._value(f"birth-{slot}")
        submitted = guard_text(self._value(f"submitted-{slot}"))
        services = [guard_text(s.strip()) for s in self._value(f"services-{slot}").split(",") if s.strip()]
        if not anonymous and not (initials or birth):
            if submitted:
                raise ValidationError("intake.reference_missing")
            return None
        if anonymous:
            reference = CaseReference.anonymized()
        else:
            if not birth:
                raise ValidationError("intake.birth_date_missing")
            reference = CaseReference.identified(
                initials, parse_date(birth), today=self.session.meeting.date,
                max_age=municipal_settings().max_child_age,
            )
        status = ConsentStatus(self.query_one(f"#consent-{slot}", Select).value)
        if not anonymous and status is ConsentStatus.NOT_NEEDED_ANONYMOUS:
            raise ValidationError("intake.consent_anonymous")
        chosen = self.query_one(f"#given-by-{slot}", Select).value
        given_by = consent_giver(
            status,
            None if chosen is Select.NULL else ConsentGiver(chosen),
            reference.birth_date,
            today=self.session.meeting.date,
            own_age=municipal_settings().consent_own_age,
        )
        existing = self.session.case(slot)
        case = existing or Case(id=new_id("c-"), reference=reference)
        case.reference = reference
        case.submitted_by = submitted
        case.consent = Consent(status, services, given_by)
        case.firfoting_prepared = self.query_one(f"#firfoting-{slot}", Checkbox).value
        return case

    def action_next(self) -> None:
        cases: dict[int, Case | None] = {}
        failed = False
        for slot in range(len(self.session.meeting.slots)):
            error_line = self.query_one(f"#intake-error-{slot}", Static)
            try:
                cases[slot] = self._read_slot(slot)
                error_line.update("")
            except ValidationError as error:
                error_line.update("⚠ " + self.t.error(error))
                failed = True
        if failed:
            return
        if not any(cases.values()):
            self.notify(self.t("ui.intake.no_cases"), severity="warning")
            return
        for slot, case in cases.items():
            self._store_slot(slot, case)
        self.session.save(all_cases=True)
        from bti_tui.ui.screens.meeting import MeetingScreen

        self.app.switch_screen(MeetingScreen(self.session))

    def flush_edits(self) -> None:
        """Quitting: keep every case slot whose fields are valid."""
        for slot in range(len(self.session.meeting.slots)):
            try:
                case = self._read_slot(slot)
            except ValidationError:
                continue
            if case is not None:
                self._store_slot(slot, case)
        self.session.save(all_cases=True)

    def _store_slot(self, slot: int, case: Case | None) -> None:
        """Put the slot's case (or none) into the meeting; a case taken off
        the slot is dropped (see MeetingSession.drop_case)."""
        before = self.session.meeting.slots[slot].case_id
        self.session.meeting.slots[slot].case_id = case.id if case else None
        if case:
            self.session.cases[case.id] = case
        if before and (case is None or case.id != before):
            self.session.drop_case(before)

    def action_back(self) -> None:
        self.flush_edits()
        from bti_tui.ui.screens.setup import SetupScreen

        self.app.switch_screen(SetupScreen(self.session))
