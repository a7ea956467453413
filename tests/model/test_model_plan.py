"""The half-year plan: dates from a rule or a list, holidays left out, a
date moved or cancelled, and the input it refuses."""

from __future__ import annotations

import calendar
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bti_tui.calendar_days import public_holidays
from bti_tui.model.dates import parse_time
from bti_tui.model.errors import ValidationError
from bti_tui.model.plan import (
    LAST,
    DateRange,
    DateStatus,
    HalfYear,
    MonthlyRule,
    SkipReason,
    Term,
    make_plan,
    parse_week,
    parse_weekday,
    plan_dates,
)
from bti_tui.resources import meeting_kinds

SPRING = HalfYear(2027, Term.SPRING)
SKOLE = meeting_kinds()["instansmote-skole"]
MON, THU, FRI, SAT = 0, 3, 4, 5


@pytest.fixture(scope="module")
def holidays_2027() -> dict[date, str]:
    return public_holidays(SPRING.first, SPRING.last, "nb")


def spring(rule: MonthlyRule, holidays: dict[date, str], school: list[DateRange] | None = None):
    return plan_dates(SPRING, SPRING.first, SPRING.last, rule=rule, holidays=holidays, school_holidays=school or [])


def test_the_holiday_library_knows_spring_2027(holidays_2027: dict[date, str]) -> None:
    # The facts the plan is tested against, as the library gives them.
    assert holidays_2027[date(2027, 3, 25)] == "Skjærtorsdag"
    assert holidays_2027[date(2027, 3, 26)] == "Langfredag"
    assert holidays_2027[date(2027, 3, 29)] == "Andre påskedag"
    assert holidays_2027[date(2027, 5, 6)] == "Kristi himmelfartsdag"
    assert "Grunnlovsdag" in holidays_2027[date(2027, 5, 17)] and "pinsedag" in holidays_2027[date(2027, 5, 17)]
    assert date(2027, 5, 1).weekday() == SAT and date(2027, 5, 1) in holidays_2027


def test_second_thursday_13_00_meets_every_month_of_spring_2027(holidays_2027: dict[date, str]) -> None:
    plan = make_plan(SKOLE, "Nordby skole", parse_time("13:00"), SPRING.first, SPRING.last, rule=MonthlyRule(THU, 2), holidays=holidays_2027)
    assert [d.date for d in plan.dates] == [
        date(2027, 1, 14), date(2027, 2, 11), date(2027, 3, 11), date(2027, 4, 8), date(2027, 5, 13), date(2027, 6, 10)
    ]
    assert plan.skipped == []
    assert plan.half_year == SPRING and plan.start_time == time(13, 0) and plan.duration_minutes == 120
    assert plan.id.startswith("2027-spring-instansmote-skole-")


def test_first_thursday_skips_ascension_day(holidays_2027: dict[date, str]) -> None:
    kept, skipped = spring(MonthlyRule(THU, 1), holidays_2027)
    assert date(2027, 5, 6) not in kept and len(kept) == 5
    assert [(s.date, s.reason, s.name) for s in skipped] == [
        (date(2027, 5, 6), SkipReason.PUBLIC_HOLIDAY, "Kristi himmelfartsdag")
    ]


def test_fourth_thursday_skips_maundy_thursday_and_last_friday_good_friday(holidays_2027: dict[date, str]) -> None:
    _, skipped = spring(MonthlyRule(THU, 4), holidays_2027)
    assert [(s.date, s.name) for s in skipped] == [(date(2027, 3, 25), "Skjærtorsdag")]
    _, skipped = spring(MonthlyRule(FRI, LAST), holidays_2027)
    assert [(s.date, s.name) for s in skipped] == [(date(2027, 3, 26), "Langfredag")]


def test_third_monday_skips_17_may_and_a_listed_easter_monday(holidays_2027: dict[date, str]) -> None:
    kept, skipped = spring(MonthlyRule(MON, 3), holidays_2027)
    assert date(2027, 5, 17) not in kept
    assert [s.date for s in skipped] == [date(2027, 5, 17)]
    listed = [date(2027, 3, 29), date(2027, 3, 30)]
    kept, skipped = plan_dates(SPRING, SPRING.first, SPRING.last, dates=listed, holidays=holidays_2027)
    assert kept == [date(2027, 3, 30)] and skipped[0].name == "Andre påskedag"


def test_first_saturday_of_may_is_1_may(holidays_2027: dict[date, str]) -> None:
    _, skipped = spring(MonthlyRule(SAT, 1), holidays_2027)
    assert [(s.date, s.name) for s in skipped] == [(date(2027, 5, 1), "Arbeidernes dag")]


def test_school_holidays_are_skipped(holidays_2027: dict[date, str]) -> None:
    winter = DateRange(date(2027, 2, 22), date(2027, 2, 26))
    kept, skipped = spring(MonthlyRule(THU, 4), holidays_2027, [winter])
    assert date(2027, 2, 25) not in kept
    assert (date(2027, 2, 25), SkipReason.SCHOOL_HOLIDAY) in [(s.date, s.reason) for s in skipped]


def test_fifth_monday_names_the_months_that_have_none(holidays_2027: dict[date, str]) -> None:
    with pytest.raises(ValidationError) as info:
        spring(MonthlyRule(MON, 5), holidays_2027)
    assert info.value.key == "plan.week_missing"
    assert info.value.params["months"] == "01.2027, 02.2027, 04.2027, 06.2027"


def test_autumn_runs_august_to_december_and_july_is_in_neither() -> None:
    autumn = HalfYear.containing(date(2027, 10, 1))
    assert (autumn.first, autumn.last) == (date(2027, 8, 1), date(2027, 12, 31))
    kept, _ = plan_dates(autumn, autumn.first, autumn.last, rule=MonthlyRule(THU, 2), holidays={})
    assert [d.month for d in kept] == [8, 9, 10, 11, 12]
    with pytest.raises(ValidationError) as info:
        HalfYear.containing(date(2027, 7, 15))
    assert info.value.key == "plan.july"


@pytest.mark.parametrize(
    ("first", "last", "key"),
    [
        (date(2027, 5, 1), date(2027, 8, 31), "plan.outside_half_year"),  # runs into autumn
        (date(2027, 5, 1), date(2027, 3, 1), "plan.range_reversed"),
        (date(2027, 3, 1), date(2027, 3, 3), "plan.weekday_never"),  # no second Thursday in 1-3 March
    ],
)
def test_bad_ranges_are_refused(first: date, last: date, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        make_plan(SKOLE, "Nordby skole", time(13), first, last, rule=MonthlyRule(THU, 2), holidays={})
    assert info.value.key == key


@pytest.mark.parametrize(("raw", "key"), [("25:00", "time.invalid"), ("13:60", "time.invalid"), ("ett", "time.format")])
def test_times_that_do_not_exist_are_refused(raw: str, key: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_time(raw)
    assert info.value.key == key


def test_typed_weekdays_weeks_and_times() -> None:
    assert {parse_weekday(w) for w in ("thu", "Torsdag", "tor", "4", "thursday")} == {THU}
    assert parse_weekday("laurdag") == SAT
    assert parse_week("2") == 2 and parse_week("siste") == LAST
    assert parse_time("9.30") == time(9, 30) and parse_time("1300") == time(13, 0)
    for bad in ("blursday", ""):
        with pytest.raises(ValidationError):
            parse_weekday(bad)
    for bad in ("0", "6", "second"):
        with pytest.raises(ValidationError):
            parse_week(bad)


def test_a_date_moves_with_a_note_and_keeps_its_first_date(holidays_2027: dict[date, str]) -> None:
    plan = make_plan(SKOLE, "Nordby skole", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(THU, 2), holidays=holidays_2027)
    plan.at(date(2027, 3, 11)).cases = ["q-1"]
    moved = plan.move(date(2027, 3, 11), date(2027, 3, 18), "Kollisjon med foreldremøte", holidays_2027)
    assert moved == ["q-1"]
    planned = plan.at(date(2027, 3, 18))
    assert (planned.status, planned.original, planned.note, planned.cases) == (
        DateStatus.MOVED, date(2027, 3, 11), "Kollisjon med foreldremøte", ["q-1"]
    )
    assert planned.uid_date == date(2027, 3, 11)
    with pytest.raises(ValidationError) as info:
        plan.move(date(2027, 5, 13), date(2027, 5, 17), "", holidays_2027)
    assert info.value.key == "plan.move_to_holiday" and plan.at(date(2027, 5, 13)).status is DateStatus.PLANNED
    with pytest.raises(ValidationError) as info:
        plan.move(date(2027, 6, 10), date(2027, 7, 1))
    assert info.value.key == "plan.outside_half_year"


def test_cancelling_a_date_frees_its_cases() -> None:
    plan = make_plan(SKOLE, "Nordby skole", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(THU, 2), holidays={})
    plan.at(date(2027, 2, 11)).cases = ["q-1", "q-2"]
    assert plan.cancel(date(2027, 2, 11), "Sykdom") == ["q-1", "q-2"]
    planned = plan.at(date(2027, 2, 11))
    assert planned.cancelled and planned.cases == [] and planned.note == "Sykdom"
    assert date(2027, 2, 11) not in [d.date for d in plan.active]


def test_an_opened_meeting_is_neither_moved_nor_cancelled_in_the_plan() -> None:
    """Once opened, the meeting has its own date (setup): moving it in the
    plan would leave the two apart."""
    plan = make_plan(SKOLE, "Nordby skole", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(THU, 2), holidays={})
    plan.at(date(2027, 2, 11)).meeting_id = "2027-02-11-instansmote-skole"
    for change in (lambda: plan.move(date(2027, 2, 11), date(2027, 2, 18)), lambda: plan.cancel(date(2027, 2, 11))):
        with pytest.raises(ValidationError) as info:
            change()
        assert info.value.key == "plan.date_opened"
    planned = plan.at(date(2027, 2, 11))
    assert planned.status is DateStatus.PLANNED and planned.date == date(2027, 2, 11)


def test_a_note_with_a_fodselsnummer_is_refused_and_the_date_unchanged() -> None:
    plan = make_plan(SKOLE, "Nordby skole", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(THU, 2), holidays={})
    with pytest.raises(ValidationError) as info:
        plan.cancel(date(2027, 2, 11), "gjelder 15076500565")
    # eleven digits in a row may also be an account number: the message says how to write one
    assert info.value.key == "privacy.fodselsnummer_or_account"
    assert not plan.at(date(2027, 2, 11)).cancelled
    with pytest.raises(ValidationError):
        plan.move(date(2027, 2, 11), date(2027, 2, 18), "15076500565")
    assert plan.at(date(2027, 2, 11)).status is DateStatus.PLANNED


@given(year=st.integers(1900, 2200), month=st.integers(1, 12), weekday=st.integers(0, 6), week=st.sampled_from([1, 2, 3, 4, 5, LAST]))
def test_the_nth_weekday_agrees_with_the_calendar_module(year: int, month: int, weekday: int, week: int) -> None:
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    expected = days[-1] if week == LAST else (days[week - 1] if week <= len(days) else None)
    assert MonthlyRule(weekday, week).in_month(year, month) == expected
