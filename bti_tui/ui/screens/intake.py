"""Case intake: for each of the meeting's case slots, the child's initials
and birth date (or anonymous), who submitted it, consent and Firfoting."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from bti_tui.model import Case, ConsentStatus, ValidationError
from bti_tui.model.consent import known_services
from bti_tui.model.dates import format_date
from bti_tui.resources import municipal_settings
from bti_tui.session import CaseForm, MeetingSession, build_case, form_of
from bti_tui.session.intake import meeting_services_check
from bti_tui.session.intake_rules import keep_on_quit, reference_fixed, unanswered_same_child
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.same_child import FindCaseScreen, ask_same_child
from bti_tui.ui.text import plain, safe
from bti_tui.ui.widgets.consent_form import ConsentForm
from bti_tui.ui.widgets.tick_box import TickBox


def safe_form(form: CaseForm) -> CaseForm:
    """The form's typed values as they may be shown in a field."""
    for name in ("initials", "birth_date", "submitted_by", "services", "given_on", "valid_until", "withdrawn_on", "information"):
        setattr(form, name, safe(getattr(form, name), multiline=False))
    return form


class IntakeScreen(BtiScreen):
    BINDINGS = [
        Binding("f8", "next", "keys.to_opening"),
        Binding("escape", "back", "keys.back"),
        Binding("f6", "find_case", "keys.review.find_case"),
        Binding("f7", "take_out", "keys.intake_rules.take_out"),
    ]

    def __init__(self, session: MeetingSession) -> None:
        super().__init__()
        self.session = session
        # A slot's fields as typed, kept while the form is drawn again.
        self._typed: dict[int, CaseForm] = {}
        # Slot -> the open case the room said is another child.
        self._not_same: dict[int, str] = {}
        # Slots whose case was discussed in another meeting: reference fixed.
        self._fixed: set[int] = set()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="intake"):
            yield Label(self.t("ui.intake.title"), classes="screen-title")
            yield Static(self.t("ui.intake.help"), classes="help-line")
            self._fixed = {s for s in range(len(self.session.meeting.slots)) if reference_fixed(self.session, s)}
            for slot in range(len(self.session.meeting.slots)):
                form = safe_form(self._typed.pop(slot, None) or form_of(self.session.case(slot)))
                with Vertical(classes="case-form", id=f"case-form-{slot}"):
                    yield Label(self.t("ui.intake.case_n", n=slot + 1), classes="section-title")
                    yield TickBox(self.t("ui.intake.anonymous"), value=form.anonymous, id=f"anon-{slot}")
                    with Horizontal(classes="field-row"):
                        with Vertical(classes="field field-small"):
                            yield Label(self.t("ui.intake.initials"))
                            yield Input(form.initials, id=f"initials-{slot}", max_length=8)
                        with Vertical(classes="field field-small"):
                            yield Label(self.t("ui.intake.birth_date"))
                            yield Input(form.birth_date, id=f"birth-{slot}", placeholder=self.t("ui.form.date_hint"))
                        with Vertical(classes="field"):
                            yield Label(self.t("ui.intake.submitted_by"))
                            yield Input(form.submitted_by, id=f"submitted-{slot}")
                    if slot in self._fixed:
                        yield Static(plain(self.t("intake_rules.fixed")), id=f"fixed-{slot}", classes="help-line")
                    yield ConsentForm(slot, form, self._service_examples(), municipal_settings().consent_validity_months)
                    yield TickBox(self.t("ui.intake.firfoting"), value=form.firfoting, id=f"firfoting-{slot}")
                    yield Static("", id=f"intake-error-{slot}", classes="form-error")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        for slot in range(len(self.session.meeting.slots)):
            self._sync_anonymous(slot)
        self.query_one("#submitted-0" if 0 in self._fixed else "#anon-0").focus()

    def _sync_anonymous(self, slot: int) -> None:
        anonymous = self.query_one(f"#anon-{slot}", Checkbox).value
        fixed = slot in self._fixed  # shown read-only: build_case refuses a change
        self.query_one(f"#anon-{slot}", Checkbox).disabled = fixed
        for prefix in ("initials", "birth"):
            self.query_one(f"#{prefix}-{slot}", Input).disabled = anonymous or fixed
        self.query_one(f"#consent-form-{slot}", ConsentForm).set_anonymous(anonymous)
        consent = self.query_one(f"#consent-{slot}", Select)
        if anonymous:
            consent.value = ConsentStatus.NOT_NEEDED_ANONYMOUS.value
        elif consent.value == ConsentStatus.NOT_NEEDED_ANONYMOUS.value:
            consent.value = ConsentStatus.MISSING.value  # a named child needs real consent

    @on(Checkbox.Changed)
    def _anonymous_toggled(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id and event.checkbox.id.startswith("anon-"):
            self._sync_anonymous(int(event.checkbox.id.split("-")[1]))
            self.refresh_bindings()

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def _form(self, slot: int) -> CaseForm:
        form = CaseForm(
            anonymous=self.query_one(f"#anon-{slot}", Checkbox).value,
            initials=self._value(f"initials-{slot}"),
            birth_date=self._value(f"birth-{slot}"),
            submitted_by=self._value(f"submitted-{slot}"),
            firfoting=self.query_one(f"#firfoting-{slot}", Checkbox).value,
        )
        return self.query_one(f"#consent-form-{slot}", ConsentForm).fill(form)

    def _service_examples(self) -> str:
        m = self.session.meeting
        return ", ".join(known_services(self.session.kind, m.participants, m.language)[:2])

    def _read_slot(self, slot: int, form: CaseForm | None = None) -> Case | None:
        """The slot's case from the form (None when left empty); raises ValidationError."""
        settings = municipal_settings()
        return build_case(
            form or self._form(slot),
            self.session.case(slot),
            meeting_date=self.session.meeting.date,
            max_age=settings.max_child_age,
            consent_own_age=settings.consent_own_age,
            today=self.app.now().date(),
            validity_months=settings.consent_validity_months,
            check_service=meeting_services_check(self.session.kind, self.session.meeting.participants, self.session.meeting.language),
            fixed_reference=reference_fixed(self.session, slot),
        )

    # --- a child met before ------------------------------------------------------------
    def _focused_slot(self) -> int:
        node = self.focused
        while node is not None and not (node.id or "").startswith("case-form-"):
            node = node.parent
        return int(node.id.rsplit("-", 1)[1]) if node is not None and node.id else 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_case":  # never for an anonymous case
            boxes = self.query(f"#anon-{self._focused_slot()}")
            return not (boxes and boxes.first(Checkbox).value)
        return True

    async def action_take_out(self) -> None:
        """The slot's case out of the meeting (a case met before keeps its
        file); the slot is empty to find (F6) or type the right child."""
        slot = self._focused_slot()
        if self.session.case(slot) is None:
            self.say(self.t("intake_rules.nothing_to_take_out"), severity="warning")
            return
        await self._redraw_without(slot)

    async def _redraw_without(self, slot: int) -> None:
        self._typed = {s: self._form(s) for s in range(len(self.session.meeting.slots)) if s != slot}
        self.session.place_case(slot, None)
        self._not_same.pop(slot, None)
        self.session.save(all_cases=True)
        await self.recompose()
        self.on_mount()
        self.query_one(f"#initials-{slot}", Input).focus()
        self.say(self.t("intake_rules.taken_out", n=slot + 1))

    def _taken(self, slot: int) -> set[str]:
        """The cases in the meeting's other slots."""
        return {c.id for s in range(len(self.session.meeting.slots)) if s != slot and (c := self.session.case(s))}

    def action_find_case(self) -> None:
        slot = self._focused_slot()
        if not self.check_action("find_case", ()):
            self.say(self.t("review.intake.anonymous_no"), severity="warning")
            return
        form = self._form(slot)
        book = self.session.case_book()
        screen = FindCaseScreen(book, self.session.meeting.date, slot + 1, self._taken(slot), form.initials, form.birth_date)
        self.app.push_screen(screen, lambda case_id: self._use_case(slot, case_id) if case_id else None)

    async def _use_case(self, slot: int, case_id: str) -> None:
        """The slot holds the existing case; its fields are drawn again
        from it (the other slots keep what is typed in them)."""
        case = self.session.case_book().load(case_id)
        self._typed = {s: self._form(s) for s in range(len(self.session.meeting.slots)) if s != slot}
        self.session.place_case(slot, case)
        await self.recompose()
        self.on_mount()
        self.query_one(f"#submitted-{slot}", Input).focus()
        ref = case.reference
        self.say(self.t("review.intake.taken", initials=ref.initials or "", born=format_date(ref.birth_date)))

    def _same_child(self, slot: int) -> bool:
        """A new named case matching an open one: ask (True: asked, wait)."""
        row = unanswered_same_child(self.session, slot, self._form(slot), self._not_same.get(slot))
        if row is None:
            return False
        if row.id in self._taken(slot):
            number = next(s for s in range(len(self.session.meeting.slots)) if s != slot and self.session.meeting.slots[s].case_id == row.id)
            self.query_one(f"#intake-error-{slot}", Static).update(plain("⚠ " + self.t("review.intake.already_in_slot", n=number + 1)))
            return True

        async def answered(choice: str | None) -> None:
            if choice == "use":
                await self._use_case(slot, row.id)
            elif choice == "other":
                self._not_same[slot] = row.id
                self.action_next()

        ask_same_child(self, row, answered)
        return True

    def action_next(self) -> None:
        cases: dict[int, Case | None] = {}
        failed = False
        for slot in range(len(self.session.meeting.slots)):
            if self._same_child(slot):
                return
        for slot in range(len(self.session.meeting.slots)):
            error_line = self.query_one(f"#intake-error-{slot}", Static)
            try:
                cases[slot] = self._read_slot(slot)
                error_line.update("")
            except ValidationError as error:
                error_line.update(plain("⚠ " + self.t.error(error)))
                failed = True
        if failed:
            return
        if not any(cases.values()):
            self.say(self.t("ui.intake.no_cases"), severity="warning")
            return
        for slot, case in cases.items():
            self.session.place_case(slot, case)
        self.session.save(all_cases=True)
        self.app.show_meeting(self.session, replace=True)

    def _ask_before_leaving(self, then: Callable[[], Awaitable[None] | None]) -> bool:
        """Leaving (quit, back) with a new case that matches an open one
        nobody has answered for: ask "same child?" first, then ``then``
        (cancel: stay). True: asked. A match with another slot's case is
        not asked: that child is in the meeting already."""
        for slot in range(len(self.session.meeting.slots)):
            row = unanswered_same_child(self.session, slot, self._form(slot), self._not_same.get(slot))
            if row is None or row.id in self._taken(slot):
                continue

            async def answered(choice: str | None, slot: int = slot, row_id: str = row.id) -> None:
                if choice == "use":
                    await self._use_case(slot, row_id)
                elif choice == "other":
                    self._not_same[slot] = row_id
                else:
                    return
                result = then()
                if result is not None:
                    await result

            ask_same_child(self, row, answered, leaving=slot + 1)
            return True
        return False

    def ask_before_quit(self) -> bool:
        """The app asks each screen before it quits (True: asked here)."""
        return self._ask_before_leaving(self.app.action_quit)

    def flush_edits(self) -> None:
        """Quitting: keep every case slot whose fields are valid; a new case
        matching an open one nobody answered for is not created (the rule:
        ``keep_on_quit``)."""
        forms = {slot: self._form(slot) for slot in range(len(self.session.meeting.slots))}
        keep_on_quit(self.session, forms, self._read_slot, self._not_same)

    def action_back(self) -> None:
        if self._ask_before_leaving(self.action_back):
            return
        self.flush_edits()
        self.app.show_setup(self.session, replace=True)
