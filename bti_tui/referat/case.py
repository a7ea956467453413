"""One case of the referat: who it is about, the G/R/O/W notes per agenda
step, agreements, follow-up, documentation, approval and distribution."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bti_tui.model import (
    Case,
    CaseReference,
    CaseSlot,
    ConsentGiver,
    ConsentStatus,
    Phase,
    StafettholderAssignment,
    StepFeature,
)
from bti_tui.referat.consent import consent_check_fact, consent_facts
from bti_tui.referat.context import Referat
from bti_tui.referat.escape import one_line
from bti_tui.referat.doc import Block, Fields, Heading, Remark, Table
from bti_tui.referat.followup import (
    informing_blocks,
    next_meeting_label,
    next_meeting_value,
    origin_fields,
    review_blocks,
    stafettholder_fields,
    status_fields,
)
from bti_tui.referat.format import fmt_date, fmt_time
from bti_tui.referat.notes import parse_note
from bti_tui.referat.timing import case_time_blocks

EMPTY = "—"
_LATER = {  # where a step's feature is shown: its own section further down
    StepFeature.AGREEMENTS: "agreements.heading",
    StepFeature.COOPERATION: "follow_up.heading",
    StepFeature.STAFETTHOLDER: "follow_up.heading",
    StepFeature.NEXT_MEETING: "follow_up.heading",
}


@dataclass(frozen=True)
class Numbering:
    """Section numbers: "1.2.3" in the meeting's referat (case 1), "2.3" in
    a case's own referat (``case`` None)."""

    case: int | None

    def __call__(self, *parts: int) -> str:
        return ".".join(str(p) for p in ((self.case,) if self.case else ()) + parts)


def reference(text: Callable[..., str], case: Case | None, case_id: str) -> str:
    """"AB, født 14.03.2016", "anonym", or an unknown case id; ``text`` is
    ``Referat.text`` (or anything giving the referat's texts by key)."""
    if case is None:
        return text("case.missing", case_id=one_line(case_id))
    ref = case.reference
    if ref.anonymous:
        return text("case.anonymous")
    if ref.birth_date is None:
        return one_line(ref.initials or "")
    return text("case.born", initials=one_line(ref.initials or ""), birth_date=fmt_date(ref.birth_date))


def consent_text(r: Referat, case: Case) -> str:
    consent = case.consent
    if consent.status is ConsentStatus.GIVEN and consent.given_by is not None:
        who = "guardians" if consent.given_by is ConsentGiver.GUARDIANS else "youth"
        return r.text(f"consent.given_{who}")
    return r.text(f"consent.{ConsentStatus(consent.status).value}")


def yes_no(r: Referat, value: bool) -> str:
    return r.text("yes" if value else "no")


def archived(r: Referat, where: str) -> str:
    place = one_line(where)
    return r.text("yes_in", place=place) if place else r.text("no")


def listing(items: list[str]) -> str:
    return ", ".join(s for s in (one_line(i) for i in items) if s) or EMPTY


def stafettholder(r: Referat, case: Case) -> StafettholderAssignment | None:
    """The one decided in this meeting, else the one in charge on its date."""
    history = case.stafettholders
    here = [s for s in history if s.meeting_id == r.meeting.id]
    before = [s for s in history if s.assigned_on <= r.meeting.date]
    return (here or before or [None])[-1]


def _facts(r: Referat, case: Case, slot: CaseSlot) -> Fields:
    facts = [
        (r.text("case.submitted_by"), one_line(case.submitted_by)),
        (r.text("case.consent"), consent_text(r, case)),
        *consent_facts(r, case),
    ]
    if case.consent.services:
        facts.append((r.text("case.consent_services"), listing(case.consent.services)))
    facts += consent_check_fact(r, slot)
    facts.append((r.text("case.firfoting"), yes_no(r, case.firfoting_prepared)))
    facts += origin_fields(r, case)
    return Fields(tuple(facts))


def _notes(r: Referat, num: Numbering, slot: CaseSlot, before: int = 0) -> tuple[list[Block], int]:
    """Phase headings with their steps' notes, numbered after ``before``
    sections (the review); returns the blocks and how many subsections were
    used. An empty step whose content lives in a field (agreements,
    stafettholder, ...) points to the section that shows it."""
    phases = [p for p in Phase if any(s.phase is p for s in r.kind.steps)]
    last = before + len(phases)
    later = {  # the sections after the phases: agreements first, then follow-up
        "agreements.heading": r.text("agreements.heading", number=num(last + 1)),
        "follow_up.heading": r.text("follow_up.heading", number=num(last + 2)),
    }
    blocks: list[Block] = []
    for section, phase in enumerate(phases, before + 1):
        name = r.text(f"phase.{phase.value}")
        blocks.append(Heading(3, r.text("case.phase", number=num(section), letter=phase.value, name=name)))
        for index, step in enumerate((s for s in r.kind.steps if s.phase is phase), 1):
            title = one_line(step.title_in(r.lang))
            blocks.append(Heading(4, r.text("case.step", number=num(section, index), title=title)))
            notes = parse_note(slot.note(step.id))
            pointers = sorted({later[_LATER[f]] for f in step.features if f in _LATER})
            blocks.extend(notes or [Remark(r.text("see", section=" / ".join(pointers)) if pointers else r.text("no_notes"))])
    return blocks, last


def _agreements(r: Referat, case: Case) -> Block:
    made = case.agreements_from(r.meeting.id)
    if not made:
        return Remark(r.text("agreements.none"))
    header = tuple(r.text(f"agreements.{c}") for c in ("what", "who", "service", "due"))
    return Table(header, tuple((a.what, a.responsible, a.service, fmt_date(a.due) if a.due else "") for a in made))


def _follow_up(r: Referat, case: Case, slot: CaseSlot) -> Fields:
    holder = stafettholder(r, case)
    holder_text = r.text("follow_up.advice_only" if slot.advice_only else "not_chosen")
    if holder is not None:
        service = one_line(holder.service)
        holder_text = (one_line(holder.name) or EMPTY) + (f" ({service})" if service else "")
    return Fields(
        (
            (r.text("follow_up.cooperation"), listing(slot.cooperation)),
            (r.text("follow_up.stafettholder"), holder_text),
            *stafettholder_fields(r, case),
            (next_meeting_label(r), next_meeting_value(r, slot)),
            *status_fields(r, case),
        )
    )


def _documentation(r: Referat, case: Case) -> Fields:
    docs = case.documentation
    consent = archived(r, docs.consent_archived_in)
    if case.consent.status is ConsentStatus.NOT_NEEDED_ANONYMOUS and not one_line(docs.consent_archived_in):
        consent = r.text("documentation.consent_not_applicable")
    return Fields(
        (
            (r.text("documentation.stafettlogg"), yes_no(r, docs.stafettlogg_created)),
            (r.text("documentation.consent"), consent),
            (r.text("documentation.firfoting"), archived(r, docs.firfoting_archived_in)),
            (r.text("documentation.other"), archived(r, docs.other_archived_in)),
        )
    )


def _documentation_blocks(r: Referat, case: Case, slot: CaseSlot) -> list[Block]:
    """The checklist; for an anonymous case discussed for advice only it
    does not apply, and the referat says so."""
    if not slot.documentation_applies(case.anonymous):
        return [Remark(r.text("documentation.advice_only"))]
    return [_documentation(r, case)]


def approval_text(r: Referat, slot: CaseSlot) -> str:
    """"Lest opp og godkjent i møtet kl. 10:05", or "Ikke godkjent i møtet"."""
    at = slot.approved_at
    if at is None:
        return r.text("approval.not_approved")
    if at.date() == r.meeting.date:
        return r.text("approval.approved", time=fmt_time(at))
    return r.text("approval.approved_on", date=fmt_date(at.date()), time=fmt_time(at))


def _approval(r: Referat, slot: CaseSlot) -> Fields:
    receivers = listing(slot.distribution)
    return Fields(
        (
            (r.text("approval.label"), approval_text(r, slot)),
            (r.text("approval.distribution"), r.text("approval.nobody") if receivers == EMPTY else receivers),
        )
    )


def case_blocks(r: Referat, number: int | None, slot_index: int, slot: CaseSlot, time_table: bool = True) -> list[Block]:
    """The case in ``slot``: numbered ``number`` in the meeting's referat, or
    unnumbered (``None``) as the only case of its own referat."""
    case_id = slot.case_id or ""
    found = r.cases.get(case_id)
    # A case file gone missing still shows its notes; nothing else is known.
    case = found or Case(id=case_id, reference=CaseReference.anonymized())
    num = Numbering(number)
    ref = reference(r.text, found, case_id)
    heading = r.text("case.heading", number=number, reference=ref) if number else r.text("case.heading_single", reference=ref)
    blocks: list[Block] = [Heading(2, heading)]
    if found is not None:
        blocks.append(_facts(r, case, slot))
    # The review of earlier agreements comes first, as in the room.
    review = review_blocks(r, case)
    if review:
        blocks.append(Heading(3, r.t("cases.referat.review_heading", number=num(1))))
        blocks += review
    notes, used = _notes(r, num, slot, before=1 if review else 0)
    blocks += notes
    # Each tail section: the key of its heading ("cases." for cases.toml,
    # else referat.toml) and its blocks; one without blocks is left out.
    informing = informing_blocks(r, slot_index, case) if found and not (slot.advice_only and case.anonymous) else []
    tail: list[tuple[str, list[Block]]] = [
        ("agreements.heading", [_agreements(r, case)]),
        ("follow_up.heading", [_follow_up(r, case, slot)]),
        ("cases.referat.informing_heading", informing),
        ("documentation.heading", _documentation_blocks(r, case, slot) if found else []),
        ("approval.heading", [_approval(r, slot)]),
        ("time.case_heading", case_time_blocks(r, slot_index) if time_table else []),
    ]
    for sub, (key, content) in enumerate((t for t in tail if t[1]), used + 1):
        heading = r.t(key, number=num(sub)) if key.startswith("cases.") else r.text(key, number=num(sub))
        blocks.append(Heading(3, heading))
        blocks += content
    return blocks
