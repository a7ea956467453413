"""The review: a case met again opens with the agreements still open from
earlier meetings, one card each on the wall (what · who · service · due,
overdue said with a word and a symbol, not colour alone). Each is marked
done, continued (a new due date; it stays open) or dropped, with an
optional note, and may be edited. Every mark goes through the session and
is saved at once, like every note.

Dismissed with True (F8: go on into the case, or on from it) or None (Esc:
stay where the room was)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from bti_tui.model import AgreementStatus, ValidationError
from bti_tui.model.dates import format_date
from bti_tui.resources import stylesheet
from bti_tui.session import MeetingSession, ReviewItem
from bti_tui.ui.labels import case_label
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.screens.review_forms import ContinueForm, EditAgreementForm, NoteForm
from bti_tui.ui.text import join, plain, safe

# What each mark is called on a card; the symbols are in the texts.
_MARK_KEYS = {
    AgreementStatus.DONE: "review.screen.mark_done",
    AgreementStatus.CONTINUED: "review.screen.mark_continued",
    AgreementStatus.DROPPED: "review.screen.mark_dropped",
}
_MARK_STYLES = {AgreementStatus.DONE: "$success", AgreementStatus.CONTINUED: "$warning", AgreementStatus.DROPPED: "$text-muted"}


class ReviewScreen(BtiScreen):
    CSS_PATH = stylesheet("review.tcss")  # read when the screen is first shown
    BINDINGS = [
        Binding("1", "mark('done')", "keys.review.done"),
        Binding("2", "mark('continued')", "keys.review.continued"),
        Binding("3", "mark('cancelled')", "keys.review.dropped"),
        Binding("0", "mark('open')", "keys.review.undo", show=False),
        Binding("n", "note", "keys.review.note"),
        Binding("e", "edit", "keys.review.edit"),
        Binding("f8", "go_on", "keys.review.go_on"),
        Binding("escape", "back", "keys.review.back"),
    ]

    def __init__(self, session: MeetingSession, slot: int, leaving: bool = False) -> None:
        super().__init__()
        self.session = session
        self.slot = slot
        self.leaving = leaving  # opened as the room leaves the case with marks missing

    def compose(self) -> ComposeResult:
        title = case_label(self.t, self.session, self.slot)
        title.stylize("bold")
        yield Label(join(plain(self.t("review.screen.title") + " — "), title), id="review-title")
        yield Static(plain(self.t("review.screen.help")), id="review-help", classes="help-line")
        yield Static("", id="review-status")
        yield OptionList(id="review-list")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        items = self.items
        options: list[Option | None] = []
        for number, item in enumerate(items, 1):
            if number > 1:
                options.append(None)  # a rule between the cards
            options.append(Option(self._card(number, item), id=item.agreement.id))
        listing = self.query_one("#review-list", OptionList)
        listing.add_options(options)
        pending = [i for i, item in enumerate(items) if not item.marked]
        listing.highlighted = pending[0] if pending else 0
        listing.focus()
        self._show_status()

    # --- what is shown ---------------------------------------------------------------
    @property
    def items(self) -> list[ReviewItem]:
        return self.session.review_items(self.slot)

    def _card(self, number: int, item: ReviewItem) -> Content:
        """One agreement as the room reads it: a few short lines. User text
        goes in through ``safe`` as literal parts (never markup); styles
        are theme variables, resolved as the card is drawn."""
        t, a = self.t, item.agreement
        due_date = a.due_as_found(self.session.meeting.id)
        due = t("review.screen.due", due=format_date(due_date)) if due_date else t("review.screen.no_due")
        facts = " · ".join(safe(s, multiline=False) for s in (a.responsible, a.service, due) if s)
        parts: list[str | tuple[str, str]] = [(safe(f"{number}. {a.what}"), "bold"), "\n   ", facts]
        if item.overdue:
            parts += ["  ", (t("review.screen.overdue"), "bold reverse $error")]
        if item.made_on:
            parts += ["\n   ", (t("review.screen.made_on", date=format_date(item.made_on)), "$text-muted")]
        parts += ["\n   ", self._mark_text(item)]
        if item.mark is not None and item.mark.note:
            parts += ["\n   ", (safe(t("review.screen.note", note=item.mark.note)), "italic")]
        return Content.assemble(*parts)

    def _mark_text(self, item: ReviewItem) -> tuple[str, str]:
        status = item.mark.status if item.mark else None
        if status is None or status not in _MARK_KEYS:
            return self.t("review.screen.mark_open"), "bold"
        return self.t(_MARK_KEYS[status], due=format_date(item.agreement.due)), f"bold {_MARK_STYLES[status]}"

    def _show_status(self) -> None:
        items = self.items
        pending = sum(1 for i in items if not i.marked)
        if self.session.read_only:
            text = self.t("review.screen.read_only")
        elif pending and self.leaving:
            text = self.t("review.screen.leaving", count=pending)
        elif pending:
            text = self.t("review.screen.pending", left=pending, total=len(items))
        else:
            text = "✓ " + self.t("review.screen.all_marked")
        self.query_one("#review-status", Static).update(plain(text, "bold"))

    def _refresh_card(self, index: int, advance: bool = False) -> None:
        listing = self.query_one("#review-list", OptionList)
        items = self.items
        listing.replace_option_prompt_at_index(index, self._card(index + 1, items[index]))
        self._show_status()
        if advance:
            after = [i for i, item in enumerate(items) if not item.marked and i > index]
            if after:
                listing.highlighted = after[0]

    # --- marking ---------------------------------------------------------------------------
    def _current(self) -> tuple[int, ReviewItem] | None:
        index = self.query_one("#review-list", OptionList).highlighted
        items = self.items
        if index is None or not 0 <= index < len(items):
            return None
        return index, items[index]

    def _try(self, change, index: int, advance: bool = False) -> bool:
        try:
            change()
        except ValidationError as error:
            self.say(self.t.error(error), severity="error", timeout=8)
            return False
        self._refresh_card(index, advance)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "note", "edit") and self.session.read_only:
            return False
        return True

    def action_mark(self, value: str) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current
        status = AgreementStatus(value)
        agreement_id = item.agreement.id
        note = item.mark.note if item.mark else ""
        if status is AgreementStatus.OPEN and item.mark is None:
            return
        if status is AgreementStatus.CONTINUED:

            def apply(due: date | None, typed: str) -> None:
                self.session.mark_agreement(self.slot, agreement_id, status, new_due=due, note=typed)

            was = item.agreement.due if item.mark and item.mark.status is AgreementStatus.CONTINUED else None
            form = ContinueForm(item.agreement.what, was, note, apply)
            self.app.push_screen(form, lambda done: self._refresh_card(index, advance=True) if done else None)
            return
        self._try(lambda: self.session.mark_agreement(self.slot, agreement_id, status, note=note), index, advance=True)

    def action_note(self) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current
        mark = item.mark
        if mark is None or mark.status is None:
            self.say(self.t("review.form.mark_first"), severity="warning")
            return
        status, new_due = mark.status, item.agreement.due if mark.status is AgreementStatus.CONTINUED else None

        def apply(note: str) -> None:
            self.session.mark_agreement(self.slot, item.agreement.id, status, new_due=new_due, note=note)

        form = NoteForm(item.agreement.what, mark.note, apply)
        self.app.push_screen(form, lambda done: self._refresh_card(index) if done else None)

    def action_edit(self) -> None:
        current = self._current()
        if current is None:
            return
        index, item = current
        s = self.session
        names = sorted({p.name for p in s.meeting.participants if p.name})
        services = sorted({x for p in s.meeting.participants if (x := p.service_in(s.kind, self.app.lang))})

        def apply(what: str, who: str, service: str, due: date | None, why: str) -> None:
            s.edit_agreement(self.slot, item.agreement.id, what, who, service, due, note=why)

        form = EditAgreementForm(item.agreement, names, services, apply)
        self.app.push_screen(form, lambda done: self._refresh_card(index) if done else None)

    # --- leaving ---------------------------------------------------------------------------
    def action_go_on(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(None)
