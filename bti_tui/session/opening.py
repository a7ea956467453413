"""Opening a stored meeting as a live session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bti_tui.resources import meeting_kind
from bti_tui.session.autosave import Autosaver
from bti_tui.session.meeting import MeetingSession


class UnknownKind(LookupError):
    """A meeting whose kind is not in data/kinds (removed or renamed)."""

    key = "ui.errors.unknown_kind"

    def __init__(self, meeting_id: str, kind_id: str) -> None:
        super().__init__(f"{meeting_id}: unknown kind {kind_id}")
        self.params = {"meeting_id": meeting_id, "kind_id": kind_id}


def open_meeting(saver: Autosaver, meeting_id: str, now: Callable[[], datetime]) -> MeetingSession:
    """Load a meeting and its cases, after every save still on its way has
    landed (leaving a meeting and opening it again must not read old data).
    Raises a StoreError for a damaged file, UnknownKind for a kind that is
    gone."""
    saver.flush()
    repo = saver.repo
    meeting = repo.load_meeting(meeting_id)
    try:
        kind = meeting_kind(meeting.kind_id)
    except KeyError:
        raise UnknownKind(meeting.id, meeting.kind_id) from None
    return MeetingSession(meeting, kind, repo.cases_for(meeting), saver, now)
