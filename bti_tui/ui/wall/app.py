"""``bti-tui wall``: a second, read-only window for the projector that
follows the meeting the app runs on the same data folder.

It takes no lock and writes nothing (no preferences, no log file in the
data folder): F2 switches the theme for this window only. A problem while
reading is never shown and never stops the wall; it tries again on the
next tick, so it keeps running across a crash and restart of the app.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.binding import Binding

from bti_tui.i18n import Translator
from bti_tui.model.localized import LANGUAGES
from bti_tui.resources import meeting_kinds, municipal_settings, styles_root
from bti_tui.ui.i18n_bindings import translate_bindings
from bti_tui.ui.theme import NORMAL, PROJECTOR, THEMES
from bti_tui.ui.wall.follow import POLL_SECONDS, Follower
from bti_tui.ui.wall.screen import WallScreen
from bti_tui.ui.wall.view import WallView, idle_view, meeting_view

log = logging.getLogger(__name__)
STYLESHEET = "wall.tcss"


def wall_stylesheet() -> str:
    return str(styles_root().joinpath(STYLESHEET))


class WallApp(App[int]):
    TITLE = "bti-tui wall"
    CSS_PATH = wall_stylesheet()
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f2", "toggle_projector", "keys.projector"),
        Binding("ctrl+q", "quit", "keys.quit"),
    ]

    def __init__(
        self,
        follower: Follower,
        lang: str,
        now: Callable[[], datetime] = datetime.now,
        projector: bool = True,
        show_reference: bool = True,
        poll: float | None = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.follower = follower
        self.lang = lang
        self.t = Translator(lang)
        self.now = now
        self.projector = projector
        self.show_reference = show_reference
        self.poll = poll
        self.failed_ticks = 0
        translate_bindings(self, self.t)

    def get_default_screen(self) -> WallScreen:
        return WallScreen()

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self._apply_theme()
        if self.poll:
            self.set_interval(self.poll, self.tick)

    # --- following --------------------------------------------------------------------
    def build_view(self) -> WallView:
        followed, now = self.follower.followed, self.now()
        if followed is not None:
            return meeting_view(self.t, self.lang, followed, now, self.show_reference)

        def kind_name(kind_id: str) -> str:
            kind = meeting_kinds().get(kind_id)
            return kind.name_in(self.lang) if kind else kind_id

        return idle_view(self.t, self.lang, self.follower.upcoming, now, kind_name)

    def tick(self) -> None:
        """Look at the files, then show the meeting as last read whole (the
        clock moves on between saves)."""
        try:
            self.follower.tick()
        except Exception:  # never shown, never fatal: tried again next tick
            self.failed_ticks += 1
            log.debug("wall tick failed", exc_info=True)
        screen = self.screen
        if isinstance(screen, WallScreen):
            screen.show(self.build_view())

    # --- theme ---------------------------------------------------------------------------
    def _apply_theme(self) -> None:
        self.theme = PROJECTOR if self.projector else NORMAL

    def action_toggle_projector(self) -> None:
        """This window only: the wall writes no preferences."""
        self.projector = not self.projector
        self._apply_theme()

    # --- a crash shows no notes ------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Textual's crash screen prints local variables (notes, names):
        instead a short message and the traceback's frames, without
        variables and without the exception's text (it may quote a note)."""
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        frames = "".join(traceback.format_tb(error.__traceback__))
        message = self.t("wall.crashed", error=type(error).__name__)
        self._exit_renderables.append(Text(f"{frames}\n{message}"))
        self._close_messages_no_wait()


def run_wall(data_dir: Path, lang: str | None) -> int:
    """Run the wall on ``data_dir`` until Ctrl+Q. ``lang``: --lang or
    BTI_TUI_LANG; else the language the app last used there."""
    logging.basicConfig(handlers=[logging.NullHandler()], force=True)
    settings = municipal_settings()
    follower = Follower(data_dir, max_bytes=settings.max_file_bytes)
    try:
        if lang is None:
            try:
                lang = follower.repo.load_preferences().get("language")
            except Exception:  # a damaged preferences file: the default language
                lang = None
            lang = lang if lang in LANGUAGES else None
        app = WallApp(follower, lang or settings.default_language, show_reference=settings.wall_show_reference)
        app.run()
    finally:
        follower.close()
    return app.return_code or 0
