"""What every screen shares: translated key bindings and the user's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen

from bti_tui.i18n import Translator
from bti_tui.model import ValidationError
from bti_tui.ui.i18n_bindings import translate_bindings

if TYPE_CHECKING:
    from bti_tui.ui.app import BtiApp


class _Translated:
    app: BtiApp

    @property
    def t(self) -> Translator:
        return self.app.t

    def message_for(self, error: Exception) -> str:
        """A user's-language message for a domain or store error."""
        if isinstance(error, ValidationError):
            return self.t.error(error)
        key = getattr(error, "key", None)
        if key:
            return self.t(key, **getattr(error, "params", {}))
        return self.t("ui.errors.unexpected", detail=str(error))


class BtiScreen(_Translated, Screen[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self, self.app.t)


class BtiModal(_Translated, ModalScreen[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self, self.app.t)
