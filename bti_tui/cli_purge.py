"""Retention from the command line.

::

    bti-tui archived MEETING_ID|CASE_ID [--date DATE] --ref TEXT
    bti-tui purge --before DATE [--archived-only] [--dry-run] [--yes]

``archived`` marks a meeting or a case as archived in ESA (the date, today
if not given, and the archive reference). ``purge`` lists what it would
remove (finished meetings and closed cases before DATE, their backups, the
app's exports of them, their marks; ``store/purge.py`` says exactly what),
then asks on a terminal (``--yes`` does not ask; without a terminal and
without ``--yes`` it lists, says so and exits 1), removes, and reports.
``--dry-run`` lists and removes nothing. The folder's lock is held from the
list to the removal, so what was listed is what goes.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from bti_tui.cli_plan import Context
from bti_tui.i18n import Translator
from bti_tui.model.dates import format_date, parse_date
from bti_tui.model.errors import ValidationError
from bti_tui.model.text import clean_text
from bti_tui.store import Repository

EXIT_OK, EXIT_DATA = 0, 1


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    date_var = t("purge.metavar.date")
    purge = verbs.add_parser("purge", parents=[common], help=t("purge.help.purge"))
    purge.add_argument("--before", metavar=date_var, required=True, help=t("purge.help.before"))
    purge.add_argument("--archived-only", action="store_true", help=t("purge.help.archived_only"))
    purge.add_argument("--dry-run", action="store_true", help=t("purge.help.dry_run"))
    purge.add_argument("--yes", action="store_true", help=t("purge.help.yes"))

    archived = verbs.add_parser("archived", parents=[common], help=t("purge.help.archived"))
    archived.add_argument("doc_id", metavar=t("purge.metavar.id"), help=t("purge.help.doc_id"))
    archived.add_argument("--date", metavar=date_var, default=None, help=t("purge.help.date"))
    archived.add_argument("--ref", metavar=t("purge.metavar.ref"), required=True, help=t("purge.help.ref"))


# --- archived ---------------------------------------------------------------------------------
def _archived(ctx: Context) -> int:
    from bti_tui.store.retention import mark_archived

    args = ctx.args
    on = parse_date(args.date) if args.date else date.today()
    with Repository.open(ctx.data_dir, max_bytes=ctx.max_bytes) as repo:
        mark = mark_archived(repo, args.doc_id, on, args.ref)
    print(ctx.t(f"purge.marked_{mark.kind}", id=mark.id, date=format_date(mark.on), ref=clean_text(mark.ref)))
    return EXIT_OK


# --- purge --------------------------------------------------------------------------------------
def confirmed(t: Translator, question: str = "purge.confirm") -> bool:
    """Whether the person at the terminal answered yes (j/ja, y/yes)."""
    try:
        answer = input(t(question) + " ")
    except EOFError:
        return False
    return answer.strip().lower() in {a.strip() for a in t("purge.yes_answers").split(",")}


def _purge(ctx: Context) -> int:
    from bti_tui.session.retention import purge_listing
    from bti_tui.store.purge import plan_purge, purge

    t, args = ctx.t, ctx.args
    before = parse_date(args.before)
    opened = Repository.open(ctx.data_dir, read_only=args.dry_run, max_bytes=ctx.max_bytes)
    with opened as repo:
        plan = plan_purge(repo, before, archived_only=args.archived_only)
        kept = [t("purge.kept_open", count=len(plan.kept_open), ids=", ".join(plan.kept_open))] if plan.kept_open else []
        if plan.empty:
            print("\n".join([t("purge.nothing", date=format_date(before), folder=ctx.data_dir), *kept]))
            return EXIT_OK
        print("\n".join([purge_listing(t, plan), *kept]))
        if args.dry_run:
            print(t("purge.dry_run"))
            return EXIT_OK
        if not args.yes:
            if not sys.stdin.isatty():
                return ctx.fail("purge.needs_yes")
            if not confirmed(t):
                print(t("purge.cancelled"))
                return EXIT_OK
        done = purge(repo, plan)
    counts = [
        t("purge.done_meetings", count=len(done.meetings)),
        t("purge.done_cases", count=len(done.cases)),
        t("purge.done_exports", count=len(done.exports)),
    ]
    print(t("purge.done", what=", ".join(counts), folder=ctx.data_dir))
    return EXIT_OK


def run(ctx: Context) -> int:
    try:
        return _purge(ctx) if ctx.args.command == "purge" else _archived(ctx)
    except ValidationError as exc:
        return ctx.fail(f"errors.{exc.key}", **exc.params)
