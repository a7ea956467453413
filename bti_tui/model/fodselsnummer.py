"""Finding a fødselsnummer however a person writes it, and one being typed.

Why not ``stdnum.no.fodselsnummer``: it checks both mod-11 digits and D- and
H-numbers, but it does not know Skatteetaten's scheme for numbers issued from
2032 (first check digit with a remainder of 0-3), it rejects synthetic test
numbers (month + 80) and numbers whose date lies in the future (it reads
``date.today()``), and it reads one number, not a note. A guard that must catch
every real number needs all of those, so the rule is written out here and each
gap has a test.

How a number is read out of text (a miss is worse than a false alarm):

- A *digit* is any Unicode decimal digit (``\\d``: ASCII, full-width
  ``０-９``, Arabic-Indic, mathematical bold ...). Superscripts and circled
  digits are not decimal digits and do not count.
- Format characters (Unicode category Cf: zero-width space and joiners, word
  joiner, BOM, soft hyphen, bidi marks) are invisible and are skipped as if
  they were not there: ``150312\\u200b12345`` is eleven digits in a row.
- Digits standing together form a *group*. Groups form a *run* when at most
  three separator characters stand between them (any whitespace, including
  tab, newline, no-break and thin spaces; ``. , / \\ _``; hyphen and every
  dash; their full-width forms).
- Every stretch of whole neighbouring groups of a run that holds eleven digits
  is a candidate: ``15031212345``, ``150312 12345``, ``15.03.12 12345``,
  ``150312 123 45``, ``150 312 12345``, ``1 5 0 3 1 2 1 2 3 4 5``. Digits glued
  to the stretch (no separator) make it longer than eleven, so ``1`` + eleven
  digits is not a candidate, but ``tlf 41234567, 15031212345`` still is.
- The birth date written out also counts: ``15.03.2012 12345``,
  ``5.3.12 12345``, ``15032012 12345``, ``1503201212345`` (day and month of
  one or two digits, a year of two or four digits starting 19 or 20, then the
  five-digit personal number) are read as ``150312 12345``.
- Exception: a bank account number written the usual way, four, two and five
  digits with a dot between (``1234.56.78903``), is never a candidate, nor are
  its groups part of one.

A candidate is a fødselsnummer when its date part is a possible day and month
(D-numbers day + 40, H-numbers month + 40, synthetic numbers month + 80; any
year, so 29 February passes) and both check digits hold (the first with a
remainder of 0 under today's rule or 1-3 under the rule from 2032).

Measured false-alarm rate: of random eleven-digit strings 0.71 % pass (over
1,000,000; 0.72 % over the 60,000 that tests/model/test_model_fodselsnummer.py
draws). The estimate: 2,196 of the 10,000 day-month parts are possible
(366 days x 2 for D-numbers x 3 for H- and synthetic months), the first check
passes 4 times in 11, the second once in 11: 0.2196 x 4/121 = 0.73 %.

A Norwegian bank account number has the same check digit as a fødselsnummer's
second one, so *every* fødselsnummer is also a valid account number, and about
8 % of account numbers pass as fødselsnumre.
When a number found is written the way an account number is (eleven digits in
a row, or 4 + 2 + 5 with other separators than dots) its Finding says so, and
the refusal tells the writer to use ``1234.56.78903``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from bti_tui.model.text import FORMAT_CHARACTERS

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

_SEPARATORS = "\\s.,/\\\\_\\-\u2010-\u2015\u2212\u2027\ufe58\ufe63\uff0c\uff0d\uff0e\uff0f"
_MAX_SEPARATORS = 3
_RUN = re.compile(f"\\d(?:[{_SEPARATORS}{FORMAT_CHARACTERS}]*\\d)*")
_IS_FORMAT = re.compile(f"[{FORMAT_CHARACTERS}]")
_FORMAT_RUN = re.compile(f"[{FORMAT_CHARACTERS}]+")
_DIGITS = re.compile(r"\d+")
_IS_RUN_CHAR = re.compile(f"[\\d{_SEPARATORS}{FORMAT_CHARACTERS}]")
_ENDS = re.compile(f"^[\\s{FORMAT_CHARACTERS}]+|[\\s{FORMAT_CHARACTERS}]+$")

# What the session writes in place of a number still being typed.
PENDING_MARKER = "…"


@dataclass(frozen=True)
class Finding:
    """``text[start:end]`` holds a fødselsnummer (separators inside included).

    ``account_shaped``: it is written as a bank account number can be (eleven
    digits in a row, or 4 + 2 + 5 digits), so the message suggests the dotted
    form that is never flagged.
    """

    start: int
    end: int
    account_shaped: bool = field(default=False, compare=False)

    def masked(self, text: str) -> str:
        return text[: self.start] + "*" * (self.end - self.start) + text[self.end :]


class _Group(NamedTuple):
    digits: str  # ASCII digits
    start: int  # the first digit's index in the text
    end: int  # after the last digit
    before: str  # the separators between the previous group and this one, format characters left out


# --- the rules of the number ------------------------------------------------------


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


def _weighted(weights: tuple[int, ...], digits: Sequence[int]) -> int:
    return sum(map(operator.mul, weights, digits))


def _first_remainder(d: Sequence[int]) -> int:
    """The first weighted sum including k1 (weight 1), mod 11: 0 until 2032, 0-3 after."""
    return (_weighted(_W1, d) + d[9]) % 11


def _check_digits_ok(digits: str) -> bool:
    d = list(map(int, digits))
    return (_weighted(_W2, d) + d[10]) % 11 == 0 and _first_remainder(d) <= 3


def _valid(digits: str) -> bool:
    return _date_part_plausible(digits) and _check_digits_ok(digits)


def could_start_fodselsnummer(prefix: str) -> bool:
    """True if some fødselsnummer begins with the ASCII digits ``prefix`` (0-11 of them)."""
    n = len(prefix)
    if n > 11 or not prefix.isascii() or not (prefix.isdigit() or n == 0):
        return False
    if n >= 1 and prefix[0] not in "01234567":  # day 01-31 or D 41-71
        return False
    if n >= 2:
        day = int(prefix[:2])
        if not (1 <= day <= 31 or 41 <= day <= 71):
            return False
    if n >= 3 and prefix[2] not in "014589":  # month 01-12, H 41-52, synthetic 81-92
        return False
    if n >= 4 and not _date_part_plausible(prefix[:4]):
        return False
    if n == 9:
        return any(could_start_fodselsnummer(prefix + k) for k in "0123456789")
    if n == 10:
        d = [int(c) for c in prefix]
        k2 = -_weighted(_W2, d) % 11
        return _first_remainder(d) <= 3 and k2 != 10
    if n == 11:
        return _valid(prefix)
    return True


# --- reading numbers out of text ------------------------------------------------------


def _ascii_digits(digits: str) -> str:
    return digits if digits.isascii() else "".join(str(int(c)) for c in digits)


def _groups(text: str, start: int, end: int) -> Iterator[list[_Group]]:
    """The runs of ``text[start:end]`` (which holds only run characters), as groups."""
    run: list[_Group] = []
    for match in _DIGITS.finditer(text, start, end):
        group = _Group(_ascii_digits(match[0]), match.start(), match.end(), "")
        if run:
            gap = text[run[-1].end : match.start()]
            before = gap if gap.isascii() else _FORMAT_RUN.sub("", gap)
            if not before:  # only invisible characters between: still one group
                last = run.pop()
                group = _Group(last.digits + group.digits, last.start, group.end, last.before)
            elif len(before) > _MAX_SEPARATORS:
                yield run
                run = []
            else:
                group = group._replace(before=before)
        run.append(group)
    if run:
        yield run


def _is_dotted_account(groups: Sequence[_Group]) -> bool:
    a, b, c = groups
    return (len(a.digits), len(b.digits), len(c.digits)) == (4, 2, 5) and b.before == c.before == "."


def _segments(run: list[_Group]) -> Iterator[list[_Group]]:
    """The run split around dotted account numbers (1234.56.78903)."""
    segment: list[_Group] = []
    i = 0
    while i < len(run):
        if i + 3 <= len(run) and _is_dotted_account(run[i : i + 3]):
            if segment:
                yield segment
            segment = []
            i += 3
            continue
        segment.append(run[i])
        i += 1
    if segment:
        yield segment


def _written_date(groups: Sequence[_Group]) -> str | None:
    """DD.MM.YYYY NNNNN, D.M.YY NNNNN, DDMMYYYY NNNNN or DDMMYYYYNNNNN read as eleven digits."""
    lengths = [len(g.digits) for g in groups]
    if len(groups) == 4 and lengths[0] <= 2 and lengths[1] <= 2 and lengths[2] in (2, 4) and lengths[3] == 5:
        day, month, year, personal = (g.digits for g in groups)
        if len(year) == 2 or year[:2] in ("19", "20"):
            return day.zfill(2) + month.zfill(2) + year[-2:] + personal
    digits = "".join(g.digits for g in groups)
    if lengths in ([8, 5], [13]) and digits[4:6] in ("19", "20"):
        return digits[:4] + digits[6:]
    return None


def _account_shaped(groups: Sequence[_Group]) -> bool:
    return [len(g.digits) for g in groups] in ([11], [4, 2, 5])


def _candidates(segment: list[_Group]) -> Iterator[Finding]:
    for i in range(len(segment)):
        total = 0
        for j in range(i, len(segment)):
            total += len(segment[j].digits)
            if total > 13:
                break
            window = segment[i : j + 1]
            readings = ("".join(g.digits for g in window) if total == 11 else None, _written_date(window))
            if any(digits is not None and _valid(digits) for digits in readings):
                yield Finding(window[0].start, window[-1].end, _account_shaped(window))


def _merged(findings: list[Finding]) -> list[Finding]:
    merged: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Finding(
                last.start, max(last.end, finding.end), last.account_shaped or finding.account_shaped
            )
        else:
            merged.append(finding)
    return merged


def find_fodselsnummer(text: str) -> Iterator[Finding]:
    """Every place in ``text`` that holds a fødselsnummer, in order, not overlapping."""
    for match in _RUN.finditer(text):
        if match.end() - match.start() < 11:
            continue
        found: list[Finding] = []
        for run in _groups(text, match.start(), match.end()):
            for segment in _segments(run):
                found.extend(_candidates(segment))
        yield from _merged(found)


def is_fodselsnummer(number: str) -> bool:
    """True if ``number`` as a whole (spaces and invisible characters at its
    ends aside) is read as a fødselsnummer."""
    stripped = _ENDS.sub("", number)
    return any(f.start == 0 and f.end == len(stripped) for f in find_fodselsnummer(stripped))


def mask_fodselsnummer(text: str) -> str:
    """``text`` with every fødselsnummer (separators inside included) replaced by ``*``."""
    for finding in reversed(list(find_fodselsnummer(text))):
        text = finding.masked(text)
    return text


# --- a number being typed ---------------------------------------------------------------


def _scan(text: str, cursor: int, step: int) -> int:
    """From ``cursor`` towards one end (step -1 or +1): where the run around
    the cursor stops, or where an eleventh digit was passed (further digits
    cannot belong to a number of at most ten)."""
    index, digits, separators = cursor, 0, 0
    while 0 <= (index - 1 if step < 0 else index) < len(text):
        char = text[index - 1] if step < 0 else text[index]
        if not _IS_RUN_CHAR.match(char):
            break
        if char.isdecimal():
            digits += 1
            separators = 0
        elif not _IS_FORMAT.match(char):
            separators += 1
            if separators > _MAX_SEPARATORS:
                break
        index += step
        if digits > 10:
            break
    # Separators at the far end belong to no group: leave them out.
    while index != cursor:
        char = text[index - 1] if step > 0 else text[index]
        if char.isdecimal():
            break
        index -= step
    return index


def pending_number(text: str, cursor: int) -> tuple[int, int] | None:
    """The span of a number still being typed at ``cursor``, or None.

    A number is being typed when a run of digits (grouped as
    :func:`find_fodselsnummer` groups them) has a digit left of the cursor and
    at most three separators between its last digit left of the cursor and the
    cursor; and some stretch of its groups around the cursor holds 1-10 digits
    whose digits left of the cursor can still begin a fødselsnummer (day, then
    month, then the first check digit, as far as they are typed). A cursor at
    the start of a run is not inside it: typing there goes before it.
    The span runs from the first to the last digit of those stretches. The cost
    is that of the run around the cursor (at most eleven digits each way), not
    of the text.
    """
    cursor = max(0, min(cursor, len(text)))
    start, end = _scan(text, cursor, -1), _scan(text, cursor, +1)
    if start == end:
        return None
    groups = [g for run in _groups(text, start, end) for g in run]
    # The group the cursor is in or just after; the run must reach the cursor.
    left = [k for k, g in enumerate(groups) if g.start < cursor]
    if not left:
        return None
    k = left[-1]
    if sum(1 for c in text[groups[k].end : cursor] if not _IS_FORMAT.match(c)) > _MAX_SEPARATORS:
        return None
    typed = _ascii_digits("".join(c for c in text[groups[k].start : cursor] if c.isdecimal()))
    span: tuple[int, int] | None = None
    # Stretches of groups i..j with i <= k <= j and at most ten digits.
    for i in range(k, -1, -1):
        before = "".join(g.digits for g in groups[i:k])
        if len(before) + len(groups[k].digits) > 10:
            break
        if not could_start_fodselsnummer(before + typed):
            continue
        total = len(before)
        for j in range(k, len(groups)):
            total += len(groups[j].digits)
            if total > 10:
                break
            first, last = groups[i].start, groups[j].end
            span = (min(first, span[0]), max(last, span[1])) if span else (first, last)
    return span


def without_pending(text: str, cursor: int) -> str:
    """``text`` with the number being typed at ``cursor`` (see
    :func:`pending_number`) replaced by :data:`PENDING_MARKER` ("…"): the
    digits and the separators between them go, so no digit of a number
    reaches the disk while it is typed; what stands around it stays."""
    span = pending_number(text, cursor)
    if span is None:
        return text
    return text[: span[0]] + PENDING_MARKER + text[span[1] :]
