"""Running the meeting: the opening, one screen per agenda step for each
case (G → R → O → W), and the closing, with the big clock beside them.

F8 is always "next", F7 "previous": one key away for the møteleder, and
neither is a key the referent types in notes. The keys are ordinary (not
priority) bindings on purpose: they then wait their turn behind the
keystrokes typed before them, so nothing typed is left behind.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static

from bti_tui.model import MeetingStatus, Phase, Position, StepFeature
from bti_tui.model.clock import CLOSING, OPENING
from bti_tui.session import MeetingSession
from bti_tui.ui.format import date_text
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.closing import ClosingPane
from bti_tui.ui.screens.forms import AgreementForm, ConfirmScreen
from bti_tui.ui.screens.opening import OpeningPane
from bti_tui.ui.screens.step_pane import StepPane
from bti_tui.ui.widgets.agreement_table import AgreementTable
from bti_tui.ui.widgets.clock_panel import ClockPanel, ClockReading
from bti_tui.ui.widgets.phase_stepper import PhaseStepper


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
        Binding("f8", "next_step", "keys.next_step"),
        # Priority: Textual's TextArea binds F7 to "select all" (the only one
        # of our keys a widget here uses).
        Binding("f7", "previous_step", "keys.previous_step", priority=True),
        Binding("f5", "pause", "keys.pause"),
        Binding("f9", "add_agreement", "keys.add_agreement"),
        Binding("f9", "finish_meeting", "keys.finish_meeting"),
        Binding("f10", "preview", "keys.preview"),
        Binding("f3", "to_list", "keys.to_list"),
        Binding("delete", "remove_agreement", "keys.remove_agreement", show=False),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._shown: Position | None = None

    @property
    def _narrow(self) -> bool:
        return self.app.has_class("-narrow")

    def on_resize(self) -> None:
        """Only the phase bar changes with the width; the fields keep what
        is typed in them."""
        position = self._shown
        if not self.is_mounted or position is None:
            return
        names = self._phase_names()
        phase = self.session.kind.step(position.step).phase if position.slot is not None else None
        self.query_one("#phases", PhaseStepper).show(phase, names, self._narrow)

    def _phase_names(self) -> dict[Phase, str]:
        return {phase: self.t(f"ui.phase.{phase.value}") for phase in Phase}

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
                yield StepPane(self.session, id="pane-step")
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
        names = self._phase_names()
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
        step = self.session.kind.step(position.step)
        self.query_one("#phases", PhaseStepper).show(step.phase, names, self._narrow)
        self.query_one("#case-label", Label).update(case_label(self.t, self.session, position.slot))
        self.query_one("#panes", ContentSwitcher).current = "pane-step"
        self.query_one(StepPane).show(position)

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

    # --- taking what is typed ---------------------------------------------------------
    def commit_edits(self) -> bool:
        """Take what is in the fields now (a key like F8 can arrive before
        the last keystrokes' change messages) and save it. False if a field
        holds something that must not be saved; its message is shown."""
        ok = self.query_one(StepPane).commit()
        self.query_one(ClosingPane).commit()
        self.session.save(all_cases=True)
        return ok

    def flush_edits(self) -> None:
        """On quit: save everything; a note holding a fødselsnummer is kept
        with the number masked, so neither the number nor the note is lost."""
        if not self.commit_edits():
            self.query_one(StepPane).keep_masked_note()
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
                self.query_one(StepPane).show_feature_error(self.t("ui.meeting.stafettholder_required"))
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
                self.query_one(StepPane).fill_agreements()
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
                self.query_one(StepPane).fill_agreements()

        self.app.push_screen(
            ConfirmScreen(self.t("ui.meeting.remove_agreement_q"), self.t("ui.form.remove"), self.t("ui.form.keep")),
            answered,
        )

    # --- closing --------------------------------------------------------------------------------
    def action_finish_meeting(self) -> None:
        """Ask first (one stray F9 must not end the meeting), then finish."""
        s = self.session
        missing = [slot for slot in range(len(s.meeting.slots)) if s.stafettholder_missing(slot)]
        if missing:
            self.notify(
                self.t("ui.closing.stafettholder_missing", cases=", ".join(case_label(self.t, s, m) for m in missing)),
                severity="error",
                timeout=10,
            )
            return
        if not self._edits_committed():
            return

        def answered(yes: bool | None) -> None:
            if yes:
                s.finish()
                self.query_one(ClosingPane).refresh_content()
                self.refresh_bindings()
                self.query_one(ClockPanel).refresh_clock()
                self.notify(self.t("ui.closing.finished"))

        self.app.push_screen(
            ConfirmScreen(self.t("ui.closing.finish_q"), self.t("ui.closing.finish_yes"), self.t("ui.form.cancel_short")),
            answered,
        )

    def action_preview(self) -> None:
        from bti_tui.ui.screens.referat_preview import ReferatPreviewScreen

        self.app.push_screen(ReferatPreviewScreen(self.session))

    def action_to_list(self) -> None:
        self.flush_edits()
        self.app.pop_screen()

