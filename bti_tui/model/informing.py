"""Who tells whom, per case in a meeting (both seeds).

Before a case closes the room decides who informs the guardians (and the
youth) of the outcome, and who tells each absent participant who was given
a task. The guardians and the youth are recorded as present, informed, or
not informed (with the reason) — not squeezed into "forfall".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bti_tui.model.case import Case
    from bti_tui.model.kind import MeetingKind
    from bti_tui.model.meeting import Meeting, Participant

#: Whom to tell, beside participants (who are named by their id).
GUARDIANS = "guardians"
YOUTH = "youth"
USERS = (GUARDIANS, YOUTH)


class UserPresence(StrEnum):
    """The guardians' or the youth's part in this meeting about the case."""

    UNKNOWN = "unknown"  # not recorded yet
    PRESENT = "present"
    INFORMED = "informed"  # not there, but told the meeting takes place
    NOT_INFORMED = "not_informed"  # with a reason


@dataclass
class UserStatus:
    presence: UserPresence = UserPresence.UNKNOWN
    reason: str = ""  # why not informed


@dataclass
class Informing:
    """One case slot's who-tells-whom."""

    guardians: UserStatus = field(default_factory=UserStatus)
    youth: UserStatus = field(default_factory=UserStatus)
    # Whom (GUARDIANS, YOUTH or a participant id) -> who tells them.
    tellers: dict[str, str] = field(default_factory=dict)

    def user(self, who: str) -> UserStatus:
        if who == GUARDIANS:
            return self.guardians
        if who == YOUTH:
            return self.youth
        raise KeyError(who)

    def teller(self, whom: str) -> str:
        return self.tellers.get(whom, "")


@dataclass(frozen=True)
class InformItem:
    """Someone to be told the outcome of a case."""

    whom: str  # GUARDIANS, YOUTH or a participant id
    teller: str  # who tells them; "" = not decided
    presence: UserPresence | None  # the guardians' or youth's part; None for a participant
    tasks: tuple[str, ...]  # a participant's tasks (what was agreed)
    needed: bool  # someone must tell them (not there to hear it themselves)

    @property
    def missing(self) -> bool:
        return self.needed and not self.teller


def _names(person: Participant, kind: MeetingKind | None, lang: str) -> set[str]:
    """The ways an agreement's "who" may name a participant: the name, the
    label ("Kari (PPT)"), and the role for someone without a name."""
    names = {person.name, person.label(kind, lang), "" if person.name else person.role_in(kind, lang)}
    return {n.strip().casefold() for n in names if n.strip()}


def tasks_of(
    person: Participant, case: Case, meeting_id: str, kind: MeetingKind | None = None, lang: str = "nb"
) -> tuple[str, ...]:
    """The tasks ``person`` was given in the meeting: open agreements made
    there, or continued there, naming them as responsible."""
    from bti_tui.model.agreement import AgreementStatus

    names = _names(person, kind, lang)

    def given_here(agreement_meeting: str, mark_status: AgreementStatus | None) -> bool:
        return agreement_meeting == meeting_id or mark_status is AgreementStatus.CONTINUED

    found = []
    for agreement in case.agreements:
        mark = agreement.mark_in(meeting_id)
        if agreement.is_open and given_here(agreement.meeting_id, mark.status if mark else None):
            if agreement.responsible.strip().casefold() in names:
                found.append(agreement.what)
    return tuple(found)


def inform_list(meeting: Meeting, slot: int, case: Case | None, kind: MeetingKind | None = None) -> list[InformItem]:
    """The guardians, the youth, then every participant not present who was
    given a task in the meeting: whom to tell, and who tells them. The
    guardians of a named child are told unless they were there; the youth
    when their part was recorded (not for every small child)."""
    from bti_tui.model.meeting import Attendance

    info = meeting.slots[slot].informing
    named = case is not None and not case.anonymous  # an anonymous child's family is not known here
    items = []
    for who in USERS:
        status = info.user(who)
        if who == GUARDIANS:
            needed = named and status.presence is not UserPresence.PRESENT
        else:
            needed = status.presence not in (UserPresence.PRESENT, UserPresence.UNKNOWN)
        items.append(InformItem(who, info.teller(who), status.presence, (), needed))
    if case is not None:
        for person in meeting.participants:
            if person.attendance is Attendance.PRESENT:
                continue
            tasks = tasks_of(person, case, meeting.id, kind, meeting.language)
            if tasks:
                items.append(InformItem(person.id, info.teller(person.id), None, tasks, True))
    return items
