"""Validation errors that the UI and CLI can show in the user's language.

The domain knows no texts: an error carries a catalogue key (``errors.<key>``
in ``data/i18n/<lang>/errors.toml``) and the values to put into it.
"""

from __future__ import annotations

from typing import Any


class ValidationError(ValueError):
    """Input the domain refuses. ``key`` names the message in the catalogue."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}" if params else key)
