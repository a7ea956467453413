"""Privacy guards: no fødselsnummer, valid initials, plausible birth dates.

The fødselsnummer is found by :mod:`bti_tui.model.fodselsnummer` (every way a
person writes one, and one still being typed); its names are re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bti_tui.model.errors import ValidationError
from bti_tui.model.fodselsnummer import (
    PENDING_MARKER,
    Finding,
    could_start_fodselsnummer,
    find_fodselsnummer,
    is_fodselsnummer,
    mask_fodselsnummer,
    pending_number,
    without_pending,
)

__all__ = [
    "PENDING_MARKER",
    "Finding",
    "age_on",
    "could_start_fodselsnummer",
    "find_fodselsnummer",
    "guard_text",
    "is_fodselsnummer",
    "mask_fodselsnummer",
    "pending_number",
    "validate_birth_date",
    "validate_initials",
    "without_pending",
]


def guard_text(text: str) -> str:
    """Return ``text`` unchanged, or refuse it if it holds a fødselsnummer.

    The key is ``privacy.fodselsnummer_or_account`` when the number is written
    as an account number can be (the message then shows ``1234.56.78903``,
    the form that is never flagged), ``privacy.fodselsnummer`` otherwise.
    """
    findings = list(find_fodselsnummer(text))
    if any(f.account_shaped for f in findings):
        raise ValidationError("privacy.fodselsnummer_or_account")
    if findings:
        raise ValidationError("privacy.fodselsnummer")
    return text


def validate_initials(raw: str) -> str:
    """1-4 letters (æøå and other letters allowed), returned in capitals.

    Dots and any whitespace are dropped ("A. B." is "AB"). Text is first
    normalised to NFC: a terminal or a paste may deliver "å" decomposed as
    "a" plus a combining ring, which is not a letter on its own.
    """
    initials = re.sub(r"[\s.]", "", unicodedata.normalize("NFC", raw))
    if not initials:
        raise ValidationError("initials.empty")
    if not initials.isalpha():
        raise ValidationError("initials.letters", value=raw.strip())
    if len(initials) > 4:
        raise ValidationError("initials.length", value=raw.strip())
    return initials.upper()


def age_on(birth_date: date, today: date) -> int:
    """Full years of age on ``today``."""
    had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
    return today.year - birth_date.year - (0 if had_birthday else 1)


def validate_birth_date(birth_date: date, today: date, max_age: int = 18) -> date:
    """Not in the future, and not a child older than ``max_age`` years."""
    if birth_date > today:
        raise ValidationError("birth_date.future", value=birth_date.isoformat())
    if age_on(birth_date, today) > max_age:
        raise ValidationError("birth_date.too_old", max_age=max_age)
    return birth_date
