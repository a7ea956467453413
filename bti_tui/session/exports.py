"""The referat written to a file in the data folder's export folder."""

from __future__ import annotations

from pathlib import Path

from bti_tui.session.meeting import MeetingSession
from bti_tui.store.exports import write_export

EXPORT_FORMATS = ("md", "html")


def render_referat(session: MeetingSession, lang: str, fmt: str = "md") -> str:
    from bti_tui import referat

    renderer = referat.render_html if fmt == "html" else referat.render_markdown
    return renderer(session.meeting, session.kind, session.cases, lang)


def export_referat(session: MeetingSession, lang: str, fmt: str = "md") -> Path:
    """Write the referat (after every pending save) and return where; the
    file is named by the meeting's date, not the day it was exported."""
    session.saver.flush()
    text = render_referat(session, lang, fmt)
    name = f"referat-{session.meeting.date.isoformat()}-{session.meeting.id}.{fmt}"
    return write_export(session.saver.repo.data_dir, name, text)
