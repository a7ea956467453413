"""The internt arbeidsmøte as seed 000 describes it, and the kind-driven
rules beside it.

- The stafetthaldar is named before the meeting (by the styrar in a
  barnehage, the rektor for school children): who named them and when.
- Where the kind's leader role is the stafettholder, the stafettholder is by
  default møteleder and referent; choosing someone else asks the reason.
- The case records who first noticed the need, which leader they told, and
  that the initiative to cooperate with the guardians was taken.
- The next meeting is worded by the kind ("Neste arbeidsmøte"), with date,
  time and place.
- No external partner can be added to a kind without external partners;
  the kind's own roles (PPT guidance, labelled as the exception) may.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from bti_tui.model import Case, Meeting, MeetingKind, Participant, ValidationError
from bti_tui.model.dates import parse_optional_date, parse_time
from bti_tui.model.localized import LANGUAGES, pick
from bti_tui.model.privacy import guard_text

if TYPE_CHECKING:
    from concurrent.futures import Future

STAFETTHOLDER_ROLE = "stafettholder"
ROLES = ("moteleder", "referent")


def presets_stafettholder(kind: MeetingKind) -> bool:
    """The kind makes the stafettholder møteleder and referent."""
    return kind.leader_role == STAFETTHOLDER_ROLE


def stafettholder_participant(meeting: Meeting, kind: MeetingKind) -> Participant | None:
    """The participant standing for the kind's leader role (the
    stafettholder in an internt arbeidsmøte)."""
    if kind.leader_role is None:
        return None
    found = next((p for p in meeting.participants if p.role_id == kind.leader_role), None)
    if found is not None:
        return found
    # Meetings saved before participants knew their role: the fixed roles in order.
    for spec, person in zip(kind.fixed_roles, meeting.participants, strict=False):
        if spec.id == kind.leader_role:
            return person
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def own_services(meeting: Meeting, kind: MeetingKind) -> set[str]:
    """The meeting's own service(s): the kind's fixed roles' services in
    every language, and those of the meeting's fixed participants as typed."""
    services = {_fold(pick(r.service, lang)) for r in kind.fixed_roles for lang in LANGUAGES}
    services |= {_fold(p.service) for p in meeting.participants if p.fixed}  # typed over the kind's
    return services - {""}


def check_addition(kind: MeetingKind, meeting: Meeting, role: str, service: str) -> None:
    """ValidationError if ``kind`` admits no external partners and this
    participant would be one: allowed are the kind's own roles (the
    guardians, PPT guidance as the named exception), people of the
    meeting's own service, and people without a service."""
    if kind.external_partners:
        return
    if _fold(role) in {_fold(pick(r.role, lang)) for r in kind.roles for lang in LANGUAGES}:
        return
    if not _fold(service) or _fold(service) in own_services(meeting, kind):
        return
    raise ValidationError("cases.no_external_partner", kind=kind.name_in(meeting.language), service=service.strip())


def exception_label(kind: MeetingKind, participant: Participant, lang: str) -> str:
    """The kind's label for a role it admits as an exception ("" for others)."""
    spec = kind.role(participant.role_id) if participant.role_id else None
    if spec is None:
        folded = _fold(participant.role)
        spec = next((r for r in kind.roles if folded in {_fold(pick(r.role, code)) for code in LANGUAGES}), None)
    return pick(spec.exception, lang) if spec is not None else ""


class InternalMeetingRules:
    """Mixed into MeetingSession."""

    if TYPE_CHECKING:
        meeting: Meeting
        kind: MeetingKind

        def _require_case(self, slot: int) -> Case: ...
        def _writable(self) -> None: ...
        def save(self, cases: list[Case] | None = None, all_cases: bool = False, scrub: bool = False, typing: Any = None) -> Future[Any]: ...

    # --- the stafettholder named before the meeting -------------------------------------
    def name_stafettholder(self, slot: int, name: str, service: str, named_by: str, on: date) -> None:
        """The stafettholder named before the meeting by ``named_by`` (the
        styrar or rektor) on ``on``. Where the kind presets them, they become
        the stafettholder participant, møteleder and referent (unless those
        were changed with a reason)."""
        self._writable()
        name, service, named_by = (guard_text(t).strip() for t in (name, service, named_by))
        if not name:
            raise ValidationError("form.stafettholder_name")
        if not named_by:
            raise ValidationError("cases.named_by_missing")
        if on > self.meeting.date:
            raise ValidationError("cases.named_after_meeting", value=on.strftime("%d.%m.%Y"))
        case = self._require_case(slot)
        case.assign_stafettholder(name, service, self.meeting.id, on, named_by=named_by)
        person = stafettholder_participant(self.meeting, self.kind)
        if presets_stafettholder(self.kind) and person is not None:
            person.name = name
            if service:
                lang = self.meeting.language
                person.set_role(self.kind, lang, person.role_in(self.kind, lang), service)
            for role in ROLES:
                if not getattr(self.meeting, f"{role}_reason"):
                    setattr(self.meeting, role, person.id)
        self.save(cases=[case])

    # --- møteleder and referent ------------------------------------------------------------
    def needs_role_reason(self, participant_id: str) -> bool:
        """Choosing ``participant_id`` as møteleder or referent asks why:
        the kind presets the stafettholder, and this is someone else."""
        if not presets_stafettholder(self.kind):
            return False
        person = stafettholder_participant(self.meeting, self.kind)
        return person is not None and person.id != participant_id

    def choose_moteleder(self, participant_id: str, reason: str = "") -> None:
        self._choose("moteleder", participant_id, reason)

    def choose_referent(self, participant_id: str, reason: str = "") -> None:
        self._choose("referent", participant_id, reason)

    def _choose(self, role: str, participant_id: str, reason: str) -> None:
        if self.meeting.participant(participant_id) is None:
            raise LookupError(participant_id)
        reason = guard_text(reason).strip()
        needed = self.needs_role_reason(participant_id)
        if needed and not reason:
            raise ValidationError("cases.role_reason_needed")
        setattr(self.meeting, role, participant_id)
        setattr(self.meeting, f"{role}_reason", reason if needed else "")
        self.save()

    # --- the next meeting --------------------------------------------------------------------
    @property
    def next_meeting_label(self) -> str:
        """What the kind calls the next meeting ("Neste arbeidsmøte")."""
        return self.kind.next_meeting_in(self.meeting.language)

    def set_next_meeting_details(self, slot: int, day: str, at: str, place: str) -> None:
        """The next meeting's date, time and place as typed (each may be
        empty). ValidationError changes nothing."""
        self._writable()
        on = parse_optional_date(day)
        if on is not None and on < self.meeting.date:
            raise ValidationError("form.due_before_meeting", value=day.strip())
        start = parse_time(at) if at.strip() else None
        place = guard_text(place).strip()
        target = self.meeting.slots[slot]
        target.next_meeting, target.next_meeting_time, target.next_meeting_place = on, start, place
        self.save()

    # --- how the case began --------------------------------------------------------------------
    def set_origin(
        self,
        slot: int,
        noticed_by: str,
        told_leader: str,
        guardians_initiative: bool,
        initiative_on: date | None = None,
    ) -> None:
        """Who first noticed the need, the leader they told, and that the
        initiative to cooperate with the guardians was taken (and when)."""
        case = self._require_case(slot)
        set_origin(case, noticed_by, told_leader, guardians_initiative, initiative_on)
        self.save(cases=[case])


def set_origin(case: Case, noticed_by: str, told_leader: str, guardians_initiative: bool, initiative_on: date | None) -> None:
    noticed_by, told_leader = (guard_text(t).strip() for t in (noticed_by, told_leader))
    origin = case.origin
    origin.noticed_by, origin.told_leader = noticed_by, told_leader
    origin.guardians_initiative = guardians_initiative
    origin.initiative_on = initiative_on if guardians_initiative else None
