"""Encryption at rest from the command line.

::

    bti-tui encrypt [--passphrase-file FILE]     encrypt the data folder in place
    bti-tui decrypt [--passphrase-file FILE]     write it in clear again
    bti-tui --encrypt [--passphrase-file FILE]   encrypt (if not yet), then open the app
    bti-tui VERB --passphrase-file FILE          any verb on an encrypted folder

The passphrase comes from ``--passphrase-file`` (its first line; for
scripts and tests), else from a prompt on the terminal (``getpass``; a new
one is asked twice), else the verb stops with a message and exit 1. The app
itself asks in its own first screen (``ui/screens/passphrase.py``). It is
asked once per start: the key is derived once (scrypt) and kept in memory.
A wrong passphrase: a message, exit 1, no byte changed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO

from bti_tui.cli_plan import Context
from bti_tui.i18n import Translator
from bti_tui.store.crypto import MIN_PASSPHRASE, PassphraseTooShort, is_encrypted, key_of, read_passphrase_file, unlock

EXIT_OK, EXIT_DATA = 0, 1
VERBS = ("encrypt", "decrypt")


class NoPassphrase(Exception):
    """No passphrase could be had; ``key`` and ``params`` name the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def add_options(parser: argparse.ArgumentParser, common: argparse.ArgumentParser, t: Translator) -> None:
    """``--passphrase-file`` everywhere, ``--encrypt`` for opening the app."""
    for where, default in ((parser, None), (common, argparse.SUPPRESS)):
        where.add_argument("--passphrase-file", metavar=t("cli.metavar.file"), default=default, help=t("crypto.help.passphrase_file"))
    parser.add_argument("--encrypt", action="store_true", help=t("crypto.help.encrypt_flag"))


def add_parser(verbs: Any, common: argparse.ArgumentParser, t: Translator) -> None:
    verbs.add_parser("encrypt", parents=[common], help=t("crypto.help.encrypt"))
    verbs.add_parser("decrypt", parents=[common], help=t("crypto.help.decrypt"))


# --- the passphrase --------------------------------------------------------------------------
def passphrase(ctx: Context, *, new: bool = False) -> str:
    """From ``--passphrase-file``, else asked on the terminal (twice if
    ``new``); ``NoPassphrase`` otherwise."""
    t = ctx.t
    file = getattr(ctx.args, "passphrase_file", None)
    if file:
        path = Path(file).expanduser()
        try:
            text = read_passphrase_file(path)
        except OSError as exc:
            raise NoPassphrase("crypto.file_unreadable", path=path, detail=exc.strerror or exc) from None
        if not text:
            raise NoPassphrase("crypto.file_empty", path=path)
    elif sys.stdin.isatty():
        text = getpass.getpass(t("crypto.prompt_new" if new else "crypto.prompt", folder=ctx.data_dir) + " ")
        if new and getpass.getpass(t("crypto.prompt_repeat") + " ") != text:
            raise NoPassphrase("crypto.mismatch")
    else:
        raise NoPassphrase("crypto.no_passphrase", folder=ctx.data_dir)
    if new and len(text) < MIN_PASSPHRASE:
        raise PassphraseTooShort()
    return text


def before(ctx: Context) -> int | None:
    """Before any verb: unlock an encrypted folder (once), or encrypt it for
    ``bti-tui --encrypt --passphrase-file F``. None to go on; an exit code
    to stop. The app without a passphrase file asks in its first screen."""
    command = getattr(ctx.args, "command", None)
    if command in VERBS:
        return None
    has_file = bool(getattr(ctx.args, "passphrase_file", None))
    try:
        if not is_encrypted(ctx.data_dir):
            if command is None and getattr(ctx.args, "encrypt", False) and has_file:
                _encrypt(ctx, out=sys.stderr)  # then the app opens, unlocked
            return None
        if key_of(ctx.data_dir) is not None or (command is None and not has_file):
            return None
        unlock(ctx.data_dir, passphrase(ctx))
    except NoPassphrase as exc:
        return ctx.fail(exc.key, **exc.params)
    return None


# --- the verbs ------------------------------------------------------------------------------------
def _encrypt(ctx: Context, out: TextIO | None = None) -> int:
    from bti_tui.store.convert import encrypt_folder

    t = ctx.t
    done = encrypt_folder(ctx.data_dir, passphrase(ctx, new=not is_encrypted(ctx.data_dir)))
    lines = [t("crypto.encrypted", count=done.changed, folder=ctx.data_dir), t("crypto.keep_passphrase")]
    if done.exports:
        lines.append(t("crypto.exports_clear", count=done.exports, folder=ctx.data_dir / "referat"))
    if done.skipped:
        lines.append(t("crypto.skipped", count=done.skipped))
    print("\n".join(lines), file=out or sys.stdout)
    return EXIT_OK


def _decrypt(ctx: Context) -> int:
    from bti_tui.store.convert import decrypt_folder

    if not is_encrypted(ctx.data_dir):
        print(ctx.t("crypto.not_encrypted", folder=ctx.data_dir))
        return EXIT_OK
    done = decrypt_folder(ctx.data_dir, passphrase(ctx))
    lines = [ctx.t("crypto.decrypted", count=done.changed, folder=ctx.data_dir)]
    if done.skipped:
        lines.append(ctx.t("crypto.skipped", count=done.skipped))
    print("\n".join(lines))
    return EXIT_OK


def run(ctx: Context) -> int:
    try:
        return _encrypt(ctx) if ctx.args.command == "encrypt" else _decrypt(ctx)
    except NoPassphrase as exc:
        return ctx.fail(exc.key, **exc.params)
