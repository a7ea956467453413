"""Setting up a meeting: kind, date, time, place, who is there, who leads
and who writes the referat. Plain methods on the session's meeting; the
setup screen only shows and asks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from bti_tui.model import Attendance, Meeting, MeetingKind, Participant, ValidationError, new_id
from bti_tui.model.meeting import new_meeting_id
from bti_tui.model.dates import parse_date, parse_time
from bti_tui.model.localized import pick
from bti_tui.model.privacy import guard_text
from bti_tui.session.autosave import Autosaver
from bti_tui.session.internal import check_addition, presets_stafettholder
from bti_tui.session.meeting import MeetingSession

NEXT_ATTENDANCE = {
    Attendance.INVITED: Attendance.PRESENT,
    Attendance.PRESENT: Attendance.ABSENT,
    Attendance.ABSENT: Attendance.INVITED,
}


def new_meeting_session(
    kind: MeetingKind, lang: str, saver: Autosaver, now: Callable[[], datetime]
) -> MeetingSession:
    """A meeting being set up for the first time: not written until
    :meth:`MeetingSession.store`. The kind's leader role is preset as
    møteleder where the kind names one."""
    today = now().date()
    meeting = Meeting.plan(kind, today, datetime.strptime("09:00", "%H:%M").time(), pick(kind.place, lang), lang)
    _preset_leader(meeting, kind)
    return MeetingSession(meeting, kind, {}, saver, now, stored=False)


def _preset_leader(meeting: Meeting, kind: MeetingKind) -> None:
    if kind.leader_role is None:
        return
    for spec, person in zip(kind.fixed_roles, meeting.participants, strict=False):
        if spec.id == kind.leader_role:
            meeting.moteleder = person.id
            if presets_stafettholder(kind):  # seed 000: the stafettholder also writes the referat
                meeting.referent = person.id


class SetupEdits:
    """The edits of the setup screen, on one session's meeting."""

    def __init__(self, session: MeetingSession) -> None:
        self.session = session

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    @property
    def is_new(self) -> bool:
        return not self.session.stored

    def change_kind(self, kind: MeetingKind) -> None:
        """Only a new meeting changes kind: its fixed participants follow."""
        if not self.is_new:
            raise ValidationError("setup.kind_fixed")
        m = self.meeting
        preset = pick(self.session.kind.place, m.language)
        place = m.place if m.place and m.place != preset else pick(kind.place, m.language)
        fresh = Meeting.plan(kind, m.date, m.start_time, place, m.language, m.id)
        _preset_leader(fresh, kind)
        self.session.meeting = fresh
        self.session.kind = kind

    def set_facts(self, day: str, at: str, place: str) -> None:
        """Date, time and place as typed; ValidationError changes nothing."""
        on_day = parse_date(day)
        start = parse_time(at)
        where = guard_text(place).strip()
        m = self.meeting
        m.date, m.start_time, m.place = on_day, start, where
        self.session.save()

    def toggle_attendance(self, participant_id: str) -> None:
        person = self._person(participant_id)
        person.attendance = NEXT_ATTENDANCE[person.attendance]
        self.session.save()

    def toggle_called(self, participant_id: str, today: date) -> None:
        """Mark the participant as called (innkalt) on ``today``, or unmark."""
        person = self._person(participant_id)
        person.called_on = None if person.called_on else today
        self.session.save()

    def not_called(self) -> list[Participant]:
        """Who still needs calling: fixed participants and invited ones
        not yet marked, in the meeting's order."""
        return [p for p in self.meeting.participants if p.called_on is None]

    def set_leader(self, participant_id: str) -> None:
        self.meeting.moteleder = self._person(participant_id).id
        self.session.save()

    def set_referent(self, participant_id: str) -> None:
        self.meeting.referent = self._person(participant_id).id
        self.session.save()

    def add_participant(self, name: str, role: str, service: str, lang: str = "nb") -> Participant:
        """An invited participant; a role of the kind (lege, PPT …) is kept by id."""
        name, role, service = _checked(name, role, service)
        check_addition(self.session.kind, self.meeting, role, service)  # no external partner where the kind says so
        spec = next((r for r in self.session.kind.roles if role and role == pick(r.role, lang)), None)
        person = Participant(new_id("p-"), name, attendance=Attendance.PRESENT, role_id=spec.id if spec else None)
        person.set_role(self.session.kind, lang, role, service)
        self.meeting.participants.append(person)
        self.session.save()
        return person

    def edit_participant(self, participant_id: str, name: str, role: str, service: str, lang: str = "nb") -> None:
        """The kind's own role and service words stay by id (shown in every
        language); only what differs is kept as typed."""
        person = self._person(participant_id)
        name, role, service = _checked(name, role, service)
        person.name = name
        person.set_role(self.session.kind, lang, role, service)
        self.session.save()

    def roles_chosen(self) -> bool:
        m = self.meeting
        return bool(m.participant(m.moteleder) and m.participant(m.referent))

    def has_content(self) -> bool:
        """Something typed that Esc on a new meeting would throw away."""
        m = self.meeting
        return bool(
            (m.place and m.place != pick(self.session.kind.place, m.language))
            or any(p.name for p in m.participants)
            or any(not p.fixed for p in m.participants)
            or any(p.attendance is not Attendance.INVITED for p in m.participants)
        )

    def finish_setup(self, day: str, at: str, place: str) -> None:
        """F8: the facts are valid and both roles chosen, then the meeting is
        written (a new one for the first time)."""
        self.set_facts(day, at, place)
        if not self.roles_chosen():
            raise ValidationError("setup.roles_missing")
        if self.is_new:
            # The id (and the export names) carry the meeting's date, not
            # the day it was set up.
            self.meeting.id = new_meeting_id(self.meeting.date)
        self.session.store()

    def _person(self, participant_id: str) -> Participant:
        person = self.meeting.participant(participant_id)
        if person is None:
            raise LookupError(participant_id)
        return person


def _checked(name: str, role: str, service: str) -> tuple[str, str, str]:
    name, role, service = (guard_text(v).strip() for v in (name, role, service))
    if not (name or role):
        raise ValidationError("form.name_or_role")
    return name, role, service
