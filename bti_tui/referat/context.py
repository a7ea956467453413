"""What every part of the referat needs: the meeting, its kind, its cases,
the language's texts and the meeting's own "now"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from bti_tui.i18n import Translator
from bti_tui.model import Case, Meeting, MeetingKind, Participant
from bti_tui.referat.escape import escape_line
from bti_tui.referat.format import clock_now


@dataclass(frozen=True)
class Referat:
    meeting: Meeting
    kind: MeetingKind
    cases: Mapping[str, Case]
    lang: str
    t: Translator
    now: datetime

    @classmethod
    def of(cls, meeting: Meeting, kind: MeetingKind, cases: Mapping[str, Case], lang: str) -> Referat:
        return cls(meeting, kind, cases, lang, Translator(lang), clock_now(meeting))

    def text(self, key: str, **values: object) -> str:
        """A fixed text of ``referat.toml``. Values go in as given: escape
        typed text (``escape_line``) before passing it."""
        return self.t(f"referat.{key}", **values)

    def person(self, participant: Participant | None) -> str:
        """"Name (role, service)", escaped; "Ikke valgt" for nobody."""
        if participant is None:
            return self.text("not_chosen")
        name, *about = (escape_line(p) for p in (participant.name, participant.role, participant.service))
        about = [a for a in about if a]
        if not name and about:
            name = about.pop(0)
        return f"{name or '—'} ({', '.join(about)})" if about else name or "—"
