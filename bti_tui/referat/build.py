"""The referat documents: the meeting's, for the participants (every case),
and one per case, for the child's archive folder (that case only)."""

from __future__ import annotations

from bti_tui.referat.case import case_blocks, reference
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import Document, Remark, Section
from bti_tui.referat.header import head_blocks, marking, participant_blocks, running_head, title
from bti_tui.referat.timing import meeting_time_blocks


class UnknownCase(LookupError):
    """No case with this number in the meeting. ``key`` and ``params`` name
    the message in the user's language (``Translator.describe``)."""

    def __init__(self, number: int, count: int) -> None:
        self.key = "export.unknown_case" if count else "export.no_cases"
        self.params = {"number": number, "count": count}
        super().__init__(f"no case {number} (the meeting has {count})")


def _document(r: Referat, full_title: str, footer: str, sections: list[Section]) -> Document:
    return Document(
        lang=r.lang,
        title=full_title,
        sections=tuple(sections),
        running_head=running_head(r),
        marking=marking(r),
        footer=footer,
        page_label=r.text("pdf.page"),
    )


def meeting_document(r: Referat) -> Document:
    """The whole meeting: for the participants, not for a child's folder."""
    parts = [Section("head", tuple(head_blocks(r))), Section("participants", tuple(participant_blocks(r)))]
    for number, index, slot in r.numbered_slots():
        parts.append(Section("case", tuple(case_blocks(r, number, index, slot))))
    parts.append(Section("time", tuple(meeting_time_blocks(r))))
    name = title(r)
    return _document(r, name, r.text("footer.meeting", title=name), parts)


def slot_of_case(r: Referat, number: int) -> int:
    """The slot index of case ``number`` (1, 2, ... as the referat numbers
    them); UnknownCase if there is none."""
    numbered = r.numbered_slots()
    for n, index, _ in numbered:
        if n == number:
            return index
    raise UnknownCase(number, len(numbered))


def case_document(r: Referat, slot_index: int) -> Document:
    """The case in ``slot_index`` alone. Of the other cases it tells only how
    many there were."""
    slot = r.meeting.slots[slot_index]
    if not slot.case_id:
        raise UnknownCase(slot_index + 1, len(r.numbered_slots()))
    blocks = case_blocks(r, None, slot_index, slot, time_table=r.settings.case_referat_time_table)
    others = len(r.numbered_slots()) - 1
    if others:
        blocks.append(Remark(r.text("other_cases", count=others)))
    parts = [
        Section("head", tuple(head_blocks(r, slot))),
        Section("participants", tuple(participant_blocks(r))),
        Section("case single", tuple(blocks)),  # no page break before it
    ]
    name = title(r)
    ref = reference(r.text, r.cases.get(slot.case_id), slot.case_id)
    return _document(r, f"{name} – {ref}", r.text("footer.case", title=name, reference=ref), parts)
