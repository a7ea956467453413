"""``bti-tui cases`` and ``bti-tui case ID``: the cases across meetings.

::

    bti-tui cases [--json] [--status open|closed|all]
    bti-tui case ID [--json]
    bti-tui check --repair            (rebuilds the case index; see index_problems)

``cases``: reference, id, status, stafettholder, meetings, open and overdue
agreements (overdue as of today). ``case``: its history — every meeting it
was discussed in (date, kind), its agreements with their status history,
the stafettholder over time, closing and reopening. Both read through the
store's index and take no lock; an unknown id exits 1 with a message in the
user's language.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bti_tui.cli_plan import EXIT_OK, Context, kind_name
from bti_tui.i18n import Translator
from bti_tui.model.dates import format_date
from bti_tui.store import CaseNotFound, Problem, Repository
from bti_tui.store.case_index import check_index, repair_index
from bti_tui.store.storage import DEFAULT_MAX_BYTES

# The case model and the session are imported by the verbs: `bti-tui` with
# no verb builds this parser before it opens the app (issue 20).
if TYPE_CHECKING:
    from bti_tui.model import Agreement, AgreementChange, Case
    from bti_tui.session.cases import CaseBook, CaseHistory, CaseRow

STATUSES = ("open", "closed", "all")


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    cases = verbs.add_parser("cases", parents=[common], help=t("cases.help.cases"))
    cases.add_argument("--json", action="store_true", help=t("cli.help.json"))
    cases.add_argument("--status", choices=STATUSES, default="open", help=t("cases.help.status"))
    case = verbs.add_parser("case", parents=[common], help=t("cases.help.case"))
    case.add_argument("case_id", metavar="ID", help=t("cases.help.case_id"))
    case.add_argument("--json", action="store_true", help=t("cli.help.json"))


def _max_bytes(ctx: Context) -> int:
    return int(getattr(ctx, "max_bytes", DEFAULT_MAX_BYTES))


def run(ctx: Context) -> int:
    from bti_tui.session.cases import CaseBook

    with Repository.open(ctx.data_dir, read_only=True, max_bytes=_max_bytes(ctx)) as repo:
        book = CaseBook(repo)
        if ctx.args.command == "cases":
            return _cases(ctx, book)
        return _case(ctx, book)


# --- bti-tui cases ---------------------------------------------------------------------------
def _reference(t: Translator, anonymous: bool, initials: str, born: date | None) -> str:
    if anonymous:
        return t("referat.case.anonymous")
    return t("referat.case.born", initials=initials, birth_date=format_date(born)) if born else initials


def _row_json(row: CaseRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "anonymous": row.anonymous,
        "initials": row.initials,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None,
        "status": row.status.value,
        "closed_on": row.closed_on.isoformat() if row.closed_on else None,
        "stafettholder": row.stafettholder or None,
        "stafettholder_service": row.stafettholder_service or None,
        "meetings": [{"id": m.id, "date": m.date.isoformat(), "kind": m.kind_id, "status": m.status.value} for m in row.meetings],
        "next_meeting": row.next_meeting.isoformat() if row.next_meeting else None,
        "open_agreements": row.open_agreements,
        "overdue_agreements": row.overdue_agreements,
    }


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def _cases(ctx: Context, book: CaseBook) -> int:
    t, status = ctx.t, ctx.args.status
    rows = book.open_cases(date.today(), status=status)
    if ctx.args.json:
        print(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print(t("cases.cli.empty", status=t(f"cases.case_status.{status}"), folder=ctx.data_dir))
        return EXIT_OK
    header = [t(f"cases.cli.{name}") for name in ("reference", "id", "status", "stafettholder", "meetings", "open", "overdue")]
    table = [
        [
            _reference(t, r.anonymous, r.initials, r.birth_date),
            r.id,
            t(f"cases.case_status.{r.status.value}"),
            r.stafettholder or "—",
            ", ".join(format_date(m.date) for m in r.meetings) or "—",
            str(r.open_agreements),
            str(r.overdue_agreements),
        ]
        for r in rows
    ]
    print(_table([header, *table]))
    return EXIT_OK


# --- bti-tui case ID ---------------------------------------------------------------------------
def _json_value(field: str, raw: str) -> str | None:
    """A history value for JSON: none as null, a dropped status as "dropped"
    (the files keep the first schema's word, "cancelled")."""
    from bti_tui.model import AgreementStatus

    if not raw:
        return None
    return "dropped" if field == "status" and raw == AgreementStatus.DROPPED.value else raw


def _change_json(change: AgreementChange) -> dict[str, Any]:
    return {
        "on": change.on.isoformat(),
        "meeting_id": change.meeting_id,
        "note": change.note,
        "changes": [{"field": c.field, "from": _json_value(c.field, c.before), "to": _json_value(c.field, c.after)} for c in change.changes],
    }


def _agreement_json(a: Agreement) -> dict[str, Any]:
    return {
        "id": a.id,
        "what": a.what,
        "responsible": a.responsible,
        "service": a.service,
        "due": a.due.isoformat() if a.due else None,
        "status": _json_value("status", a.status.value),
        "meeting_id": a.meeting_id,
        "history": [_change_json(c) for c in a.history],
    }


def _history_json(history: CaseHistory) -> dict[str, Any]:
    case = history.case
    ref = case.reference
    return {
        "id": case.id,
        "anonymous": ref.anonymous,
        "initials": ref.initials,
        "birth_date": ref.birth_date.isoformat() if ref.birth_date else None,
        "status": case.status.value,
        "meetings": [{"id": m.id, "date": m.date.isoformat(), "kind": m.kind_id, "status": m.status.value} for m in history.meetings],
        "agreements": [_agreement_json(a) for a in case.agreements],
        "stafettholders": [
            {
                "on": h.on.isoformat(),
                "from": h.before_name,
                "from_service": h.before_service,
                "to": h.name,
                "service": h.service,
                "meeting_id": h.meeting_id or None,
                "named_by": h.named_by,
                "note": h.note,
            }
            for h in history.handovers
        ],
        "status_history": [
            {
                "on": c.on.isoformat(),
                "status": c.status.value,
                "reason": c.reason.value if c.reason else None,
                "text": c.text,
                "meeting_id": c.meeting_id,
            }
            for c in history.status_history
        ],
        "duties_done": {duty: on.isoformat() for duty, on in case.duties_done.items()},
    }


def _value(t: Translator, field: str, raw: str) -> str:
    if not raw:
        return "—"
    if field == "status":
        return t(f"cases.agreement_status.{raw}")
    if field == "due":
        return format_date(date.fromisoformat(raw))
    return raw


def _agreement_lines(t: Translator, a: Agreement) -> list[str]:
    due = format_date(a.due) if a.due else t("cases.cli.no_due")
    who = f"{a.responsible} ({a.service})" if a.service else a.responsible
    lines = ["  " + t("cases.cli.agreement", what=a.what, who=who, due=due, status=t(f"cases.agreement_status.{a.status.value}"))]
    for change in a.history:
        parts = [
            t("cases.cli.field_change", field=t(f"cases.field.{c.field}"), before=_value(t, c.field, c.before), after=_value(t, c.field, c.after))
            for c in change.changes
        ]
        if change.note:
            parts.append(t("cases.cli.note", note=change.note))
        where = t("cases.cli.in_meeting", meeting_id=change.meeting_id) if change.meeting_id else ""
        lines.append("    " + t("cases.cli.change", date=format_date(change.on), meeting=where, changes="; ".join(parts)))
    return lines


def _history_text(t: Translator, history: CaseHistory) -> str:
    from bti_tui.model import CaseStatus

    case: Case = history.case
    ref = case.reference
    status = t(f"cases.case_status.{case.status.value}")
    lines = [t("cases.cli.title", case_id=case.id, reference=_reference(t, ref.anonymous, ref.initials or "", ref.birth_date), status=status)]
    holder = case.stafettholder
    lines.append(t("cases.cli.current_stafettholder", name=_who(holder.name, holder.service)) if holder else t("cases.cli.no_stafettholder"))
    lines += ["", t("cases.cli.meetings_heading")]
    lines += [f"  {format_date(m.date)}  {kind_name(m.kind_id, t.lang)}  {m.id}" for m in history.meetings] or ["  " + t("cases.cli.no_meetings")]
    lines += ["", t("cases.cli.agreements_heading")]
    for agreement in case.agreements:
        lines += _agreement_lines(t, agreement)
    if not case.agreements:
        lines.append("  " + t("cases.cli.no_agreements"))
    lines += ["", t("cases.cli.stafettholders_heading")]
    for h in history.handovers:
        where = t("cases.cli.in_meeting", meeting_id=h.meeting_id) if h.meeting_id else ""
        if h.first:
            line = t("cases.cli.handover_first", date=format_date(h.on), name=_who(h.name, h.service), meeting=where)
        else:
            line = t("cases.cli.handover", date=format_date(h.on), before=_who(h.before_name or "", h.before_service or ""), name=_who(h.name, h.service), meeting=where)
        extra = [t("cases.cli.named_by", named_by=h.named_by)] if h.named_by else []
        extra += [t("cases.cli.note", note=h.note)] if h.note else []
        lines.append("  " + "; ".join([line, *extra]))
    if not history.handovers:
        lines.append("  " + t("cases.cli.no_stafettholders"))
    lines += ["", t("cases.cli.closing_heading")]
    for change in history.status_history:
        day = format_date(change.on)
        if change.status is CaseStatus.CLOSED and change.reason is not None:
            reason = t(f"cases.closing_reason.{change.reason.value}") + (f" ({change.text})" if change.text else "")
            lines.append("  " + t("cases.cli.closed", date=day, reason=reason))
        else:
            lines.append("  " + t("cases.cli.reopened", date=day, reason=change.text))
    if not history.status_history:
        lines.append("  " + t("cases.cli.never_closed"))
    return "\n".join(lines)


def _who(name: str, service: str) -> str:
    return f"{name} ({service})" if service else name


def _case(ctx: Context, book: CaseBook) -> int:
    case_id = ctx.args.case_id
    try:
        history = book.history(case_id)
    except CaseNotFound:
        return ctx.fail("cases.cli.unknown", case_id=case_id)
    if ctx.args.json:
        print(json.dumps(_history_json(history), ensure_ascii=False, indent=2))
    else:
        print(_history_text(ctx.t, history))
    return EXIT_OK


# --- bti-tui check [--repair] ------------------------------------------------------------------
def index_problems(ctx: Context, folder: Path, problems: list[Problem]) -> list[Problem]:
    """``problems`` and the case index's own; with ``--repair`` the index is
    rebuilt (taking the lock: ``DataLocked`` while the app is open) and its
    problems are gone. Nothing else is ever written."""
    found = check_index(folder, _max_bytes(ctx))
    if not found or not getattr(ctx.args, "repair", False):
        return problems + found
    path = repair_index(folder, _max_bytes(ctx))
    print(ctx.t("cases.check.repaired", path=path))
    ctx.repaired = True  # type: ignore[attr-defined]
    return problems


def untouched_key(ctx: Context) -> str:
    """What ``check`` says it left alone."""
    return "cases.check.untouched" if getattr(ctx, "repaired", False) else "cli.check.untouched"

