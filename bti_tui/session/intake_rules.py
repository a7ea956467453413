"""The intake's rules for a child met before (issue 16), tested without a
screen:

- a case discussed in another meeting keeps its reference: its initials and
  birth date name the child across every earlier referat, so intake shows
  them read-only and ``build_case`` refuses a change (take the case out of
  the slot and pick or make the right one instead);
- quitting never makes a duplicate: a new named case that matches an open
  case, and that the room has not yet called "another child", is not
  created on quit. The screen asks "same child?" before it quits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bti_tui.model import Case, ValidationError
from bti_tui.session.cases import CaseRow
from bti_tui.session.intake import CaseForm
from bti_tui.session.meeting import MeetingSession


def reference_fixed(session: MeetingSession, slot: int) -> bool:
    """Whether the slot's case was discussed in (or is linked to) another
    meeting: its initials, birth date and anonymity stay as they are."""
    case = session.case(slot)
    return case is not None and session.case_book().met_elsewhere(case)


def unanswered_same_child(session: MeetingSession, slot: int, form: CaseForm, another_child: str | None = None) -> CaseRow | None:
    """The open case the slot's new named case matches, unless the room
    said it is another child (``another_child``: that case's id). Also a
    case already in another slot of this meeting."""
    case = session.case(slot)
    row = session.case_book().same_child_question(form, case.id if case else None, session.meeting.date)
    return None if row is None or row.id == another_child else row


def keep_on_quit(
    session: MeetingSession,
    forms: Mapping[int, CaseForm],
    read: Callable[[int, CaseForm], Case | None],
    another_child: Mapping[int, str] | None = None,
) -> list[int]:
    """Quitting: each slot whose fields are valid is put in the meeting, and
    everything is saved. Left as it was: a slot with invalid fields, and a
    slot whose new case matches an open case nobody has answered for (no
    second case file of the same child). Returns the slots left so."""
    answered = another_child or {}
    left: list[int] = []
    for slot, form in forms.items():
        if unanswered_same_child(session, slot, form, answered.get(slot)) is not None:
            left.append(slot)
            continue
        try:
            case = read(slot, form)
        except ValidationError:
            left.append(slot)
            continue
        if case is not None:
            session.place_case(slot, case)
    session.save(all_cases=True)
    return left


__all__ = ["keep_on_quit", "reference_fixed", "unanswered_same_child"]
