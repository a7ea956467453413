"""UI texts per language, from ``data/i18n/<lang>/*.toml``.

Each file is one section (its name is the key's first part): the key
``home.title`` is ``title`` in ``data/i18n/nb/home.toml``. Texts use
``str.format`` fields: ``"{count} møter"``. A missing key shows itself as
``⟨key⟩`` rather than crashing the screen in front of the room, and a test
makes sure no language misses a key that another has.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from bti_tui.model.errors import ValidationError
from bti_tui.model.localized import DEFAULT_LANGUAGE, LANGUAGES
from bti_tui.resources import data_root, load_toml


def _flatten(prefix: str, table: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(f"{prefix}.{key}", value)
        else:
            yield f"{prefix}.{key}", str(value)


@cache
def catalogue(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    folder = data_root().joinpath("i18n", lang)
    texts: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            texts.update(_flatten(entry.name.removesuffix(".toml"), load_toml(entry)))
    return texts


class Translator:
    """``t("home.title")`` in one language."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = lang
        self._texts = catalogue(lang)

    def __call__(self, key: str, **params: Any) -> str:
        text = self._texts.get(key)
        if text is None:
            return f"⟨{key}⟩"
        try:
            return text.format(**params) if params else text
        except (KeyError, IndexError, ValueError):
            return text

    def error(self, error: ValidationError) -> str:
        """The user's-language message for a domain validation error."""
        return self(f"errors.{error.key}", **error.params)

    def describe(self, error: BaseException) -> str | None:
        """The message for any error that names its catalogue text (domain
        validation, store errors, an unknown meeting kind); None for others."""
        if isinstance(error, ValidationError):
            return self.error(error)
        key = getattr(error, "key", None)
        if isinstance(key, str):
            return self(key, **getattr(error, "params", {}))
        return None
