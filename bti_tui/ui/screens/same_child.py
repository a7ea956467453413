"""The intake's dialogs for a child met before: find an existing open case
(by initials + birth date, or from the list of open cases), and the
question "same child?" when a new named case matches an open one.

Anonymous cases are never listed nor matched (CaseBook's rules); the
screens here only ask and show."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from bti_tui.model import MeetingStatus, ValidationError, initials_key
from bti_tui.model.dates import format_date, parse_date
from bti_tui.resources import stylesheet
from bti_tui.session import CaseBook, CaseRow
from bti_tui.ui.screens.base import BtiModal, BtiScreen
from bti_tui.ui.screens.forms import ChoiceScreen
from bti_tui.ui.text import plain, safe


def row_text(t: Callable[..., str], row: CaseRow) -> str:
    """One open case in a line: reference, stafettholder, the last meeting
    it was discussed in (a planned one does not count), open agreements."""
    held = [m.date for m in row.meetings if m.status is not MeetingStatus.PLANNED]
    return t(
        "review.intake.row",
        initials=row.initials,
        born=format_date(row.birth_date),
        holder=row.stafettholder or t("review.intake.no_holder"),
        last=format_date(max(held)) if held else t("review.intake.never"),
        open=row.open_agreements,
    )


def ask_same_child(screen: BtiScreen, row: CaseRow, answered: Callable[[str | None], object], leaving: int | None = None) -> None:
    """"Same child?": "use" (the existing case), "other" (another child)
    or None (cancel: nothing changes). ``leaving``: asked as the screen is
    left (quit, back) for case number ``leaving``; cancel stays."""
    t = screen.t
    cancel = t("review.intake.same_cancel") if leaving is None else t("intake_rules.leave_stay")
    options = [(t("review.intake.same_use"), "use"), (t("review.intake.same_other"), "other"), (cancel, "")]
    if leaving is None:
        message = t("review.intake.same_q", row=row_text(t, row))
    else:
        message = t("intake_rules.leave_same_q", n=leaving, row=row_text(t, row))
    screen.app.push_screen(ChoiceScreen(message, options), lambda choice: answered(choice or None))


class FindCaseScreen(BtiModal):
    """Returns the chosen case's id, or None."""

    CSS_PATH = stylesheet("review.tcss")  # read when the screen is first shown

    BINDINGS = [Binding("escape", "cancel", "keys.cancel")]

    def __init__(self, book: CaseBook, today: date, number: int, taken: Collection[str], initials: str = "", born: str = "") -> None:
        super().__init__()
        self._book, self._today, self._number, self._taken = book, today, number, set(taken)
        self._typed = (safe(initials, multiline=False), safe(born, multiline=False))
        self._all: list[CaseRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box", id="find-box"):
            yield Label(self.t("review.intake.find_title", n=self._number), classes="form-title")
            yield Static(plain(self.t("review.intake.find_help")), classes="help-line")
            yield Label(self.t("ui.intake.initials"))
            yield Input(self._typed[0], id="find-initials", max_length=8, compact=True)
            yield Label(self.t("ui.intake.birth_date"))
            yield Input(self._typed[1], id="find-birth", placeholder=self.t("ui.form.date_hint"), compact=True)
            yield OptionList(id="find-list")
            yield Static("", id="find-error", classes="form-error")

    def on_mount(self) -> None:
        self._all = [r for r in self._book.open_cases(self._today) if not r.anonymous and r.id not in self._taken]
        self._filter()
        self.query_one("#find-initials", Input).focus()

    def _rows(self) -> list[CaseRow]:
        """Both fields given: the exact lookup (the index); else the open
        cases whose initials begin so (and born that day, if given)."""
        initials = self.query_one("#find-initials", Input).value
        try:
            born = parse_date(self.query_one("#find-birth", Input).value)
        except ValidationError:
            born = None
        key = initials_key(initials)
        if key and born is not None:
            return [r for r in self._book.find_existing(initials, born, self._today) if r.id not in self._taken]
        return [r for r in self._all if initials_key(r.initials).startswith(key) and born in (None, r.birth_date)]

    @on(Input.Changed)
    def _filter(self) -> None:
        rows = self._rows()
        listing = self.query_one("#find-list", OptionList)
        listing.clear_options()
        listing.add_options(Option(plain(row_text(self.t, r)), id=r.id) for r in rows)
        if rows:
            listing.highlighted = 0
        empty = self.t("review.intake.found_none") if self._all else self.t("review.intake.no_open_cases")
        self.query_one("#find-error", Static).update(plain("" if rows else "⚠ " + empty))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        rows = self._rows()
        if len(rows) == 1:
            self.dismiss(rows[0].id)
        elif rows:
            self.query_one("#find-list", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
