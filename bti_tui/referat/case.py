"""One case of the referat: who it is about, the G/R/O/W notes per agenda
step, agreements, follow-up and documentation."""

from __future__ import annotations

from bti_tui.model import (
    Case,
    CaseReference,
    CaseSlot,
    ConsentGiver,
    ConsentStatus,
    Phase,
    StafettholderAssignment,
)
from bti_tui.referat.context import Referat
from bti_tui.referat.escape import escape_line, note_blocks
from bti_tui.referat.format import fmt_date
from bti_tui.referat.markup import (
    EMPTY_CELL,
    bullet_list,
    emphasis,
    field,
    heading,
    table,
)
from bti_tui.referat.timing import case_time_blocks


def reference(r: Referat, case: Case | None, case_id: str) -> str:
    """"AB, født 14.03.2016", "anonym", or an unknown case id."""
    if case is None:
        return r.text("case.missing", case_id=escape_line(case_id))
    ref = case.reference
    if ref.anonymous:
        return r.text("case.anonymous")
    if ref.birth_date is None:
        return escape_line(ref.initials or "")
    return r.text("case.born", initials=escape_line(ref.initials or ""), birth_date=fmt_date(ref.birth_date))


def consent_text(r: Referat, case: Case) -> str:
    consent = case.consent
    if consent.status is ConsentStatus.GIVEN and consent.given_by is not None:
        who = "guardians" if consent.given_by is ConsentGiver.GUARDIANS else "youth"
        return r.text(f"consent.given_{who}")
    return r.text(f"consent.{ConsentStatus(consent.status).value}")


def yes_no(r: Referat, value: bool) -> str:
    return r.text("yes" if value else "no")


def archived(r: Referat, where: str) -> str:
    place = escape_line(where)
    return r.text("yes_in", place=place) if place else r.text("no")


def listing(items: list[str]) -> str:
    shown = (escape_line(i) for i in items)
    return ", ".join(s for s in shown if s) or EMPTY_CELL


def stafettholder(r: Referat, case: Case) -> StafettholderAssignment | None:
    """The one decided in this meeting, else the one in charge on its date."""
    history = case.stafettholders
    here = [s for s in history if s.meeting_id == r.meeting.id]
    before = [s for s in history if s.assigned_on <= r.meeting.date]
    return (here or before or [None])[-1]


def _facts(r: Referat, case: Case) -> list[str]:
    facts = [
        field(r.text("case.submitted_by"), escape_line(case.submitted_by) or EMPTY_CELL),
        field(r.text("case.consent"), consent_text(r, case)),
    ]
    if case.consent.services:
        facts.append(field(r.text("case.consent_services"), listing(case.consent.services)))
    facts.append(field(r.text("case.firfoting"), yes_no(r, case.firfoting_prepared)))
    return facts


def _notes(r: Referat, number: int, slot: CaseSlot) -> tuple[list[str], int]:
    """Phase headings with their steps' notes; returns the blocks and how many
    subsections were used."""
    blocks: list[str] = []
    section = 0
    for phase in Phase:
        steps = [s for s in r.kind.steps if s.phase is phase]
        if not steps:
            continue
        section += 1
        prefix = f"{number}.{section}"
        name = r.text(f"phase.{phase.value}")
        blocks.append(heading(3, r.text("case.phase", number=prefix, letter=phase.value, name=name)))
        for index, step in enumerate(steps, 1):
            title = escape_line(step.title_in(r.lang))
            blocks.append(heading(4, r.text("case.step", number=f"{prefix}.{index}", title=title)))
            blocks.extend(note_blocks(slot.note(step.id)) or [emphasis(r.text("no_notes"))])
    return blocks, section


def _agreements(r: Referat, case: Case) -> str:
    made = case.agreements_from(r.meeting.id)
    if not made:
        return emphasis(r.text("agreements.none"))
    header = [r.text(f"agreements.{c}") for c in ("what", "who", "service", "due")]
    return table(header, [(a.what, a.responsible, a.service, fmt_date(a.due) if a.due else "") for a in made])


def _follow_up(r: Referat, case: Case, slot: CaseSlot) -> str:
    holder = stafettholder(r, case)
    holder_text = r.text("not_chosen")
    if holder is not None:
        service = escape_line(holder.service)
        holder_text = (escape_line(holder.name) or EMPTY_CELL) + (f" ({service})" if service else "")
    return bullet_list(
        [
            field(r.text("follow_up.cooperation"), listing(slot.cooperation)),
            field(r.text("follow_up.stafettholder"), holder_text),
            field(
                r.text("follow_up.next_meeting"),
                fmt_date(slot.next_meeting) if slot.next_meeting else r.text("not_set"),
            ),
        ]
    )


def _documentation(r: Referat, case: Case) -> str:
    docs = case.documentation
    consent = archived(r, docs.consent_archived_in)
    if case.consent.status is ConsentStatus.NOT_NEEDED_ANONYMOUS and not escape_line(docs.consent_archived_in):
        consent = r.text("documentation.consent_not_applicable")
    return bullet_list(
        [
            field(r.text("documentation.stafettlogg"), yes_no(r, docs.stafettlogg_created)),
            field(r.text("documentation.consent"), consent),
            field(r.text("documentation.firfoting"), archived(r, docs.firfoting_archived_in)),
            field(r.text("documentation.other"), archived(r, docs.other_archived_in)),
        ]
    )


def case_blocks(r: Referat, number: int, slot_index: int, slot: CaseSlot) -> list[str]:
    case_id = slot.case_id or ""
    found = r.cases.get(case_id)
    # A case file gone missing still shows its notes; nothing else is known.
    case = found or Case(id=case_id, reference=CaseReference.anonymized())
    blocks = [heading(2, r.text("case.heading", number=number, reference=reference(r, found, case_id)))]
    if found is not None:
        blocks.append(bullet_list(_facts(r, case)))
    notes, used = _notes(r, number, slot)
    blocks += notes
    tail = [
        ("agreements.heading", [_agreements(r, case)]),
        ("follow_up.heading", [_follow_up(r, case, slot)]),
        ("documentation.heading", [_documentation(r, case)] if found else []),
        ("time.case_heading", case_time_blocks(r, slot_index)),
    ]
    for sub, (key, content) in enumerate((t for t in tail if t[1]), used + 1):
        blocks.append(heading(3, r.text(key, number=f"{number}.{sub}")))
        blocks += content
    return blocks
