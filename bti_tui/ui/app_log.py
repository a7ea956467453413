"""Where the app's log goes: ``<data>/bti-tui.log``, owner only, no
exception's message (it may quote a note)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from bti_tui.store.documents import LOG_NAME
from bti_tui.ui.private_log import PrivateFormatter

__all__ = ["LOG_NAME", "LOG_PATH", "log_to_file"]

#: Where the log goes (None: it cannot be written; the screen says so).
LOG_PATH: Path | None = None


def log_to_file(data_dir: Path) -> None:
    """Details of what failed go to ``<data>/bti-tui.log`` (owner only, never
    through a link): while the app runs, the terminal is the screen, not a
    place for them. A log that cannot be opened is no reason not to start."""
    global LOG_PATH
    path = data_dir / LOG_NAME
    handler: logging.Handler
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), 0o600)
        handler = logging.StreamHandler(os.fdopen(fd, "a", encoding="utf-8"))
        LOG_PATH = path
    except OSError:
        handler = logging.NullHandler()
        LOG_PATH = None
    handler.setFormatter(PrivateFormatter())  # no exception's message: it may quote a note
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
