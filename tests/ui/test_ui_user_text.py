"""User text is data: whatever was typed into any field of a meeting or a
case is shown literally on every screen, never parsed as markup, and never
reaches the terminal as a control sequence.

A place named "Rom [/b] 2" once crashed the meeting list at every start;
an agreement with "[/b]" closed the app on the closing screen; "[red]"
vanished; "[@click=app.quit]" was a live action.
"""

from __future__ import annotations

import asyncio
import io
import re
from datetime import date, datetime, time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Input, Static, TextArea

from bti_tui.model import (
    Agreement,
    Attendance,
    Case,
    CaseReference,
    Consent,
    ConsentStatus,
    Documentation,
    Meeting,
    MeetingStatus,
    Participant,
    Position,
)
from bti_tui.model.text import clean_text
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp
from bti_tui.ui.screens.help import HelpScreen
from bti_tui.ui.screens.intake import IntakeScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.screens.referat_preview import ReferatPreviewScreen
from bti_tui.ui.screens.setup import SetupScreen

from ui_support import FakeClock

HOSTILE = st.text(
    alphabet=st.sampled_from(list("ab [/]@=:.'\"\\#*_`<>&|") + ["\x1b", "\x07", "\x00", "\u202e", "\u200b", "\x9b", "æ"]),
    min_size=1,
    max_size=14,
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")


def hostile_meeting(text: str) -> tuple[Meeting, dict[str, Case]]:
    """A running meeting whose every typed field holds ``text``."""
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, date(2026, 11, 24), time(9, 0), f"Rom {text} 2", "nb", "m-hostile")
    for person in meeting.participants:
        person.name = f"N {text}"
        person.attendance = Attendance.PRESENT
    meeting.participants.append(Participant("p-x", f"Gjest {text}", f"R {text}", f"T {text}", Attendance.ABSENT))
    meeting.moteleder, meeting.referent = meeting.participants[0].id, meeting.participants[1].id
    case = Case(
        "c-hostile",
        CaseReference.anonymized(),
        submitted_by=f"Meldt {text}",
        consent=Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS, [f"S {text}"]),
        documentation=Documentation(True, f"ESA {text}", f"ESA {text}", ""),
    )
    case.agreements = [Agreement("a-1", f"Ring skolen {text} i morgen", f"Kari {text}", f"PPT {text}", date(2026, 12, 1), meeting.id)]
    case.assign_stafettholder(f"Ola {text}", f"BV {text}", meeting.id, meeting.date)
    slot = meeting.slots[0]
    slot.case_id = case.id
    slot.notes = {step.id: f"Notat {text} slutt" for step in kind.steps}
    slot.cooperation = [f"Tjeneste {text}"]
    meeting.start(datetime(2026, 11, 24, 9, 0))
    meeting.status = MeetingStatus.RUNNING
    return meeting, {case.id: case}


def shown_text(screen) -> str:
    """Everything the screen's widgets show, as plain text."""
    parts: list[str] = []
    for widget in screen.query("*"):
        if isinstance(widget, Static):
            rendered = widget.render()
            if isinstance(rendered, (Text, Content)):
                parts.append(rendered.plain)
            elif isinstance(widget.content, RichMarkdown):  # the referat, the innkalling: as Rich draws it
                console = Console(width=200, file=io.StringIO(), color_system=None, legacy_windows=False)
                parts.append("".join(segment.text for segment in console.render(widget.content)))
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                for cell in widget.get_row_at(row):
                    parts.append(cell.plain if isinstance(cell, (Text, Content)) else str(cell))
    return "\n".join(parts)


async def visit_every_screen(data_dir: Path, text: str) -> dict[str, str]:
    meeting, cases = hostile_meeting(text)
    seen: dict[str, str] = {}
    with Repository.open(data_dir) as repo:
        for case in cases.values():
            repo.save_case(case)
        repo.save_meeting(meeting)
        meeting.status = MeetingStatus.PLANNED  # a second copy, for setup/intake
        app = BtiApp(repo, "nb", now=FakeClock(datetime(2026, 11, 24, 9, 30)))
        async with app.run_test(size=(200, 50)) as pilot:
            await pilot.pause()
            # The running meeting reopens on its own (after a crash, say).
            assert isinstance(app.screen, MeetingScreen)
            app.pop_screen()
            await pilot.pause()
            seen["home"] = shown_text(app.screen)
            session = app.session_for(meeting.id)
            visits = {
                "setup": lambda: SetupScreen(session),
                "intake": lambda: IntakeScreen(session),
                "referat": lambda: ReferatPreviewScreen(session),
            }
            for name, make in visits.items():
                await app.push_screen(make())
                await pilot.pause()
                seen[name] = shown_text(app.screen)
                app.pop_screen()
                await pilot.pause()
            screen = MeetingScreen(session)
            await app.push_screen(screen)
            for name, position in {
                "opening": Position.opening(),
                "step": Position("w-agreements", 0),
                "stafettholder": Position("w-stafettholder", 0),
                "closing": Position.closing(),
            }.items():
                session.meeting.clock.enter(position, app.now())
                screen.sync_position()
                await pilot.pause()
                seen[name] = shown_text(screen)
                if name == "step":
                    await pilot.press("f1")
                    await pilot.pause()
                    assert isinstance(app.screen, HelpScreen)
                    await pilot.press("escape")
                    await pilot.pause()
            await pilot.press("f9")  # the toast/confirm path quotes nothing typed, but must not crash
            await pilot.pause()
            assert app.is_running
    return seen


# Each example visits every screen (~10 s): the known crashers in one
# text, and one drawn by Hypothesis (its database keeps a failing one).
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
@example(text="[/b] [red]x[/red] [@click=app.quit]klikk[/] [link=file:///etc/passwd]x[/link] \x1b[31mrød\x1b]8;;http://x\x07lenke\x07\u202egnp")
def test_typed_text_is_shown_literally_on_every_screen(tmp_path_factory, text: str) -> None:
    data_dir = tmp_path_factory.mktemp("data")
    seen = asyncio.run(visit_every_screen(data_dir, text))
    # Cleaned as a whole: an 8-bit CSI (U+009B) typed at the end takes the
    # next characters with it, as a terminal would read them.
    expect = {
        "home": clean_text(f"Rom {text} 2"),
        "setup": clean_text(f"Gjest {text}"),
        "intake": clean_text(f"Meldt {text}"),
        "opening": clean_text(f"Meldt {text}"),
        "step": clean_text(f"Ring skolen {text} i morgen"),
        "stafettholder": clean_text(f"Ola {text}"),
        "closing": clean_text(f"Ring skolen {text} i morgen"),
        "referat": "Notat",
    }
    for screen, needle in expect.items():
        assert needle in seen[screen], (screen, needle)
    for screen, content in seen.items():
        assert not CONTROL.search(content.replace("\n", "").replace("\t", "")), screen


def test_clean_text_removes_what_a_terminal_would_obey() -> None:
    assert clean_text("a\x1b[2Jb\x1b]52;c;aGk=\x07c\u202ed\x9b31m") == "abcd"
