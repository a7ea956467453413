"""The case queue: cases submitted to the møteleder ahead of the meeting.

The one who submits a case reports it with initials and birth date only (or
anonymously), with who submits it, whether consent and a Firfoting are in
place, and a one-line question (seed 003, "Forberedelse"). The case waits in
the queue until it is placed in a free slot of a planned meeting: the next
one of the kind that fits the child's age (the kind's ``age_range`` is data),
or a date chosen by hand. Where a case is placed is kept in the plan
(``PlannedDate.cases``), so a slot is never claimed twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from bti_tui.model.case import CaseReference, ConsentStatus
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.meeting import new_id
from bti_tui.model.plan import HalfYearPlan, PlannedDate
from bti_tui.model.dates import format_date
from bti_tui.model.privacy import age_on, guard_text

QUESTION_MAX = 200  # one line in an innkalling


@dataclass
class QueuedCase:
    id: str
    reference: CaseReference
    submitted_by: str  # the submitting service, e.g. "Nordby skole"
    question: str  # one line: what the submitter wants the meeting's help with
    submitted_on: date
    consent: ConsentStatus = ConsentStatus.MISSING
    firfoting_prepared: bool = False
    kind_id: str | None = None  # chosen by hand; otherwise by the child's age

    @property
    def anonymous(self) -> bool:
        return self.reference.anonymous

    @classmethod
    def submit(
        cls,
        *,
        initials: str | None,
        birth_date: date | None,
        submitted_by: str,
        question: str,
        today: date,
        consent: ConsentStatus | None = None,
        firfoting_prepared: bool = False,
        kind_id: str | None = None,
        max_age: int = 18,
        queue_id: str | None = None,
    ) -> QueuedCase:
        """A validated queued case; anonymous when neither initials nor birth
        date is given. Raises ValidationError with a catalogue key."""
        initials = (initials or "").strip() or None
        if initials is None and birth_date is None:
            reference = CaseReference.anonymized()
        elif initials is None:
            raise ValidationError("intake.reference_missing")
        elif birth_date is None:
            raise ValidationError("intake.birth_date_missing")
        else:
            reference = CaseReference.identified(initials, birth_date, today, max_age)
        if consent is None:
            consent = ConsentStatus.NOT_NEEDED_ANONYMOUS if reference.anonymous else ConsentStatus.MISSING
        if consent is ConsentStatus.NOT_NEEDED_ANONYMOUS and not reference.anonymous:
            raise ValidationError("intake.consent_anonymous")
        submitted_by = guard_text(" ".join(submitted_by.split()))
        if not submitted_by:
            raise ValidationError("queue.submitted_by_empty")
        return cls(
            id=queue_id or new_id("q-"),
            reference=reference,
            submitted_by=submitted_by,
            question=validate_question(question, reference),
            submitted_on=today,
            consent=consent,
            firfoting_prepared=firfoting_prepared,
            kind_id=kind_id,
        )


def validate_question(raw: str, reference: CaseReference) -> str:
    """One line (line breaks become spaces), not empty, not too long, and
    naming neither the child's initials nor its birth date: the question
    travels by e-mail in the innkalling."""
    question = guard_text(" ".join(raw.split()))
    if not question:
        raise ValidationError("queue.question_empty")
    if len(question) > QUESTION_MAX:
        raise ValidationError("queue.question_long", max=QUESTION_MAX, length=len(question))
    if reference.initials and re.search(rf"(?<!\w){re.escape(reference.initials)}(?!\w)", question):
        raise ValidationError("queue.question_identifies")
    born = reference.birth_date
    if born is not None:
        shapes = {
            format_date(born),
            born.isoformat(),
            f"{born.day}.{born.month}.{born.year}",
            born.strftime("%d.%m.%y"),
            f"{born.day}.{born.month}.{born.strftime('%y')}",
        }
        if any(re.search(rf"(?<![\d.]){re.escape(s)}(?![\d])", question) for s in shapes):
            raise ValidationError("queue.question_identifies")
    return question


# --- which meeting -----------------------------------------------------------------------
def kind_for(item: QueuedCase, kinds: Mapping[str, MeetingKind], today: date) -> MeetingKind:
    """The kind chosen by hand, else the one kind whose age range holds the
    child's age today. Anonymous, no kind fits, or several fit (a six-year-old
    may be in kindergarten or at school): ValidationError, choose by hand."""
    if item.kind_id is not None:
        if item.kind_id not in kinds:
            raise ValidationError("queue.kind_unknown", value=item.kind_id)
        return kinds[item.kind_id]
    if item.reference.birth_date is None:
        raise ValidationError("queue.kind_needed")
    age = age_on(item.reference.birth_date, today)
    fitting = [k for k in kinds.values() if k.fits_age(age)]
    if not fitting:
        raise ValidationError("queue.no_kind_for_age", age=age)
    if len(fitting) > 1:
        raise ValidationError("queue.kind_ambiguous", age=age, kinds=", ".join(k.id for k in fitting))
    return fitting[0]


@dataclass(frozen=True)
class Placement:
    """Where a queued case sits: plan, meeting date, slot (0-based)."""

    plan_id: str
    date: date
    slot: int


def placement_of(item_id: str, plans: Iterable[HalfYearPlan]) -> Placement | None:
    for plan in plans:
        for planned in plan.dates:
            if item_id in planned.cases:
                return Placement(plan.id, planned.date, planned.cases.index(item_id))
    return None


def waiting(queue: Iterable[QueuedCase], plans: Iterable[HalfYearPlan]) -> list[QueuedCase]:
    """The queued cases not yet placed in any meeting, oldest first."""
    placed = {case_id for plan in plans for planned in plan.dates for case_id in planned.cases}
    return sorted((q for q in queue if q.id not in placed), key=lambda q: (q.submitted_on, q.id))


def _open_dates(plan: HalfYearPlan, today: date) -> list[PlannedDate]:
    return [d for d in plan.active if d.date >= today and d.meeting_id is None]


def next_free(plans: Iterable[HalfYearPlan], kind: MeetingKind, today: date, after: date | None = None) -> tuple[HalfYearPlan, PlannedDate] | None:
    """The first meeting of ``kind`` from ``today`` (after ``after``) with a free slot."""
    candidates = [
        (planned.date, plan.id, plan, planned)
        for plan in plans
        if plan.kind_id == kind.id
        for planned in _open_dates(plan, today)
        if len(planned.cases) < kind.case_slots and (after is None or planned.date > after)
    ]
    if not candidates:
        return None
    _, _, plan, planned = min(candidates, key=lambda c: (c[0], c[1]))
    return plan, planned


def _unplace(item_id: str, plans: Iterable[HalfYearPlan]) -> None:
    for plan in plans:
        for planned in plan.dates:
            if item_id in planned.cases:
                planned.cases.remove(item_id)


def place_next(item: QueuedCase, plans: list[HalfYearPlan], kinds: Mapping[str, MeetingKind], today: date) -> Placement:
    """Put ``item`` into the next free slot of the next planned meeting of its
    kind. Changes the plan that receives it; nothing if it raises."""
    where = placement_of(item.id, plans)
    if where is not None:
        raise ValidationError("queue.already_placed", date=format_date(where.date))
    kind = kind_for(item, kinds, today)
    found = next_free(plans, kind, today)
    if found is None:
        raise ValidationError("queue.no_free_date", kind=kind.id)
    plan, planned = found
    planned.cases.append(item.id)
    return Placement(plan.id, planned.date, len(planned.cases) - 1)


def place_on(
    item: QueuedCase, plans: list[HalfYearPlan], plan_id: str, day: date, kinds: Mapping[str, MeetingKind], today: date
) -> Placement:
    """Put ``item`` by hand into the meeting on ``day`` of plan ``plan_id``
    (moving it from where it was). A full meeting refuses and names the next
    date of its kind with a free slot."""
    plan = next((p for p in plans if p.id == plan_id), None)
    if plan is None:
        raise ValidationError("queue.plan_unknown", value=plan_id)
    planned = plan.at(day)
    if planned.cancelled:
        raise ValidationError("plan.date_cancelled", value=format_date(day))
    if planned.meeting_id is not None:
        raise ValidationError("plan.date_opened", value=format_date(day))
    if day < today:
        raise ValidationError("queue.date_past", date=format_date(day))
    if item.id in planned.cases:
        return Placement(plan.id, day, planned.cases.index(item.id))
    kind = kinds.get(plan.kind_id)
    if kind is None:
        raise ValidationError("queue.kind_unknown", value=plan.kind_id)
    if len(planned.cases) >= kind.case_slots:
        following = next_free(plans, kind, today, after=day)
        if following is None:
            raise ValidationError("queue.meeting_full_no_next", date=format_date(day), slots=kind.case_slots)
        raise ValidationError(
            "queue.meeting_full", date=format_date(day), slots=kind.case_slots, next=format_date(following[1].date)
        )
    _unplace(item.id, plans)
    planned.cases.append(item.id)
    return Placement(plan.id, day, len(planned.cases) - 1)


def unplace(item_id: str, plans: list[HalfYearPlan]) -> Placement | None:
    """Take a case out of its meeting, back to waiting; where it was, or None."""
    where = placement_of(item_id, plans)
    _unplace(item_id, plans)
    return where
