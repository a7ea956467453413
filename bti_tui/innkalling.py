"""The innkalling (the invitation to a planned meeting) as a document:
Markdown, HTML or PDF/A from the referat's renderers.

Calling the meeting is the møteleder's first duty (seed 003). The text holds
the kind, date, time and place, the saksliste (the opening, then Sak 1, Sak 2
with the submitting service and the question), the fixed participants, who
is invited as needed, what to bring (consent, Firfoting), and the kind's
purpose and mandate. An innkalling travels by e-mail, so it never holds a
child's initials or birth date: a queued case is shown only by its number,
the service that submitted it and its one-line question.

Pure like the referat: no I/O, no clock; the same plan gives the same bytes.
It is built as the referat's structured document (``referat.doc``) of plain
texts; each output escapes typed text on its own terms (Markdown escaping,
Typst data), so a place, a name or a question cannot change the structure.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from bti_tui.i18n import Translator
from bti_tui.model.case import ConsentStatus
from bti_tui.model.dates import format_date
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import MeetingKind
from bti_tui.model.localized import pick
from bti_tui.model.plan import DateStatus, HalfYearPlan
from bti_tui.model.queue import QueuedCase
from bti_tui.referat.doc import Block, BulletList, Document, Fields, Heading, OrderedList, Paragraph, Remark, Section, Table

FORMATS = ("md", "html", "pdf")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_date(t: Translator, day: date) -> str:
    """"torsdag 14.01.2027" in the translator's language."""
    return f"{t(f'plan.weekday.{WEEKDAYS[day.weekday()]}')} {format_date(day)}"


def _hours(plan: HalfYearPlan, day: date) -> str:
    start = datetime.combine(day, plan.start_time)
    end = start + timedelta(minutes=plan.duration_minutes)
    return f"{start:%H:%M}–{end:%H:%M}"


def _person(name: str, role: str, service: str) -> str:
    about = ", ".join(x for x in (role, service) if x)
    if name:
        return f"{name} ({about})" if about else name
    return about


def _title(t: Translator, kind: MeetingKind, day: date, lang: str) -> str:
    return t("plan.innkalling.title", kind=kind.name_in(lang), date=weekday_date(t, day))


def _head(t: Translator, plan: HalfYearPlan, day: date, kind: MeetingKind, lang: str) -> list[Block]:
    planned = plan.at(day)
    facts = [
        (t("plan.innkalling.date"), weekday_date(t, day)),
        (t("plan.innkalling.time"), _hours(plan, day)),
        (t("plan.innkalling.place"), plan.place),
    ]
    if planned.status is DateStatus.MOVED and planned.original is not None:
        moved = format_date(planned.original) + (f" – {planned.note}" if planned.note else "")
        facts.append((t("plan.innkalling.moved_from"), moved))
    leader = next((r for r in kind.roles if r.id == kind.leader_role), None)
    if leader is not None:
        who = _person(plan.names.get(leader.id, ""), pick(leader.role, lang), pick(leader.service, lang))
        facts.append((t("plan.innkalling.leader"), who))
    return [Heading(1, _title(t, kind, day, lang)), Fields(tuple(facts))]


def _saksliste(t: Translator, plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase]) -> list[Block]:
    case_ids = plan.at(day).cases
    items = [t("plan.innkalling.opening", minutes=kind.opening_minutes)]
    for slot in range(kind.case_slots):
        item = queue.get(case_ids[slot]) if slot < len(case_ids) else None
        number = slot + 1
        if item is None:
            items.append(t("plan.innkalling.case_free", number=number))
            continue
        key = "plan.innkalling.case_anonymous" if item.anonymous else "plan.innkalling.case"
        items.append(t(key, number=number, service=item.submitted_by, question=item.question))
    items.append(t("plan.innkalling.closing"))
    return [Heading(2, t("plan.innkalling.saksliste")), OrderedList(1, tuple(items))]


def _participants(t: Translator, plan: HalfYearPlan, kind: MeetingKind, lang: str) -> list[Block]:
    header = tuple(t(f"plan.innkalling.{c}") for c in ("role", "service", "name"))
    rows = tuple((pick(r.role, lang), pick(r.service, lang), plan.names.get(r.id, "")) for r in kind.fixed_roles)
    blocks: list[Block] = [Heading(2, t("plan.innkalling.fixed")), Table(header, rows)]
    if kind.invitable_roles:
        invited = tuple(_person("", pick(r.role, lang), pick(r.service, lang)) for r in kind.invitable_roles)
        blocks += [Heading(2, t("plan.innkalling.as_needed")), BulletList(invited)]
    if pick(kind.guardians, lang):
        blocks.append(Paragraph((pick(kind.guardians, lang),)))
    return blocks


def _bring(t: Translator, plan: HalfYearPlan, day: date, queue: Mapping[str, QueuedCase]) -> list[Block]:
    items = [t("plan.innkalling.bring_consent"), t("plan.innkalling.bring_firfoting")]
    for number, case_id in enumerate(plan.at(day).cases, 1):
        item = queue.get(case_id)
        if item is None:
            continue
        if not item.anonymous and item.consent is not ConsentStatus.GIVEN:
            items.append(t("plan.innkalling.consent_missing", number=number))
        if not item.anonymous and not item.firfoting_prepared:
            items.append(t("plan.innkalling.firfoting_missing", number=number))
    return [Heading(2, t("plan.innkalling.bring")), BulletList(tuple(items))]


def _mandate(t: Translator, kind: MeetingKind, lang: str) -> list[Block]:
    blocks: list[Block] = []
    for key, texts in (("purpose", kind.purpose), ("mandate", kind.mandate)):
        if texts:
            blocks += [Heading(2, t(f"plan.innkalling.{key}")), BulletList(tuple(pick(x, lang) for x in texts))]
    return blocks


def innkalling_document(
    plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase], lang: str
) -> Document:
    """The innkalling to the meeting of ``plan`` on ``day`` in ``lang`` (nb,
    nn or en). ``queue`` holds (at least) the queued cases placed on that
    day. A cancelled date has none (``plan.date_cancelled``)."""
    planned = plan.at(day)
    if planned.cancelled:
        raise ValidationError("plan.date_cancelled", value=format_date(day))
    t = Translator(lang)
    sections = (
        Section("head", tuple(_head(t, plan, day, kind, lang))),
        Section("saksliste", tuple(_saksliste(t, plan, day, kind, queue))),
        Section("participants", tuple(_participants(t, plan, kind, lang))),
        Section("bring", tuple(_bring(t, plan, day, queue) + _mandate(t, kind, lang))),
        Section("privacy", (Remark(t("plan.innkalling.privacy")),)),
    )
    return Document(
        lang=lang,
        title=_title(t, kind, day, lang),
        sections=sections,
        footer=t("invite.doc.footer"),
        page_label=t("referat.pdf.page"),
    )


def render_innkalling(
    plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase], lang: str
) -> str:
    """The innkalling as CommonMark with a GFM table."""
    from bti_tui.referat.markdown import to_markdown

    return to_markdown(innkalling_document(plan, day, kind, queue, lang))


def export_innkalling(
    plan: HalfYearPlan, day: date, kind: MeetingKind, queue: Mapping[str, QueuedCase], lang: str, fmt: str
) -> tuple[str, bytes]:
    """(file name, content) of the innkalling in ``fmt`` (md, html or pdf):
    ``2027-01-14-innkalling.pdf`` (the word in ``lang``). A PDF Typst
    cannot make raises ``referat.PdfError``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    doc = innkalling_document(plan, day, kind, queue, lang)
    name = f"{day.isoformat()}-{Translator(lang)('invite.doc.file')}.{fmt}"
    if fmt == "md":
        from bti_tui.referat.markdown import to_markdown

        return name, to_markdown(doc).encode("utf-8")
    if fmt == "html":
        from bti_tui.referat.html import to_html

        return name, to_html(doc).encode("utf-8")
    from bti_tui.referat.pdf import to_pdf

    return name, to_pdf(doc)
