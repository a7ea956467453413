"""What every part of the referat needs: the meeting, its kind, its cases,
the municipal settings, the language's texts and the meeting's own "now"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bti_tui.i18n import Translator
from bti_tui.model import Case, CaseSlot, Meeting, MeetingKind, Participant
from bti_tui.model.consent import as_discussed
from bti_tui.referat.format import clock_now
from bti_tui.referat.escape import one_line
from bti_tui.resources import MunicipalSettings



def named_as_discussed(meeting: Meeting, cases: Mapping[str, Case]) -> dict[str, Case]:
    """The cases as the meeting may name them: one discussed anonymously
    (the room's consent decision, or a consent that no longer holds) is
    written without initials and birth date, in headings and file names."""
    named = dict(cases)
    for slot in meeting.slots:
        case = named.get(slot.case_id or "")
        if case is not None:
            named[case.id] = as_discussed(case, slot, meeting.date)
    return named


@dataclass(frozen=True)
class Referat:
    meeting: Meeting
    kind: MeetingKind
    cases: Mapping[str, Case]
    lang: str
    t: Translator
    now: datetime
    settings: MunicipalSettings

    @classmethod
    def of(
        cls,
        meeting: Meeting,
        kind: MeetingKind,
        cases: Mapping[str, Case],
        lang: str,
        settings: MunicipalSettings | None = None,
    ) -> Referat:
        # No settings given: the defaults, not the file (the referat reads no file).
        return cls(meeting, kind, named_as_discussed(meeting, cases), lang, Translator(lang), clock_now(meeting), settings or MunicipalSettings())

    def text(self, key: str, **values: object) -> str:
        """A fixed text of ``referat.toml`` (plain text, typed values in it)."""
        return self.t(f"referat.{key}", **values)

    def person(self, participant: Participant | None) -> str:
        """"Name (role, service)"; "Ikke valgt" for nobody."""
        if participant is None:
            return self.text("not_chosen")
        role, service = participant.role_in(self.kind, self.lang), participant.service_in(self.kind, self.lang)
        name, *about = (one_line(p) for p in (participant.name, role, service))
        about = [a for a in about if a]
        if not name and about:
            name = about.pop(0)
        return f"{name or '—'} ({', '.join(about)})" if about else name or "—"

    def numbered_slots(self) -> list[tuple[int, int, CaseSlot]]:
        """(case number from 1, slot index, slot) for every slot holding a case."""
        used = [(index, slot) for index, slot in enumerate(self.meeting.slots) if slot.case_id]
        return [(number, index, slot) for number, (index, slot) in enumerate(used, 1)]
