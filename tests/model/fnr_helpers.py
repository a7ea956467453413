"""Build fødselsnumre for tests from a date part and an individual number.

The check digits are derived here from the published weights, independently
of ``bti_tui.model.privacy``, so the tests do not just mirror the code.
"""

from __future__ import annotations

from datetime import date

W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def date_part(
    born: date, *, d_number: bool = False, h_number: bool = False, synthetic: bool = False
) -> str:
    """DDMMYY with the D (day + 40), H (month + 40) or synthetic (month + 80) offsets."""
    day = born.day + (40 if d_number else 0)
    month = born.month + (40 if h_number else 0) + (80 if synthetic else 0)
    return f"{day:02d}{month:02d}{born.year % 100:02d}"


def with_check_digits(nine: str, remainder: int = 0) -> str | None:
    """The 11-digit number, or None when no check digit fits (it would be 10).

    ``remainder`` is what the first weighted sum (k1 counted with weight 1)
    leaves mod 11: 0 under the old rule, 0-3 under the 2032 rule.
    """
    digits = [int(c) for c in nine]
    k1 = (remainder - sum(w * d for w, d in zip(W1, digits, strict=True))) % 11
    if k1 == 10:
        return None
    digits.append(k1)
    k2 = -sum(w * d for w, d in zip(W2, digits, strict=True)) % 11
    if k2 == 10:
        return None
    return nine + str(k1) + str(k2)


def valid_numbers(part: str, remainder: int = 0, count: int = 3) -> list[str]:
    """The first ``count`` valid numbers with this date part."""
    found: list[str] = []
    for individual in range(1000):
        number = with_check_digits(f"{part}{individual:03d}", remainder)
        if number:
            found.append(number)
            if len(found) == count:
                break
    return found


def first_check_remainder(number: str) -> int:
    d = [int(c) for c in number]
    return (sum(w * x for w, x in zip(W1, d[:9], strict=True)) + d[9]) % 11


def second_check_ok(number: str) -> bool:
    d = [int(c) for c in number]
    return sum(w * x for w, x in zip(W2, d[:10], strict=True)) % 11 == (-d[10]) % 11
