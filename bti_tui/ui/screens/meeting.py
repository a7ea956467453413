"""The meeting on the wall: the phase bar, the pane for where the room is
(opening, a case's agenda step, closing), the clock and the agenda.

Where the room is lives in the session (its clock); this screen mirrors it
in one reactive, ``position``, whose watcher shows it. Every rule (may we
move on? may the meeting finish?) is the session's answer; the screen
shows it and asks the room where one is needed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import ContentSwitcher, Footer, Input, Label, Static

from bti_tui.model import Phase, Position, StepFeature, ValidationError
from bti_tui.model.clock import CLOSING, OPENING
from bti_tui.model.consent_check import ConsentDecision
from bti_tui.resources import stylesheet
from bti_tui.session import MeetingSession, Move, MoveResult
from bti_tui.ui.labels import case_label
from bti_tui.ui.quiet_gc import QuietCollector
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.consent_warning import ConsentWarningScreen
from bti_tui.ui.screens.forms import AgreementForm, ConfirmScreen
from bti_tui.ui.screens.read_back import ReadBackScreen
from bti_tui.ui.screens.review import ReviewScreen
from bti_tui.ui.text import lines, plain
from bti_tui.ui.widgets.agreement_table import AgreementTable
from bti_tui.ui.widgets.clock_panel import ClockPanel, ClockReading
from bti_tui.ui.widgets.closing_pane import ClosingPane
from bti_tui.ui.widgets.opening_pane import OpeningPane
from bti_tui.ui.widgets.phase_stepper import PhaseStepper
from bti_tui.ui.widgets.step_pane import StepPane


class MeetingScreen(BtiScreen):
    CSS_PATH = stylesheet("meeting.tcss")  # read when the screen is first shown
    BINDINGS = [
        Binding("f8", "next_step", "keys.next_step"),
        # Priority: Textual's TextArea binds F7 to "select all" (the only one
        # of our keys a widget here uses).
        Binding("f7", "previous_step", "keys.previous_step", priority=True),
        Binding("f5", "pause", "keys.pause"),
        Binding("f9", "add_agreement", "keys.add_agreement"),
        Binding("f9", "finish_meeting", "keys.finish_meeting"),
        Binding("f10", "preview", "keys.preview"),
        Binding("f6", "review", "keys.review.review"),
        Binding("f3", "to_list", "keys.to_list"),
        Binding("delete", "remove_agreement", "keys.remove_agreement", show=False),
    ]

    position: reactive[Position | None] = reactive(None, init=False)

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        self._collector = QuietCollector()

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def _narrow(self) -> bool:
        return self.app.has_class("-narrow")

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
        self.set_class(self.read_only, "-finished")
        self.sync_position()
        self.call_after_refresh(self._freeze)

    def _freeze(self) -> None:
        """What the screen is made of lives as long as it is shown: out of
        the collector's way, so no full collection walks it in the middle of
        a keystroke (some 90 ms here, one key in a hundred and fifty;
        benchmarks/typing_cost.py); the full pass waits for a pause in the
        typing (ui/quiet_gc.py). Given back when the screen goes."""
        if self.is_attached:
            self._collector.hold()

    def on_step_pane_saved(self, event: StepPane.Saved) -> None:
        event.stop()
        if event.after_pause:
            self._collector.pause()

    def on_unmount(self) -> None:
        self._collector.release()

    def sync_position(self) -> None:
        """Show where the session says the room is (also when unchanged)."""
        if self.position == self.session.position:
            self.watch_position(self.position)
        else:
            self.position = self.session.position

    def on_resize(self) -> None:
        """Only the phase bar changes with the width; the fields keep what
        is typed in them."""
        if self.position is not None:
            self._show_phase(self.position)

    def _phase_names(self) -> dict[Phase, str]:
        return {phase: self.t(f"ui.phase.{phase.value}") for phase in Phase}

    def _show_phase(self, position: Position) -> None:
        phase = self.session.kind.step(position.step).phase if position.slot is not None else None
        self.query_one("#phases", PhaseStepper).show(phase, self._phase_names(), self._narrow)

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
            finished=s.read_only,
        )

    def watch_position(self, position: Position | None) -> None:
        if position is None:
            return
        self._show_phase(position)
        switcher = self.query_one("#panes", ContentSwitcher)
        label = self.query_one("#case-label", Label)
        suffix = "  · " + self.t("ui.meeting.finished_read_only") if self.read_only else ""
        if position.step == OPENING:
            label.update(plain(self.t("ui.meeting.opening") + suffix))
            switcher.current = "pane-opening"
            self.query_one(OpeningPane).refresh_content()
        elif position.step == CLOSING:
            label.update(plain(self.t("ui.meeting.closing") + suffix))
            switcher.current = "pane-closing"
            self.query_one(ClosingPane).refresh_content()
        else:
            label.update(case_label(self.t, self.session, position.slot) + plain(suffix))
            switcher.current = "pane-step"
            self.query_one(StepPane).show(position)
        self._render_agenda(position)
        self.query_one(ClockPanel).refresh_clock()
        self.refresh_bindings()

    def _render_agenda(self, current: Position) -> None:
        """The agenda beside the clock: every step of the current case, the
        other cases as one line each, so it fits at 80×24."""
        s = self.session
        out = []
        for position in s.positions:
            here = "▶ " if position == current else "  "
            if position.step == OPENING:
                out.append(plain(here + self.t("ui.meeting.opening")))
            elif position.step == CLOSING:
                out.append(plain(here + self.t("ui.meeting.closing")))
            else:
                step = s.kind.step(position.step)
                if step.id == s.kind.steps[0].id:
                    mark = "▼ " if position.slot == current.slot else "▷ "
                    out.append(plain(mark) + case_label(self.t, s, position.slot))
                if position.slot == current.slot:
                    out.append(plain(f"{here}{step.phase.value} {step.title_in(self.app.lang)}"))
        self.query_one("#agenda-list", Static).update(lines(out))

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
        """On quit: save everything (a refused note is kept masked)."""
        self.commit_edits()

    # --- moving ---------------------------------------------------------------------------
    def _after_move(self, result: MoveResult) -> None:
        """Show what the session answered."""
        if result.moved:
            self.app.clear_notifications()  # a toast was about the step just left
            self.sync_position()
        elif result.outcome is Move.BLOCKED_FODSELSNUMMER:
            self.say(self.t("ui.meeting.fix_first"), severity="error", timeout=8)
        elif result.outcome is Move.NEEDS_STAFETTHOLDER:
            self._demand_stafettholder(result)
        elif result.outcome is Move.NEEDS_CONSENT:
            self._warn_consent(result.slot)
        elif result.outcome is Move.NEEDS_READ_BACK:
            self._read_back(result.slot)
        elif result.outcome is Move.NEEDS_REVIEW and result.slot is not None:
            self.action_review(result.slot, passing=True)
        elif result.outcome is Move.AT_START:
            self.app.show_intake(self.session)

    def _committed(self) -> bool:
        if self.commit_edits():
            return True
        self.say(self.t("ui.meeting.fix_first"), severity="error", timeout=8)
        return False

    def action_next_step(self) -> None:
        if self._committed():
            self._after_move(self.session.next_step())

    def action_previous_step(self) -> None:
        if self._committed():
            self._after_move(self.session.previous_step())

    def _demand_stafettholder(self, result: MoveResult) -> None:
        message = self.t("ui.meeting.stafettholder_required")
        self.say(message, severity="error", timeout=8)
        if result.target is not None:
            self._after_move(self.session.go_to(result.target))
            self.query_one(StepPane).show_feature_error(message)
            self.query_one("#st-name", Input).focus()

    def _read_back(self, slot: int | None) -> None:
        if slot is None:
            return

        def answered(choice: str | None) -> None:
            if choice == "approve":
                self._after_move(self.session.approve_read_back(slot))
            elif choice == "skip":
                self._after_move(self.session.skip_read_back(slot))

        self.app.push_screen(ReadBackScreen(self.session, slot), answered)

    def action_review(self, slot: int | None = None, passing: bool = False) -> None:
        """The review of earlier agreements; ``passing``: the session asked
        for it on the way into or out of the case, and F8 there goes on."""
        slot = self.session.position.slot if slot is None else slot
        if slot is None:
            return
        leaving = passing and self.session.position.slot == slot

        def closed(go_on: bool | None) -> None:
            self.query_one(StepPane).fill_agreements()
            if passing and go_on:
                self._after_move(self.session.pass_review(slot))

        self.app.push_screen(ReviewScreen(self.session, slot, leaving), closed)

    def _warn_consent(self, slot: int | None) -> None:
        warning = self.session.consent_warning(slot) if slot is not None else None
        case = self.session.case(slot)
        if warning is None or case is None or slot is None:
            return

        def answered(decision: ConsentDecision | None) -> None:
            if decision is not None:
                self._after_move(self.session.decide_consent(slot, decision))

        # Not the initials: the room has not yet decided whether it may name the child.
        label = self.t("ui.intake.case_n", n=slot + 1)
        self.app.push_screen(ConsentWarningScreen(warning, case, label), answered)

    def action_pause(self) -> None:
        self.session.toggle_pause()
        self.query_one(ClockPanel).refresh_clock()
        key = "ui.meeting.paused" if self.session.meeting.clock.paused else "ui.meeting.running"
        self.say(self.t(key))

    # --- agreements -------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        position = self.session.position
        if action in ("pause", "add_agreement", "remove_agreement", "finish_meeting") and self.read_only:
            return False
        if action in ("add_agreement", "remove_agreement"):
            if position.slot is None:
                return False
            return StepFeature.AGREEMENTS in self.session.kind.step(position.step).features
        if action == "finish_meeting":
            return self.session.can_finish()
        if action == "review":
            return position.slot is not None and self.session.needs_review(position.slot)
        return True

    def action_add_agreement(self) -> None:
        slot = self.session.position.slot
        if slot is None:
            return
        participants = self.session.meeting.participants
        names = sorted({p.name for p in participants if p.name})
        services = sorted({s for p in participants if (s := p.service_in(self.session.kind, self.app.lang))})

        def check(what: str, who: str, service: str, due) -> None:
            self.session.add_agreement(slot, what, who, service, due)

        def added(result: bool | None) -> None:
            if result:
                self.query_one(StepPane).fill_agreements()
                self.say(self.t("ui.meeting.agreement_added"))

        self.app.push_screen(AgreementForm(names, services, check), added)

    def action_remove_agreement(self) -> None:
        table = self.query_one("#agreements", AgreementTable)
        slot = self.session.position.slot
        agreement_id = table.selected_id
        if slot is None or not table.has_focus or agreement_id is None:
            return
        if not self.session.can_remove_agreement(slot, agreement_id):
            self.say(self.t("ui.meeting.agreement_not_here"), severity="warning")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.session.remove_agreement(slot, agreement_id)
                except ValidationError as error:
                    self.say((self.t.error(error)), severity="error")
                self.query_one(StepPane).fill_agreements()

        self.app.push_screen(
            ConfirmScreen(self.t("ui.meeting.remove_agreement_q"), self.t("ui.form.remove"), self.t("ui.form.keep")),
            answered,
        )

    # --- closing --------------------------------------------------------------------------------
    def action_finish_meeting(self) -> None:
        """Ask first (one stray F9 must not end the meeting), then finish."""
        s = self.session
        if not self._committed():
            return
        missing = s.finish_blockers()
        if missing:
            cases = ", ".join(case_label(self.t, s, m).plain for m in missing)
            self.say((self.t("ui.closing.stafettholder_missing", cases=cases)), severity="error", timeout=10)
            return

        def answered(yes: bool | None) -> None:
            if yes and not s.finish():
                self.set_class(True, "-finished")
                self.sync_position()
                self.say(self.t("ui.closing.finished"))

        self.app.push_screen(
            ConfirmScreen(self.t("ui.closing.finish_q"), self.t("ui.closing.finish_yes"), self.t("ui.form.cancel_short")),
            answered,
        )

    def action_preview(self) -> None:
        self.commit_edits()
        self.app.show_preview(self.session)

    def action_to_list(self) -> None:
        self.flush_edits()
        self.app.pop_screen()
