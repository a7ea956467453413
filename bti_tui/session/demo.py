"""Writing the fictional demo meetings into a data folder."""

from __future__ import annotations

from datetime import date

from bti_tui.demo import build_demo
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository


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
