"""Helpers shared by the plan tests: the demo plan on a fixed day, and a
byte-for-byte picture of a data folder. A plain module with a unique name,
not a conftest, so it cannot clash with other test folders' helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bti_tui.calendar_days import public_holidays
from bti_tui.demo_plan import DemoPlan, build_demo_plan
from bti_tui.resources import meeting_kinds

TODAY = date(2027, 1, 4)  # fixed: the demo plan follows "today" (spring 2027)
LANGS = ("nb", "nn", "en")


def demo_plan(lang: str = "nb", today: date = TODAY) -> DemoPlan:
    holidays = public_holidays(date(today.year, 1, 1), date(today.year + 1, 12, 31), lang)
    return build_demo_plan(meeting_kinds(), today, holidays, lang)


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes (empty if no folder)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
