"""Writing the fictional demo meetings into a data folder."""

from __future__ import annotations

from datetime import date

from bti_tui.demo import DEMO_MEETINGS, build_demo
from bti_tui.model.plan import HalfYearPlan
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository
from bti_tui.store.plans import PlanStore


def demo_written_before(repo: Repository) -> bool:
    """Whether demo meetings are in the folder already: writing the demo
    again would overwrite them and whatever was tried out in them, so the
    screen asks first."""
    return any(summary.id in DEMO_MEETINGS for summary in repo.list_meetings())


def write_demo(repo: Repository, today: date, lang: str) -> list[str]:
    """Write the demo meetings and their cases; returns the meeting ids.
    Overwrites earlier demo files (same fixed ids); other meetings are
    untouched."""
    demo = build_demo(meeting_kinds(), today, lang)
    for case in demo.cases:
        repo.save_case(case)
    for meeting in demo.meetings:
        repo.save_meeting(meeting)
    return [m.id for m in demo.meetings]


def write_demo_plan(store: PlanStore, today: date, lang: str) -> HalfYearPlan:
    """Write the fictional demo plan and its two queued cases (fixed ids,
    overwritten if there); returns the plan."""
    from bti_tui.calendar_days import public_holidays
    from bti_tui.demo_plan import build_demo_plan

    holidays = public_holidays(date(today.year, 1, 1), date(today.year + 1, 12, 31), lang)
    demo = build_demo_plan(meeting_kinds(), today, holidays, lang)
    for item in demo.queue:
        store.save_queued(item)
    store.save_plan(demo.plan)
    return demo.plan
