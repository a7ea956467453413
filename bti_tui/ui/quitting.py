"""Quitting without losing what was typed: the app's Ctrl+Q (a mixin of
BtiApp; it uses the app's saver, screens, words and clock)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from bti_tui.ui import app_log

log = logging.getLogger(__name__)


class Quitting:
    """For BtiApp (first in its bases)."""

    saver: Any
    repo: Any
    t: Any
    now: Any
    screen_stack: Any
    push_screen: Any
    exit: Any
    say: Any

    async def action_quit(self) -> None:
        """Quit without losing what was typed a moment ago: every screen on
        the stack takes its fields into the model and saves first. It asks
        only when something would be lost: a new meeting not yet set up, or
        a save the disk refused."""
        for screen in reversed(self.screen_stack):
            # A screen may ask a question first (intake: "same child?"); it
            # quits again once answered.
            if getattr(screen, "ask_before_quit", lambda: False)():
                return
        for screen in reversed(self.screen_stack):
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                try:
                    flush()
                except Exception:  # still quit; the error is logged
                    log.exception("could not save %s on quit", type(screen).__name__)
        if any(getattr(screen, "would_lose", lambda: False)() for screen in self.screen_stack):
            from bti_tui.ui.screens.forms import ConfirmScreen

            self.push_screen(
                ConfirmScreen(self.t("ui.app.quit_lose_q"), self.t("ui.app.quit_anyway"), self.t("ui.app.quit_stay")),
                lambda yes: self._quit_checked() if yes else None,
            )
            return
        self._quit_checked()

    def _quit_checked(self) -> None:
        """Exit once every save has landed; if one was refused, ask."""
        try:
            self.saver.flush(timeout=5)
        except Exception:  # a save still hanging counts as not saved
            log.warning("a save did not finish before quitting")
        if not self.saver.unsaved:
            self.exit()
            return
        from bti_tui.ui.screens.forms import UnsavedScreen

        detail = self.t.describe(self.saver.last_error) if self.saver.last_error else ""
        self.push_screen(UnsavedScreen(detail or "", self._log_ok), self._unsaved_answer)

    def _unsaved_answer(self, answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        choice, folder = answer
        if choice == "quit":
            self.exit(return_code=1)
        elif choice == "retry":
            self.saver.retry()
            self._quit_checked()
        elif choice == "rescue":
            from bti_tui.session.rescue import rescue_unsaved
            from bti_tui.ui.screens.forms import UnsavedScreen

            try:
                path = rescue_unsaved(self.saver, Path(folder or Path.home()), self.now(), self.repo.data_dir)
            except OSError as error:
                self.say(self.t("ui.app.rescue_failed", detail=error.strerror or type(error).__name__), "error", 15)
                self.push_screen(UnsavedScreen(self.t("ui.app.rescue_failed", detail=""), self._log_ok), self._unsaved_answer)
                return
            print(self.t("ui.app.rescued", path=str(path)), file=sys.stderr)
            self.exit(return_code=1)

    @property
    def _log_ok(self) -> bool:
        """Whether the log file can still be written (the message says so if not)."""
        return app_log.LOG_PATH is not None and os.access(app_log.LOG_PATH, os.W_OK)
