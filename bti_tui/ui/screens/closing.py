"""The closing: both cases' agreements and stafettholders, the
documentation checklist, and the meeting marked finished."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Static

from bti_tui.model import MeetingStatus, ValidationError
from bti_tui.ui.format import date_text
from bti_tui.ui.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from bti_tui.session import MeetingSession


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
                yield TickBox(t("ui.closing.stafettlogg"), value=doc.stafettlogg_created, id=f"doc-stafettlogg-{slot}")
                with Horizontal(classes="field-row"):
                    yield Input(doc.consent_archived_in, id=f"doc-consent-{slot}", placeholder=t("ui.closing.consent_archived"))
                    yield Input(doc.firfoting_archived_in, id=f"doc-firfoting-{slot}", placeholder=t("ui.closing.firfoting_archived"))
        yield Static("", id="closing-error", classes="form-error")

    def refresh_content(self) -> None:
        from bti_tui.ui.screens.meeting import case_label

        t = self.app.t
        s = self.session
        finished = s.meeting.status is MeetingStatus.FINISHED
        self.query_one("#closing-status", Static).update(
            "✔ " + t("ui.closing.is_finished") if finished else t("ui.closing.finish_hint")
        )
        lines: list[str] = []
        for slot in range(len(s.meeting.slots)):
            case = s.case(slot)
            if case is None:
                continue
            label = case_label(t, s, slot)
            self.query_one(f"#doc-title-{slot}", Label).update(label)
            holder = case.stafettholder
            lines.append(f"[b]{label}[/b]")
            lines.append(
                "  " + t("ui.closing.stafettholder", who=f"{holder.name} ({holder.service})" if holder else "⚠ " + t("ui.closing.none"))
            )
            agreements = case.agreements_from(s.meeting.id)
            if not agreements:
                lines.append("  " + t("ui.closing.no_agreements"))
            for agreement in agreements:
                due = date_text(agreement.due) or "—"
                lines.append(f"  • {agreement.what} — {agreement.responsible}, {agreement.service} — {t('ui.closing.due', due=due)}")
            next_meeting = s.meeting.slots[slot].next_meeting
            lines.append("  " + t("ui.closing.next_meeting", when=date_text(next_meeting) or "—"))
            lines.append("")
        self.query_one("#closing-summary", Static).update("\n".join(lines))

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
        field = "consent_archived_in" if "consent" in (widget.id or "") else "firfoting_archived_in"
        case = self.session.case(slot)
        if case is None or getattr(case.documentation, field) == widget.value:
            return
        try:
            self.session.set_documentation(slot, save=save, **{field: widget.value})
        except ValidationError as error:
            self.query_one("#closing-error", Static).update("⚠ " + self.app.t.error(error))
            return
        self.query_one("#closing-error", Static).update("")
