"""Running the meeting: the opening, one screen per agenda step for each
case (G → R → O → W), and the closing, with the big clock beside them.

F8 is always "next", F7 "previous": one key away for the møteleder, and
neither is a key the referent types in notes.
"""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static, TextArea

from bti_tui.model import MeetingStatus, Phase, Position, StepFeature, ValidationError
from bti_tui.model.anonymity import HintKind, identifying_hints
from bti_tui.model.clock import CLOSING, OPENING
from bti_tui.model.privacy import mask_fodselsnummer, parse_date
from bti_tui.session import MeetingSession
from bti_tui.ui.format import date_text
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.closing import ClosingPane
from bti_tui.ui.screens.forms import AgreementForm, ConfirmScreen
from bti_tui.ui.screens.opening import OpeningPane
from bti_tui.ui.widgets.agreement_table import AgreementTable
from bti_tui.ui.widgets.clock_panel import ClockPanel, ClockReading
from bti_tui.ui.widgets.phase_stepper import PhaseStepper

SAVE_PAUSE = 1.0  # seconds of quiet typing before the notes are written

# The step's input fields, by the feature that shows them.
_FEATURE_INPUTS = (
    (StepFeature.COOPERATION, "cooperation"),
    (StepFeature.STAFETTHOLDER, "st-name"),
    (StepFeature.STAFETTHOLDER, "st-service"),
    (StepFeature.NEXT_MEETING, "next-meeting"),
)


def open_session(app: App, session: MeetingSession) -> None:
    """A meeting not yet begun opens on its setup; one begun, where it was."""
    from bti_tui.ui.screens.setup import SetupScreen

    if session.meeting.status is MeetingStatus.PLANNED and not session.meeting.clock.started:
        app.push_screen(SetupScreen(session))
    else:
        app.push_screen(MeetingScreen(session))


def case_label(t, session: MeetingSession, slot: int) -> str:
    case = session.case(slot)
    if case is None:
        return t("ui.meeting.case_empty", n=slot + 1)
    if case.anonymous:
        return t("ui.meeting.case_anonymous", n=slot + 1)
    return t("ui.meeting.case_ref", n=slot + 1, initials=case.reference.initials, born=date_text(case.reference.birth_date))


class MeetingScreen(BtiScreen):
    BINDINGS = [
        Binding("f8", "next_step", "keys.next_step", priority=True),
        Binding("f7", "previous_step", "keys.previous_step", priority=True),
        Binding("f5", "pause", "keys.pause", priority=True),
        Binding("f9", "add_agreement", "keys.add_agreement", priority=True),
        Binding("f9", "finish_meeting", "keys.finish_meeting", priority=True),
        Binding("f10", "preview", "keys.preview", priority=True),
        Binding("f3", "to_list", "keys.to_list", priority=True),
        Binding("delete", "remove_agreement", "keys.remove_agreement", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._save_timer: Timer | None = None
        self._shown: Position | None = None
        self._anonymity_shown = False
        self._note_refused = False

    @property
    def _narrow(self) -> bool:
        return self.app.has_class("-narrow")

    def on_resize(self) -> None:
        """Only the phase bar changes with the width; the fields keep what
        is typed in them."""
        position = self._shown
        if not self.is_mounted or position is None:
            return
        names = {phase: self.t(f"ui.phase.{phase.value}") for phase in Phase}
        phase = self.session.kind.step(position.step).phase if position.slot is not None else None
        self.query_one("#phases", PhaseStepper).show(phase, names, self._narrow)

    @property
    def read_only(self) -> bool:
        """A finished meeting is shown, not changed (documentation aside)."""
        return self.session.meeting.status is MeetingStatus.FINISHED

    # --- layout -------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="meeting-top"):
            yield PhaseStepper(id="phases")
            yield Label("", id="case-label")
        with Horizontal(id="meeting-main"):
            with ContentSwitcher(id="panes", initial="pane-opening"):
                yield OpeningPane(self.session, id="pane-opening")
                with Vertical(id="pane-step"):
                    yield Label("", id="step-title")
                    yield Static("", id="step-prompt")
                    yield TextArea(id="notes", soft_wrap=True, show_line_numbers=False)
                    yield Static("", id="notes-error", classes="form-error")
                    with Vertical(id="feature-agreements", classes="feature"):
                        yield Label(self.t("ui.meeting.agreements"), classes="feature-title")
                        yield AgreementTable(self.t, id="agreements")
                        yield Static("", id="agreements-empty", classes="help-line")
                    with Vertical(id="feature-cooperation", classes="feature"):
                        yield Label(self.t("ui.meeting.cooperation"), classes="feature-title")
                        yield Input(id="cooperation", placeholder=self.t("ui.meeting.cooperation_hint"))
                    with Vertical(id="feature-stafettholder", classes="feature"):
                        yield Label(self.t("ui.meeting.stafettholder"), classes="feature-title")
                        with Horizontal(classes="field-row"):
                            yield Input(id="st-name", placeholder=self.t("ui.meeting.st_name"))
                            yield Input(id="st-service", placeholder=self.t("ui.meeting.st_service"))
                    with Vertical(id="feature-next-meeting", classes="feature"):
                        yield Label(self.t("ui.meeting.next_meeting"), classes="feature-title")
                        yield Input(id="next-meeting", placeholder=self.t("ui.form.date_hint"))
                    yield Static("", id="feature-error", classes="form-error")
                yield ClosingPane(self.session, id="pane-closing")
            with Vertical(id="meeting-side"):
                yield ClockPanel(self._reading, self.t, id="clock")
                yield Static("", id="agenda-list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.render_position()

    # --- what is shown -----------------------------------------------------------------
    def _reading(self) -> ClockReading:
        s = self.session
        now = self.app.now()
        position = s.position
        return ClockReading(
            step=s.meeting.position_budget(s.kind, position, now),
            case=s.meeting.case_budget(s.kind, position.slot, now) if position.slot is not None else None,
            meeting=s.meeting.meeting_budget(s.kind, now),
            started=s.meeting.clock.started,
            paused=s.meeting.clock.paused,
        )

    def render_position(self) -> None:
        s = self.session
        position = s.position
        self._shown = position
        names = {phase: self.t(f"ui.phase.{phase.value}") for phase in Phase}
        stepper = self.query_one("#phases", PhaseStepper)
        switcher = self.query_one("#panes", ContentSwitcher)
        if position.step == OPENING:
            stepper.show(None, names, self._narrow)
            self.query_one("#case-label", Label).update(self.t("ui.meeting.opening"))
            switcher.current = "pane-opening"
            self.query_one(OpeningPane).refresh_content()
        elif position.step == CLOSING:
            stepper.show(None, names, self._narrow)
            self.query_one("#case-label", Label).update(self.t("ui.meeting.closing"))
            switcher.current = "pane-closing"
            self.query_one(ClosingPane).refresh_content()
        else:
            self._show_step(position, names)
        self._render_agenda()
        self.query_one(ClockPanel).refresh_clock()
        self.refresh_bindings()

    def _show_step(self, position: Position, names: dict[Phase, str]) -> None:
        s = self.session
        step = s.kind.step(position.step)
        slot = position.slot
        assert slot is not None
        self.query_one("#phases", PhaseStepper).show(step.phase, names, self._narrow)
        self.query_one("#case-label", Label).update(case_label(self.t, s, slot))
        self.query_one("#panes", ContentSwitcher).current = "pane-step"
        index = s.kind.step_index(step.id) + 1
        self.query_one("#step-title", Label).update(
            f"{step.phase.value} · {step.title_in(self.app.lang)}   "
            + self.t("ui.meeting.step_of", n=index, total=len(s.kind.steps))
        )
        self.query_one("#step-prompt", Static).update(step.prompt_in(self.app.lang))
        notes = self.query_one("#notes", TextArea)
        notes.load_text(s.meeting.slots[slot].note(step.id))
        notes.move_cursor(notes.document.end)  # go on writing where the note ends
        notes.read_only = self.read_only
        self._note_refused = False
        for input_id in ("cooperation", "st-name", "st-service", "next-meeting"):
            self.query_one(f"#{input_id}", Input).disabled = self.read_only
        self.query_one("#notes-error", Static).update("")
        self._anonymity_shown = False
        self._check_anonymity()
        self.query_one("#feature-error", Static).update("")
        for feature in StepFeature:
            panel = self.query_one(f"#feature-{feature.value.replace('_', '-')}")
            panel.display = feature in step.features
        slot_data = s.meeting.slots[slot]
        case = s.case(slot)
        self.query_one("#cooperation", Input).value = ", ".join(slot_data.cooperation)
        holder = case.stafettholder if case else None
        self.query_one("#st-name", Input).value = holder.name if holder else ""
        self.query_one("#st-service", Input).value = holder.service if holder else ""
        self.query_one("#next-meeting", Input).value = date_text(slot_data.next_meeting)
        self._fill_agreements()
        notes.focus()

    def _fill_agreements(self) -> None:
        """This case's agreements: open ones from earlier meetings first, marked."""
        slot = self.session.position.slot
        case = self.session.case(slot) if slot is not None else None
        meeting_id = self.session.meeting.id
        rows = []
        if case is not None:
            rows = [(a, True) for a in case.open_agreements_before(meeting_id)]
            rows += [(a, False) for a in case.agreements_from(meeting_id)]
        self.query_one("#agreements", AgreementTable).show(rows)
        self.query_one("#agreements", AgreementTable).display = bool(rows)
        empty = self.query_one("#agreements-empty", Static)
        empty.update("" if rows else self.t("ui.meeting.no_agreements"))
        empty.display = not rows

    def _render_agenda(self) -> None:
        """The agenda beside the clock: every step of the current case, the
        other cases as one line each, so it fits at 80×24."""
        s = self.session
        current = s.position
        lines = []
        for position in s.positions:
            here = "▶ " if position == current else "  "
            if position.step == OPENING:
                lines.append(here + self.t("ui.meeting.opening"))
            elif position.step == CLOSING:
                lines.append(here + self.t("ui.meeting.closing"))
            else:
                step = s.kind.step(position.step)
                first = step.id == s.kind.steps[0].id
                if first:
                    mark = "▼ " if position.slot == current.slot else "▷ "
                    lines.append(mark + case_label(self.t, s, position.slot))
                if position.slot == current.slot:
                    lines.append(f"{here}{step.phase.value} {step.title_in(self.app.lang)}")
        self.query_one("#agenda-list", Static).update("\n".join(lines))

    # --- typing -------------------------------------------------------------------------
    def _save_soon(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_PAUSE, self._save_now)

    def _save_now(self) -> None:
        self._save_timer = None
        self.session.save(all_cases=True)
        self._check_anonymity()

    def _check_anonymity(self) -> None:
        position = self.session.position
        if position.slot is None or self._shown != position:
            return
        warning = self._anonymity_warning(position.slot, self.session.meeting.slots[position.slot].note(position.step))
        if warning or self._anonymity_shown:
            self.query_one("#notes-error", Static).update(warning)
        self._anonymity_shown = bool(warning)

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self) -> None:
        """Per keystroke only the cheap fødselsnummer guard runs; the
        anonymity hints wait for the pause before the save (benchmarks/
        keystroke_cost.py shows why)."""
        if self._apply_note() is not None:
            self._save_soon()

    def _apply_note(self) -> bool | None:
        """Copy the notes field into the meeting: True if kept, False if
        refused (the message is shown), None if nothing changed."""
        position = self.session.position
        if position.slot is None or position != self._shown or self.read_only:
            return None
        text = self.query_one("#notes", TextArea).text
        if text == self.session.meeting.slots[position.slot].note(position.step):
            return None if not self._note_refused else True
        error_line = self.query_one("#notes-error", Static)
        try:
            self.session.set_note(position.slot, position.step, text)
        except ValidationError as error:
            error_line.update("⚠ " + self.t.error(error) + " " + self.t("ui.meeting.not_saved"))
            self._note_refused = True
            return False
        self._note_refused = False
        if not self._anonymity_shown:
            error_line.update("")
        return True

    def _anonymity_warning(self, slot: int, text: str) -> str:
        """An anonymous case whose note names a school, a class or an age:
        warn (the room decides; nothing is blocked)."""
        case = self.session.case(slot)
        if case is None or not case.anonymous:
            return ""
        hints = [h for h in identifying_hints(text) if h.kind is not HintKind.FODSELSNUMMER]
        if not hints:
            return ""
        found = ", ".join(f"«{h.excerpt(text)}»" for h in hints[:3])
        return "⚠ " + self.t("ui.meeting.anonymity_hint", found=found)

    @on(Input.Changed, "#cooperation, #st-name, #st-service, #next-meeting")
    def _feature_changed(self, event: Input.Changed) -> None:
        if self._apply_feature(event.input.id or ""):
            self._save_soon()

    def _apply_feature(self, input_id: str) -> bool:
        """Copy one of the step's fields into the model; False (with the
        message shown) if its value is refused."""
        slot = self.session.position.slot
        if slot is None or self.read_only:
            return True
        value = self.query_one(f"#{input_id}", Input).value
        error_line = self.query_one("#feature-error", Static)
        try:
            if input_id == "cooperation":
                self.session.set_cooperation(slot, value.split(","), save=False)
            elif input_id in ("st-name", "st-service"):
                name = self.query_one("#st-name", Input).value
                self.session.set_stafettholder(slot, name, self.query_one("#st-service", Input).value, save=False)
            else:
                self.session.set_next_meeting(slot, parse_date(value) if value.strip() else None, save=False)
        except ValidationError as error:
            error_line.update("⚠ " + self.t.error(error))
            return False
        error_line.update("")
        return True

    def commit_edits(self) -> bool:
        """Take what is in the fields now (a key like F8 can arrive before
        the last keystrokes' change messages) and save it. False if a field
        holds something that must not be saved; its message is shown."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        ok = self._apply_note() is not False
        step = self.session.position
        if step.slot is not None:
            features = self.session.kind.step(step.step).features
            ids = [i for f, i in _FEATURE_INPUTS if f in features]
            ok = all([self._apply_feature(i) for i in ids]) and ok
        self.query_one(ClosingPane).commit()
        self.session.save(all_cases=True)
        return ok

    def flush_edits(self) -> None:
        """On quit: save everything; a note holding a fødselsnummer is kept
        with the number masked, so neither the number nor the note is lost."""
        if not self.commit_edits():
            position = self.session.position
            if position.slot is not None and self._note_refused:
                text = self.query_one("#notes", TextArea).text
                self.session.set_note(position.slot, position.step, mask_fodselsnummer(text))
                self.session.save(all_cases=True)

    # --- moving ---------------------------------------------------------------------------
    def _edits_committed(self) -> bool:
        if self.commit_edits():
            return True
        self.notify(self.t("ui.meeting.fix_first"), severity="error", timeout=8)
        return False

    def _go(self, position: Position) -> None:
        if self._edits_committed():
            self.session.go(position)
            self.render_position()

    def action_next_step(self) -> None:
        if not self._edits_committed():
            return
        s = self.session
        here = s.position
        target = s.neighbour(+1)
        if target is None:
            return
        if here.slot is not None and target.slot != here.slot:
            if s.stafettholder_missing(here.slot):
                self._demand_stafettholder(here.slot)
                return
            s.close_case(here.slot)
        if target.slot is not None and target.slot != here.slot:
            case = s.case(target.slot)
            if case and case.needs_consent_warning and target.slot not in s.consent_acknowledged:
                self._warn_consent(target)
                return
        self._go(target)

    def _demand_stafettholder(self, slot: int) -> None:
        self.notify(self.t("ui.meeting.stafettholder_required"), severity="error", timeout=8)
        for step in self.session.kind.steps:
            if StepFeature.STAFETTHOLDER in step.features:
                self._go(Position(step.id, slot))
                self.query_one("#feature-error", Static).update("⚠ " + self.t("ui.meeting.stafettholder_required"))
                self.query_one("#st-name", Input).focus()
                return

    def _warn_consent(self, target: Position) -> None:
        case = self.session.case(target.slot)
        status = self.t(f"ui.consent.{case.consent.status.value}")

        def answered(go_on: bool | None) -> None:
            if go_on:
                self.session.consent_acknowledged.add(target.slot)
                self._go(target)

        self.app.push_screen(
            ConfirmScreen(
                self.t("ui.meeting.consent_warning", case=case_label(self.t, self.session, target.slot), status=status),
                self.t("ui.meeting.consent_go_on"),
                self.t("ui.meeting.consent_stop"),
            ),
            answered,
        )

    def action_previous_step(self) -> None:
        target = self.session.neighbour(-1)
        if target is not None:
            self._go(target)
        elif not self.read_only and self._edits_committed():
            # From the opening back to the cases (to fix one; the clock goes on).
            from bti_tui.ui.screens.intake import IntakeScreen

            self.app.switch_screen(IntakeScreen(self.session))

    def action_pause(self) -> None:
        self.session.toggle_pause()
        self.query_one(ClockPanel).refresh_clock()
        key = "ui.meeting.paused" if self.session.meeting.clock.paused else "ui.meeting.running"
        self.notify(self.t(key))

    # --- agreements -------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        position = self.session.position
        if action in ("pause", "add_agreement", "remove_agreement") and self.read_only:
            return False
        if action in ("add_agreement", "remove_agreement"):
            if position.slot is None:
                return False
            return StepFeature.AGREEMENTS in self.session.kind.step(position.step).features
        if action == "finish_meeting":
            return position.step == CLOSING and self.session.meeting.status is not MeetingStatus.FINISHED
        return True

    def action_add_agreement(self) -> None:
        slot = self.session.position.slot
        if slot is None:
            return
        people = [p for p in self.session.meeting.participants if p.name]
        names = sorted({p.name for p in people})
        services = sorted({p.service for p in self.session.meeting.participants if p.service})

        def added(result: tuple | None) -> None:
            if result:
                what, who, service, due = result
                self.session.add_agreement(slot, what, who, service, due)
                self._fill_agreements()
                self.notify(self.t("ui.meeting.agreement_added"))

        self.app.push_screen(AgreementForm(names, services, self.session.meeting.date), added)

    def action_remove_agreement(self) -> None:
        table = self.query_one("#agreements", AgreementTable)
        slot = self.session.position.slot
        agreement_id = table.selected_id
        if slot is None or not table.has_focus or agreement_id is None:
            return
        case = self.session.case(slot)
        if case is None or agreement_id not in {a.id for a in case.agreements_from(self.session.meeting.id)}:
            self.notify(self.t("ui.meeting.agreement_not_here"), severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.session.remove_agreement(slot, agreement_id)
                self._fill_agreements()

        self.app.push_screen(
            ConfirmScreen(self.t("ui.meeting.remove_agreement_q"), self.t("ui.form.remove"), self.t("ui.form.keep")),
            answered,
        )

    # --- closing --------------------------------------------------------------------------------
    def action_finish_meeting(self) -> None:
        s = self.session
        missing = [slot for slot in range(len(s.meeting.slots)) if s.stafettholder_missing(slot)]
        if missing:
            self.notify(
                self.t("ui.closing.stafettholder_missing", cases=", ".join(case_label(self.t, s, m) for m in missing)),
                severity="error",
                timeout=10,
            )
            return
        s.finish()
        self.query_one(ClosingPane).refresh_content()
        self.refresh_bindings()
        self.query_one(ClockPanel).refresh_clock()
        self.notify(self.t("ui.closing.finished"))

    def action_preview(self) -> None:
        from bti_tui.ui.screens.referat_preview import ReferatPreviewScreen

        self.app.push_screen(ReferatPreviewScreen(self.session))

    def action_to_list(self) -> None:
        self.flush_edits()
        self.app.pop_screen()

