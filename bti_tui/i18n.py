"""UI texts per language, from ``data/i18n/<lang>/*.toml``.

Each file is one section (its name is the key's first part): the key
``home.title`` is ``title`` in ``data/i18n/nb/home.toml``. Texts use
``str.format`` fields: ``"Sak {n}"``. A missing key shows itself as
``⟨key⟩`` rather than crashing the screen in front of the room, and a test
makes sure no language misses a key that another has.

A text that depends on a number is a table of CLDR plural forms, chosen by
the ``count`` field with the language's own plural rule (Babel's CLDR data)::

    demo_written = { one = "{count} demomøte er lagt inn.", other = "{count} demomøter er lagt inn." }

``t("home.demo_written", count=n)`` picks the form; ``other`` is the form for
any category a language's table leaves out. In the flat catalogue the forms
are ``home.demo_written.one`` and ``home.demo_written.other``, and
``home.demo_written`` is the ``other`` form (what ``t`` shows without a count).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from bti_tui.model.errors import ValidationError
from bti_tui.model.localized import DEFAULT_LANGUAGE, LANGUAGES
from bti_tui.resources import data_root, load_toml

if TYPE_CHECKING:
    from babel.plural import PluralRule

# The CLDR plural categories; a language uses some of them, always "other".
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def is_counted(table: dict[str, Any]) -> bool:
    """A table of plural forms: only CLDR category names, ``other`` among
    them (so ``[documentation] other = ...`` beside other keys is not one)."""
    return "other" in table and all(key in PLURAL_CATEGORIES for key in table)


def _flatten(prefix: str, table: dict[str, Any], counted: set[str]) -> Iterator[tuple[str, str]]:
    for key, value in table.items():
        if isinstance(value, dict):
            if is_counted(value):
                counted.add(f"{prefix}.{key}")
            yield from _flatten(f"{prefix}.{key}", value, counted)
        else:
            yield f"{prefix}.{key}", str(value)


@cache
def _files(lang: str) -> dict[str, list[Any]]:
    """The catalogue files of ``lang`` by section: ``errors`` is
    ``errors.toml`` and every ``errors.<part>.toml`` (whose keys begin
    ``errors.<part>.``), so a feature keeps its texts in a file of its own."""
    files: dict[str, list[Any]] = {}
    for entry in sorted(data_root().joinpath("i18n", lang).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            files.setdefault(entry.name.partition(".")[0], []).append(entry)
    return files


@cache
def _section(lang: str, name: str) -> tuple[dict[str, str], frozenset[str]]:
    """One section's texts (``data/i18n/<lang>/<name>.toml`` and its
    ``<name>.*.toml``), read when a key of it is first asked for: the first
    screen needs few of the sections, and reading them all delayed the
    first frame (issue 20)."""
    entries = _files(lang).get(name, []) if name.isidentifier() else []
    if not entries:
        return {}, frozenset()
    texts: dict[str, str] = {}
    counted: set[str] = set()
    for entry in entries:
        texts.update(_flatten(entry.name.removesuffix(".toml"), load_toml(entry), counted))
    for key in counted:
        texts[key] = texts[f"{key}.other"]  # every key a caller uses is in the catalogue
    return texts, frozenset(counted)


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")


@cache
def _load(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    _check_language(lang)
    texts: dict[str, str] = {}
    counted: set[str] = set()
    for name in _files(lang):
        section_texts, section_counted = _section(lang, name)
        texts.update(section_texts)
        counted |= section_counted
    return texts, frozenset(counted)


def catalogue(lang: str) -> dict[str, str]:
    """Every text of ``lang`` by flat key; a counted text's forms as
    ``key.one``, ``key.other``, and under ``key`` its ``other`` form."""
    return _load(lang)[0]


def section(lang: str, name: str) -> tuple[dict[str, str], frozenset[str]]:
    """One section of ``lang`` (its texts by flat key, its counted keys),
    read alone: what a caller needs of one section only (argparse's words)."""
    _check_language(lang)
    return _section(lang, name)


def counted_keys(lang: str) -> frozenset[str]:
    """The keys of the counted texts of ``lang`` (``ui.home.demo_written``)."""
    return _load(lang)[1]


@cache
def plural_rule(lang: str) -> PluralRule:
    """The CLDR plural rule of ``lang`` (``rule(2) == "other"``).

    Babel is imported here, not at start-up: reading its locale data costs
    some 60-90 ms, paid once and only when a count is shown."""
    from babel.core import Locale

    return Locale.parse(lang).plural_form


def plural_categories(lang: str) -> frozenset[str]:
    """The plural forms a catalogue table must give in ``lang``."""
    return frozenset(plural_rule(lang).tags) | {"other"}


class Translator:
    """``t("home.title")`` in one language."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        _check_language(lang)
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        texts, counted = _section(self.lang, key.partition(".")[0])
        text = self._plural(texts, key, params.get("count")) if key in counted else texts.get(key)
        if text is None:
            return f"⟨{key}⟩"
        try:
            return text.format(**{name: self._value(value) for name, value in params.items()}) if params else text
        except (KeyError, IndexError, ValueError):
            return text

    def _value(self, value: Any) -> Any:
        """A value as the user's language writes it: a decimal number with
        its own separator (Babel's CLDR data: ``57,2`` in Norwegian); a part
        that is a message itself (``key`` and ``params``) in this language."""
        if isinstance(value, float):
            from babel.numbers import format_decimal

            return format_decimal(value, locale=self.lang)
        if not isinstance(value, str) and isinstance(getattr(value, "key", None), str):
            return self(value.key, **getattr(value, "params", {}))
        return value

    def _plural(self, texts: dict[str, str], key: str, count: Any) -> str:
        category = "other"
        if isinstance(count, int | float) and not isinstance(count, bool):
            category = plural_rule(self.lang)(count)
        return texts.get(f"{key}.{category}") or texts[f"{key}.other"]

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
