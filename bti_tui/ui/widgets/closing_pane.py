"""The closing: both cases' agreements and stafettholders, the
documentation checklist, and the meeting marked finished."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Static

from bti_tui.model import ValidationError
from bti_tui.model.dates import format_date
from bti_tui.session import MeetingSession
from bti_tui.ui.labels import case_label
from bti_tui.ui.text import join, lines, plain, safe
from bti_tui.ui.widgets.tick_box import TickBox

ARCHIVE_FIELDS = {"consent": "consent_archived_in", "firfoting": "firfoting_archived_in"}


class ClosingPane(VerticalScroll):
    def __init__(self, session: MeetingSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Label(t("ui.closing.title"), classes="screen-title")
        yield Static("", id="closing-status")
        yield Static("", id="closing-summary")
        yield Label(t("ui.closing.documentation"), classes="section-title")
        for slot in range(len(self.session.meeting.slots)):
            case = self.session.case(slot)
            if case is None:
                continue
            doc = case.documentation
            with Vertical(classes="doc-case"):
                yield Label("", id=f"doc-title-{slot}", classes="feature-title")
                yield Static(t("ui.closing.documentation_not_applicable"), id=f"doc-na-{slot}")
                yield TickBox(t("ui.closing.stafettlogg"), value=doc.stafettlogg_created, id=f"doc-stafettlogg-{slot}")
                with Horizontal(classes="field-row", id=f"doc-fields-{slot}"):
                    with Vertical(classes="field"):
                        yield Label(t("ui.closing.consent_archived"), classes="field-label")
                        yield Input(safe(doc.consent_archived_in, multiline=False), id=f"doc-consent-{slot}", placeholder="ESA elevmappe …")
                    with Vertical(classes="field"):
                        yield Label(t("ui.closing.firfoting_archived"), classes="field-label")
                        yield Input(safe(doc.firfoting_archived_in, multiline=False), id=f"doc-firfoting-{slot}", placeholder="ESA elevmappe …")
        yield Static("", id="closing-error", classes="form-error")

    def refresh_content(self) -> None:
        t = self.app.t
        s = self.session
        self.query_one("#closing-status", Static).update(
            plain("✔ " + t("ui.closing.is_finished") + " " + t("ui.meeting.finished_read_only"))
            if s.read_only
            else plain(t("ui.closing.finish_hint"))
        )
        out: list[Text | str] = []
        for slot in range(len(s.meeting.slots)):
            case = s.case(slot)
            if case is None:
                continue
            label = case_label(t, s, slot)
            label.stylize("bold")
            self.query_one(f"#doc-title-{slot}", Label).update(label.copy())
            applies = s.meeting.slots[slot].documentation_applies(case.anonymous)
            self.query_one(f"#doc-na-{slot}").display = not applies
            for part in (f"#doc-stafettlogg-{slot}", f"#doc-fields-{slot}"):
                self.query_one(part).display = applies
            holder = case.stafettholder
            advice = s.meeting.slots[slot].advice_only and holder is None
            out.append(label)
            if advice:
                who = t("ui.closing.advice_only")
            elif holder:
                who = f"{holder.name} ({holder.service})" if holder.service else holder.name
            else:
                who = "⚠ " + t("ui.closing.none")
            out.append("  " + t("ui.closing.stafettholder", who=who))
            agreements = case.agreements_from(s.meeting.id)
            if not agreements:
                out.append("  " + t("ui.closing.no_agreements"))
            for agreement in agreements:
                due = format_date(agreement.due) or "—"
                out.append(join("  • ", plain(f"{agreement.what} — {agreement.responsible}, {agreement.service}"), f" — {t('ui.closing.due', due=due)}"))
            next_meeting = s.meeting.slots[slot].next_meeting
            out.append("  " + t("ui.closing.next_meeting", when=format_date(next_meeting) or "—"))
            out.append("")
        self.query_one("#closing-summary", Static).update(lines(out))

    def commit(self) -> None:
        """Take the checklist as it stands in the fields (see MeetingScreen.commit_edits)."""
        for checkbox in self.query(Checkbox):
            self.session.set_documentation(self._slot_of(checkbox.id), save=False, stafettlogg_created=checkbox.value)
        for field in self.query(Input):
            self._apply(field, save=False)

    def _slot_of(self, widget_id: str | None) -> int:
        return int((widget_id or "0").rsplit("-", 1)[1])

    @on(Checkbox.Changed)
    def _stafettlogg(self, event: Checkbox.Changed) -> None:
        self.session.set_documentation(self._slot_of(event.checkbox.id), stafettlogg_created=event.value)

    @on(Input.Changed)
    def _archived(self, event: Input.Changed) -> None:
        self._apply(event.input, save=True)

    def _apply(self, widget: Input, save: bool) -> None:
        slot = self._slot_of(widget.id)
        field = ARCHIVE_FIELDS[(widget.id or "").split("-")[1]]
        case = self.session.case(slot)
        if case is None or getattr(case.documentation, field) == widget.value.strip():
            return
        try:
            self.session.set_documentation(slot, save=save, **{field: widget.value})
        except ValidationError as error:
            self.query_one("#closing-error", Static).update(plain("⚠ " + self.app.t.error(error)))
            return
        self.query_one("#closing-error", Static).update("")
