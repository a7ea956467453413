"""The Textual app: thin. It holds the store, the language and the clock
source, registers the themes, and wires the screens; they carry the behaviour."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from bti_tui.i18n import Translator
from bti_tui.resources import meeting_kind, municipal_settings, stylesheets
from bti_tui.session import Autosaver, MeetingSession
from bti_tui.store import Repository, StoreError
from bti_tui.ui.i18n_bindings import translate_bindings
from bti_tui.ui.theme import NORMAL, PROJECTOR, THEMES

log = logging.getLogger(__name__)
LOG_NAME = "bti-tui.log"


class UnknownKind(LookupError):
    """A meeting whose kind is not in data/kinds (removed or renamed)."""

    key = "ui.errors.unknown_kind"

    def __init__(self, meeting_id: str, kind_id: str) -> None:
        super().__init__(f"{meeting_id}: unknown kind {kind_id}")
        self.params = {"meeting_id": meeting_id, "kind_id": kind_id}


class BtiApp(App[int]):
    TITLE = "bti-tui"
    CSS_PATH = stylesheets()
    BINDINGS = [
        Binding("f1", "help", "keys.help"),
        Binding("question_mark", "help", "keys.help", show=False),
        Binding("f2", "toggle_projector", "keys.projector"),
        # Not priority: Ctrl+Q waits behind the keystrokes typed before it.
        Binding("ctrl+q", "quit", "keys.quit"),
        # Ours, so its footer text is translated (Textual's own says "palette").
        Binding("ctrl+p", "command_palette", "keys.palette", show=False, priority=True),
    ]

    def __init__(
        self,
        repo: Repository,
        lang: str,
        now: Callable[[], datetime] = datetime.now,
        projector: bool | None = None,
    ) -> None:
        super().__init__()
        self.repo = repo
        self.lang = lang
        self.t = Translator(lang)
        self.now = now
        self.prefs = repo.load_preferences()
        self._projector = self.prefs.get("projector", False) if projector is None else projector
        self._ui_loop: asyncio.AbstractEventLoop | None = None
        self.saver = Autosaver(repo, self._save_failed)
        translate_bindings(self, self.t)

    # --- lifecycle -----------------------------------------------------------------
    def on_mount(self) -> None:
        self._ui_loop = asyncio.get_running_loop()
        for theme in THEMES:
            self.register_theme(theme)
        self._apply_projector()
        from bti_tui.ui.screens.home import HomeScreen

        self.push_screen(HomeScreen())

    async def action_quit(self) -> None:
        """Quit without losing what was typed a moment ago: every screen on
        the stack takes its fields into the model and saves first."""
        for screen in reversed(self.screen_stack):
            flush = getattr(screen, "flush_edits", None)
            if flush is not None:
                try:
                    flush()
                except Exception:  # still quit; the error is logged and shown in the log
                    log.exception("could not save %s on quit", screen)
        self.exit()

    def on_resize(self, event) -> None:
        # Below 100 columns (a laptop at 80×24) the side panel shrinks.
        self.set_class(event.size.width < 100, "-narrow")

    def on_unmount(self) -> None:
        # Do not wait for the disk on the UI loop: run_app waits afterwards.
        self.saver.close(wait=False)

    def _save_failed(self, error: BaseException) -> None:
        """Called on the saver's thread. It must never wait for the UI loop
        (the UI loop may be waiting for it, on quit): hand over and return."""
        message = self.t.describe(error) or str(error)
        loop = self._ui_loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._show_save_failed, message)

    def _show_save_failed(self, message: str) -> None:
        self.notify(self.t("ui.errors.save_failed", detail=message), severity="error", timeout=15)

    # --- projector --------------------------------------------------------------------
    def _apply_projector(self) -> None:
        self.theme = PROJECTOR if self._projector else NORMAL
        self.set_class(self._projector, "-projector")

    def action_toggle_projector(self) -> None:
        self._projector = not self._projector
        self._apply_projector()
        self.prefs["projector"] = self._projector
        self._save_preferences()
        self.notify(self.t("ui.app.projector_on" if self._projector else "ui.app.projector_off"))

    def _save_preferences(self) -> None:
        """Remember theme and language; if the disk refuses, say so and go on."""
        try:
            self.repo.save_preferences(self.prefs)
        except (StoreError, OSError) as error:
            log.exception("could not save preferences")
            self._show_save_failed(self.t.describe(error) or str(error))

    # --- help and commands -------------------------------------------------------------
    def action_command_palette(self) -> None:
        """Textual's palette, with its search prompt in the user's language."""
        from textual.command import CommandPalette

        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=self.t("ui.app.palette_prompt"), id="--command-palette"))

    def action_help(self) -> None:
        from bti_tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers exactly the keys of the current screen, in the
        user's language (Textual's own commands are English only)."""
        from bti_tui.ui.screens.help import screen_actions

        for key, binding, node in screen_actions(screen):

            def run(action: str = binding.action, namespace=node) -> None:
                self.call_later(self.run_action, action, namespace)

            yield SystemCommand(binding.description, f"{self.t('ui.help.key')}: {key}", run)

    def switch_language(self, lang: str) -> None:
        """Change the UI language now and remember it; the home screen is rebuilt."""
        from bti_tui.ui.screens.home import HomeScreen

        self.lang = lang
        self.t = Translator(lang)
        translate_bindings(self, self.t)
        self.prefs["language"] = lang
        self._save_preferences()
        self.switch_screen(HomeScreen())
        self.notify(self.t("ui.app.language_set"))

    # --- meetings -------------------------------------------------------------------------
    def session_for(self, meeting_id: str) -> MeetingSession:
        """Load a meeting, after every save still on its way has landed
        (leaving a meeting and opening it again must not read old data)."""
        self.saver.flush()
        meeting = self.repo.load_meeting(meeting_id)
        try:
            kind = meeting_kind(meeting.kind_id)
        except KeyError:
            raise UnknownKind(meeting.id, meeting.kind_id) from None
        return MeetingSession(meeting, kind, self.repo.cases_for(meeting), self.saver, self.now)


def log_to_file(data_dir: Path) -> None:
    """Details of what failed go to ``<data>/bti-tui.log`` (owner only):
    while the app runs, the terminal is the screen, not a place for them."""
    path = data_dir / LOG_NAME
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


def run_app(data_dir: Path, lang: str | None) -> int:
    """Open the app on ``data_dir``; the caller handles store errors (lock)."""
    language = lang or municipal_settings().default_language
    with Repository.open(data_dir) as repo:
        log_to_file(repo.data_dir)
        if lang is None:
            language = repo.load_preferences().get("language", language)
        app = BtiApp(repo, language)
        try:
            result = app.run()
        finally:
            app.saver.flush(timeout=None)
            app.saver.close()
    return result or 0
