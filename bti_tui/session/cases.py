"""The cases across meetings: the intake lookup, the overview, a case's
history, closing and reopening, and follow-up from the case screen.

Questions go to the store's index (TinyDB ``Query``); changes to a case go
through the autosaver when there is one (in order with the meeting's own
saves), and to the case object a running meeting holds when it is one of
its cases, so the meeting and the case screen never keep two copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from bti_tui.model import (
    Agreement,
    AgreementChange,
    AgreementStatus,
    Case,
    CaseStatus,
    CaseStatusChange,
    ClosingReason,
    Duty,
    Handover,
    MeetingKind,
    MeetingStatus,
    ValidationError,
    initials_key,
)
from bti_tui.model.dates import parse_date
from bti_tui.model.privacy import guard_text
from bti_tui.session.autosave import Autosaver
from bti_tui.session.intake import CaseForm
from bti_tui.session.internal import set_origin
from bti_tui.session.review import edit_fields
from bti_tui.store import Repository
from bti_tui.store.case_index import Record


@dataclass(frozen=True)
class MeetingRef:
    """A meeting a case was discussed in."""

    id: str
    date: date
    kind_id: str
    status: MeetingStatus


@dataclass(frozen=True)
class CaseRow:
    """One case as the overview and the intake lookup show it."""

    id: str
    anonymous: bool
    initials: str
    birth_date: date | None
    status: CaseStatus
    closed_on: date | None
    stafettholder: str  # the name; "" = none
    stafettholder_service: str
    services: tuple[str, ...]
    meetings: tuple[MeetingRef, ...]  # oldest first
    next_meeting: date | None  # the next planned meeting, or the next date decided
    open_agreements: int
    overdue_agreements: int  # open and due before "today"


@dataclass(frozen=True)
class CaseHistory:
    """Everything the case screen and ``bti-tui case ID`` show."""

    case: Case
    meetings: tuple[MeetingRef, ...]  # every meeting it was discussed in, oldest first
    handovers: tuple[Handover, ...]  # the stafettholder over time
    status_history: tuple[CaseStatusChange, ...]  # closed and reopened

    @property
    def agreements(self) -> list[Agreement]:
        return self.case.agreements


def stafettholder_duties(kinds: Iterable[MeetingKind]) -> list[Duty]:
    """The stafettholder's duties from the kinds' data, once each, in order."""
    seen: dict[str, Duty] = {}
    for kind in kinds:
        for duty in kind.duties:
            seen.setdefault(duty.id, duty)
    return list(seen.values())


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def _row(record: Record, meetings: list[Record], today: date) -> CaseRow:
    refs = tuple(MeetingRef(m["id"], date.fromisoformat(m["date"]), m["kind"], MeetingStatus(m["status"])) for m in meetings)
    coming = [r.date for r in refs if r.date >= today and r.status is not MeetingStatus.FINISHED]
    decided = [d for m in meetings if (d := _day(m["next"].get(record["id"]))) and d >= today]
    holder = record["stafettholder"] or {}
    dues = record["open_due"]
    limit = today.isoformat()
    return CaseRow(
        id=record["id"],
        anonymous=record["anonymous"],
        initials=record["initials"],
        birth_date=_day(record["birth_date"]),
        status=CaseStatus(record["status"]),
        closed_on=_day(record["closed_on"]),
        stafettholder=holder.get("name", ""),
        stafettholder_service=holder.get("service", ""),
        services=tuple(record["services"]),
        meetings=refs,
        next_meeting=min(coming + decided, default=None),
        open_agreements=len(dues),
        overdue_agreements=sum(1 for d in dues if d is not None and d < limit),
    )


class CaseBook:
    """Cases across meetings. ``saver``: write through it (the app); none:
    write to ``repo`` directly (or not at all, read-only). ``live``: the
    cases a running meeting holds (``MeetingSession.cases``), changed in
    place; ``meeting_id``: that meeting, recorded with what is done here."""

    def __init__(
        self,
        repo: Repository,
        saver: Autosaver | None = None,
        live: Mapping[str, Case] | None = None,
        meeting_id: str | None = None,
    ) -> None:
        self.repo = repo
        self.saver = saver
        self.live = live if live is not None else {}
        self.meeting_id = meeting_id

    # --- questions ---------------------------------------------------------------------
    def _settled(self) -> None:
        """Let the saves on their way land first (the index follows them)."""
        if self.saver is not None:
            self.saver.flush()

    def _rows(self, records: list[Record], today: date) -> list[CaseRow]:
        by_case: dict[str, list[Record]] = {r["id"]: [] for r in records}
        for meeting in self.repo.index.meetings_of(by_case):
            for case_id in meeting["cases"]:
                if case_id in by_case:
                    by_case[case_id].append(meeting)
        return [_row(r, by_case[r["id"]], today) for r in records]

    def find_existing(self, initials: str, birth_date: date, today: date | None = None) -> list[CaseRow]:
        """Open named cases with these initials (case- and accent-
        insensitive) and birth date. Never an anonymous case, never a closed
        one (reopen it first). ``today``: for the rows' overdue counts and
        next meeting (none: nothing counts as overdue)."""
        key = initials_key(initials)
        if not key:
            return []
        self._settled()
        records = [r for r in self.repo.index.find(key, birth_date) if r["status"] == CaseStatus.OPEN]
        return self._sorted(self._rows(records, today or date.min))

    def same_child_question(self, form: CaseForm, exclude: str | None = None, today: date | None = None) -> CaseRow | None:
        """A new named case whose initials and birth date match an open case:
        that case, so the screen asks "same child?" instead of making a
        second one. None for an anonymous or unfinished form (its own
        checks come later, in ``build_case``), and for ``exclude`` (the case
        already in the slot)."""
        if form.anonymous or not form.initials.strip() or not form.birth_date.strip():
            return None
        try:
            born = parse_date(form.birth_date)
        except ValidationError:
            return None
        found = [row for row in self.find_existing(form.initials, born, today) if row.id != exclude]
        return found[0] if found else None

    def met_elsewhere(self, case: Case) -> bool:
        """Whether anything links ``case`` to a meeting other than this
        one: a meeting that discussed it (the index), an agreement or a
        stafettholder from one. Such a case keeps its reference at intake
        and its file when taken off this meeting."""
        linked = {a.meeting_id for a in case.agreements} | {h.meeting_id for h in case.stafettholders}
        if linked - {self.meeting_id}:
            return True
        self._settled()
        return any(m["id"] != self.meeting_id for m in self.repo.index.meetings_of([case.id]))

    def open_cases(self, today: date, status: str | CaseStatus | None = CaseStatus.OPEN, service: str | None = None) -> list[CaseRow]:
        """The overview: cases by status ("open", "closed"; None or "all":
        every one) and service, with stafettholder, meetings, next meeting,
        open and overdue agreements as of ``today``. Newest meeting first."""
        wanted = None if status in (None, "all") else CaseStatus(status).value
        self._settled()
        return self._sorted(self._rows(self.repo.index.cases(wanted, service or None), today))

    @staticmethod
    def _sorted(rows: list[CaseRow]) -> list[CaseRow]:
        """Most recently discussed first; never discussed last; then by id."""
        rows = sorted(rows, key=lambda r: r.id)
        return sorted(rows, key=lambda r: r.meetings[-1].date if r.meetings else date.min, reverse=True)

    def load(self, case_id: str) -> Case:
        """The case (the running meeting's copy if it holds it);
        ``CaseNotFound`` for an unknown id."""
        if case_id in self.live:
            return self.live[case_id]
        self._settled()
        return self.repo.load_case(case_id)

    def history(self, case_id: str) -> CaseHistory:
        """Its meetings (date, kind), agreements with their history, the
        stafettholder over time, closing and reopening."""
        case = self.load(case_id)
        self._settled()
        meetings = tuple(
            MeetingRef(m["id"], date.fromisoformat(m["date"]), m["kind"], MeetingStatus(m["status"]))
            for m in self.repo.index.meetings_of([case_id])
        )
        return CaseHistory(case, meetings, tuple(case.handovers()), tuple(case.status_history))

    # --- changes ---------------------------------------------------------------------------
    def _save(self, case: Case) -> None:
        if self.saver is not None:
            self.saver.save(None, [case])
        else:
            self.repo.save_case(case)

    def close_case(self, case_id: str, on: date, reason: ClosingReason | str, text: str = "") -> CaseStatusChange:
        """Close the case: the date and the reason (a text for "other").
        A closed case is not offered at intake until it is reopened."""
        case = self.load(case_id)
        change = case.close(on, ClosingReason(reason), guard_text(text).strip(), self.meeting_id)
        self._save(case)
        return change

    def reopen_case(self, case_id: str, on: date, reason: str) -> CaseStatusChange:
        case = self.load(case_id)
        change = case.reopen(on, guard_text(reason), self.meeting_id)
        self._save(case)
        return change

    def mark_agreement(
        self,
        case_id: str,
        agreement_id: str,
        status: AgreementStatus | str,
        on: date,
        new_due: date | None = None,
        note: str = "",
    ) -> Agreement:
        """From the case screen: done, continued (new due date, not before
        ``on``) or dropped, with a note; kept as history."""
        case = self.load(case_id)
        agreement = self._agreement(case, agreement_id)
        status = AgreementStatus(status)
        if status is AgreementStatus.OPEN:
            raise ValidationError("cases.nothing_to_undo")
        agreement.mark(status, on, self.meeting_id, new_due, guard_text(note).strip())
        self._save(case)
        return agreement

    def edit_agreement(
        self,
        case_id: str,
        agreement_id: str,
        on: date,
        what: str,
        responsible: str,
        service: str,
        due: date | None,
        note: str = "",
    ) -> AgreementChange | None:
        case = self.load(case_id)
        agreement = self._agreement(case, agreement_id)
        values = edit_fields(agreement, on, what, responsible, service, due)
        change = agreement.edit(on, self.meeting_id, guard_text(note).strip(), **values)
        if change is not None:
            self._save(case)
        return change

    def hand_over_stafettholder(
        self, case_id: str, name: str, service: str, on: date, note: str = "", named_by: str = ""
    ) -> Handover | None:
        """The stafett goes to ``name`` on ``on`` (from the case screen: no
        meeting). Returns the hand-over (None: the same person)."""
        name, service, note, named_by = (guard_text(t).strip() for t in (name, service, note, named_by))
        if not name:
            raise ValidationError("form.stafettholder_name")
        case = self.load(case_id)
        before = case.stafettholder
        case.assign_stafettholder(name, service, self.meeting_id or "", on, named_by=named_by, note=note)
        self._save(case)
        handovers = case.handovers()
        return handovers[-1] if handovers and case.stafettholder is not before else None

    def tick_duty(self, case_id: str, duty_id: str, on: date | None) -> None:
        """Tick a stafettholder duty done on ``on`` (None: untick)."""
        case = self.load(case_id)
        case.tick_duty(duty_id, on)
        self._save(case)

    def set_origin(
        self, case_id: str, noticed_by: str, told_leader: str, guardians_initiative: bool, initiative_on: date | None = None
    ) -> None:
        case = self.load(case_id)
        set_origin(case, noticed_by, told_leader, guardians_initiative, initiative_on)
        self._save(case)

    @staticmethod
    def _agreement(case: Case, agreement_id: str) -> Agreement:
        agreement = case.agreement(agreement_id)
        if agreement is None:
            raise LookupError(agreement_id)
        return agreement


__all__ = ["CaseBook", "CaseHistory", "CaseRow", "MeetingRef", "stafettholder_duties"]
