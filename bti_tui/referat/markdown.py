"""The referat as Markdown: a list of sections, each a list of blocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.referat.case import case_blocks
from bti_tui.referat.context import Referat
from bti_tui.referat.header import head_blocks, participant_blocks
from bti_tui.referat.markup import document
from bti_tui.referat.timing import meeting_time_blocks


@dataclass(frozen=True)
class Section:
    """One top-level part of the referat (the head, the participants, one
    case, the meeting's time). The HTML wraps each in its own <section>."""

    name: str  # "head", "participants", "case" or "time"
    blocks: tuple[str, ...]

    @property
    def markdown(self) -> str:
        return document(self.blocks)


def sections(r: Referat) -> list[Section]:
    parts = [Section("head", tuple(head_blocks(r))), Section("participants", tuple(participant_blocks(r)))]
    number = 0
    for index, slot in enumerate(r.meeting.slots):
        if slot.case_id:
            number += 1
            parts.append(Section("case", tuple(case_blocks(r, number, index, slot))))
    parts.append(Section("time", tuple(meeting_time_blocks(r))))
    return parts


def render_markdown(meeting: Meeting, kind: MeetingKind, cases: Mapping[str, Case], lang: str) -> str:
    """The referat of ``meeting`` in ``lang`` (nb, nn or en) as CommonMark with
    GFM tables. Pure and deterministic: the same meeting gives the same bytes."""
    r = Referat.of(meeting, kind, cases, lang)
    return document([b for s in sections(r) for b in s.blocks])
