"""One agenda step of one case: the prompt, the referent's notes, and the
step's own fields (agreements, cooperation, stafettholder, next meeting).

Everything typed goes into the session at once (its rules decide what is
kept) and is written after a short pause in typing, and never later than a
couple of seconds after the first unsaved key (``TypingSaves``); ``commit``
takes the fields as they stand, for keys that arrive before the last
keystrokes' change messages.
"""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from bti_tui.model import Position, StepFeature, ValidationError
from bti_tui.model.anonymity import HintKind, identifying_hints
from bti_tui.ui.contact_warning import contact_warning
from bti_tui.model.dates import format_date
from bti_tui.session import MeetingSession, TypingSaves
from bti_tui.ui.text import join, plain, safe
from bti_tui.ui.widgets.agreement_table import AgreementTable
from bti_tui.ui.widgets.bigtext import BigText
from bti_tui.ui.widgets.notes_area import NotesArea
from bti_tui.ui.widgets.tick_box import TickBox

# The step's input fields, by the feature that shows them.
FEATURE_INPUTS = (
    (StepFeature.COOPERATION, "cooperation"),
    (StepFeature.STAFETTHOLDER, "st-name"),
    (StepFeature.STAFETTHOLDER, "st-service"),
    (StepFeature.NEXT_MEETING, "next-meeting"),
)


class StepPane(Vertical):
    class Saved(Message):
        """The step's notes and fields were handed to the saver; after a
        pause in typing (not forced while it goes on) if ``after_pause``."""

        def __init__(self, after_pause: bool) -> None:
            super().__init__()
            self.after_pause = after_pause

    def __init__(self, session: MeetingSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.shown: Position | None = None
        self._save_timer: Timer | None = None
        self._saves = TypingSaves()
        self._anonymity_shown = False
        self._error_shown = False
        # A field of the case's (the stafettholder, ...) changed since the
        # last save: the next save writes the cases too, not the meeting alone.
        self._cases_changed = False

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Label("", id="step-title")
        # On a wide screen (the wall layout) the step's title in large letters.
        yield BigText(id="step-title-big")
        yield Static("", id="step-prompt")
        # Stacked; side by side on a wide screen (the wall layout, ≥160 columns).
        with Horizontal(id="step-body"):
            with Vertical(id="notes-col"):
                yield NotesArea(id="notes", soft_wrap=True, show_line_numbers=False)
                yield Static("", id="notes-error", classes="form-error")
            with Vertical(id="features-col"):
                with Vertical(id="feature-agreements", classes="feature"):
                    yield Label(t("ui.meeting.agreements"), classes="feature-title")
                    yield AgreementTable(t, id="agreements")
                    yield Static("", id="agreements-empty", classes="help-line")
                with Vertical(id="feature-cooperation", classes="feature"):
                    yield Label(t("ui.meeting.cooperation"), classes="feature-title")
                    yield Input(id="cooperation", placeholder=t("ui.meeting.cooperation_hint"))
                with Vertical(id="feature-stafettholder", classes="feature"):
                    yield Label(t("ui.meeting.stafettholder"), classes="feature-title")
                    with Horizontal(classes="field-row"):
                        with Vertical(classes="field"):
                            yield Label(t("ui.meeting.st_name"), classes="field-label")
                            yield Input(id="st-name", placeholder=t("ui.meeting.st_name"))
                        with Vertical(classes="field"):
                            yield Label(t("ui.meeting.st_service"), classes="field-label")
                            yield Input(id="st-service", placeholder=t("ui.meeting.st_service"))
                    yield TickBox(t("ui.meeting.advice_only"), id="advice-only")
                with Vertical(id="feature-next-meeting", classes="feature"):
                    yield Label(t("ui.meeting.next_meeting"), classes="feature-title")
                    yield Input(id="next-meeting", placeholder=t("ui.form.date_hint"))
                yield Static("", id="feature-error", classes="form-error")

    # --- showing a step ---------------------------------------------------------
    def show(self, position: Position) -> None:
        t, lang, s = self.app.t, self.app.lang, self.session
        step = s.kind.step(position.step)
        slot = position.slot
        assert slot is not None
        self.shown = position
        n, total = s.step_number(position)
        self.query_one("#step-title", Label).update(
            join(plain(f"{step.phase.value} · {step.title_in(lang)}   "), plain(t("ui.meeting.step_of", n=n, total=total)))
        )
        self.query_one("#step-title-big", BigText).show(step.title_in(lang), max_rows=7)
        self.query_one("#step-prompt", Static).update(plain(step.prompt_in(lang)))
        notes = self.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):
            notes.load_text(safe(s.meeting.slots[slot].note(step.id)))
        notes.move_cursor(notes.document.end)  # go on writing where the note ends
        # Again once the step's prompt is laid out: it may take another row
        # than the step before's, and the field with it (the cursor was left
        # a row below the field at 80x24).
        self.call_after_refresh(notes.scroll_cursor_visible)
        notes.read_only = s.read_only
        for _feature, input_id in FEATURE_INPUTS:
            self.query_one(f"#{input_id}", Input).disabled = s.read_only
        self.query_one("#notes-error", Static).update("")
        self._anonymity_shown = False
        self._error_shown = False
        self.check_anonymity()
        self.show_feature_error("")
        for feature in StepFeature:
            self.query_one(f"#feature-{feature.value.replace('_', '-')}").display = feature in step.features
        slot_data = s.meeting.slots[slot]
        case = s.case(slot)
        holder = case.stafettholder if case else None
        advice = self.query_one("#advice-only", Checkbox)
        advice.display = bool(case and case.anonymous)
        advice.disabled = s.read_only
        with advice.prevent(Checkbox.Changed):
            advice.value = slot_data.advice_only
        values = {
            "cooperation": ", ".join(slot_data.cooperation),
            "st-name": holder.name if holder else "",
            "st-service": holder.service if holder else "",
            "next-meeting": format_date(slot_data.next_meeting),
        }
        for input_id, value in values.items():
            field = self.query_one(f"#{input_id}", Input)
            with field.prevent(Input.Changed):
                field.value = safe(value, multiline=False)
        self.fill_agreements()
        notes.focus()

    def fill_agreements(self) -> None:
        """This case's agreements: open ones from earlier meetings first, marked."""
        slot = self.shown.slot if self.shown else None
        case = self.session.case(slot)
        meeting_id = self.session.meeting.id
        rows = []
        if case is not None:
            rows = [(a, True) for a in case.open_agreements_before(meeting_id)]
            rows += [(a, False) for a in case.agreements_from(meeting_id)]
        table = self.query_one("#agreements", AgreementTable)
        table.show(rows)
        table.display = bool(rows)
        empty = self.query_one("#agreements-empty", Static)
        empty.update("" if rows else self.app.t("ui.meeting.no_agreements"))
        empty.display = not rows

    def show_feature_error(self, message: str) -> None:
        self.query_one("#feature-error", Static).update(plain("⚠ " + message) if message else "")

    # --- typing -------------------------------------------------------------------
    def _save_soon(self) -> None:
        delay = self._saves.changed(time.monotonic())
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if delay <= 0:
            # Due now (the maximum wait is over). Textual 8.2's set_timer(0)
            # never calls back (and fails at exit): save here instead.
            self._save_now()
        else:
            self._save_timer = self.set_timer(delay, self._save_now)

    def _save_now(self) -> None:
        """The save while typing goes on: the number at the cursor (maybe a
        fødselsnummer's first digits) stays off the disk until it is done."""
        self._save_timer = None
        self._saves.saved()
        typing = None
        if self.shown is not None and self.shown.slot is not None:
            notes = self.query_one("#notes", TextArea)
            cursor = notes.document.get_index_from_location(notes.cursor_location)
            typing = (self.shown.slot, self.shown.step, cursor)
        # While only the notes change, the meeting alone: a snapshot of every
        # case too took 2 ms of the key the forced save fell on.
        self.session.save(all_cases=self._cases_changed, typing=typing)
        self._cases_changed = False
        after_pause = self._saves.after_pause
        if after_pause:
            self.check_anonymity()
        else:
            # A save the maximum wait forced while typing goes on: the hints
            # (a frame or more over a long note, benchmarks/keystroke_cost.py)
            # wait for the pause, which a later key's save checks; if no key
            # follows, this one does.
            self.set_timer(self._saves.pause, self._check_anonymity_if_quiet)
        self.post_message(self.Saved(after_pause))

    def _check_anonymity_if_quiet(self) -> None:
        if not self._saves.dirty:
            self.check_anonymity()

    def check_anonymity(self) -> None:
        position = self.shown
        if position is None or position.slot is None:
            return
        if (position.slot, position.step) in self.session.refused_notes:
            return  # the refusal is the message that counts
        text = self.session.meeting.slots[position.slot].note(position.step)
        warning = " ".join(w for w in (self._anonymity_warning(position.slot, text), contact_warning(self.app.t, text)) if w)
        if warning or self._anonymity_shown:
            self.query_one("#notes-error", Static).update(plain(warning))
        self._anonymity_shown = bool(warning)

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
        return "⚠ " + self.app.t("ui.meeting.anonymity_hint", found=found)

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        """Per keystroke only the cheap fødselsnummer guard runs; the
        anonymity hints wait for the pause before the save (benchmarks/
        keystroke_cost.py shows why). The change ends here: no one above
        listens, and each container it climbs is a message handled."""
        event.stop()
        if self._apply_note() is not None:
            self._save_soon()

    def _apply_note(self) -> bool | None:
        """Copy the notes field into the session: True if kept, False if
        refused (the message is shown), None if nothing changed."""
        position = self.shown
        if position is None or position.slot is None or self.session.read_only:
            return None
        text = self.query_one("#notes", TextArea).text
        key = (position.slot, position.step)
        if text == self.session.meeting.slots[position.slot].note(position.step) and key not in self.session.refused_notes:
            return None
        error_line = self.query_one("#notes-error", Static)
        t = self.app.t
        try:
            self.session.set_note(position.slot, position.step, text)
        except ValidationError as error:
            error_line.update(plain("⚠ " + t.error(error) + " " + t("ui.meeting.not_saved")))
            self._error_shown = True
            return False
        if not self._anonymity_shown and self._error_shown:
            error_line.update("")  # only when there is one: an update re-lays out the screen
        self._error_shown = False
        return True

    @on(Input.Changed, "#cooperation, #st-name, #st-service, #next-meeting")
    def _feature_changed(self, event: Input.Changed) -> None:
        self._cases_changed = True
        if self._apply_feature(event.input.id or ""):
            self._save_soon()

    @on(Checkbox.Changed, "#advice-only")
    def _advice_changed(self, event: Checkbox.Changed) -> None:
        slot = self.shown.slot if self.shown else None
        if slot is None or self.session.read_only:
            return
        try:
            self.session.set_advice_only(slot, event.value)
        except ValidationError as error:
            self.show_feature_error(self.app.t.error(error))

    def _apply_feature(self, input_id: str) -> bool:
        """Copy one of the step's fields into the session; False (with the
        message shown) if its value is refused."""
        slot = self.shown.slot if self.shown else None
        if slot is None or self.session.read_only:
            return True
        value = self.query_one(f"#{input_id}", Input).value
        try:
            if input_id == "cooperation":
                self.session.set_cooperation(slot, value, save=False)
            elif input_id in ("st-name", "st-service"):
                name = self.query_one("#st-name", Input).value
                service = self.query_one("#st-service", Input).value
                self.session.set_stafettholder(slot, name, service, save=False)
            else:
                self.session.set_next_meeting(slot, value, save=False)
        except ValidationError as error:
            self.show_feature_error(self.app.t.error(error))
            return False
        self.show_feature_error("")
        return True

    # --- taking the fields as they stand --------------------------------------------
    def commit(self) -> bool:
        """Take what is in the fields now into the session (not yet saved).
        False if a field holds something that must not be saved."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._saves.saved()
        ok = self._apply_note() is not False
        position = self.shown
        if position is not None and position.slot is not None and position == self.session.position:
            features = self.session.kind.step(position.step).features
            ids = [i for f, i in FEATURE_INPUTS if f in features]
            ok = all([self._apply_feature(i) for i in ids]) and ok
        return ok
