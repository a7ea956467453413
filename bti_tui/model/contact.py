"""Contact details in notes: phone numbers, e-mail addresses, street addresses.

Issue 18: contact details in a note are warned about in every case, named or
anonymous (a note is read aloud and archived; a phone number or an address
belongs in the case file, not the referat). These are hints: the app shows
them and nothing is blocked. A fødselsnummer is a different matter (refused,
see :mod:`bti_tui.model.fodselsnummer`).

- phone: a Norwegian number of eight digits starting with 2-9, written
  together ("41234567"), 2-2-2-2 ("41 23 45 67") or 3-2-3 ("412 34 567"), with
  spaces, no-break or thin spaces or hyphens, optionally after +47 or 0047;
  any number of 7-15 digits after a "+" ("+46 70 123 45 67"). 4-4 is left
  out: "2025-2026" and "2026 1234" are years and case numbers more often.
  Not a time ("13:00"), a date ("15.03.2012": dots are never a phone
  separator), a year ("2026"), an amount ("1 500 kr", "12 000 kr"), a part of
  a longer number (a fødselsnummer, an account number), nor 8 digits starting
  with 0 or 1 ("15032012", a date written without dots, is not a phone number;
  "22032012" is, as a hint).
- email: the usual name@domain.tld shape, letters of any script.
- address: a capitalised word ending in gata, gate, gt., veien, vegen, vei,
  veg, vn., allé, plass(en), stien, bakken, bakke, svingen, torget, brygga,
  kaia, ringen, tunet, haugen, kroken or løkka ("Storgata 12", "Kirkeveien
  3B", "Storgt. 5"), or one of those words or alle, sti, tun, lia on its own
  after capitalised words ("Karl Johans gate 1", "Ole Bulls plass 3"), then a
  house number (1-4 digits, an optional letter, "12-14"), and a following
  ", 0150 Oslo" if there is one. A street name alone ("Storgata", "på veien
  hjem"), a lower-case word ("gata 2") or a number that is an age or an amount
  ("Nordhaugen 12 år") is not caught.

Why not the ``phonenumbers`` library: its PhoneNumberMatcher takes
"22.03.2012" and "22032012" for Norwegian numbers (VALID leniency) and would
need the same date filtering as here, for 2.6 MB and a dependency; the shapes
a note holds are few and listed above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bti_tui.model.anonymity import Hint, HintKind

_SPACE = "[ \u00a0\u2009\u202f]"
_GAP = "[ \u00a0\u2009\u202f-]"
# Not part of a longer number: no digit (or "+", or a decimal point) glued on.
_NOT_AFTER_NUMBER = r"(?<![\d+])(?<!\d[.,])"
_NOT_BEFORE_NUMBER = r"(?!\d)(?![.,]\d)"
_NORWEGIAN = (
    r"[2-9]\d{7}"
    rf"|[2-9]\d{_GAP}\d\d{_GAP}\d\d{_GAP}\d\d"  # 41 23 45 67
    rf"|[2-9]\d\d{_GAP}\d\d{_GAP}\d\d\d"  # 412 34 567
)
_PHONE = re.compile(
    rf"{_NOT_AFTER_NUMBER}(?:(?:\+47|0047){_GAP}?)?(?:{_NORWEGIAN}){_NOT_BEFORE_NUMBER}"
    # another country: "+", then 7-15 digits in all, in groups
    rf"|(?<![\w+])\+[1-9](?:{_GAP}?\d){{6,14}}{_NOT_BEFORE_NUMBER}"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w@])")

# As the end of one word ("Storgata") and as a word of its own ("Karl Johans gate").
_STREET_END = (
    r"gata|gate|gaten|gt\.|veien|vegen|vei|veg|vn\.|allé|plass|plassen|stien|bakken|bakke"
    r"|svingen|torget|brygga|kaia|ringen|tunet|haugen|kroken|løkka"
)
_STREET_WORD = rf"{_STREET_END}|alle|sti|tun|lia"
_UPPER = "A-ZÆØÅÄÖÜÉ"
_CAPITALISED = rf"[{_UPPER}][^\W\d_]*"
_HOUSE_NUMBER = (
    r"\d{1,4}(?:\s?[A-Za-z](?![^\W\d_]))?(?:\s?[-–]\s?\d{1,4})?(?!\d)"
    # "Nordhaugen 12 år" is a surname and an age, not an address
    r"(?!\s*(?i:år|års|years?|kr|%|mnd|måneder|månader|uker|veker|timer|min)(?![^\W\d_]))"
)
_POSTCODE = rf"(?:,?\s+\d{{4}}\s+{_CAPITALISED}(?:[ -]{_CAPITALISED})?)?"
_ADDRESS = re.compile(
    # "Storgata 12", "Kirkeveien 3B", "Storgt. 5": a capitalised word ending in a street word
    rf"\b[{_UPPER}][^\W\d_]*?[^\W\d_](?:{_STREET_END}){_SPACE}?{_HOUSE_NUMBER}{_POSTCODE}"
    # "Karl Johans gate 1", "Ole Bulls plass 3": capitalised words, then the street word
    rf"|\b(?:{_CAPITALISED}{_SPACE}){{1,3}}(?i:{_STREET_WORD}){_SPACE}{_HOUSE_NUMBER}{_POSTCODE}"
)


def _hints(pattern: re.Pattern[str], kind: HintKind, text: str) -> Iterator[Hint]:
    for match in pattern.finditer(text):
        yield Hint(kind, match.start(), match.end())


def contact_hints(text: str) -> list[Hint]:
    """Every phone number, e-mail address and street address in ``text``,
    sorted by position; warn about them in every case (nothing is blocked)."""
    hints = [
        *_hints(_EMAIL, HintKind.EMAIL, text),
        *_hints(_ADDRESS, HintKind.ADDRESS, text),
    ]
    taken = [(h.start, h.end) for h in hints]
    # Digits inside an e-mail address ("ola41234567@example.no") are not a phone number.
    hints += (
        hint
        for hint in _hints(_PHONE, HintKind.PHONE, text)
        if not any(start < hint.end and hint.start < end for start, end in taken)
    )
    return sorted(hints, key=lambda h: (h.start, h.end))
