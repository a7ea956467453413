"""Taking rescued notes back into the data folder.

::

    bti-tui restore FILE [--yes]

When the data folder refused saves, quitting offered to write the unsaved
meeting and cases to a file of their own (``bti-tui-ulagret-*.json``).
``restore`` lists what that file holds (ids and dates, no names), asks on a
terminal (``--yes`` does not; without a terminal and without ``--yes`` it
lists, says so and exits 1), saves it into the data folder and removes the
file (it holds confidential notes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bti_tui.cli_plan import Context
from bti_tui.cli_purge import confirmed
from bti_tui.i18n import Translator
from bti_tui.model.dates import format_date
from bti_tui.model.errors import ValidationError
from bti_tui.store import Repository

if TYPE_CHECKING:
    from bti_tui.session.rescue import Rescued

EXIT_OK, EXIT_DATA = 0, 1


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    parser = verbs.add_parser("restore", parents=[common], help=t("rescue.help.restore"))
    parser.add_argument("file", metavar=t("rescue.metavar.file"), help=t("rescue.help.file"))
    parser.add_argument("--yes", action="store_true", help=t("rescue.help.yes"))


def listing(t: Translator, rescued: Rescued) -> str:
    lines = [t("rescue.holds", path=str(rescued.path))]
    lines += [f"  {t('rescue.meeting')} {m.id}  {format_date(m.date)}" for m in rescued.meetings]
    lines += [f"  {t('rescue.case')} {c.id}" for c in rescued.cases]
    return "\n".join(lines)


def run(ctx: Context) -> int:
    from bti_tui.session.rescue import read_rescued, restore  # only this verb needs the session

    t, args = ctx.t, ctx.args
    path = Path(args.file).expanduser()
    if not path.is_file():
        return ctx.fail("rescue.no_file", path=str(path))
    with Repository.open(ctx.data_dir, max_bytes=ctx.max_bytes) as repo:
        try:
            rescued = read_rescued(path, repo.data_dir)
        except ValidationError:  # a fødselsnummer in a file edited by hand
            return ctx.fail("rescue.fodselsnummer", path=str(path))
        if not rescued.meetings and not rescued.cases:
            print(t("rescue.empty", path=str(path)))
            return EXIT_OK
        print(listing(t, rescued))
        if not args.yes:
            if not sys.stdin.isatty():
                return ctx.fail("rescue.needs_yes")
            if not confirmed(t, "rescue.confirm"):
                print(t("rescue.cancelled"))
                return EXIT_OK
        restore(repo, rescued)
    print(t("rescue.restored", count=len(rescued.meetings) + len(rescued.cases), folder=ctx.data_dir, path=str(path)))
    return EXIT_OK
