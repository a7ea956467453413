"""The half-year plan and the case queue, as the plan screen uses them:
typed fields in, checked (ValidationError, nothing written), then saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bti_tui.model import ConsentStatus, ValidationError
from bti_tui.model.dates import format_date, parse_date, parse_time
from bti_tui.model.plan import HalfYear, HalfYearPlan, MonthlyRule, make_plan, parse_week, parse_weekday
from bti_tui.model.queue import Placement, QueuedCase, place_next, place_on, placement_of
from bti_tui.resources import meeting_kinds, municipal_settings
from bti_tui.store.plans import PlanStore


@dataclass
class PlanForm:
    """The fields of "new half-year plan" as typed."""

    kind_id: str
    first: str
    last: str
    weekday: str
    week: str
    time: str
    place: str


def create_plan(store: PlanStore, form: PlanForm, lang: str) -> HalfYearPlan:
    """A plan from the form, with Norwegian public holidays skipped; saved."""
    from bti_tui.calendar_days import public_holidays

    kind = meeting_kinds().get(form.kind_id)
    if kind is None:
        raise ValidationError("queue.kind_unknown", value=form.kind_id)
    first, last = parse_date(form.first), parse_date(form.last)
    rule = MonthlyRule(parse_weekday(form.weekday), parse_week(form.week))
    half_year = HalfYear.containing(first)
    holidays = public_holidays(half_year.first, half_year.last, lang)
    plan = make_plan(kind, form.place, parse_time(form.time), first, last, rule=rule, holidays=holidays)
    store.save_plan(plan)
    return plan


@dataclass
class QueueForm:
    """A case submitted to the møteleder ahead of the meeting."""

    anonymous: bool
    initials: str
    birth_date: str
    submitted_by: str
    question: str
    consent: ConsentStatus | None = None
    firfoting: bool = False
    kind_id: str | None = None  # None: chosen by the child's age
    date: str = ""  # a meeting date typed by hand; "": the next free slot


def queue_case(store: PlanStore, form: QueueForm, today: date) -> tuple[QueuedCase, Placement | None]:
    """Queue the case and put it into the next free slot of the next
    planned meeting of the right kind (None: no free slot, it waits)."""
    if not form.anonymous and not (form.initials.strip() or form.birth_date.strip()):
        raise ValidationError("intake.reference_missing")
    item = QueuedCase.submit(
        initials=None if form.anonymous else form.initials,
        birth_date=None if form.anonymous or not form.birth_date.strip() else parse_date(form.birth_date),
        submitted_by=form.submitted_by,
        question=form.question,
        today=today,
        consent=form.consent,
        firfoting_prepared=form.firfoting,
        kind_id=form.kind_id,
        max_age=municipal_settings().max_child_age,
    )
    plans = store.list_plans()
    if form.date.strip():  # by hand: a full meeting refuses and names the next free date
        day = parse_date(form.date)
        plan = next((p for p in plans if any(d.date == day for d in p.dates)), None)
        if plan is None:
            raise ValidationError("plan.date_not_in_plan", value=format_date(day))
        where: Placement | None = place_on(item, plans, plan.id, day, meeting_kinds(), today)
        store.save_queued(item)
        store.save_plan(plan)
        return item, where
    try:
        where = place_next(item, plans, meeting_kinds(), today)
    except ValidationError as full:
        if full.key == "queue.no_free_date":
            where = None  # no planned meeting with room: it waits in the queue
        else:
            raise
    store.save_queued(item)  # first: a plan never points to a case that is not there
    if where is not None:
        store.save_plan(next(p for p in plans if p.id == where.plan_id))
    return item, where


def where_queued(store: PlanStore, item_id: str) -> Placement | None:
    return placement_of(item_id, store.list_plans())


def move_date(store: PlanStore, plan_id: str, day: date, to: str, note: str, lang: str) -> date:
    """Move the meeting on ``day`` to the typed date ``to``, with a note:
    inside the half-year, not on a public holiday, not on another meeting.
    ValidationError changes nothing."""
    from bti_tui.calendar_days import public_holidays

    new_day = parse_date(to)
    plan = store.load_plan(plan_id)
    plan.move(day, new_day, note, public_holidays(plan.half_year.first, plan.half_year.last, lang))
    store.save_plan(plan)
    return new_day


def cancel_date(store: PlanStore, plan_id: str, day: date, note: str) -> list[str]:
    """Cancel the meeting on ``day`` with a note; its cases go back to the
    queue (their ids are returned). An opened meeting is not cancelled."""
    plan = store.load_plan(plan_id)
    freed = plan.cancel(day, note)
    store.save_plan(plan)
    return freed
