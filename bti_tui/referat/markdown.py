"""The referat as Markdown."""

from __future__ import annotations

from collections.abc import Mapping

from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.referat.build import case_document, meeting_document
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import Document
from bti_tui.referat.markup import document
from bti_tui.resources import MunicipalSettings


def to_markdown(doc: Document) -> str:
    return document(doc.blocks)


def render_markdown(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    lang: str,
    settings: MunicipalSettings | None = None,
) -> str:
    """The meeting's referat for the participants (every case) in ``lang``
    (nb, nn or en) as CommonMark with GFM tables. Pure and deterministic:
    the same meeting gives the same bytes."""
    return to_markdown(meeting_document(Referat.of(meeting, kind, cases, lang, settings)))


def render_case_markdown(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    slot_index: int,
    lang: str,
    settings: MunicipalSettings | None = None,
) -> str:
    """The referat of the case in ``slot_index`` alone, for the child's folder."""
    return to_markdown(case_document(Referat.of(meeting, kind, cases, lang, settings), slot_index))
