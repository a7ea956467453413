"""``bti-tui wall``: the running meeting on the wall, read-only.

::

    bti-tui wall [--data-dir DIR] [--lang nb|nn|en]

A second window for the projector that follows the meeting the app runs
on the same data folder. Like ``list`` and ``export`` it takes no lock and
writes nothing, so it runs beside the app; Textual is imported only here.
"""

from __future__ import annotations

import argparse
from typing import Any

from bti_tui.cli_plan import Context
from bti_tui.i18n import Translator


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    verbs.add_parser("wall", parents=[common], help=t("wall.help"))


def run(ctx: Context) -> int:
    from bti_tui.ui.wall.app import run_wall

    return run_wall(ctx.data_dir, getattr(ctx, "explicit_lang", None))
