"""What every screen shares: translated key bindings and the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from bti_tui.i18n import Translator
from bti_tui.ui.compositor import draw_changed_rows_only
from bti_tui.ui.i18n_bindings import translate_bindings

if TYPE_CHECKING:
    from bti_tui.ui.app import BtiApp


class _Translated:
    app: BtiApp

    @property
    def t(self) -> Translator:
        return self.app.t

    def say(self, message: str, severity: str = "information", timeout: float | None = None) -> None:
        """A toast, shown literally (it may quote what was typed). It
        replaces the one before: toasts do not pile up, and a message that
        no longer holds goes."""
        self.app.say(message, severity, timeout)

    def message_for(self, error: Exception) -> str:
        """A user's-language message for a domain or store error."""
        return self.t.describe(error) or self.t("ui.errors.unexpected", detail=str(error))


# First on every screen, so F1 is the first key in the footer even at 80
# columns; Tab/Shift+Tab are Screen's own, re-described in the user's language.
_COMMON = [
    Binding("f1", "app.help", "keys.help"),
    # Second in every footer, so it is visible at 80 columns too.
    Binding("ctrl+q", "app.quit", "keys.quit"),
    Binding("tab", "app.focus_next", "keys.focus_next", show=False),
    Binding("shift+tab", "app.focus_previous", "keys.focus_previous", show=False),
]


class BtiScreen(_Translated, Screen[Any]):
    BINDINGS = _COMMON

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        draw_changed_rows_only(self)
        translate_bindings(self, self.app.t)


class BtiModal(_Translated, ModalScreen[Any]):
    BINDINGS = _COMMON[2:]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        draw_changed_rows_only(self)
        translate_bindings(self, self.app.t)
