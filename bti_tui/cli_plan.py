"""``bti-tui plan``: the half-year plan from the command line.

::

    bti-tui plan create --kind KIND --from DATE --to DATE --weekday thu --week 2
                        --time 13:00 --place TEXT [--skip DATE..DATE ...]
    bti-tui plan create --kind KIND --dates DATE,DATE,... --time 13:00 --place TEXT
    bti-tui plan list [--json]
    bti-tui plan move DATE --to DATE [--note TEXT] [--plan ID]
    bti-tui plan cancel DATE [--note TEXT] [--plan ID]
    bti-tui plan ics [--plan ID] [-o FILE]
    bti-tui plan innkalling DATE [--plan ID] [--format md|html|pdf] [-o FILE]

Bad input gets a message in the user's language and exit 1, and nothing is
written. ``list``, ``ics`` and ``innkalling`` take no lock and write nothing
in the data folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bti_tui.i18n import Translator
from bti_tui.model.errors import ValidationError
from bti_tui.model.dates import format_date, parse_date, parse_time
from bti_tui.store import Repository

# The plan model is imported where a plan is made or shown: `bti-tui` with no
# verb builds this parser before it opens the app, whose first frame waits
# for every import (issue 20).
if TYPE_CHECKING:
    from bti_tui.model.plan import DateRange, HalfYearPlan, MonthlyRule

EXIT_OK, EXIT_DATA = 0, 1


class Context(Protocol):
    """What ``bti_tui.cli`` hands a verb."""

    args: argparse.Namespace
    t: Translator
    data_dir: Path

    def fail(self, key: str, **params: Any) -> int: ...


# --- shared with cli_queue -----------------------------------------------------------------
def language(ctx: Context) -> str:
    return ctx.t.lang


def parse_range(raw: str) -> DateRange:
    """``DATE..DATE`` (or one DATE) as a school holiday."""
    from bti_tui.model.plan import DateRange

    first, _, last = raw.partition("..")
    start = parse_date(first)
    return DateRange(start, parse_date(last) if last.strip() else start)


def write_text(ctx: Context, text: str | bytes, output: str | None, written_key: str) -> int:
    """``text`` to stdout, or atomically (0600) to ``output``."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        if isinstance(text, str):
            sys.stdout.write(text)
        else:  # bytes as they are: an .ics keeps its CRLF line ends on every platform
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        return EXIT_OK
    from bti_tui.store.exports import write_output

    target = Path(output).expanduser()
    try:
        if write_output(target, data):
            return EXIT_OK  # -o - or /dev/stdout: nothing more to say on it
    except OSError as exc:
        return ctx.fail("cli.export.write_failed", path=target, detail=exc.strerror or exc)
    print(ctx.t(written_key, path=target), file=sys.stderr)
    return EXIT_OK


def pick_plan(ctx: Context, plans: list[HalfYearPlan], day: date | None, plan_id: str | None) -> HalfYearPlan | None:
    """The plan named by ``--plan``, else the one plan with a meeting on
    ``day``; None after printing why not."""
    if plan_id is not None:
        found = [p for p in plans if p.id == plan_id]
        if not found:
            ctx.fail("plan.not_found", plan_id=plan_id)
            return None
        return found[0]
    having = [p for p in plans if day is not None and any(d.date == day for d in p.dates)]
    if len(having) == 1:
        return having[0]
    if not having:
        ctx.fail("plan.cli.no_meeting_on", date=format_date(day) if day else "")
    else:
        ctx.fail("plan.cli.several_plans", date=format_date(day) if day else "", ids=", ".join(p.id for p in having))
    return None


def kind_name(kind_id: str, lang: str) -> str:
    from bti_tui.resources import meeting_kinds

    kind = meeting_kinds().get(kind_id)
    return kind.name_in(lang) if kind else kind_id


# --- the parser ------------------------------------------------------------------------------
def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    def mv(name: str) -> str:  # a placeholder in the user's language (DATO, UKEDAG ...)
        return t(f"invite.metavar.{name}")

    plan = verbs.add_parser("plan", parents=[common], help=t("plan.cli.help.plan"))
    actions = plan.add_subparsers(dest="plan_action", metavar="{create,list,move,cancel,ics,innkalling}", required=True)

    create = actions.add_parser("create", parents=[common], help=t("plan.cli.help.create"))
    create.add_argument("--kind", required=True, metavar=mv("kind"), help=t("plan.cli.help.kind"))
    create.add_argument("--from", dest="first", metavar=mv("date"), help=t("plan.cli.help.first"))
    create.add_argument("--to", dest="last", metavar=mv("date"), help=t("plan.cli.help.last"))
    create.add_argument("--weekday", metavar=mv("weekday"), help=t("plan.cli.help.weekday"))
    create.add_argument("--week", metavar=mv("week"), help=t("plan.cli.help.week"))
    create.add_argument("--dates", metavar=mv("dates"), help=t("plan.cli.help.dates"))
    create.add_argument("--time", required=True, metavar=mv("time"), help=t("plan.cli.help.time"))
    create.add_argument("--place", required=True, metavar=mv("place"), help=t("plan.cli.help.place"))
    create.add_argument("--skip", action="append", default=[], metavar=mv("range"), help=t("plan.cli.help.skip"))
    create.add_argument("--json", action="store_true", help=t("cli.help.json"))

    listing = actions.add_parser("list", parents=[common], help=t("plan.cli.help.list"))
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))

    for name in ("move", "cancel"):
        change = actions.add_parser(name, parents=[common], help=t(f"plan.cli.help.{name}"))
        change.add_argument("date", metavar=mv("date"), help=t("plan.cli.help.date"))
        if name == "move":
            change.add_argument("--to", dest="to", metavar=mv("date"), required=True, help=t("plan.cli.help.move_to"))
        change.add_argument("--note", default="", metavar=mv("note"), help=t("plan.cli.help.note"))
        change.add_argument("--plan", dest="plan_id", metavar=mv("id"), help=t("plan.cli.help.plan_id"))

    ics = actions.add_parser("ics", parents=[common], help=t("plan.cli.help.ics"))
    ics.add_argument("--plan", dest="plan_id", metavar=mv("id"), help=t("plan.cli.help.plan_id"))
    ics.add_argument("-o", "--output", metavar=mv("file"), help=t("cli.help.output"))

    invite = actions.add_parser("innkalling", parents=[common], help=t("plan.cli.help.innkalling"))
    invite.add_argument("date", metavar=mv("date"), help=t("plan.cli.help.date"))
    invite.add_argument("--plan", dest="plan_id", metavar=mv("id"), help=t("plan.cli.help.plan_id"))
    invite.add_argument("--format", choices=("md", "html", "pdf"), default="md", help=t("invite.help.format"))
    invite.add_argument("-o", "--output", metavar=mv("file"), help=t("cli.help.output"))


# --- the actions -----------------------------------------------------------------------------
def _create(ctx: Context) -> int:
    from bti_tui.calendar_days import public_holidays
    from bti_tui.model.plan import HalfYear, MonthlyRule, make_plan, parse_week, parse_weekday
    from bti_tui.resources import meeting_kinds
    from bti_tui.store.plans import PlanStore

    args, lang = ctx.args, language(ctx)
    kind = meeting_kinds().get(args.kind)
    if kind is None:
        return ctx.fail("plan.cli.unknown_kind", kind=args.kind, kinds=", ".join(meeting_kinds()))
    start_time = parse_time(args.time)
    school = [parse_range(raw) for raw in args.skip]
    dates = [parse_date(raw) for raw in args.dates.split(",") if raw.strip()] if args.dates else []
    rule: MonthlyRule | None = None
    if args.weekday is not None or args.week is not None:
        if dates or args.weekday is None or args.week is None:
            return ctx.fail("plan.cli.rule_or_dates")
        rule = MonthlyRule(parse_weekday(args.weekday), parse_week(args.week))
    elif not dates:
        return ctx.fail("plan.cli.rule_or_dates")
    if rule is not None and (args.first is None or args.last is None):
        return ctx.fail("plan.cli.from_to_needed")
    first = parse_date(args.first) if args.first else min(dates)
    last = parse_date(args.last) if args.last else max(dates)
    half_year = HalfYear.containing(first)
    holidays = public_holidays(half_year.first, half_year.last, lang)
    plan = make_plan(kind, args.place, start_time, first, last, rule=rule, dates=dates, holidays=holidays, school_holidays=school)
    with Repository.open(ctx.data_dir) as repo:
        PlanStore(repo).save_plan(plan)
    if args.json:
        print(json.dumps(_plan_json(plan), ensure_ascii=False, indent=2))
        return EXIT_OK
    t = ctx.t
    print(t("plan.cli.created", id=plan.id, count=len(plan.dates), kind=kind.name_in(lang), place=plan.place, time=f"{plan.start_time:%H:%M}"))
    print(_plan_lines(t, plan, {kind.id: kind.case_slots}))
    return EXIT_OK


def _plan_json(plan: HalfYearPlan) -> dict[str, Any]:
    return {
        "id": plan.id,
        "kind": plan.kind_id,
        "half_year": plan.half_year.key,
        "place": plan.place,
        "time": f"{plan.start_time:%H:%M}",
        "duration_minutes": plan.duration_minutes,
        "dates": [
            {
                "date": d.date.isoformat(),
                "status": d.status.value,
                "moved_from": d.original.isoformat() if d.original and d.original != d.date else None,
                "note": d.note,
                "cases": len(d.cases),
                "meeting_id": d.meeting_id,
            }
            for d in plan.dates
        ],
        "skipped": [{"date": s.date.isoformat(), "reason": s.reason.value, "name": s.name} for s in plan.skipped],
    }


def _plan_lines(t: Translator, plan: HalfYearPlan, slots: dict[str, int]) -> str:
    from bti_tui.innkalling import weekday_date

    lines: list[tuple[date, str]] = []
    for d in plan.dates:
        status = t("plan.status.opened") if d.meeting_id else t(f"plan.status.{d.status.value}")
        extra = [t("plan.cli.moved_from", date=format_date(d.original))] if d.original and d.original != d.date else []
        if not d.cancelled:
            extra.append(t("plan.cli.cases", count=len(d.cases), slots=slots.get(plan.kind_id, "?")))
        if d.note:
            extra.append(d.note)
        lines.append((d.date, f"  {weekday_date(t, d.date)}  {status}" + (f"  ({'; '.join(extra)})" if extra else "")))
    from bti_tui.calendar_days import holiday_names
    from bti_tui.model.plan import SkipReason

    names = holiday_names([s.date for s in plan.skipped if s.reason is SkipReason.PUBLIC_HOLIDAY], t.lang)
    for s in plan.skipped:
        reason = t(f"plan.skip.{s.reason.value}", name=names.get(s.date, s.name))
        lines.append((s.date, f"  {weekday_date(t, s.date)}  {t('plan.status.skipped')}  ({reason})"))
    return "\n".join(line for _, line in sorted(lines, key=lambda x: x[0]))


def _list(ctx: Context) -> int:
    from bti_tui.resources import meeting_kinds
    from bti_tui.store.plans import PlanStore

    t, lang = ctx.t, language(ctx)
    with Repository.open(ctx.data_dir, read_only=True) as repo:
        store = PlanStore(repo)
        plans = store.list_plans()
        skipped = store.skipped
    if ctx.args.json:
        print(json.dumps([_plan_json(p) for p in plans], ensure_ascii=False, indent=2))
    elif not plans:
        print(t("plan.cli.empty", folder=ctx.data_dir))
    else:
        slots = {k.id: k.case_slots for k in meeting_kinds().values()}
        for plan in plans:
            term = t(f"plan.term.{plan.half_year.term.value}", year=plan.half_year.year)
            print(f"{plan.id}  {kind_name(plan.kind_id, lang)}  {term}  {plan.start_time:%H:%M}  {plan.place}")
            print(_plan_lines(t, plan, slots))
    if skipped:
        return ctx.fail("plan.cli.skipped_files", count=len(skipped), folder=ctx.data_dir)
    return EXIT_OK


def _change(ctx: Context) -> int:
    from bti_tui.calendar_days import public_holidays
    from bti_tui.store.plans import PlanStore

    args = ctx.args
    day = parse_date(args.date)
    to = parse_date(args.to) if args.plan_action == "move" else None
    with Repository.open(ctx.data_dir) as repo:
        store = PlanStore(repo)
        plan = pick_plan(ctx, store.list_plans(), day, args.plan_id)
        if plan is None:
            return EXIT_DATA
        if to is not None:
            holidays = public_holidays(plan.half_year.first, plan.half_year.last, language(ctx))
            plan.move(day, to, args.note, holidays)
            store.save_plan(plan)
            print(ctx.t("plan.cli.moved", date=format_date(day), to=format_date(to)))
        else:
            freed = plan.cancel(day, args.note)
            store.save_plan(plan)
            print(ctx.t("plan.cli.cancelled", date=format_date(day), count=len(freed)))
    return EXIT_OK


def _ics(ctx: Context) -> int:
    from datetime import UTC, datetime

    from bti_tui.calendar_ics import plans_to_ics
    from bti_tui.resources import meeting_kinds
    from bti_tui.store.plans import PlanStore

    with Repository.open(ctx.data_dir, read_only=True) as repo:
        plans = PlanStore(repo).list_plans()
    if ctx.args.plan_id is not None:
        plans = [p for p in plans if p.id == ctx.args.plan_id]
        if not plans:
            return ctx.fail("plan.not_found", plan_id=ctx.args.plan_id)
    if not plans:
        return ctx.fail("plan.cli.empty", folder=ctx.data_dir)
    data = plans_to_ics(plans, meeting_kinds(), language(ctx), stamp=datetime.now(UTC))
    return write_text(ctx, data, ctx.args.output, "plan.cli.ics_written")


def _innkalling(ctx: Context) -> int:
    from bti_tui.referat import PdfError
    from bti_tui.resources import meeting_kinds
    from bti_tui.session.innkalling import invitation
    from bti_tui.store.plans import PlanStore

    day = parse_date(ctx.args.date)
    with Repository.open(ctx.data_dir, read_only=True) as repo:
        store = PlanStore(repo)
        plan = pick_plan(ctx, store.list_plans(), day, ctx.args.plan_id)
        if plan is None:
            return EXIT_DATA
        if plan.kind_id not in meeting_kinds():
            return ctx.fail("plan.cli.unknown_kind", kind=plan.kind_id, kinds=", ".join(meeting_kinds()))
        # The cases of an opened meeting are the meeting's (off the queue): read from there.
        found = invitation(store, plan.id, day, language(ctx))
    try:
        _name, data = found.render(language(ctx), ctx.args.format)
    except PdfError as exc:
        return ctx.fail(exc.key, **exc.params)
    # Markdown and HTML as text (the platform's line ends on a terminal), a PDF as bytes.
    text = data if ctx.args.format == "pdf" else data.decode("utf-8")
    return write_text(ctx, text, ctx.args.output, "plan.cli.innkalling_written")


_ACTIONS: dict[str, Callable[[Context], int]] = {
    "create": _create,
    "list": _list,
    "move": _change,
    "cancel": _change,
    "ics": _ics,
    "innkalling": _innkalling,
}


def run(ctx: Context) -> int:
    try:
        return _ACTIONS[ctx.args.plan_action](ctx)
    except ValidationError as exc:
        return ctx.fail(f"errors.{exc.key}", **exc.params)
