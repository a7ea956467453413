"""A meeting: its kind, time and place, who is there, and its case slots."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from bti_tui.model.clock import Budget, MeetingClock, Position, minutes
from bti_tui.model.consent_check import ConsentCheck
from bti_tui.model.informing import Informing
from bti_tui.model.kind import MeetingKind, Phase, RoleSpec
from bti_tui.model.localized import pick
from bti_tui.model.status import MeetingStatus


def new_id(prefix: str = "") -> str:
    """A short random id, easy to type in ``bti-tui export ID``."""
    return f"{prefix}{secrets.token_hex(3)}"


def new_meeting_id(on: date) -> str:
    return new_id(f"{on.isoformat()}-")


class Attendance(StrEnum):
    PRESENT = "present"  # til stede
    ABSENT = "absent"  # forfall: absent with notice
    INVITED = "invited"  # invited, not yet marked


@dataclass
class Participant:
    """Someone at the meeting. A role of the kind is kept by its id
    (``role_id``), so every screen and document shows it in its own
    language; ``role`` and ``service`` hold only what a person typed
    instead (empty: the kind's words)."""

    id: str
    name: str
    role: str = ""
    service: str = ""
    attendance: Attendance = Attendance.INVITED
    fixed: bool = False  # a fixed participant of the meeting kind
    role_id: str | None = None  # a RoleSpec id of the meeting's kind
    # The day this person was called to the meeting (innkalt); None: not yet.
    called_on: date | None = None

    @classmethod
    def from_role(cls, spec: RoleSpec, lang: str = "nb", name: str = "") -> Participant:
        return cls(id=new_id("p-"), name=name, fixed=spec.fixed, role_id=spec.id)

    def _spec(self, kind: MeetingKind | None) -> RoleSpec | None:
        if kind is None or self.role_id is None:
            return None
        return next((r for r in kind.roles if r.id == self.role_id), None)

    def role_in(self, kind: MeetingKind | None, lang: str) -> str:
        spec = self._spec(kind)
        return self.role or (pick(spec.role, lang) if spec else "")

    def service_in(self, kind: MeetingKind | None, lang: str) -> str:
        spec = self._spec(kind)
        return self.service or (pick(spec.service, lang) if spec else "")

    def set_role(self, kind: MeetingKind | None, lang: str, role: str, service: str) -> None:
        """What a person typed: kept as an override only where it differs
        from the kind's words in ``lang``."""
        spec = self._spec(kind)
        self.role = "" if spec and role == pick(spec.role, lang) else role
        self.service = "" if spec and service == pick(spec.service, lang) else service

    def label(self, kind: MeetingKind | None = None, lang: str = "nb") -> str:
        role, service = self.role_in(kind, lang), self.service_in(kind, lang)
        who = self.name or role
        return f"{who} ({service})" if service else who


@dataclass
class CaseSlot:
    """One case as discussed in this meeting: the notes live here, per step."""

    case_id: str | None = None
    notes: dict[str, str] = field(default_factory=dict)  # agenda step id -> text
    cooperation: list[str] = field(default_factory=list)  # services further on
    next_meeting: date | None = None  # its wording comes from the kind (MeetingKind.next_meeting)
    closed: bool = False
    # An anonymous case discussed for advice only: no stafettholder, and the
    # documentation checklist does not apply.
    advice_only: bool = False
    # Read back and approved in the room ("lest opp og godkjent"), and when.
    approved_at: datetime | None = None
    # Who receives this case's referat (names and/or services), in order.
    distribution: list[str] = field(default_factory=list)
    # Who tells whom of the outcome; the guardians' and the youth's part.
    informing: Informing = field(default_factory=Informing)
    # The next meeting's time and place (an internt arbeidsmøte: "neste
    # arbeidsmøte", date, time and place).
    next_meeting_time: time | None = None
    next_meeting_place: str = ""
    # The consent warning at the case's start and the room's decision.
    consent_check: ConsentCheck | None = None

    def note(self, step_id: str) -> str:
        return self.notes.get(step_id, "")

    def documentation_applies(self, anonymous: bool) -> bool:
        """The documentation checklist (stafettlogg, consent and Firfoting
        archived) applies unless an anonymous case was discussed for advice
        only: then there is nothing to archive."""
        return not (self.advice_only and anonymous)


@dataclass
class Meeting:
    id: str
    kind_id: str
    date: date
    start_time: time
    place: str = ""
    language: str = "nb"
    moteleder: str | None = None  # participant id
    referent: str | None = None  # participant id
    # Why the møteleder or referent is not the one the kind presets (an
    # internt arbeidsmøte's stafettholder leads and writes); "" = preset.
    moteleder_reason: str = ""
    referent_reason: str = ""
    participants: list[Participant] = field(default_factory=list)
    slots: list[CaseSlot] = field(default_factory=list)
    status: MeetingStatus = MeetingStatus.PLANNED
    clock: MeetingClock = field(default_factory=MeetingClock)

    @classmethod
    def plan(
        cls,
        kind: MeetingKind,
        on: date,
        at: time,
        place: str = "",
        language: str = "nb",
        meeting_id: str | None = None,
    ) -> Meeting:
        """A new meeting of ``kind`` with its fixed participants pre-filled."""
        return cls(
            id=meeting_id or new_meeting_id(on),
            kind_id=kind.id,
            date=on,
            start_time=at,
            place=place,
            language=language,
            participants=[Participant.from_role(r) for r in kind.fixed_roles],
            slots=[CaseSlot() for _ in range(kind.case_slots)],
        )

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.date, self.start_time)

    def participant(self, participant_id: str | None) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if p.attendance is Attendance.PRESENT]

    @property
    def absent(self) -> list[Participant]:
        return [p for p in self.participants if p.attendance is Attendance.ABSENT]

    @property
    def case_ids(self) -> list[str]:
        return [s.case_id for s in self.slots if s.case_id]

    # --- flow ------------------------------------------------------------------
    def positions(self, kind: MeetingKind) -> list[Position]:
        """Every screen of the meeting in order: opening, each used slot's
        steps, closing."""
        order = [Position.opening()]
        for index, slot in enumerate(self.slots):
            if slot.case_id:
                order += [Position(step.id, index) for step in kind.steps]
        order.append(Position.closing())
        return order

    def start(self, now: datetime) -> None:
        self.clock.start(now)
        if self.clock.position is None:
            self.clock.enter(Position.opening(), now)
        if not self.clock.finished:
            self.status = MeetingStatus.RUNNING

    def finish(self, now: datetime) -> None:
        self.clock.finish(now)
        self.status = MeetingStatus.FINISHED

    # --- time -------------------------------------------------------------------
    def meeting_budget(self, kind: MeetingKind, now: datetime) -> Budget:
        return Budget(self.clock.elapsed(now), minutes(kind.duration_minutes))

    def case_budget(self, kind: MeetingKind, slot: int, now: datetime) -> Budget:
        return Budget(self.clock.in_case(slot, now), minutes(kind.case_minutes))

    def position_budget(self, kind: MeetingKind, position: Position, now: datetime) -> Budget:
        used = self.clock.at_position(position, now)
        if position.slot is None:
            # The opening has its minutes; the closing uses the buffer.
            planned = kind.opening_minutes if position.step == "opening" else kind.buffer_minutes
            return Budget(used, minutes(planned))
        return Budget(used, minutes(kind.step(position.step).minutes))

    def phase_budget(self, kind: MeetingKind, slot: int, phase: Phase, now: datetime) -> Budget:
        spent = self.clock.time_by_position(now)
        used = sum(
            (spent.get(Position(s.id, slot).encode(), minutes(0)) for s in kind.steps if s.phase is phase),
            minutes(0),
        )
        return Budget(used, minutes(kind.phase_minutes(phase)))
