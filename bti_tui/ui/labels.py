"""Labels that several screens show the same way."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from bti_tui.model.dates import format_date
from bti_tui.session import MeetingSession
from bti_tui.ui.text import plain


def case_label(t: Callable[..., str], session: MeetingSession, slot: int) -> Text:
    """"Sak 1: AB, f. 14.03.2016", "Sak 2: anonym" or "Sak 1: ingen sak"."""
    case = session.case(slot)
    if case is None:
        return plain(t("ui.meeting.case_empty", n=slot + 1))
    if case.anonymous or session.discussed_anonymously(slot):  # the room's consent decision
        return plain(t("ui.meeting.case_anonymous", n=slot + 1))
    ref = case.reference
    return plain(t("ui.meeting.case_ref", n=slot + 1, initials=ref.initials, born=format_date(ref.birth_date)))
