"""The read-back at the end of a case, on the wall in large type: the
case's agreements, stafettholder, further cooperation and next meeting;
who receives the referat. The møteleder confirms "lest opp og godkjent"
(the time is recorded), or the room corrects first, or goes on without
approving (the referat then says "ikke godkjent i møtet")."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from bti_tui.model.dates import format_date
from bti_tui.resources import stylesheet
from bti_tui.session import MeetingSession
from bti_tui.ui.labels import case_label
from bti_tui.ui.screens.base import BtiModal
from bti_tui.ui.text import lines, plain, safe
from bti_tui.ui.widgets.bigtext import READ_BACK_FONTS, BigText


def read_back_text(t, session: MeetingSession, slot: int) -> Text:
    """What is read aloud, as it will stand in the referat."""
    case = session.case(slot)
    data = session.meeting.slots[slot]
    out: list[Text | str] = [Text(t("ui.read_back.agreements"), style="bold")]
    agreements = case.agreements_from(session.meeting.id) if case else []
    for a in agreements:
        due = format_date(a.due) or "—"
        out.append(plain(f"• {a.what} — {a.responsible}{', ' + a.service if a.service else ''} — {t('ui.closing.due', due=due)}"))
    if not agreements:
        out.append(t("ui.closing.no_agreements"))
    holder = case.stafettholder if case else None
    if data.advice_only and holder is None:
        who = t("ui.closing.advice_only")
    elif holder:
        who = f"{holder.name} ({holder.service})" if holder.service else holder.name
    else:
        who = t("ui.closing.none")
    out += ["", plain(t("ui.closing.stafettholder", who=who))]
    out.append(plain(t("ui.read_back.cooperation", services=", ".join(data.cooperation) or "—")))
    out.append(plain(t("ui.closing.next_meeting", when=format_date(data.next_meeting) or "—")))
    return lines(out)


def default_distribution(session: MeetingSession, slot: int) -> str:
    """Who receives the referat unless the room says otherwise: the
    stafettholder and the services in further cooperation."""
    if session.meeting.slots[slot].distribution:
        return ", ".join(session.meeting.slots[slot].distribution)
    case = session.case(slot)
    names = []
    if case and case.stafettholder:
        names.append(case.stafettholder.name)
    names += session.meeting.slots[slot].cooperation
    return ", ".join(dict.fromkeys(n for n in names if n))


class ReadBackScreen(BtiModal):
    """Returns "approve", "skip" or None (correct first)."""

    CSS_PATH = stylesheet("meeting.tcss")  # read when the screen is first shown

    BINDINGS = [Binding("escape", "correct", "keys.read_back_correct")]

    def __init__(self, session: MeetingSession, slot: int) -> None:
        super().__init__()
        self.session = session
        self.slot = slot

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="read-back-box"):
            title = case_label(t, self.session, self.slot)
            title.stylize("bold")
            yield Label(Text(t("ui.read_back.title") + " — ") + title, id="read-back-title")
            with VerticalScroll(id="read-back-body"):
                # In large letters where the screen has room (a projector),
                # in bold where it has not.
                yield BigText(READ_BACK_FONTS, id="read-back-text")
            yield Label(t("ui.read_back.distribution"))
            yield Input(safe(default_distribution(self.session, self.slot), multiline=False), id="distribution")
            yield Static("", id="read-back-error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("ui.read_back.approve"), variant="success", id="read-back-approve")
                yield Button(t("ui.read_back.correct"), variant="primary", id="read-back-correct")
                yield Button(t("ui.read_back.skip"), variant="warning", id="read-back-skip")

    def on_mount(self) -> None:
        text = read_back_text(self.t, self.session, self.slot)
        paragraphs = tuple(line for line in text.plain.split("\n") if line.strip())
        self.query_one("#read-back-text", BigText).show(paragraphs, max_rows=max(self.app.size.height - 16, 4))
        self.query_one("#read-back-approve", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("read-back-")
        if choice == "correct":
            self.dismiss(None)
            return
        from bti_tui.model import ValidationError

        try:
            self.session.set_distribution(self.slot, self.query_one("#distribution", Input).value)
        except ValidationError as error:
            self.query_one("#read-back-error", Static).update(plain("⚠ " + self.t.error(error)))
            return
        self.dismiss(choice)

    def action_correct(self) -> None:
        self.dismiss(None)
