"""The text catalogues in ``data/i18n/<lang>/<section>.toml`` agree across languages.

Section files are discovered, not listed: a section any engineer adds in any
language folder is checked for every language in ``LANGUAGES`` automatically.

* every language has every section file, with exactly the same (flattened) keys,
  a counted text (a table of plural forms) counting as one key;
* a counted text gives exactly the CLDR plural forms of its language;
* every text uses the same ``str.format`` field names as its bokmål twin;
* no text is empty unless the bokmål one is;
* nynorsk texts contain no typical bokmål-only words;
* English texts contain no æ, ø, å outside a short list of Norwegian domain words.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bti_tui.i18n import is_counted, plural_categories
from bti_tui.model.localized import DEFAULT_LANGUAGE, LANGUAGES
from bti_tui.resources import data_root

I18N = Path(str(data_root().joinpath("i18n")))


def _flatten(prefix: str, table: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        full = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            if is_counted(value):
                COUNTED.add(full)
            yield from _flatten(full, value)
        else:
            yield full, value


# Flat keys of counted texts (tables of plural forms) in any language and
# section, filled as the catalogues are read: "list.skipped".
COUNTED: set[str] = set()


def _sections() -> list[str]:
    """Every section file name (without ``.toml``) found in any language folder."""
    if not I18N.is_dir():
        return []
    return sorted(
        {file.stem for folder in I18N.iterdir() if folder.is_dir() for file in folder.glob("*.toml")}
    )


SECTIONS = _sections()


def _load(lang: str, section: str) -> dict[str, Any] | None:
    path = I18N / lang / f"{section}.toml"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return dict(_flatten("", tomllib.load(handle)))


def _plural_base(key: str, texts: dict[str, Any]) -> str | None:
    """``home.demo_written`` for ``home.demo_written.one`` when the key is one
    form of a counted text, else None."""
    base = key.rpartition(".")[0]
    return base if base in COUNTED and f"{base}.other" in texts else None


def _keys(texts: dict[str, Any]) -> set[str]:
    """The keys, with a counted text's forms as the one key they make up."""
    return {_plural_base(key, texts) or key for key in texts}


def _twin(key: str, texts: dict[str, Any], reference: dict[str, Any]) -> Any:
    """The bokmål text a key is checked against: the same key, or for a
    plural form that bokmål does not have, bokmål's ``other`` form."""
    if key in reference:
        return reference[key]
    base = _plural_base(key, texts)
    return reference.get(f"{base}.other") if base else None


def _texts(lang: str, section: str) -> dict[str, Any]:
    texts = _load(lang, section)
    if texts is None:
        pytest.fail(f"data/i18n/{lang}/{section}.toml is missing (see test_same_keys)")
    return texts


def _pairs(lang: str, section: str) -> Iterator[tuple[str, str, str]]:
    """(key, text, bokmål text) for every key both catalogues have."""
    reference = _texts(DEFAULT_LANGUAGE, section)
    texts = _texts(lang, section)
    for key in sorted(texts):
        twin = _twin(key, texts, reference)
        if twin is not None:
            yield key, str(texts[key]), str(twin)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


_FIELD = re.compile(r"\{[^{}]*\}")


def _without_fields(text: str) -> str:
    return _FIELD.sub(" ", text)


def _report(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{what}:\n  " + "\n  ".join(problems), pytrace=False)


OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


def test_sections_are_discovered() -> None:
    assert SECTIONS, f"no catalogues found under {I18N}"


def test_language_folders_match_languages() -> None:
    folders = {folder.name for folder in I18N.iterdir() if folder.is_dir()}
    missing = sorted(set(LANGUAGES) - folders)
    extra = sorted(folders - set(LANGUAGES))
    assert not missing and not extra, (
        f"data/i18n folders vs LANGUAGES {LANGUAGES}: missing {missing}, not a known language {extra}"
    )


@pytest.mark.parametrize("section", SECTIONS)
def test_same_keys(section: str) -> None:
    loaded = {lang: _load(lang, section) for lang in LANGUAGES}
    keys = {lang: _keys(texts) for lang, texts in loaded.items() if texts is not None}
    all_keys: set[str] = set().union(*keys.values())
    problems: list[str] = []
    for lang, texts in loaded.items():
        if texts is None:
            problems.append(f"{lang}: file data/i18n/{lang}/{section}.toml is missing")
            continue
        missing = sorted(all_keys - keys[lang])
        reference = keys.get(DEFAULT_LANGUAGE, set())
        extra = sorted(keys[lang] - reference) if lang != DEFAULT_LANGUAGE else []
        if missing:
            problems.append(f"{lang}: missing {', '.join(f'{section}.{k}' for k in missing)}")
        if extra:
            problems.append(f"{lang}: not in {DEFAULT_LANGUAGE} {', '.join(f'{section}.{k}' for k in extra)}")
    _report(problems, f"section {section!r}: keys differ between languages")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_counted_texts_give_the_languages_plural_forms(section: str, lang: str) -> None:
    texts = _load(lang, section)
    if texts is None:
        pytest.skip(f"{lang}/{section}.toml is missing (reported by test_same_keys)")
    forms: dict[str, set[str]] = {}
    for key in texts:
        base = _plural_base(key, texts)
        if base:
            forms.setdefault(base, set()).add(key.rpartition(".")[2])
    wanted = plural_categories(lang)
    problems = [
        f"{lang} {section}.{base}: forms {sorted(given)}, {lang} needs {sorted(wanted)}"
        for base, given in sorted(forms.items())
        if given != wanted
    ]
    _report(problems, f"{lang}/{section}.toml: counted texts with the wrong plural forms")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_texts_are_strings_and_parse(section: str, lang: str) -> None:
    texts = _load(lang, section)
    if texts is None:
        pytest.skip(f"{lang}/{section}.toml is missing (reported by test_same_keys)")
    problems: list[str] = []
    for key, text in sorted(texts.items()):
        if not isinstance(text, str):
            problems.append(f"{lang} {section}.{key}: not a string but {type(text).__name__}")
            continue
        try:
            _fields(text)
        except ValueError as error:
            problems.append(f"{lang} {section}.{key}: bad format string ({error}): {text!r}")
    _report(problems, f"{lang}/{section}.toml has malformed texts")


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_same_format_fields(section: str, lang: str) -> None:
    if _load(lang, section) is None or _load(DEFAULT_LANGUAGE, section) is None:
        pytest.skip("file missing (reported by test_same_keys)")
    problems: list[str] = []
    for key, text, reference in _pairs(lang, section):
        try:
            theirs, ours = _fields(text), _fields(reference)
        except ValueError:
            continue  # reported by test_texts_are_strings_and_parse
        if theirs != ours:
            problems.append(
                f"{lang} {section}.{key}: fields {sorted(theirs)}, {DEFAULT_LANGUAGE} has {sorted(ours)}"
            )
    _report(problems, f"{lang}/{section}.toml: format fields differ from {DEFAULT_LANGUAGE}")


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
@pytest.mark.parametrize("section", SECTIONS)
def test_no_empty_texts(section: str, lang: str) -> None:
    if _load(lang, section) is None or _load(DEFAULT_LANGUAGE, section) is None:
        pytest.skip("file missing (reported by test_same_keys)")
    problems = [
        f"{lang} {section}.{key} is empty"
        for key, text, reference in _pairs(lang, section)
        if not text.strip() and reference.strip()
    ]
    _report(problems, f"{lang}/{section}.toml has empty texts")


# Words that are bokmål but not nynorsk (the nynorsk form in the comment):
# DOMAIN's word table, the forms issue 15 found in nn texts, and everyday ones.
BOKMAL_ONLY = (
    "ikke",  # ikkje
    "hva",  # kva
    "hvem",  # kven
    "hvordan",  # korleis
    "hvis",  # viss / om
    "hvor",  # kor
    "hvilke",  # kva for
    "hvilken",  # kva for ein
    "hver",  # kvar
    "hvert",  # kvart
    "bare",  # berre
    "jeg",  # eg
    "noen",  # nokon
    "noe",  # noko
    "mye",  # mykje
    "selv",  # sjølv
    "sammen",  # saman
    "fra",  # frå
    "være",  # vere
    "dere",  # de
    "uke",  # veke
    "ble",  # vart
    "ennå",  # enno
    "fortsatt",  # framleis
    "senere",  # seinare
    "tidligere",  # tidlegare
    "fremover",  # framover
    "gjøre",  # gjere
    "gjør",  # gjer
    "hjem",  # heim
    "hjemme",  # heime
    "høyt",  # høgt
    "siden",  # sidan
    "voksen",  # vaksen
    "kommende",  # komande
    "foreløpig",  # førebels
    "lagret",  # lagra
    "møteleder",  # møteleiar
    "leder",  # leiar
    "stafettholder",  # stafetthaldar
    "foresatte",  # føresette
    "avtaler",  # avtalar
    "avtalene",  # avtalane
    "frister",  # fristar
    "saksliste",  # sakliste
    "tjeneste",  # teneste
    "tjenester",  # tenester
    "tjenesten",  # tenesta
    "tjenestene",  # tenestene
    "barneverntjenesten",  # barnevernstenesta
    "skolehelsetjenesten",  # skulehelsetenesta
    "mulig",  # mogleg
    "mulige",  # moglege
    "muligheter",  # moglegheiter
    "deltaker",  # deltakar
    "deltakere",  # deltakarar
    "deltakerne",  # deltakarane
    "ansvarlig",  # ansvarleg
    "ansvarlige",  # ansvarlege
    "tverrfaglig",  # tverrfagleg
    "helsesykepleier",  # helsesjukepleiar
    "kontaktlærer",  # kontaktlærar
    "styrer",  # styrar
    "veiledning",  # rettleiing
    "veileder",  # rettleiar
    "trygghet",  # tryggleik
    "utrygghet",  # utryggleik
    "virkelighet",  # røyndom
    "uttaler",  # uttalar
    "til stede",  # til stades
    "veien videre",  # vegen vidare
    "videre",  # vidare
    "skole",  # skule
    "skolen",  # skulen
)
_BOKMAL_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(word) for word in BOKMAL_ONLY) + r")(?!\w)", re.IGNORECASE
)
# Proper names that keep their bokmål spelling in any language.
_PROPER_NAMES = re.compile(r"Bedre Tverrfaglig Innsats", re.IGNORECASE)


def bokmal_words(text: str) -> list[str]:
    """The bokmål-only words in a nynorsk text (fields and proper names left out)."""
    plain = _PROPER_NAMES.sub(" ", _without_fields(text))
    return sorted({match.group(1).lower() for match in _BOKMAL_RE.finditer(plain)})


def _nynorsk_in_data(folder: str) -> Iterator[tuple[str, str]]:
    """(file and path, text) for every ``nn`` text in ``data/<folder>/*.toml``."""

    def walk(value: Any, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "nn" and isinstance(inner, str):
                    yield where, inner
                else:
                    yield from walk(inner, f"{where}.{key}")
        elif isinstance(value, list):
            for index, inner in enumerate(value):
                yield from walk(inner, f"{where}[{index}]")

    for path in sorted(Path(str(data_root().joinpath(folder))).glob("*.toml")):
        with path.open("rb") as handle:
            yield from walk(tomllib.load(handle), f"{folder}/{path.name}")


@pytest.mark.parametrize("folder", ["kinds", "agendas"])
def test_nynorsk_kinds_and_agendas_have_no_bokmal_words(folder: str) -> None:
    texts = list(_nynorsk_in_data(folder))
    assert texts, f"no nn texts found in data/{folder}"
    problems = [f"{where}: bokmål {found} in {text!r}" for where, text in texts if (found := bokmal_words(text))]
    _report(problems, f"data/{folder}: nn texts use bokmål words")


@pytest.mark.parametrize("section", SECTIONS)
def test_nynorsk_has_no_bokmal_words(section: str) -> None:
    texts = _load("nn", section)
    if texts is None:
        pytest.skip("file missing (reported by test_same_keys)")
    problems: list[str] = []
    for key, text in sorted(texts.items()):
        found = bokmal_words(str(text))
        if found:
            problems.append(f"nn {section}.{key}: bokmål {', '.join(repr(w) for w in found)} in {text!r}")
    _report(problems, f"nn/{section}.toml uses bokmål words")


# Norwegian domain words English texts may use; a word is allowed if it starts
# with one of these (so inflected forms such as "Instansmøtet" pass too).
ENGLISH_ALLOWED_NORWEGIAN = (
    "stafettlogg",
    "stafettholder",
    "firfoting",
    "firfotmodellen",
    "referat",
    "bokmål",
    "instansmøte",
    "arbeidsmøte",
    "samarbeidsmøte",
    "fødselsnummer",
)
_NORWEGIAN_LETTERS = re.compile(r"[æøåÆØÅ]")


@pytest.mark.parametrize("section", SECTIONS)
def test_english_has_no_norwegian_letters(section: str) -> None:
    texts = _load("en", section)
    if texts is None:
        pytest.skip("file missing (reported by test_same_keys)")
    problems: list[str] = []
    for key, text in sorted(texts.items()):
        words = re.findall(r"\w+", _without_fields(str(text)))
        bad = sorted(
            {
                word
                for word in words
                if _NORWEGIAN_LETTERS.search(word)
                and not word.lower().startswith(ENGLISH_ALLOWED_NORWEGIAN)
            }
        )
        if bad:
            problems.append(f"en {section}.{key}: {', '.join(bad)} in {text!r}")
    _report(problems, f"en/{section}.toml has Norwegian letters outside the allowed domain words")
