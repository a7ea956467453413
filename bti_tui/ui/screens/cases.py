"""The case overview: the cases with reference, stafettholder, next
meeting, open and overdue agreements, filtered by status and service;
Enter opens a case (:mod:`bti_tui.ui.screens.case_detail`).

"Today" is the app's clock (``app.now``), so a test can fix it. Overdue is
shown with a sign and a word, not by colour alone (a monochrome projector).
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Label, Select, Static

from bti_tui.i18n import Translator
from bti_tui.model import CaseStatus
from bti_tui.model.dates import format_date
from bti_tui.resources import stylesheet
from bti_tui.session.cases import CaseBook, CaseRow
from bti_tui.store import StoreError
from bti_tui.ui.screens.base import BtiScreen
from bti_tui.ui.text import plain
from bti_tui.ui.widgets.tables import selected_key

STATUSES = ("open", "closed", "all")
ALL_SERVICES = ""  # the service filter's "every service"
OVERDUE_SIGN = "⚠"


def reference(t: Translator, anonymous: bool, initials: str, born: date | None, case_id: str) -> str:
    """The case as people name it: initials and birth date; an anonymous
    case by its id (there may be several)."""
    if anonymous:
        return t("cases_ui.anonymous", case_id=case_id)
    return t("referat.case.born", initials=initials, birth_date=format_date(born)) if born else initials


def fit(text: str, room: int) -> str:
    """``text`` cut to ``room`` characters with an ellipsis (a narrow
    screen: the table's columns must fit, the full text is elsewhere)."""
    return text if len(text) <= room else text[: max(room - 1, 1)] + "…"


#: A table's border, scroll bar and the screen's margins (cell padding apart).
TABLE_CHROME = 8


def column_room(width: int, headers: list[str], cells: list[list[str]], cut: int) -> int:
    """What the first ``cut`` columns may share so the table fits ``width``:
    the others take their widest cell or header, each column 2 of padding."""
    rest = sum(max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(headers) if i >= cut)
    return width - TABLE_CHROME - 2 * len(headers) - rest


def overdue_text(t: Translator, count: int, style: str) -> Text:
    """"⚠ 2 forfalt" in the warning style; "0" plain."""
    if not count:
        return Text("0")
    return Text(f"{OVERDUE_SIGN} " + t("cases_ui.overdue_count", count=count), style=style)


def today_of(app) -> date:
    return app.now().date()


class CaseOverviewScreen(BtiScreen):
    CSS_PATH = stylesheet("cases.tcss")  # read when the screen is first shown
    BINDINGS = [
        Binding("enter", "open_case", "keys.cases.open_case"),
        Binding("escape", "back", "keys.back"),
    ]
    AUTO_FOCUS = "#cases-table"

    def __init__(self) -> None:
        super().__init__()
        self.book = CaseBook(self.app.repo, self.app.saver)

    def compose(self) -> ComposeResult:
        with Vertical(id="cases"):
            yield Label(self.t("cases_ui.overview.title"), classes="screen-title")
            yield Static(self.t("cases_ui.overview.help"), classes="help-line", id="cases-help")
            with Horizontal(id="cases-filters"):
                yield Label(self.t("cases_ui.overview.status"), classes="filter-label")
                options = [(self.t(f"cases.case_status.{s}"), s) for s in STATUSES]
                yield Select(options, value="open", allow_blank=False, id="cases-status", compact=True)
                yield Label(self.t("cases_ui.overview.service"), classes="filter-label")
                yield Select([(self.t("cases_ui.overview.all_services"), ALL_SERVICES)], value=ALL_SERVICES,
                             allow_blank=False, id="cases-service", compact=True)
            yield Static("", id="cases-summary", classes="help-line")
            yield Static("", id="cases-empty")
            yield DataTable(id="cases-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#cases-table", DataTable)
        for column in ("reference", "stafettholder", "next", "open", "overdue"):
            table.add_column(self.t(f"cases_ui.overview.col_{column}"), key=column)
        self._fill_services()

    def on_screen_resume(self) -> None:
        # Also when first shown, and back from a case that was changed.
        self.reload()

    def _fill_services(self) -> None:
        """The services any case has, for the filter."""
        try:
            rows = self.book.open_cases(today_of(self.app), status="all")
        except StoreError as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            return
        services = sorted({s for row in rows for s in row.services if s}, key=str.casefold)
        options = [(self.t("cases_ui.overview.all_services"), ALL_SERVICES), *((plain(s, multiline=False), s) for s in services)]
        self.query_one("#cases-service", Select).set_options(options)

    @property
    def status(self) -> str:
        return str(self.query_one("#cases-status", Select).value)

    @property
    def service(self) -> str:
        value = self.query_one("#cases-service", Select).value
        return value if isinstance(value, str) else ALL_SERVICES

    @on(Select.Changed)
    def _filter_changed(self) -> None:
        self.reload()

    def reload(self) -> list[CaseRow]:
        table = self.query_one("#cases-table", DataTable)
        selected = selected_key(table)
        table.clear()
        today = today_of(self.app)
        try:
            rows = self.book.open_cases(today, status=self.status, service=self.service or None)
        except StoreError as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            rows = []
        warn = f"bold {self.app.current_theme.error or 'red'}"
        overdue = [overdue_text(self.t, row.overdue_agreements, warn) for row in rows]
        # The two text columns share what the others leave (80 columns: a
        # long name is cut; the case screen shows it whole).
        headers = [str(c.label) for c in table.columns.values()]
        cells = [["", "", "00.00.0000", str(r.open_agreements), late.plain] for r, late in zip(rows, overdue, strict=True)]
        room = max(column_room(self.app.size.width, headers, cells, 2), 30)
        for row, late in zip(rows, overdue, strict=True):
            name = reference(self.t, row.anonymous, row.initials, row.birth_date, row.id)
            if row.status is not CaseStatus.OPEN:  # only "closed" or "all" show these
                name += " · " + self.t(f"cases.case_status.{row.status.value}")
            table.add_row(
                plain(fit(name, max(room * 11 // 20, 19)), multiline=False),
                plain(fit(row.stafettholder or "—", room - max(room * 11 // 20, 19)), multiline=False),
                Text(format_date(row.next_meeting) or "—"),
                Text(str(row.open_agreements)),
                late,
                key=row.id,
            )
        late_count = sum(r.overdue_agreements for r in rows)
        self.query_one("#cases-summary", Static).update(
            plain(self.t("cases_ui.overview.summary", count=len(rows), today=format_date(today)))
            + (Text(f"  {OVERDUE_SIGN} " + self.t("cases_ui.overview.overdue_total", count=late_count), style=warn) if late_count else Text(""))
        )
        empty = self.query_one("#cases-empty", Static)
        empty.update(self.t("cases_ui.overview.empty", status=self.t(f"cases.case_status.{self.status}")) if not rows else "")
        empty.display = not rows
        table.display = bool(rows)
        if rows:
            if selected is not None and selected in {r.id for r in rows}:
                table.move_cursor(row=table.get_row_index(selected))
            if self.focused is None:
                table.focus()
        return rows

    @on(DataTable.RowSelected, "#cases-table")
    def _row_selected(self) -> None:
        self.action_open_case()

    def action_open_case(self) -> None:
        from bti_tui.ui.screens.case_detail import CaseScreen

        case_id = selected_key(self.query_one("#cases-table", DataTable))
        if case_id is None:
            self.say(self.t("cases_ui.overview.none_selected"), severity="warning")
            return
        try:
            screen = CaseScreen(self.book, case_id)
        except StoreError as error:
            self.say(self.message_for(error), severity="error", timeout=15)
            return
        self.app.push_screen(screen)

    def action_back(self) -> None:
        self.app.pop_screen()
