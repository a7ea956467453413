"""Privacy guards: no fødselsnummer, valid initials, plausible birth dates.

Why not ``stdnum.no.fodselsnummer``: it checks both mod-11 digits and D- and
H-numbers, but it does not know Skatteetaten's scheme for numbers issued from
2032 (first check digit with a remainder of 0-3), it rejects synthetic test
numbers (month + 80) and numbers whose date lies in the future (it reads
``date.today()``). A guard that must catch every real number needs all of
those, so the rule is written out here and each gap has a test.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bti_tui.model.errors import ValidationError

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# What may stand between the date part and the personal number: a space
# (also the no-break spaces a word processor inserts), a dot or a hyphen/dash.
_SEPARATOR = "[ \u00a0\u202f.\\-\u2010\u2011\u2013]"

# Eleven digits, alone or written 6+5 with one separator between.
_CANDIDATE = re.compile(rf"(?<![\d])(\d{{6}}){_SEPARATOR}?(\d{{5}})(?![\d])")


def _date_part_plausible(digits: str) -> bool:
    """Day and month exist in some year, after removing D/H/synthetic offsets."""
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:  # D-number
        day -= 40
    if month > 80:  # synthetic test number (Skatteetaten / NAV test data)
        month -= 80
    elif month > 40:  # H-number
        month -= 40
    try:
        date(2000, month, day)  # a leap year, so 29 February passes
    except ValueError:
        return False
    return True


def _check_digits_ok(digits: str) -> bool:
    d = [int(c) for c in digits]
    # First check digit: the weighted sum including k1 (weight 1) leaves
    # remainder 0 (the rule until 2032) or 1-3 (the rule from 2032).
    first = (sum(w * x for w, x in zip(_W1, d[:9], strict=True)) + d[9]) % 11
    # Second check digit is unchanged: remainder 0 including k2.
    second = (sum(w * x for w, x in zip(_W2, d[:10], strict=True)) + d[10]) % 11
    return first in (0, 1, 2, 3) and second == 0


def is_fodselsnummer(number: str) -> bool:
    """True if ``number`` (11 digits) could be a real or synthetic fødselsnummer."""
    digits = re.sub(_SEPARATOR, "", number)
    if len(digits) != 11 or not digits.isdecimal():
        return False
    return _date_part_plausible(digits) and _check_digits_ok(digits)


@dataclass(frozen=True)
class Finding:
    start: int
    end: int

    def masked(self, text: str) -> str:
        return text[: self.start] + "*" * (self.end - self.start) + text[self.end :]


def find_fodselsnummer(text: str) -> Iterator[Finding]:
    """Every place in ``text`` that holds a fødselsnummer."""
    for match in _CANDIDATE.finditer(text):
        if is_fodselsnummer(match.group(1) + match.group(2)):
            yield Finding(match.start(), match.end())


def mask_fodselsnummer(text: str) -> str:
    """``text`` with every fødselsnummer's digits replaced by ``*``."""
    for finding in reversed(list(find_fodselsnummer(text))):
        text = finding.masked(text)
    return text


def guard_text(text: str) -> str:
    """Return ``text`` unchanged, or refuse it if it holds a fødselsnummer."""
    if any(True for _ in find_fodselsnummer(text)):
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
