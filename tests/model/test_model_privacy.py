"""Privacy guards: fødselsnummer detection, initials, birth dates, dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fnr_helpers import (
    W2,
    date_part,
    first_check_remainder,
    second_check_ok,
    valid_numbers,
    with_check_digits,
)
from hypothesis import assume, given
from hypothesis import strategies as st

from bti_tui.model.dates import parse_date
from bti_tui.model.errors import ValidationError
from bti_tui.model.privacy import (
    Finding,
    age_on,
    find_fodselsnummer,
    guard_text,
    is_fodselsnummer,
    validate_birth_date,
    validate_initials,
)
from bti_tui.resources import municipal_settings


def is_plausible_date_part(part: str) -> bool:
    day, month = int(part[:2]), int(part[2:4])
    day -= 40 if day > 40 else 0
    month -= 80 if month > 80 else 40 if month > 40 else 0
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


BIRTHDAYS = [
    date(2015, 3, 5),
    date(2010, 12, 31),
    date(1999, 1, 1),
    date(2020, 2, 29),
    date(2008, 11, 30),
]


def found(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_fodselsnummer(text)]


def raises_key(key: str):
    return pytest.raises(ValidationError, match=rf"^{key}\b")


# --- the test helper itself -----------------------------------------------------


def test_helper_builds_numbers_that_satisfy_both_weighted_sums() -> None:
    for number in valid_numbers("010203", count=10):
        assert first_check_remainder(number) == 0
        assert second_check_ok(number)


# --- fødselsnummer: flagged -------------------------------------------------------


@pytest.mark.parametrize("born", BIRTHDAYS)
def test_ordinary_numbers_are_flagged(born: date) -> None:
    numbers = valid_numbers(date_part(born))
    assert len(numbers) == 3
    for number in numbers:
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("born", BIRTHDAYS)
def test_d_numbers_day_plus_40_are_flagged(born: date) -> None:
    part = date_part(born, d_number=True)
    assert int(part[:2]) > 40
    for number in valid_numbers(part):
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("born", BIRTHDAYS)
def test_h_numbers_month_plus_40_are_flagged(born: date) -> None:
    part = date_part(born, h_number=True)
    assert 40 < int(part[2:4]) <= 52
    for number in valid_numbers(part):
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("born", BIRTHDAYS)
def test_synthetic_numbers_month_plus_80_are_flagged(born: date) -> None:
    part = date_part(born, synthetic=True)
    assert int(part[2:4]) > 80
    for number in valid_numbers(part):
        assert is_fodselsnummer(number)


def test_synthetic_d_numbers_are_flagged() -> None:
    for number in valid_numbers(date_part(date(2012, 6, 17), d_number=True, synthetic=True)):
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("remainder", [1, 2, 3])
@pytest.mark.parametrize("born", BIRTHDAYS)
def test_numbers_under_the_2032_scheme_are_flagged(born: date, remainder: int) -> None:
    # From 2032 the first weighted sum (k1 with weight 1) may leave 0-3.
    numbers = valid_numbers(date_part(born), remainder=remainder)
    assert numbers
    for number in numbers:
        assert first_check_remainder(number) == remainder
        assert second_check_ok(number)
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("remainder", range(4, 11))
def test_first_check_remainder_above_3_is_not_flagged(remainder: int) -> None:
    numbers = valid_numbers(date_part(date(2015, 3, 5)), remainder=remainder)
    assert numbers
    for number in numbers:
        assert second_check_ok(number)
        assert not is_fodselsnummer(number)


@pytest.mark.parametrize(
    "template",
    [
        "{}",
        "Fnr {} ble nevnt i møtet.",
        "Fødselsnummer: {}.",
        "({})",
        "fnr:{}",
        "Eleven (f. {}) har fått vedtak.",
    ],
)
def test_numbers_inside_text_are_found(template: str) -> None:
    number = valid_numbers(date_part(date(2014, 9, 8)))[0]
    assert found(template.format(number)) == [number]


@pytest.mark.parametrize("separator", [" ", "-", ".", "\u00a0", "\u2013"])
def test_numbers_written_six_plus_five_are_found(separator: str) -> None:
    number = valid_numbers(date_part(date(2010, 2, 1)))[0]
    written = number[:6] + separator + number[6:]
    text = f"Barnets nummer er {written} ifølge skjemaet."
    assert found(text) == [written]
    assert is_fodselsnummer(written)


def test_several_numbers_in_one_text_are_all_found() -> None:
    a, b = valid_numbers(date_part(date(2011, 5, 6)), count=2)
    text = f"{a} og {b[:6]} {b[6:]}"
    assert len(list(find_fodselsnummer(text))) == 2


def test_finding_masks_the_number() -> None:
    number = valid_numbers(date_part(date(2011, 5, 6)))[0]
    text = f"nr {number} her"
    (finding,) = find_fodselsnummer(text)
    assert finding == Finding(3, 14)
    assert finding.masked(text) == "nr *********** her"


def test_guard_text_refuses_a_number_and_passes_other_text() -> None:
    number = valid_numbers(date_part(date(2011, 5, 6)))[0]
    with raises_key("privacy.fodselsnummer"):
        guard_text(f"Notat: {number[:6]} {number[6:]}")
    # Eleven digits in a row may be an account number: the message says how to write one.
    with raises_key("privacy.fodselsnummer_or_account"):
        guard_text(f"Notat: {number}")
    plain = "Møte 12.03.2026 kl. 09:00, tlf 41234567, 2 saker."
    assert guard_text(plain) is plain


# --- fødselsnummer: not flagged ------------------------------------------------------


def test_eleven_digits_failing_the_check_digits_are_not_flagged() -> None:
    number = valid_numbers(date_part(date(2015, 3, 5)))[0]
    wrong_k2 = number[:10] + str((int(number[10]) + 1) % 10)
    assert not is_fodselsnummer(wrong_k2)
    assert found(f"nr {wrong_k2}") == []
    # Break only the first check digit: the remainder goes above 3.
    broken = 0
    for remainder in range(4, 11):
        for other in valid_numbers(number[:6], remainder=remainder):
            assert second_check_ok(other)
            assert not is_fodselsnummer(other)
            broken += 1
    assert broken > 10


def test_twelve_digit_runs_are_not_flagged() -> None:
    number = valid_numbers(date_part(date(2015, 3, 5)))[0]
    assert found(f"ref 1{number} end") == []
    assert found(f"ref {number}0 end") == []
    assert found(f"ref {number[:6]} {number[6:]}9") == []
    assert found(f"ref 7{number[:6]}-{number[6:]}") == []
    assert not is_fodselsnummer("1" + number)


@pytest.mark.parametrize(
    "phone", ["41234567", "412 34 567", "+47 412 34 567", "0047 41234567", "22 33 44 55"]
)
def test_phone_numbers_are_not_flagged(phone: str) -> None:
    assert found(f"Ring mor på {phone} etter kl. 15.") == []


def account_number(ten: str) -> str | None:
    """A Norwegian bank account number: ten digits and a mod-11 check digit
    with the same weights as a fødselsnummer's second check digit."""
    k = -sum(w * int(d) for w, d in zip(W2, ten, strict=True)) % 11
    return None if k == 10 else ten + str(k)


def test_account_numbers_failing_the_rules_are_not_flagged() -> None:
    # Written the usual way (4.2.5) an account number never matches 6+5.
    assert found("Konto 1503.40.12345 og 1503 40 12345") == []
    # Written as one run, the account's own check digit always satisfies the
    # second rule, so the date part and the first check decide.
    checked = 0
    for ten in ("1503401234", "9710050123", "3000125678", "1254056789", "6012012345", "8601111794"):
        for last in range(10):
            number = account_number(ten[:9] + str(last))
            if number is None:
                continue
            assert second_check_ok(number)
            impossible_date = not is_plausible_date_part(number[:6])
            if impossible_date or first_check_remainder(number) > 3:
                assert not is_fodselsnummer(number)
                assert found(f"konto {number}") == []
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    "part",
    [
        "320103",  # day 32
        "000103",  # day 0
        "310403",  # 31 April
        "300203",  # 30 February
        "011303",  # month 13
        "010003",  # month 0
        "723103",  # D-number with day 32
        "016103",  # month 61: neither H (41-52) nor synthetic (81-92)
        "019303",  # month 93: synthetic month 13
        "015303",  # month 53: H-number month 13
    ],
)
def test_an_impossible_date_part_is_not_flagged(part: str) -> None:
    numbers = valid_numbers(part) + valid_numbers(part, remainder=2)
    assert numbers
    for number in numbers:
        assert not is_fodselsnummer(number)
        assert found(f"x {number} y") == []


def test_29_february_passes_as_a_date_part() -> None:
    # The century cannot be read reliably from the number, so any 29.02 passes.
    assert valid_numbers("290221")
    for number in valid_numbers("290221"):
        assert is_fodselsnummer(number)


@pytest.mark.parametrize("raw", ["", "0102031234", "010203123456", "0102031234a", "0102031234²"])
def test_is_fodselsnummer_refuses_other_shapes(raw: str) -> None:
    assert not is_fodselsnummer(raw)


# --- fødselsnummer: properties -----------------------------------------------------------


@st.composite
def fodselsnumre(draw: st.DrawFn) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    variant = draw(st.sampled_from(["ordinary", "d", "h", "synthetic", "d+synthetic"]))
    part = date_part(
        born,
        d_number=variant.startswith("d"),
        h_number=variant == "h",
        synthetic=variant.endswith("synthetic"),
    )
    individual = draw(st.integers(0, 999))
    remainder = draw(st.integers(0, 3))
    number = with_check_digits(f"{part}{individual:03d}", remainder)
    assume(number is not None)
    assert number is not None
    return number


@given(fodselsnumre())
def test_any_valid_number_with_a_valid_date_is_flagged(number: str) -> None:
    assert is_fodselsnummer(number)
    assert found(f"Notat: {number}, se over.") == [number]
    assert found(f"{number[:6]} {number[6:]}") == [f"{number[:6]} {number[6:]}"]


@given(fodselsnumre(), st.integers(0, 10), st.integers(1, 9))
def test_changing_one_digit_is_not_flagged(number: str, position: int, shift: int) -> None:
    # Every weight of the second check is 1-7 and 11 is prime, so changing
    # any single digit breaks the second check digit.
    digits = list(number)
    digits[position] = str((int(digits[position]) + shift) % 10)
    changed = "".join(digits)
    assert not second_check_ok(changed)
    assert not is_fodselsnummer(changed)
    assert found(f"nr {changed}") == []


@given(st.text(alphabet="0123456789 -.abc", max_size=40))
def test_finding_and_checking_agree(text: str) -> None:
    for finding in find_fodselsnummer(text):
        assert is_fodselsnummer(text[finding.start : finding.end])


# --- initials -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A", "A"),
        ("ab", "AB"),
        ("AB", "AB"),
        ("A.B.", "AB"),
        ("a. b.", "AB"),
        ("  kl  ", "KL"),
        ("abcd", "ABCD"),
        ("A.B.C.D.", "ABCD"),
        ("æøå", "ÆØÅ"),
        ("ÆØÅ", "ÆØÅ"),
        ("Øy", "ØY"),
        ("a\u030a", "Å"),  # å typed as a + combining ring (NFD)
        ("A\u00a0B", "AB"),  # a no-break space
    ],
)
def test_initials_accepted(raw: str, expected: str) -> None:
    assert validate_initials(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "..", ". . ."])
def test_initials_empty_rejected(raw: str) -> None:
    with raises_key("initials.empty"):
        validate_initials(raw)


@pytest.mark.parametrize("raw", ["A1", "12", "A-B", "A@", "A_B", "K/L", "A,B"])
def test_initials_with_digits_or_symbols_rejected(raw: str) -> None:
    with raises_key("initials.letters") as info:
        validate_initials(raw)
    assert info.value.params == {"value": raw}


@pytest.mark.parametrize("raw", ["ABCDE", "A.B.C.D.E.", "abcdef", "æøåæø"])
def test_initials_longer_than_four_letters_rejected(raw: str) -> None:
    with raises_key("initials.length") as info:
        validate_initials(raw)
    assert info.value.params == {"value": raw}


# --- birth date ------------------------------------------------------------------------------

TODAY = date(2026, 11, 15)
MAX_AGE = municipal_settings().max_child_age


def test_max_child_age_comes_from_the_settings() -> None:
    assert MAX_AGE == 18


def test_today_is_accepted() -> None:
    assert validate_birth_date(TODAY, TODAY, MAX_AGE) == TODAY


def test_future_rejected() -> None:
    tomorrow = TODAY + timedelta(days=1)
    with raises_key("birth_date.future") as info:
        validate_birth_date(tomorrow, TODAY, MAX_AGE)
    assert info.value.params == {"value": "2026-11-16"}


@pytest.mark.parametrize(
    ("born", "age"),
    [
        (date(2008, 11, 15), 18),  # 18th birthday today
        (date(2007, 11, 16), 18),  # the last day before turning 19
        (date(2008, 11, 16), 17),
    ],
)
def test_up_to_max_age_accepted(born: date, age: int) -> None:
    assert age_on(born, TODAY) == age
    assert validate_birth_date(born, TODAY, MAX_AGE) == born


@pytest.mark.parametrize("born", [date(2007, 11, 15), date(2000, 1, 1)])
def test_older_than_max_age_rejected(born: date) -> None:
    assert age_on(born, TODAY) >= 19
    with raises_key("birth_date.too_old") as info:
        validate_birth_date(born, TODAY, MAX_AGE)
    assert info.value.params == {"max_age": MAX_AGE}


def test_max_age_is_a_parameter() -> None:
    born = date(2009, 11, 15)  # 17 today
    assert validate_birth_date(born, TODAY, max_age=17) == born
    with raises_key("birth_date.too_old"):
        validate_birth_date(born, TODAY, max_age=16)


def test_29_february_birthdays() -> None:
    leapling = date(2008, 2, 29)
    # In a year without 29 February the birthday counts from 1 March.
    assert age_on(leapling, date(2009, 2, 28)) == 0
    assert age_on(leapling, date(2009, 3, 1)) == 1
    assert age_on(leapling, date(2012, 2, 28)) == 3
    assert age_on(leapling, date(2012, 2, 29)) == 4
    assert validate_birth_date(leapling, date(2027, 2, 28), MAX_AGE) == leapling
    with raises_key("birth_date.too_old"):
        validate_birth_date(leapling, date(2027, 3, 1), MAX_AGE)
    assert validate_birth_date(leapling, leapling, MAX_AGE) == leapling


# --- dates typed in ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05.03.2016", date(2016, 3, 5)),
        ("5.3.2016", date(2016, 3, 5)),
        (" 05.03.2016 ", date(2016, 3, 5)),
        ("2016-03-05", date(2016, 3, 5)),
        ("2016-3-5", date(2016, 3, 5)),
        ("29.02.2020", date(2020, 2, 29)),
        ("31.12.1999", date(1999, 12, 31)),
    ],
)
def test_parse_date_accepts(raw: str, expected: date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.2020", "29.02.2021", "2020-02-31", "00.01.2020", "01.13.2020"])
def test_parse_date_impossible_dates(raw: str) -> None:
    with raises_key("date.invalid") as info:
        parse_date(raw)
    assert info.value.params == {"value": raw}


@pytest.mark.parametrize(
    "raw", ["", "abc", "05/03/2016", "05.03.16", "2016-03", "05.03.2016x", "5 mars 2016", "20160305"]
)
def test_parse_date_garbage(raw: str) -> None:
    with raises_key("date.format"):
        parse_date(raw)


def test_mask_fodselsnummer_hides_only_the_number() -> None:
    from bti_tui.model.privacy import mask_fodselsnummer

    assert mask_fodselsnummer("fnr 01010750160 og 010107 50160.") == "fnr *********** og ************."
    assert mask_fodselsnummer("tlf 12345678901") == "tlf 12345678901"  # fails the check digits


def test_a_shown_date_can_be_typed_back() -> None:
    from bti_tui.model.dates import format_date

    for day in (date(2016, 3, 14), date(2000, 2, 29), date(2026, 12, 1)):
        assert parse_date(format_date(day)) == day
    assert format_date(date(2016, 3, 4)) == "04.03.2016"
