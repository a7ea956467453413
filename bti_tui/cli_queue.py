"""``bti-tui queue``: cases submitted ahead of a planned meeting.

::

    bti-tui queue add (--initials AB --born DATE | --anonymous) --submitted-by TEXT
                      --question TEXT [--consent given|missing|refused|withdrawn]
                      [--firfoting] [--kind KIND] [--date DATE [--plan ID] | --wait]
    bti-tui queue list [--json]
    bti-tui queue place ID [--date DATE [--plan ID]]

``add`` puts the case into the next free slot of the next planned meeting of
its kind (chosen by the child's age, or ``--kind``), or into ``--date`` by
hand; with no free meeting it waits in the queue. A full meeting refuses and
names the next date; nothing is written then.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from bti_tui.cli_plan import EXIT_DATA, EXIT_OK, Context, kind_name, pick_plan
from bti_tui.i18n import Translator
from bti_tui.model.dates import format_date, parse_date
from bti_tui.model.errors import ValidationError
from bti_tui.store import Repository

# The case, plan and queue models are imported by the actions: `bti-tui`
# with no verb builds this parser before it opens the app (issue 20).
if TYPE_CHECKING:
    from bti_tui.model.plan import HalfYearPlan
    from bti_tui.model.queue import Placement, QueuedCase

_CONSENTS = ("given", "missing", "refused", "withdrawn")


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    def mv(name: str) -> str:  # a placeholder in the user's language (DATO, TEKST ...)
        return t(f"invite.metavar.{name}")

    queue = verbs.add_parser("queue", parents=[common], help=t("plan.queue.help.queue"))
    actions = queue.add_subparsers(dest="queue_action", metavar="{add,list,place}", required=True)

    add = actions.add_parser("add", parents=[common], help=t("plan.queue.help.add"))
    add.add_argument("--initials", metavar=mv("initials"), help=t("plan.queue.help.initials"))
    add.add_argument("--born", metavar=mv("date"), help=t("plan.queue.help.born"))
    add.add_argument("--anonymous", action="store_true", help=t("plan.queue.help.anonymous"))
    add.add_argument("--submitted-by", required=True, metavar=mv("text"), help=t("plan.queue.help.submitted_by"))
    add.add_argument("--question", required=True, metavar=mv("text"), help=t("plan.queue.help.question"))
    add.add_argument("--consent", choices=_CONSENTS, help=t("plan.queue.help.consent"))
    add.add_argument("--firfoting", action="store_true", help=t("plan.queue.help.firfoting"))
    add.add_argument("--kind", metavar=mv("kind"), help=t("plan.queue.help.kind"))
    where = add.add_mutually_exclusive_group()
    where.add_argument("--date", metavar=mv("date"), help=t("plan.queue.help.date"))
    where.add_argument("--wait", action="store_true", help=t("plan.queue.help.wait"))
    add.add_argument("--plan", dest="plan_id", metavar=mv("id"), help=t("plan.cli.help.plan_id"))

    listing = actions.add_parser("list", parents=[common], help=t("plan.queue.help.list"))
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))

    place = actions.add_parser("place", parents=[common], help=t("plan.queue.help.place"))
    place.add_argument("queue_id", metavar=mv("id"), help=t("plan.queue.help.queue_id"))
    place.add_argument("--date", metavar=mv("date"), help=t("plan.queue.help.date"))
    place.add_argument("--plan", dest="plan_id", metavar=mv("id"), help=t("plan.cli.help.plan_id"))


def _place(ctx: Context, item: QueuedCase, plans: list[HalfYearPlan], day: date | None, today: date) -> Placement | None:
    """Place ``item`` by hand on ``day`` or in the next free meeting; None
    when it must wait (no free meeting). Other refusals raise."""
    from bti_tui.model.queue import place_next, place_on
    from bti_tui.resources import meeting_kinds

    kinds = meeting_kinds()
    if day is None:
        try:
            return place_next(item, plans, kinds, today)
        except ValidationError as exc:
            if exc.key != "queue.no_free_date":
                raise
            print(ctx.t("plan.queue.waits", reason=ctx.t.error(exc)))
            return None
    plan = pick_plan(ctx, plans, day, ctx.args.plan_id)
    if plan is None:
        raise _Refused
    return place_on(item, plans, plan.id, day, kinds, today)


class _Refused(Exception):
    """The message is printed already."""


def _save(ctx: Context, store: Any, item: QueuedCase, plans: list[HalfYearPlan], where: Placement | None) -> None:
    store.save_queued(item)  # first: a plan never points to a case that is not there
    if where is not None:
        store.save_plan(next(p for p in plans if p.id == where.plan_id))
        print(ctx.t("plan.queue.placed", id=item.id, date=format_date(where.date), slot=where.slot + 1))


def _add(ctx: Context) -> int:
    from bti_tui.model.case import ConsentStatus
    from bti_tui.model.queue import QueuedCase
    from bti_tui.resources import municipal_settings
    from bti_tui.store.plans import PlanStore

    args = ctx.args
    if args.anonymous and (args.initials or args.born):
        return ctx.fail("plan.queue.anonymous_and_reference")
    if not args.anonymous and not (args.initials or args.born):
        return ctx.fail("plan.queue.reference_or_anonymous")
    today = date.today()
    item = QueuedCase.submit(
        initials=args.initials,
        birth_date=parse_date(args.born) if args.born else None,
        submitted_by=args.submitted_by,
        question=args.question,
        today=today,
        consent=ConsentStatus(args.consent) if args.consent else None,
        firfoting_prepared=args.firfoting,
        kind_id=args.kind,
        max_age=municipal_settings().max_child_age,
    )
    day = parse_date(args.date) if args.date else None
    with Repository.open(ctx.data_dir) as repo:
        store = PlanStore(repo)
        plans = store.list_plans()
        where = None if args.wait else _place(ctx, item, plans, day, today)
        _save(ctx, store, item, plans, where)
    print(ctx.t("plan.queue.added", id=item.id))
    return EXIT_OK


def _place_existing(ctx: Context) -> int:
    from bti_tui.store.plans import PlanStore

    args = ctx.args
    day = parse_date(args.date) if args.date else None
    with Repository.open(ctx.data_dir) as repo:
        store = PlanStore(repo)
        item = store.load_queued(args.queue_id)
        plans = store.list_plans()
        where = _place(ctx, item, plans, day, date.today())
        if where is None:
            return EXIT_DATA
        _save(ctx, store, item, plans, where)
    return EXIT_OK


def _reference(t: Translator, item: QueuedCase) -> str:
    ref = item.reference
    if ref.anonymous or ref.birth_date is None:
        return t("plan.queue.anonymous")
    return f"{ref.initials} {format_date(ref.birth_date)}"


def _list(ctx: Context) -> int:
    from bti_tui.model.queue import placement_of
    from bti_tui.store.plans import PlanStore

    t = ctx.t
    with Repository.open(ctx.data_dir, read_only=True) as repo:
        store = PlanStore(repo)
        items = store.list_queue()
        skipped = list(store.skipped)
        plans = store.list_plans()
        skipped += store.skipped
    rows = [(item, placement_of(item.id, plans)) for item in items]
    if ctx.args.json:
        print(json.dumps([_item_json(i, w) for i, w in rows], ensure_ascii=False, indent=2))
        rows = []
    elif not rows:
        print(t("plan.queue.empty", folder=ctx.data_dir))
    for item, where in rows:
        placed = t("plan.queue.placed_on", date=format_date(where.date), slot=where.slot + 1) if where else t("plan.queue.waiting")
        kind = kind_name(item.kind_id, t.lang) if item.kind_id else t("plan.queue.kind_by_age")
        consent = t(f"plan.queue.consent.{item.consent.value}")
        firfoting = t("plan.queue.firfoting_yes" if item.firfoting_prepared else "plan.queue.firfoting_no")
        print(f"{item.id}  {_reference(t, item)}  {item.submitted_by}  {kind}  {placed}")
        print(f"    {item.question}  ({consent}; {firfoting})")
    if skipped:
        return ctx.fail("plan.cli.skipped_files", count=len(skipped), folder=ctx.data_dir)
    return EXIT_OK


def _item_json(item: QueuedCase, where: Placement | None) -> dict[str, Any]:
    ref = item.reference
    return {
        "id": item.id,
        "initials": ref.initials,
        "birth_date": ref.birth_date.isoformat() if ref.birth_date else None,
        "submitted_by": item.submitted_by,
        "question": item.question,
        "submitted_on": item.submitted_on.isoformat(),
        "consent": item.consent.value,
        "firfoting_prepared": item.firfoting_prepared,
        "kind": item.kind_id,
        "plan": where.plan_id if where else None,
        "date": where.date.isoformat() if where else None,
        "slot": where.slot + 1 if where else None,
    }


_ACTIONS: dict[str, Callable[[Context], int]] = {"add": _add, "list": _list, "place": _place_existing}


def run(ctx: Context) -> int:
    try:
        return _ACTIONS[ctx.args.queue_action](ctx)
    except ValidationError as exc:
        return ctx.fail(f"errors.{exc.key}", **exc.params)
    except _Refused:
        return EXIT_DATA

