"""A fictional half-year plan with two queued cases, for the demo and the
innkalling's golden files.

Pure: given ``today``, the holidays and the kinds, the same plan comes out
every time (fixed ids). Every person and child here is invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time

from bti_tui.demo import _NAMES as DEMO_NAMES  # the same invented people as the demo meetings
from bti_tui.model.case import ConsentStatus
from bti_tui.model.kind import MeetingKind
from bti_tui.model.plan import HalfYear, HalfYearPlan, MonthlyRule, Term, make_plan
from bti_tui.model.queue import QueuedCase, place_next

DEMO_PLAN_KIND = "instansmote-skole"
DEMO_PLAN_ID = "demo-plan"
THURSDAY = 3

_QUESTIONS = {
    "nb": ("Høyt fravær siden høsten: hva kan skolen og tjenestene gjøre sammen?", "Råd om en elev som trekker seg unna de andre i friminuttene."),
    "nn": ("Høgt fråvær sidan hausten: kva kan skulen og tenestene gjere saman?", "Råd om ein elev som trekkjer seg unna dei andre i friminutta."),
    "en": ("High absence since the autumn: what can the school and the services do together?", "Advice about a pupil who keeps away from the others at break time."),
}
_PLACE = {"nb": "Nordby skole, møterom 2", "nn": "Nordby skule, møterom 2", "en": "Nordby school, room 2"}
_SCHOOL = {"nb": "Nordby skole", "nn": "Nordby skule", "en": "Nordby school"}
_HEALTH = {"nb": "Skolehelsetjenesten", "nn": "Skulehelsetenesta", "en": "School health service"}


@dataclass(frozen=True)
class DemoPlan:
    plan: HalfYearPlan
    queue: list[QueuedCase]


def _half_years(today: date) -> list[HalfYear]:
    if today.month == 7:
        return [HalfYear(today.year, Term.AUTUMN)]
    current = HalfYear.containing(today)
    following = HalfYear(today.year, Term.AUTUMN) if current.term is Term.SPRING else HalfYear(today.year + 1, Term.SPRING)
    return [current, following]


def build_demo_plan(
    kinds: Mapping[str, MeetingKind], today: date, holidays: Mapping[date, str], lang: str = "nb"
) -> DemoPlan:
    """Second Thursday at 13:00 at Nordby skole for the half-year of
    ``today`` (the next one if no meeting is left in it), with two cases
    queued into the first meeting from ``today``. ``holidays`` must cover
    both half-years (``calendar_days.public_holidays``)."""
    kind = kinds[DEMO_PLAN_KIND]
    plan: HalfYearPlan | None = None
    for half_year in _half_years(today):
        plan = make_plan(
            kind, _PLACE.get(lang, _PLACE["nb"]), time(13, 0), half_year.first, half_year.last,
            rule=MonthlyRule(THURSDAY, 2), holidays=holidays, plan_id=DEMO_PLAN_ID,
        )
        if any(d.date >= today for d in plan.dates):
            break
    assert plan is not None
    plan.names = {spec.id: DEMO_NAMES[spec.id] for spec in kind.fixed_roles if spec.id in DEMO_NAMES}
    first, second = _QUESTIONS.get(lang, _QUESTIONS["nb"])
    queue = [
        QueuedCase.submit(
            initials="AB", birth_date=date(today.year - 10, 3, 14), submitted_by=_SCHOOL.get(lang, _SCHOOL["nb"]),
            question=first, today=today, consent=ConsentStatus.GIVEN, firfoting_prepared=True, queue_id="demo-q1",
        ),
        QueuedCase.submit(
            initials=None, birth_date=None, submitted_by=_HEALTH.get(lang, _HEALTH["nb"]), question=second,
            today=today, kind_id=kind.id, queue_id="demo-q2",
        ),
    ]
    for item in queue:
        place_next(item, [plan], kinds, today)
    return DemoPlan(plan, queue)
