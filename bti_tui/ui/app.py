"""The Textual app: thin. It holds the store, the language and the clock
source, registers the themes, and wires the screens; they carry the behaviour."""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from bti_tui.i18n import Translator
from bti_tui.resources import stylesheet
from bti_tui.session.autosave import Autosaver
from bti_tui.store.documents import LOG_NAME
from bti_tui.ui import app_log
from bti_tui.ui.i18n_bindings import translate_bindings
from bti_tui.ui.quitting import Quitting
from bti_tui.ui.screens.home import HomeScreen
from bti_tui.ui.text import safe
from bti_tui.ui.theme import NORMAL, PROJECTOR, THEMES

if TYPE_CHECKING:
    from bti_tui.store.repository import Repository
    from bti_tui.session.meeting import MeetingSession

# Only the first screen's modules are imported at start: the first frame
# waits for every import (issue 20, `python -X importtime`). The other
# screens, and what only they use (markdown, the referat, the meeting
# session), are imported where they are first shown.

__all__ = ["BtiApp", "UnknownKind"]


def __getattr__(name: str):
    if name == "UnknownKind":  # re-exported, as before, without importing the session at start
        from bti_tui.session.opening import UnknownKind

        return UnknownKind
    raise AttributeError(name)


class SaveFailed(Message):
    """A write failed on the autosave thread (posted thread-safely)."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

log = logging.getLogger(__name__)
RETRY_SECONDS = 5.0
WIDE = 160  # columns from which the meeting screen uses the wall layout
# Keys whose names the footer and help show from the catalogue (keys.names.*).
KEY_NAMES = {"space", "escape", "enter", "delete", "tab", "shift+tab", "question_mark"}


class BtiApp(Quitting, App[int]):
    TITLE = "bti-tui"
    # Not the wall's (scoped to WallScreen, which only `bti-tui wall` shows):
    # parsing it delayed the first frame for nothing.
    # What every screen uses; a screen of its own (cases, review, purge,
    # innkalling) names its file in its CSS_PATH, read when first shown.
    CSS_PATH = [stylesheet("app.tcss")]
    BINDINGS = [
        Binding("f1", "help", "keys.help"),
        Binding("question_mark", "help", "keys.help", show=False),
        Binding("f2", "toggle_projector", "keys.projector"),
        # Not priority: Ctrl+Q waits behind the keystrokes typed before it.
        Binding("ctrl+q", "quit", "keys.quit", show=False),
        # Ours, so its footer text is translated (Textual's own says "palette").
        Binding("ctrl+p", "command_palette", "keys.palette", show=False, priority=True),
    ]

    #: Seconds between the first frame and reading the meeting list. In a
    #: terminal (``run_app``) a moment, so the terminal draws that frame
    #: first: on a two-core machine the list's work (the index, the rows)
    #: took the processor from the terminal and the first frame showed
    #: 0.1–0.2 s later with ten years of meetings (benchmarks/first_frame_tmux.py).
    list_after: float = 0.0

    def __init__(
        self,
        repo: Repository,
        lang: str,
        now: Callable[[], datetime] = datetime.now,
        projector: bool | None = None,
    ) -> None:
        self._themes_ready = False
        self._before_key: list[Callable[[], object]] = []
        super().__init__()
        self.repo = repo
        self.lang = lang
        self.t = Translator(lang)
        self.now = now
        self.prefs = repo.load_preferences()
        self._projector = self.prefs.get("projector", False) if projector is None else projector
        self.saver = Autosaver(repo, self._save_failed)
        translate_bindings(self, self.t)
        for theme in THEMES:
            self.register_theme(theme)
        # The starting theme set as Textual sets its default one, without the
        # watcher: set in on_mount, its refresh parsed every stylesheet a
        # second time before the first frame (issue 20). Both themes are
        # dark, so the -dark-mode class Textual gave the app holds (tested).
        self.set_reactive(BtiApp.theme, PROJECTOR if self._projector else NORMAL)
        self._themes_ready = True
        self.stylesheet.set_variables(self.get_css_variables())  # nothing is parsed yet
        self.set_class(self._projector, "-projector")

    def get_css_variables(self) -> dict[str, str]:
        # Textual's __init__ works the variables out from its own default
        # theme (some 4 ms before the first frame), and ours replace them
        # a moment later: not until our themes are in.
        if not self._themes_ready:
            return {}
        return super().get_css_variables()

    async def on_event(self, event: events.Event) -> None:
        # Whatever is pasted is user text, cleaned before any field takes it
        # (model.text.clean_text): an ESC pasted into a one-line field went
        # to the terminal when it was drawn, and into the file.
        if isinstance(event, (events.InputEvent, events.Paste)) and self.repo.opening and not self._finish_opening():
            return  # the folder is another's: the app is closing
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = safe(event.text)
        elif isinstance(event, events.Key):
            self.typed_at = monotonic()
            before, self._before_key = self._before_key, []
            for callback in before:
                callback()
        await super().on_event(event)

    #: When the last key came (``time.monotonic``); 0: none yet.
    typed_at: float = 0.0

    def before_next_key(self, callback: Callable[[], object]) -> None:
        """Have ``callback`` run as the next key comes, before it is handled:
        what it changes is drawn in the key's frame."""
        self._before_key.append(callback)

    # --- lifecycle -----------------------------------------------------------------
    def on_mount(self) -> None:
        self.push_screen(HomeScreen())
        self.set_interval(RETRY_SECONDS, self._retry_failed_saves)
        # What start-up made (modules, catalogues, kinds) lives as long as
        # the app: out of the collector's way, so no full collection pauses
        # typing to walk it (benchmarks/: the typing p99 halved).
        gc.freeze()
        problems = self.repo.preference_problems
        if problems:  # not worth refusing to start for: defaults, and say so
            lines = [self.t("store.preferences_defaults"), *(self.t(p.key, **p.params) for p in problems)]
            self.say("\n".join(lines), severity="warning", timeout=15)
        # After the first frame (in a terminal, once it has drawn it): the
        # rescue files looked for; the files' modes, left by opening for
        # now (a stat of each file), put right on the saving thread.
        self.call_after_refresh(self._after_first_frame)

    #: Why the folder could not be opened after the first frame (run_app raises it).
    opening_failed: Exception | None = None

    def _finish_opening(self) -> bool:
        """Take the folder (its lock; Repository.open's ``lock_later``): just
        after the first frame, or as the first key or click comes, whichever
        is first. If another bti-tui has it, the app closes and run_app
        says so, as when the folder is taken before the app starts."""
        try:
            self.repo.finish_opening()
        except Exception as error:  # noqa: BLE001 - every refusal is said after the app has closed
            self.opening_failed = error
            self.exit(return_code=1)
            return False
        return True

    def _after_first_frame(self) -> None:
        if self.repo.opening and not self._finish_opening():
            return

        def jobs() -> None:
            self._tell_rescued()
            self.saver.submit("making the files private", self.repo.make_files_private)

        if self.list_after:
            self.set_timer(self.list_after, jobs)
        else:
            jobs()

    def _tell_rescued(self) -> None:
        from bti_tui.session.rescue_files import rescued_files

        rescued = rescued_files(Path.home())
        if rescued:  # notes saved aside when the folder refused them: not forgotten
            self.say(self.t("rescue.found", paths=", ".join(map(str, rescued))), severity="warning", timeout=20)

    def _retry_failed_saves(self) -> None:
        """Every few seconds: a refused save is tried again without new
        typing, so freeing disk space is enough."""
        if self.saver.unsaved:
            self.saver.retry()

    def say(self, message: str, severity: str = "information", timeout: float | None = None) -> None:
        """A toast with text shown literally (it may quote what was typed)."""
        self.notify(safe(message), severity=severity, timeout=timeout, markup=False)

    def _on_notify(self, event) -> None:
        """One toast at a time: a new one replaces the one before, so they
        never pile up and a message that no longer holds goes. (Textual
        keeps every toast until its timeout and has no setting for this.)"""
        self._notifications.clear()
        super()._on_notify(event)

    # --- a crash shows no notes ---------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Textual's crash screen prints local variables (notes, names) on
        the wall. Instead: a short message in the user's language with the
        log file's path, and the traceback logged without variables and
        without the exception's text (which may quote a note)."""
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        frames = "".join(traceback.format_tb(error.__traceback__))
        log.critical("crash: %s\n%s", type(error).__name__, frames)
        path = str(app_log.LOG_PATH or LOG_NAME)
        self._exit_renderables.append(Text(self.t("ui.app.crashed", log=path, error=type(error).__name__)))
        self._close_messages_no_wait()

    def on_resize(self, event) -> None:
        # Below 100 columns (a laptop at 80×24) the side panel shrinks; from
        # 160 (a projected laptop) the wall layout: notes at reading width.
        self.set_class(event.size.width < 100, "-narrow")
        self.set_class(event.size.width >= WIDE, "-wide")

    def on_unmount(self) -> None:
        # Do not wait for the disk on the UI loop: run_app waits afterwards.
        self.saver.close(wait=False)

    def _save_failed(self, error: BaseException) -> None:
        """Called on the saver's thread. It must never wait for the UI loop
        (the UI loop may be waiting for it, on quit): post and return."""
        self.post_message(SaveFailed(self.t.describe(error) or type(error).__name__))

    def on_save_failed(self, event: SaveFailed) -> None:
        self._show_save_failed(event.message)

    def _show_save_failed(self, message: str) -> None:
        from bti_tui.ui.screens.forms import UnsavedScreen

        if isinstance(self.screen, UnsavedScreen):
            return  # the dialog says it already; a toast would cover its buttons
        self.say(self.t("ui.errors.save_failed", detail=message), severity="error", timeout=15)

    # --- where to go ------------------------------------------------------------------
    def show_home(self) -> None:
        """Back to the meeting list (the screens above it close)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def show_setup(self, session: MeetingSession | None = None, replace: bool = False) -> None:
        from bti_tui.ui.screens.setup import SetupScreen

        self._show(SetupScreen(session), replace)

    def show_intake(self, session: MeetingSession) -> None:
        from bti_tui.ui.screens.intake import IntakeScreen

        self._show(IntakeScreen(session), replace=True)

    def show_meeting(self, session: MeetingSession, replace: bool = False) -> None:
        from bti_tui.ui.screens.meeting import MeetingScreen

        self._show(MeetingScreen(session), replace)

    def show_session(self, session: MeetingSession) -> None:
        """A meeting not yet begun opens on its setup; one begun, where it was."""
        if session.meeting.status.value == "planned" and not session.meeting.clock.started:
            self.show_setup(session)
        else:
            self.show_meeting(session)

    def show_preview(self, session: MeetingSession) -> None:
        from bti_tui.ui.screens.referat_preview import ReferatPreviewScreen

        self.push_screen(ReferatPreviewScreen(session))

    def _show(self, screen: Screen, replace: bool) -> None:
        self.clear_notifications()  # a toast belongs to the screen it was about
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

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
        """Remember theme and language, on the saving thread like every
        write; a refusal is shown like any failed save."""
        prefs = dict(self.prefs)
        self.saver.submit("saving preferences", lambda: self.repo.save_preferences(prefs))

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

    def get_key_display(self, binding: Binding) -> str:
        """Key names in the user's language ("Mellomrom", not "space")."""
        if binding.key in KEY_NAMES and not binding.key_display:
            return self.t(f"keys.names.{binding.key}")
        return super().get_key_display(binding)

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
        self.lang = lang
        self.t = Translator(lang)
        translate_bindings(self, self.t)
        self.prefs["language"] = lang
        self._save_preferences()
        self.switch_screen(HomeScreen())
        self.notify(self.t("ui.app.language_set"))

    # --- meetings -------------------------------------------------------------------------
    def session_for(self, meeting_id: str) -> MeetingSession:
        """A stored meeting as a live session (StoreError, UnknownKind)."""
        from bti_tui.session.opening import open_meeting

        return open_meeting(self.saver, meeting_id, self.now)
