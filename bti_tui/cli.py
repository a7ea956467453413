"""The ``bti-tui`` command (DESIGN "The CLI contract").

::

    bti-tui [--data-dir DIR] [--lang nb|nn|en]        open the app
    bti-tui demo [--data-dir DIR] [--no-open]          write the demo meetings, then open the app
    bti-tui list [--data-dir DIR] [--json]             the meetings
    bti-tui export MEETING_ID [--case N] [--format md|html|pdf] [-o FILE]
    bti-tui check [--data-dir DIR]                     verify the data, change nothing
    bti-tui encrypt | decrypt                          encryption at rest (cli_crypto.py)
    bti-tui archived ID --ref TEXT | purge --before DATE   retention (cli_purge.py)
    bti-tui restore FILE [--yes]                       rescued notes back (cli_restore.py)

Exit codes: 0 ok, 1 a problem with the data or input (message on stderr in
the UI language), 2 usage. The language of the messages: ``--lang``, else
``BTI_TUI_LANG``, else ``default_language`` in ``data/settings.toml``.

Only opening the app imports Textual, so ``list`` and ``check`` start fast.
``list``, ``export`` and ``check`` take no lock and create nothing; they work
while the app is open.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from bti_tui import cli_crypto
from bti_tui.cli_argparse import argparse_in
from bti_tui.config import ENV_LANG, resolve_data_dir
from bti_tui.i18n import Translator
from bti_tui.model.localized import LANGUAGES
from bti_tui.model.text import clean_text
from bti_tui.store import Repository, StoreError
from bti_tui.store.repository import CASES, MEETINGS, MeetingSummary

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


# --- language ------------------------------------------------------------------------
def _explicit_language(argv: Sequence[str]) -> str | None:
    """``--lang`` if given and known, else ``BTI_TUI_LANG`` (``_UsageError``
    if that names no language), else None. A broken ``--lang`` (no value) is
    left for the real parser to report, in the user's language."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--lang")
    try:
        known, _ = pre.parse_known_args(argv)
    except argparse.ArgumentError:
        known = argparse.Namespace(lang=None)
    if known.lang in LANGUAGES:
        return known.lang
    from_env = os.environ.get(ENV_LANG)
    if from_env:
        if from_env not in LANGUAGES:
            raise _UsageError(from_env)
        return from_env
    return None


def _default_language() -> str:
    from bti_tui.resources import municipal_settings

    return municipal_settings().default_language


# --- the parser --------------------------------------------------------------------------
# The verbs in modules of their own, imported when the command names one.
_VERB_MODULES = ("cli_plan", "cli_queue", "cli_wall", "cli_crypto", "cli_purge", "cli_cases", "cli_restore")


def _verb_module(name: str) -> Any:
    return import_module(f"bti_tui.{name}")


def _parser(t: Translator, *, verbs_too: bool = True) -> argparse.ArgumentParser:
    """The command's parser; without ``verbs_too`` only the options of
    opening the app (what ``bti-tui`` alone needs: building every verb's
    parser, in every verb's words, delayed the first frame, issue 20)."""
    # The options are accepted before and after the verb; SUPPRESS keeps a
    # value given before the verb from being reset by the verb's default.
    common = argparse.ArgumentParser(add_help=False)
    folder = t("cli.metavar.folder")
    common.add_argument("--data-dir", metavar=folder, default=argparse.SUPPRESS, help=t("cli.help.data_dir"))
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=t("cli.help.lang"))

    # The options alone raise their errors, for the whole parser to report.
    parser = argparse.ArgumentParser(prog="bti-tui", description=t("cli.help.description"), add_help=verbs_too, exit_on_error=verbs_too)
    parser.add_argument("--data-dir", metavar=folder, default=None, help=t("cli.help.data_dir"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=t("cli.help.lang"))
    cli_crypto.add_options(parser, common, t)
    if not verbs_too:
        parser.set_defaults(command=None)
        return parser
    verbs = parser.add_subparsers(dest="command")

    demo = verbs.add_parser("demo", parents=[common], help=t("cli.help.demo"))
    demo.add_argument("--no-open", action="store_true", help=t("cli.help.no_open"))

    listing = verbs.add_parser("list", parents=[common], help=t("cli.help.list"))
    listing.add_argument("--json", action="store_true", help=t("cli.help.json"))

    export = verbs.add_parser("export", parents=[common], help=t("cli.help.export"))
    export.add_argument("meeting_id", metavar=t("cli.metavar.meeting_id"), help=t("cli.help.meeting_id"))
    export.add_argument("--case", type=int, metavar="N", default=None, help=t("export.help_case"))
    export.add_argument("--format", choices=("md", "html", "pdf"), default="md", help=t("export.help_format"))
    export.add_argument("-o", "--output", metavar=t("cli.metavar.file"), default=None, help=t("cli.help.output"))

    check = verbs.add_parser("check", parents=[common], help=t("cli.help.check"))
    check.add_argument("--repair", action="store_true", help=t("cases.help.repair"))
    for name in _VERB_MODULES:
        _verb_module(name).add_parser(verbs, common, t)
    verbs.metavar = "{" + ",".join(verbs.choices) + "}"  # every verb, the help's aliases not
    return parser


# --- the verbs ---------------------------------------------------------------------------------
class _Context:
    def __init__(self, args: argparse.Namespace, t: Translator, explicit_lang: str | None) -> None:
        self.args = args
        self.t = t
        self.explicit_lang = explicit_lang
        self.data_dir = resolve_data_dir(args.data_dir)

    @property
    def max_bytes(self) -> int:
        from bti_tui.resources import municipal_settings

        return municipal_settings().max_file_bytes

    def fail(self, key: str, **params: Any) -> int:
        print(self.t(key, **params), file=sys.stderr)
        return EXIT_DATA


def _open_app(ctx: _Context) -> int:
    from bti_tui.ui.start import run_app

    if ctx.args.encrypt:  # the app asks for a new passphrase and encrypts first
        return run_app(ctx.data_dir, ctx.explicit_lang, encrypt=True)
    return run_app(ctx.data_dir, ctx.explicit_lang)


def _demo(ctx: _Context) -> int:
    from bti_tui.session.demo import write_demo, write_demo_plan
    from bti_tui.store.plans import PlanStore

    with Repository.open(ctx.data_dir, max_bytes=ctx.max_bytes) as repo:
        ids = write_demo(repo, date.today(), ctx.t.lang)
        write_demo_plan(PlanStore(repo), date.today(), ctx.t.lang)
    print(ctx.t("cli.demo.written", ids=", ".join(ids), folder=ctx.data_dir))
    if ctx.args.no_open:
        return EXIT_OK
    return _open_app(ctx)


def _kind_name(kind_id: str, lang: str) -> str:
    from bti_tui.resources import meeting_kinds

    kind = meeting_kinds().get(kind_id)
    return kind.name_in(lang) if kind else kind_id


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def _as_json(summary: MeetingSummary) -> dict[str, str]:
    return {
        "id": summary.id,
        "date": summary.date.isoformat(),
        "time": summary.start_time.strftime("%H:%M"),
        "kind": summary.kind_id,
        "status": summary.status.value,
        "place": summary.place,
    }


def _list(ctx: _Context) -> int:
    t = ctx.t
    with Repository.open(ctx.data_dir, read_only=True, max_bytes=ctx.max_bytes) as repo:
        meetings = repo.list_meetings()
        skipped = repo.skipped
    if ctx.args.json:
        print(json.dumps([_as_json(m) for m in meetings], ensure_ascii=False, indent=2))
    elif not meetings:
        print(t("cli.list.empty", folder=ctx.data_dir))
    else:
        header = [t(f"cli.list.{name}") for name in ("id", "date", "time", "kind", "status", "place")]
        rows = [
            [m.id, m.date.isoformat(), m.start_time.strftime("%H:%M"), _kind_name(m.kind_id, t.lang), t(f"cli.status.{m.status.value}"), m.place]
            for m in meetings
        ]
        print(clean_text(_table([header, *rows])))
    if skipped:
        return ctx.fail("cli.list.skipped", count=len(skipped), folder=ctx.data_dir)
    return EXIT_OK


def _export(ctx: _Context) -> int:
    from bti_tui.resources import meeting_kinds

    args = ctx.args
    with Repository.open(ctx.data_dir, read_only=True, max_bytes=ctx.max_bytes) as repo:
        meeting = repo.load_meeting(args.meeting_id)
        cases = repo.cases_for(meeting)
    kind = meeting_kinds().get(meeting.kind_id)
    if kind is None:
        return ctx.fail("cli.export.unknown_kind", meeting_id=meeting.id, kind_id=meeting.kind_id)
    try:
        from bti_tui.referat import PdfError, UnknownCase, export_files
    except ImportError as exc:
        return ctx.fail("cli.export.not_built", detail=exc)
    from bti_tui.resources import municipal_settings

    # The referat's language: --lang, else the language the meeting was held in.
    lang = getattr(args, "lang", None) or meeting.language
    try:  # --case N: that case alone, for the child's folder; else the participants' copy
        _, content = export_files(meeting, kind, cases, lang, municipal_settings(), args.format, args.case)
    except (UnknownCase, PdfError) as exc:
        return ctx.fail(exc.key, **exc.params)
    if args.format != "pdf":
        # Typed text may hold terminal escape sequences: none reaches a terminal or a file.
        content = clean_text(content.decode("utf-8")).encode("utf-8")
    if args.output in (None, "-"):
        if args.format == "pdf":
            if sys.stdout.isatty():  # a PDF's bytes would garble the terminal
                return ctx.fail("export.pdf_to_terminal")
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return EXIT_OK
        text = content.decode("utf-8")
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    from bti_tui.store.exports import write_output

    target = Path(args.output).expanduser()
    if not write_output(target, content):
        print(ctx.t("cli.export.written", path=target), file=sys.stderr)
    return EXIT_OK


def _count(folder: Path) -> int:
    return sum(1 for p in folder.glob("*.json") if not p.name.startswith(".")) if folder.is_dir() else 0


def _check(ctx: _Context) -> int:
    from bti_tui.store import check_data

    t, folder = ctx.t, ctx.data_dir
    if not folder.exists() and not folder.is_symlink():
        print(t("cli.check.no_folder", folder=folder))
        return EXIT_OK
    problems = _verb_module("cli_cases").index_problems(ctx, folder, check_data(folder, max_bytes=ctx.max_bytes))
    if not problems:
        meetings = t("cli.check.meetings", count=_count(folder / MEETINGS))
        print(t("cli.check.ok", folder=folder, meetings=meetings, cases=t("cli.check.cases", count=_count(folder / CASES))))
        return EXIT_OK
    lines = [t("cli.check.found", count=len(problems), folder=folder)]
    lines += [f"- {t(p.key, **p.params)}" for p in problems]
    lines.append(t(_verb_module("cli_cases").untouched_key(ctx)))
    print("\n".join(lines), file=sys.stderr)
    return EXIT_DATA


_VERBS: dict[str | None, Callable[[_Context], int]] = {
    None: _open_app,
    "demo": _demo,
    "list": _list,
    "export": _export,
    "check": _check,
}
# Verbs of their own modules: (module, verbs), each module's ``run``.
_MODULE_VERBS = {
    "cli_plan": ("plan",),
    "cli_queue": ("queue",),
    "cli_wall": ("wall",),
    "cli_crypto": cli_crypto.VERBS,
    "cli_purge": ("purge", "archived"),
    "cli_cases": ("cases", "case"),
    "cli_restore": ("restore",),
}


def _verb(command: str | None) -> Callable[[_Context], int]:
    if command in _VERBS:
        return _VERBS[command]
    return next(_verb_module(name).run for name, verbs in _MODULE_VERBS.items() if command in verbs)


def _parse(t: Translator, argv: list[str]) -> argparse.Namespace:
    """The arguments. Opening the app (no verb, no help asked for) is read
    with the options alone; anything else by the whole parser, so a verb,
    ``--help`` and every usage error read exactly as before."""
    if not any(arg in ("-h", "--help") for arg in argv):
        try:
            args, rest = _parser(t, verbs_too=False).parse_known_args(argv)
        except argparse.ArgumentError:  # a bad option: the whole parser says it, with the verbs in its usage
            rest = argv
        if not rest:
            return args
    return _parser(t).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        explicit_lang = _explicit_language(argv)
    except _UsageError as exc:
        print(Translator(_default_language())("cli.errors.bad_env_lang", value=exc), file=sys.stderr)
        return EXIT_USAGE
    t = Translator(explicit_lang or _default_language())
    try:
        with argparse_in(t.lang):
            args = _parse(t, argv)
    except SystemExit as exc:  # argparse: 2 on a usage error, 0 after --help
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    ctx = _Context(args, t, explicit_lang)
    try:  # an encrypted folder: the passphrase first
        return cli_crypto.before(ctx) or _verb(args.command)(ctx)
    except StoreError as exc:
        return ctx.fail(exc.key, **exc.params)
    except OSError as exc:  # a refusal of the operating system no store error names
        return ctx.fail("cli.errors.os_error", path=exc.filename or ctx.data_dir, detail=exc.strerror or exc)


if __name__ == "__main__":
    sys.exit(main())
