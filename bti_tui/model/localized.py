"""Texts that come from data files in several languages (nb, nn, en)."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

Localized = Mapping[str, str]


def pick(texts: Localized, lang: str) -> str:
    """The text in ``lang``; bokmål if that language is missing."""
    return texts.get(lang) or texts.get(DEFAULT_LANGUAGE) or ""
