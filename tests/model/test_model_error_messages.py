"""Every ValidationError the code raises has a message in nb, nn and en, and
the message formats with the error's own values."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from case_triggers import CASE_TRIGGERS
from consent_triggers import CONSENT_TRIGGERS
from fnr_helpers import date_part, valid_numbers
from plan_triggers import PLAN_TRIGGERS

from bti_tui.i18n import Translator, catalogue
from bti_tui.model import CaseReference
from bti_tui.model.case import ConsentGiver, ConsentStatus, consent_giver
from bti_tui.model.errors import ValidationError
from bti_tui.model.localized import LANGUAGES
from bti_tui.model.dates import parse_date, parse_time
from bti_tui.model.privacy import (
    guard_text,
    validate_birth_date,
    validate_initials,
)

PACKAGE = Path(__file__).resolve().parents[2] / "bti_tui"
RAISED = re.compile(r"""ValidationError\(\s*["']([\w.]+)["']""")


def raised_keys(folder: Path) -> set[str]:
    return {key for path in folder.rglob("*.py") for key in RAISED.findall(path.read_text("utf-8"))}


MODEL_KEYS = raised_keys(PACKAGE / "model")
TODAY = date(2026, 11, 15)

# One real way to raise each key of the model, so the message is formatted
# with the values the error really carries.
TRIGGERS: dict[str, Callable[[], object]] = {
    "privacy.fodselsnummer": lambda: guard_text(
        "nr {0[0]}{0[1]}{0[2]}{0[3]}{0[4]}{0[5]} {0[6]}{0[7]}{0[8]}{0[9]}{0[10]}".format(
            valid_numbers(date_part(date(2015, 5, 3)))[0]
        )
    ),
    "privacy.fodselsnummer_or_account": lambda: guard_text(
        "nr " + valid_numbers(date_part(date(2015, 5, 3)))[0]
    ),
    "initials.empty": lambda: validate_initials(" . "),
    "initials.letters": lambda: validate_initials("A1"),
    "initials.length": lambda: validate_initials("ABCDE"),
    "birth_date.future": lambda: validate_birth_date(date(2027, 1, 1), TODAY),
    "birth_date.too_old": lambda: CaseReference.identified("AB", date(2000, 1, 1), TODAY, max_age=18),
    "date.invalid": lambda: parse_date("31.02.2020"),
    "date.format": lambda: parse_date("i morgen"),
    "time.format": lambda: parse_time("kl. ni"),
    "intake.youth_too_young": lambda: consent_giver(
        ConsentStatus.GIVEN, ConsentGiver.YOUTH, date(2014, 1, 1), TODAY, own_age=16
    ),
    **PLAN_TRIGGERS,
    **CASE_TRIGGERS,
    **CONSENT_TRIGGERS,
}


def raise_error(key: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        TRIGGERS[key]()
    assert info.value.key == key
    return info.value


def test_the_model_raises_the_keys_we_know() -> None:
    assert {
        "privacy.fodselsnummer",
        "privacy.fodselsnummer_or_account",
        "initials.empty",
        "initials.letters",
        "initials.length",
        "birth_date.future",
        "birth_date.too_old",
        "date.invalid",
        "date.format",
    } <= MODEL_KEYS
    assert set(TRIGGERS) == MODEL_KEYS, "add a trigger for each new key"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", sorted(MODEL_KEYS))
def test_every_model_error_has_a_formatted_message(key: str, lang: str) -> None:
    error = raise_error(key)
    message = Translator(lang).error(error)
    assert f"errors.{key}" in catalogue(lang)
    assert message.strip() and "⟨" not in message
    assert "{" not in message and "}" not in message, message
    for value in error.params.values():
        template = catalogue(lang)[f"errors.{key}"]
        if "{" in template:
            assert str(value) in message


def test_the_fodselsnummer_message_never_repeats_the_number() -> None:
    error = raise_error("privacy.fodselsnummer")
    assert error.params == {}
    for lang in LANGUAGES:
        assert not re.search(r"\d{6}", Translator(lang).error(error))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_raised_anywhere_has_a_message(lang: str) -> None:
    # The screens raise ValidationErrors of their own; they need texts too.
    missing = {key for key in raised_keys(PACKAGE) if f"errors.{key}" not in catalogue(lang)}
    assert not missing, f"data/i18n/{lang}/errors.toml lacks {sorted(missing)}"


def test_the_three_languages_have_the_same_error_keys_and_fields() -> None:
    def fields(lang: str) -> dict[str, set[str]]:
        return {
            key: set(re.findall(r"\{(\w+)\}", text))
            for key, text in catalogue(lang).items()
            if key.startswith("errors.")
        }

    nb = fields("nb")
    assert nb
    assert fields("nn") == nb
    assert fields("en") == nb
