"""The first screen: the meetings in the data folder, newest first."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Footer, Label, Static

from bti_tui.model.dates import format_date, format_time
from bti_tui.model.localized import LANGUAGES
from bti_tui.model.status import MeetingStatus
from bti_tui.resources import meeting_kinds
from bti_tui.store.errors import StoreError
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.text import plain

if TYPE_CHECKING:
    from bti_tui.ui.widgets.meeting_list import MeetingList
    from bti_tui.session.meeting import MeetingSession
    from bti_tui.store.documents import MeetingSummary, Problem

# What only an action needs is imported when it runs (plan, export, demo):
# the first frame waits for every import at start (issue 20).


class HomeScreen(BtiScreen):
    class DemoWritten(Message):
        def __init__(self, ids: list[str] | None) -> None:
            super().__init__()
            self.ids = ids

    # The list is focused when it is filled, after the first frame: focusing
    # it before restyled the table once more in front of that frame.
    AUTO_FOCUS = None

    BINDINGS = [
        Binding("n", "new_meeting", "keys.new_meeting"),
        Binding("enter", "open_meeting", "keys.open", priority=True),
        Binding("s", "cases", "keys.cases.overview"),  # early: visible at 80 columns
        Binding("d", "demo", "keys.demo"),
        Binding("p", "preview", "keys.preview"),
        Binding("e", "export", "keys.export"),
        Binding("h", "plan", "keys.plan"),
        Binding("l", "language", "keys.language"),
        Binding("a", "purge", "keys.retention.open"),  # archive and purge (issue 18)
        Binding("q", "app.quit", "keys.quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Label(self.t("ui.home.title"), id="home-title", classes="screen-title")
            yield Static(plain(self.t("ui.home.data_dir", path=str(self.app.repo.data_dir))), id="home-data-dir")
            yield Static("", id="home-problems", classes="form-error")
            yield Static("", id="home-empty")
            # The list (a DataTable) is mounted after the first frame: its
            # module, its styles and the rows wait for that (issue 20).
        yield Footer(compact=True, show_command_palette=False)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the list is
        # read. The first time, after the first frame is drawn: the title,
        # the folder and the keys show at once, the rows a moment later
        # (issue 20: reading the index and filling the rows was a third of
        # the time to the first frame with ten years of meetings).
        if self._started:
            self.reload()
            return
        self._started = True
        if self.app.list_after:  # a terminal: it draws the first frame meanwhile
            self.set_timer(self.app.list_after, self._first_load)
        else:
            self.call_after_refresh(self._first_load)

    async def _first_load(self) -> None:
        """Mount the list and fill it, once: when its time comes, or at once
        if a key that needs it comes first (``_list_ready``)."""
        if self._loading:
            return
        if getattr(self.app, "opening_failed", None) is not None:
            # Another bti-tui has the folder: the app is closing, and a
            # list mounted now fails (MountError, a crash logged in the
            # folder that was to be left untouched).
            self._filled.set()
            return
        self._loading = True
        try:
            from bti_tui.ui.widgets.meeting_list import MeetingList

            table = MeetingList(id="meetings", cursor_type="row", zebra_stripes=True)
            table.display = False  # until it is filled
            await self.query_one("#home", Vertical).mount(table)
            for column in ("date", "kind", "place", "status"):
                table.add_column(plain(self.t(f"ui.home.col_{column}")), key=column)  # Text: no markup parse
            summaries = self.reload()
        finally:
            self._filled.set()  # a key waiting for the list goes on, even if reading it failed
        if self.is_active:  # not if a key pressed meanwhile opened another screen
            self._reopen_running(summaries)

    @property
    def _filled(self) -> asyncio.Event:
        if self._filled_event is None:
            self._filled_event = asyncio.Event()
        return self._filled_event

    def _check_rows(self, ids: list[str]) -> None:
        """The files of rows just filled are read on a thread (the list
        itself comes from the index): one damaged behind the index's back
        is named and its row taken out, a page at a time, never the whole
        folder at start."""
        repo = self.app.repo

        def read() -> None:
            problems = repo.meeting_problems(ids)
            if problems:
                try:
                    self.app.call_from_thread(self._rows_checked, problems)
                except RuntimeError:  # the app closed meanwhile
                    pass

        # After the frame is drawn: the first frame does not wait for this
        # thread (nor for the codec it imports).
        self.call_after_refresh(self.run_worker, read, thread=True, group="home-files")

    def _rows_checked(self, problems: list[Problem]) -> None:
        self._damaged += problems
        table = self._table()
        if table is not None:
            table.drop({p.path.stem for p in problems})
        self._show_problems()

    def _show_problems(self) -> None:
        shown = [*self.app.repo.skipped, *self._damaged]
        problems = self.query_one("#home-problems", Static)
        problems.update(plain("\n".join("⚠ " + self.t(p.key, **p.params) for p in shown)))
        problems.display = bool(shown)

    def _reopen_running(self, summaries) -> None:
        """After a crash the meeting that was running opens on its step."""
        running = [m for m in summaries if m.status is MeetingStatus.RUNNING]
        if not running:
            return
        from bti_tui.session.opening import UnknownKind

        try:
            session = self.app.session_for(running[0].id)
        except (StoreError, UnknownKind) as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            return
        self.app.show_session(session)

    _started = False
    _loading = False
    _filled_event: asyncio.Event | None = None
    _damaged: list[Problem] = []

    def reload(self, select: str | None = None):
        """The list from the index (no meeting file is read), its first
        screenful filled; the rest as it is scrolled to (MeetingList)."""
        table = self._table()
        if table is None:  # not mounted yet: its first filling is on the way
            return []
        summaries = self.app.repo.indexed_meetings()
        self._damaged = []
        table.show(summaries, self._cells, filled=self._check_rows)
        self._show_problems()
        empty = self.query_one("#home-empty", Static)
        empty.update(self.t("ui.home.empty") if not summaries else "")
        empty.display = not summaries
        table.display = bool(summaries)
        row = table.ensure(select) if select and summaries else None
        if row is not None:
            table.move_cursor(row=row)
        if summaries and self.is_active:  # focus belongs to the screen on top
            table.focus()
        return summaries

    def _cells(self, summary: MeetingSummary) -> tuple[object, ...]:
        kind = meeting_kinds().get(summary.kind_id)
        return (
            plain(f"{format_date(summary.date)} {format_time(summary.start_time)}"),
            plain(kind.name_in(self.app.lang) if kind else summary.kind_id),
            plain(summary.place, multiline=False),
            plain(self.t(f"ui.status.{MeetingStatus(summary.status).value}")),
        )

    def _table(self) -> MeetingList | None:
        """The meeting list, once it is mounted (right after the first frame)."""
        found = self.query("#meetings")
        return found.first() if found else None  # type: ignore[return-value]

    def _selected(self) -> str | None:
        from bti_tui.ui.widgets.tables import selected_key

        table = self._table()
        key = selected_key(table) if table is not None else None
        if key is None:
            self.say(self.t("ui.home.none_selected"), severity="warning")
        return key

    # --- actions ----------------------------------------------------------------
    def action_new_meeting(self) -> None:
        self.app.show_setup()

    def _selected_session(self) -> MeetingSession | None:
        """The chosen meeting, loaded; a damaged file is named, the screen stays."""
        meeting_id = self._selected()
        if meeting_id is None:
            return None
        from bti_tui.session.opening import UnknownKind

        try:
            return self.app.session_for(meeting_id)
        except (StoreError, UnknownKind) as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            return None

    async def _list_ready(self) -> bool:
        """A key that acts on the chosen meeting, pressed before the list was
        there (the moment after the first frame), waits for it: never lost.
        False if filling it opened another screen (a meeting left running)."""
        if not self._loading:
            await self._first_load()
        await self._filled.wait()  # the list's own load may be half way (mounting)
        return self.is_active

    async def action_open_meeting(self) -> None:
        if not await self._list_ready():
            return
        session = self._selected_session()
        if session is not None:
            self.app.show_session(session)

    def action_demo(self) -> None:
        """Written on the saving thread; the list is read again when it is
        done. Demo meetings already there (perhaps tried out) are written
        over only when the user says so."""
        from bti_tui.session.demo import demo_written_before
        from bti_tui.ui.screens.forms import ConfirmScreen

        if demo_written_before(self.app.repo):
            question = ConfirmScreen(self.t("ui.home.demo_again_q"), self.t("ui.home.demo_again_yes"), self.t("ui.home.demo_again_no"))
            self.app.push_screen(question, lambda yes: self._write_demo() if yes else None)
            return
        self._write_demo()

    def _write_demo(self) -> None:
        from bti_tui.session.demo import write_demo

        today = date.fromordinal(self.app.now().toordinal())
        repo, lang = self.app.repo, self.app.lang
        future = self.app.saver.submit("writing the demo", lambda: write_demo(repo, today, lang))
        # Runs on the saving thread: post_message is the thread-safe way back.
        future.add_done_callback(lambda done: self.post_message(self.DemoWritten(done.result())))

    async def on_home_screen_demo_written(self, event: DemoWritten) -> None:
        ids = event.ids
        if not ids:
            return  # the failure was shown like every failed save
        await self._list_ready()
        # The upcoming one is selected: the one to try running (Enter).
        self.reload(select=ids[-1])
        self.say(self.t("ui.home.demo_written", count=len(ids)))

    async def action_preview(self) -> None:
        if not await self._list_ready():
            return
        session = self._selected_session()
        if session is not None:
            self.app.show_preview(session)

    async def action_export(self) -> None:
        from bti_tui.ui.screens.referat_preview import choose_export

        if not await self._list_ready():
            return
        session = self._selected_session()
        if session is not None:
            choose_export(self, session)

    def action_plan(self) -> None:
        from bti_tui.ui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen())

    def action_cases(self) -> None:
        from bti_tui.ui.screens.cases import CaseOverviewScreen

        self.app.push_screen(CaseOverviewScreen())

    def action_purge(self) -> None:
        from bti_tui.ui.screens.purge import PurgeScreen

        self.app.push_screen(PurgeScreen())

    def action_language(self) -> None:
        """Cycle bokmål → nynorsk → English; remembered for next time."""
        lang = LANGUAGES[(LANGUAGES.index(self.app.lang) + 1) % len(LANGUAGES)]
        self.app.switch_language(lang)
