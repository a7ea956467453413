"""The innkalling (the invitation to a planned meeting) as Markdown.

Calling the meeting is the møteleder's first duty (seed 003). The text holds
the kind, date, time and place, the saksliste (the opening, then Sak 1, Sak 2
with the submitting service and the question), the fixed participants, who
is invited as needed, what to bring (consent, Firfoting), and the kind's
purpose and mandate. An innkalling travels by e-mail, so it never holds a
child's initials or birth date: a queued case is shown only by its number,
the service that submitted it and its one-line question.

Pure like the referat: no I/O, no clock; the same plan gives the same bytes.
Typed text (place, names, services, questions, notes) is escaped with the
referat's Markdown escaping, so it cannot change the document's structure.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from bti_tui.i18n import Translator
from bti_tui.model.case import ConsentStatus
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.localized import pick
from bti_tui.model.plan import DateStatus, HalfYearPlan
from bti_tui.model.dates import format_date
from bti_tui.model.queue import QueuedCase
from bti_tui.referat.escape import escape_line
from bti_tui.referat.markup import EMPTY_CELL, table


# Markdown blocks from already-escaped inline text (the referat builds a
# structured document instead; the innkalling is short and flat).
def heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def emphasis(text: str) -> str:
    return f"*{text}*"


def field(label: str, value: str) -> str:
    return f"**{label}:** {value or EMPTY_CELL}"


def bullet_list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def document(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_date(t: Translator, day: date) -> str:
    """"torsdag 14.01.2027" in the translator's language."""
    return f"{t(f'plan.weekday.{WEEKDAYS[day.weekday()]}')} {format_date(day)}"


def _hours(plan: HalfYearPlan, day: date) -> str:
    start = datetime.combine(day, plan.start_time)
    end = start + timedelta(minutes=plan.duration_minutes)
    return f"{start:%H:%M}–{end:%H:%M}"


def _person(name: str, role: str, service: str) -> str:
    about = ", ".join(escape_line(x) for x in (role, service) if x)
    if name:
        return f"{escape_line(name)} ({about})" if about else escape_line(name)
    return about


def _head(t: Translator, plan: HalfYearPlan, day: date, kind: MeetingKind, lang: str) -> list[str]:
    planned = plan.at(day)
    facts = [
        field(t("plan.innkalling.date"), weekday_date(t, day)),
        field(t("plan.innkalling.time"), _hours(plan, day)),
        field(t("plan.innkalling.place"), escape_line(plan.place)),
    ]
    if planned.status is DateStatus.MOVED and planned.original is not None:
        note = escape_line(planned.note)
        moved = format_date(planned.original) + (f" – {note}" if note else "")
        facts.append(field(t("plan.innkalling.moved_from"), moved))
    leader = next((r for r in kind.roles if r.id == kind.leader_role), None)
    if leader is not None:
        who = _person(plan.names.get(leader.id, ""), pick(leader.role, lang), pick(leader.service, lang))
        facts.append(field(t("plan.innkalling.leader"), who))
    title = t("plan.innkalling.title", kind=escape_line(kind.name_in(lang)), date=weekday_date(t, day))
    return [heading(1, title), bullet_list(facts)]


def _saksliste(t: Translator, plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase]) -> list[str]:
    case_ids = plan.at(day).cases
    items = [t("plan.innkalling.opening", minutes=kind.opening_minutes)]
    for slot in range(kind.case_slots):
        item = queue.get(case_ids[slot]) if slot < len(case_ids) else None
        number = slot + 1
        if item is None:
            items.append(t("plan.innkalling.case_free", number=number))
            continue
        key = "plan.innkalling.case_anonymous" if item.anonymous else "plan.innkalling.case"
        items.append(t(key, number=number, service=escape_line(item.submitted_by), question=escape_line(item.question)))
    items.append(t("plan.innkalling.closing"))
    return [heading(2, t("plan.innkalling.saksliste")), "\n".join(f"{n}. {text}" for n, text in enumerate(items, 1))]


def _participants(t: Translator, plan: HalfYearPlan, kind: MeetingKind, lang: str) -> list[str]:
    header = [t(f"plan.innkalling.{c}") for c in ("role", "service", "name")]
    rows = [(pick(r.role, lang), pick(r.service, lang), plan.names.get(r.id, "")) for r in kind.fixed_roles]
    blocks = [heading(2, t("plan.innkalling.fixed")), table(header, rows)]
    if kind.invitable_roles:
        invited = [_person("", pick(r.role, lang), pick(r.service, lang)) for r in kind.invitable_roles]
        blocks += [heading(2, t("plan.innkalling.as_needed")), bullet_list(invited)]
    if pick(kind.guardians, lang):
        blocks.append(escape_line(pick(kind.guardians, lang)))
    return blocks


def _bring(t: Translator, plan: HalfYearPlan, day: date, queue: Mapping[str, QueuedCase]) -> list[str]:
    items = [t("plan.innkalling.bring_consent"), t("plan.innkalling.bring_firfoting")]
    for number, case_id in enumerate(plan.at(day).cases, 1):
        item = queue.get(case_id)
        if item is None:
            continue
        if not item.anonymous and item.consent is not ConsentStatus.GIVEN:
            items.append(t("plan.innkalling.consent_missing", number=number))
        if not item.anonymous and not item.firfoting_prepared:
            items.append(t("plan.innkalling.firfoting_missing", number=number))
    return [heading(2, t("plan.innkalling.bring")), bullet_list(items)]


def _mandate(t: Translator, kind: MeetingKind, lang: str) -> list[str]:
    blocks: list[str] = []
    for key, texts in (("purpose", kind.purpose), ("mandate", kind.mandate)):
        if texts:
            blocks += [heading(2, t(f"plan.innkalling.{key}")), bullet_list([escape_line(pick(x, lang)) for x in texts])]
    return blocks


def render_innkalling(
    plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase], lang: str
) -> str:
    """The innkalling to the meeting of ``plan`` on ``day`` in ``lang`` (nb,
    nn or en), as CommonMark with a GFM table. ``queue`` holds (at least) the
    queued cases placed on that day."""
    planned = plan.at(day)
    if planned.cancelled:
        raise ValidationError("plan.date_cancelled", value=format_date(day))
    t = Translator(lang)
    blocks = _head(t, plan, day, kind, lang)
    blocks += _saksliste(t, plan, day, kind, queue)
    blocks += _participants(t, plan, kind, lang)
    blocks += _bring(t, plan, day, queue)
    blocks += _mandate(t, kind, lang)
    blocks.append(emphasis(t("plan.innkalling.privacy")))
    return document(blocks)
