"""``bti-tui`` with no verb: the folder opened, the app run on it."""

from __future__ import annotations

import sys
from pathlib import Path

from bti_tui.i18n import Translator
from bti_tui.resources import municipal_settings
from bti_tui.store.repository import Repository
from bti_tui.ui import app_log
from bti_tui.ui.app import BtiApp
from bti_tui.ui.app_log import log_to_file
from bti_tui.ui.screens.passphrase import ask_passphrase

__all__ = ["LIST_AFTER", "run_app"]

LIST_AFTER = 0.1  # BtiApp.list_after in a terminal


def run_app(data_dir: Path, lang: str | None, *, encrypt: bool = False) -> int:
    """Open the app on ``data_dir``; the caller handles store errors (lock).
    An encrypted folder (or ``encrypt``) asks for the passphrase first, in
    a screen of its own; the folder is opened only once it is unlocked."""
    settings = municipal_settings()
    language = lang or settings.default_language
    data_dir = Path(data_dir)
    if data_dir.is_dir():
        log_to_file(data_dir)  # first, so opening's own notes (tidying) are logged
    if not ask_passphrase(data_dir, language, encrypt=encrypt):
        print(Translator(language)("crypto.not_opened", folder=data_dir), file=sys.stderr)
        return 1
    with Repository.open(data_dir, max_bytes=settings.max_file_bytes, files_private_later=True, lock_later=True) as repo:
        if app_log.LOG_PATH is None:
            log_to_file(repo.data_dir)
        if lang is None:
            language = repo.load_preferences().get("language", language)
        app = BtiApp(repo, language)
        app.list_after = LIST_AFTER
        try:
            result = app.run()
        finally:
            app.saver.flush(timeout=None)
            app.saver.close()
        if app.opening_failed is not None:  # the folder is another's (DataLocked), or refused
            raise app.opening_failed
    return app.return_code or result or 0
