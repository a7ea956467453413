"""The consent warning at the start of a named case (issue 18).

Shown when the session answers NEEDS_CONSENT: what is wrong (missing,
refused, withdrawn, expired), the services present that the consent does
not cover, by name, and the room's choices. Returns the chosen
:class:`ConsentDecision`, or None (Esc / "not yet": the room stays where it
is). The safer choices come first; "go on with the consent as it is" is
last, next to "not yet", which has the focus, so a stray Enter or F8
decides nothing."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from bti_tui.model.consent_check import ConsentDecision
from bti_tui.model import Case
from bti_tui.session.consent import ConsentWarning
from bti_tui.ui.screens.base import BtiModal
from bti_tui.ui.consent_words import problem_text
from bti_tui.ui.text import lines, plain

ORDER = (ConsentDecision.SERVICES_LEAVE, ConsentDecision.ANONYMOUS, ConsentDecision.AS_IS)


#: Screens this many rows high or fewer get the compact choices.
SHORT = 30


class ConsentWarningScreen(BtiModal):
    BINDINGS = [
        Binding("escape", "cancel", "keys.cancel"),
        Binding("up", "app.focus_previous", "keys.focus_previous", show=False),
        Binding("down", "app.focus_next", "keys.focus_next", show=False),
    ]

    def __init__(self, warning: ConsentWarning, case: Case, case_label: str) -> None:
        super().__init__()
        self.warning, self.case, self.case_label = warning, case, case_label

    def compose(self) -> ComposeResult:
        t, w = self.t, self.warning
        parts: list[Text | str] = [
            Text(t("consent.warning.title", case=self.case_label), style="bold"),
            "",
            plain(problem_text(t, w, self.case), style="bold"),
        ]
        if w.uncovered:
            parts.append(t("consent.warning.out_of_scope_help"))
        if w.anonymous_only:
            parts.append(t("consent.warning.anonymous_only"))
        parts += ["", t("consent.warning.decide")]
        # Scrolls where the text and four choices are taller than the screen
        # (80x24): the choice Tab reaches is scrolled into view.
        with VerticalScroll(classes="form-box confirm-box", id="consent-warning", can_focus=False):
            yield Static(lines(parts), classes="confirm-message", id="consent-warning-text")
            # On a short screen (80x24) the choices are a row each, so the
            # text and all four fit.
            compact = self.app.size.height <= SHORT
            for decision in (d for d in ORDER if d in w.choices):
                label = t(f"consent.warning.{decision.value}", services=", ".join(w.uncovered))
                variant = "warning" if decision is ConsentDecision.AS_IS else "primary"
                yield Button(plain(label), variant=variant, id=f"consent-{decision.value}", compact=compact)
            yield Button(plain(t("consent.warning.stop")), id="consent-stop", compact=compact)

    def on_mount(self) -> None:
        self.query_one("#consent-stop", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("consent-")
        self.dismiss(None if choice == "stop" else ConsentDecision(choice))

    def action_cancel(self) -> None:
        self.dismiss(None)
