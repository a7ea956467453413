"""One real way to raise each ValidationError of the plan and the queue
(used by test_model_error_messages, which checks every message formats)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from bti_tui.model.case import ConsentStatus
from bti_tui.model.dates import parse_time
from bti_tui.model.plan import (
    DateRange,
    HalfYear,
    HalfYearPlan,
    MonthlyRule,
    PlannedDate,
    Term,
    make_plan,
    parse_week,
    parse_weekday,
    plan_dates,
)
from bti_tui.model.plan_day import meeting_for_date
from bti_tui.model.queue import QueuedCase, kind_for, place_next, place_on
from bti_tui.resources import meeting_kinds

TODAY = date(2027, 1, 4)
SPRING = HalfYear(2027, Term.SPRING)
KINDS = meeting_kinds()
SKOLE = KINDS["instansmote-skole"]


def plan(*days: date, cases: list[list[str]] | None = None) -> HalfYearPlan:
    dates = [PlannedDate(day, cases=list((cases or [])[i]) if cases and i < len(cases) else []) for i, day in enumerate(days)]
    return HalfYearPlan("p1", SKOLE.id, SPRING, "Nordby skole", time(13), 120, dates)


def queued(initials: str | None = "AB", born: date | None = date(2017, 3, 14), **kw: object) -> QueuedCase:
    fields: dict[str, object] = {"submitted_by": "Nordby skole", "question": "Høyt fravær", "today": TODAY}
    fields.update(kw)
    return QueuedCase.submit(initials=initials, birth_date=born, **fields)  # type: ignore[arg-type]


def _full() -> object:
    p = plan(date(2027, 1, 14), date(2027, 2, 11), cases=[["a", "b"]])
    return place_on(queued(queue_id="c"), [p], "p1", date(2027, 1, 14), KINDS, TODAY)


def _full_no_next() -> object:
    p = plan(date(2027, 1, 14), cases=[["a", "b"]])
    return place_on(queued(queue_id="c"), [p], "p1", date(2027, 1, 14), KINDS, TODAY)


def _already_placed() -> object:
    p = plan(date(2027, 1, 14), cases=[["q1"]])
    return place_next(queued(queue_id="q1"), [p], KINDS, TODAY)


def _opened() -> object:
    p = plan(date(2027, 1, 14))
    p.dates[0].meeting_id = "m1"
    return p.cancel(date(2027, 1, 14))


PLAN_TRIGGERS: dict[str, Callable[[], object]] = {
    "plan.outside_half_year": lambda: SPRING.check(date(2027, 8, 1)),
    "plan.july": lambda: HalfYear.containing(date(2027, 7, 2)),
    "plan.range_reversed": lambda: DateRange(date(2027, 2, 26), date(2027, 2, 22)),
    "plan.outside_range": lambda: plan_dates(SPRING, date(2027, 2, 1), date(2027, 3, 1), dates=[date(2027, 1, 5)], holidays={}),
    "plan.weekday_unknown": lambda: parse_weekday("blursday"),
    "plan.week_invalid": lambda: parse_week("6"),
    "plan.week_missing": lambda: plan_dates(SPRING, SPRING.first, SPRING.last, rule=MonthlyRule(0, 5), holidays={}),
    "plan.weekday_never": lambda: plan_dates(SPRING, date(2027, 3, 1), date(2027, 3, 3), rule=MonthlyRule(3, 1), holidays={}),
    "plan.no_dates": lambda: plan_dates(SPRING, SPRING.first, SPRING.last, dates=[], holidays={}),
    "plan.all_skipped": lambda: plan_dates(SPRING, SPRING.first, SPRING.last, dates=[date(2027, 5, 17)], holidays={date(2027, 5, 17): "Grunnlovsdag"}),
    "time.invalid": lambda: parse_time("25:00"),
    "time.format": lambda: parse_time("kl. ett"),
    "plan.place_empty": lambda: make_plan(SKOLE, "  ", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(3, 2), holidays={}),
    "plan.date_not_in_plan": lambda: plan(date(2027, 1, 14)).at(date(2027, 1, 15)),
    "plan.date_cancelled": lambda: (lambda p: (p.cancel(date(2027, 1, 14)), p.move(date(2027, 1, 14), date(2027, 1, 21))))(plan(date(2027, 1, 14))),
    "plan.date_taken": lambda: plan(date(2027, 1, 14), date(2027, 2, 11)).move(date(2027, 1, 14), date(2027, 2, 11)),
    "plan.date_opened": _opened,
    "plan.move_to_holiday": lambda: plan(date(2027, 5, 13)).move(date(2027, 5, 13), date(2027, 5, 17), holidays={date(2027, 5, 17): "Grunnlovsdag"}),
    "plan.queued_case_missing": lambda: meeting_for_date(plan(date(2027, 1, 14), cases=[["gone"]]), date(2027, 1, 14), SKOLE, {}, "nb"),
    "intake.reference_missing": lambda: queued(initials=None),
    "intake.birth_date_missing": lambda: queued(born=None),
    "intake.consent_anonymous": lambda: queued(consent=ConsentStatus.NOT_NEEDED_ANONYMOUS),
    "queue.submitted_by_empty": lambda: queued(submitted_by=" "),
    "queue.question_empty": lambda: queued(question="\n"),
    "queue.question_long": lambda: queued(question="x" * 201),
    "queue.question_identifies": lambda: queued(question="AB har høyt fravær"),
    "queue.kind_unknown": lambda: kind_for(queued(kind_id="nope"), KINDS, TODAY),
    "queue.kind_needed": lambda: kind_for(queued(initials=None, born=None), KINDS, TODAY),
    "queue.no_kind_for_age": lambda: kind_for(queued(), {"instansmote-0-6": KINDS["instansmote-0-6"]}, TODAY),
    "queue.kind_ambiguous": lambda: kind_for(queued(born=date(2020, 6, 1)), KINDS, TODAY),
    "queue.already_placed": _already_placed,
    "queue.no_free_date": lambda: place_next(queued(), [plan(date(2027, 1, 14), cases=[["a", "b"]])], KINDS, TODAY),
    "queue.plan_unknown": lambda: place_on(queued(), [], "nope", date(2027, 1, 14), KINDS, TODAY),
    "queue.date_past": lambda: place_on(queued(), [plan(date(2027, 1, 14))], "p1", date(2027, 1, 14), KINDS, date(2027, 2, 1)),
    "queue.meeting_full": _full,
    "queue.meeting_full_no_next": _full_no_next,
}
