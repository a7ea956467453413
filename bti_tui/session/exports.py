"""The referat written to a file in the data folder's export folder."""

from __future__ import annotations

from pathlib import Path

from bti_tui.resources import municipal_settings
from bti_tui.session.meeting import MeetingSession
from bti_tui.store.exports import write_export

EXPORT_FORMATS = ("md", "html", "pdf")


def render_referat(session: MeetingSession, lang: str, fmt: str = "md") -> str:
    """The meeting's referat as text (the in-app preview)."""
    from bti_tui import referat

    renderer = referat.render_html if fmt == "html" else referat.render_markdown
    return renderer(session.meeting, session.kind, session.cases, lang, municipal_settings())


def case_choices(session: MeetingSession, lang: str) -> list[tuple[int, str]]:
    """(number, label) of each case, as the referat numbers them."""
    from bti_tui import referat

    return referat.case_choices(session.meeting, session.cases, lang)


def export_referat(session: MeetingSession, lang: str, fmt: str = "md", case: int | None = None) -> Path:
    """Write one referat (after every pending save): the meeting's for the
    participants, or case number ``case`` alone for the child's folder.
    Files are named by the meeting's date and the case reference."""
    from bti_tui import referat

    session.saver.flush()
    name, data = referat.export_files(
        session.meeting, session.kind, session.cases, lang, municipal_settings(), fmt, case
    )
    return write_export(session.saver.repo.data_dir, name, data)
