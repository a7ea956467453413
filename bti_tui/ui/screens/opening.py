"""The opening, for projection: purpose, mandate, working form, the time
frame and the cases: what the møteleder presents first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from bti_tui.model import Attendance, Phase
from bti_tui.model.localized import pick
from bti_tui.ui.format import date_text, time_text

if TYPE_CHECKING:
    from bti_tui.session import MeetingSession


class OpeningPane(VerticalScroll):
    def __init__(self, session: MeetingSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session

    def compose(self) -> ComposeResult:
        yield Label("", id="opening-title", classes="screen-title")
        yield Static("", id="opening-body")

    def refresh_content(self) -> None:
        from bti_tui.ui.screens.meeting import case_label

        t = self.app.t
        lang = self.app.lang
        s = self.session
        m, kind = s.meeting, s.kind
        leader = m.participant(m.moteleder)
        referent = m.participant(m.referent)
        self.query_one("#opening-title", Label).update(kind.name_in(lang))
        parts = [
            t("ui.opening.when_where", date=date_text(m.date), time=time_text(m.start_time), place=m.place or "—"),
            t("ui.opening.roles", leader=leader.label() if leader else "—", referent=referent.label() if referent else "—"),
            t("ui.opening.present", names=", ".join(p.label() for p in m.present) or "—"),
            t("ui.opening.absent", names=", ".join(p.label() for p in m.absent) or "—"),
            *(
                [t("ui.opening.invited", names=", ".join(p.label() for p in invited))]
                if (invited := [p for p in m.participants if p.attendance is Attendance.INVITED])
                else []
            ),
            "",
            f"[b]{t('ui.opening.purpose')}[/b]",
            *(f"• {pick(text, lang)}" for text in kind.purpose),
            "",
            f"[b]{t('ui.opening.mandate')}[/b]",
            *(f"• {pick(text, lang)}" for text in kind.mandate),
            "",
            f"[b]{t('ui.opening.working_form')}[/b]",
            *(f"• {pick(text, lang)}" for text in kind.working_form),
            "",
            f"[b]{t('ui.opening.time_frame')}[/b]",
            t(
                "ui.opening.time_frame_text",
                total=kind.duration_minutes,
                opening=kind.opening_minutes,
                per_case=kind.case_minutes,
                g=kind.phase_minutes(Phase.G),
                r=kind.phase_minutes(Phase.R),
                o=kind.phase_minutes(Phase.O),
                w=kind.phase_minutes(Phase.W),
                buffer=kind.buffer_minutes,
            ),
            "",
            f"[b]{t('ui.opening.cases')}[/b]",
        ]
        for slot in range(len(m.slots)):
            case = s.case(slot)
            if case is None:
                continue
            consent = t(f"ui.consent.{case.consent.status.value}")
            parts.append(f"• {case_label(t, s, slot)} — {t('ui.opening.submitted_by', who=case.submitted_by or '—')} — {t('ui.opening.consent', status=consent)}")
        parts += ["", t("ui.opening.next_hint" if not m.clock.started else "ui.opening.next_hint_running")]
        self.query_one("#opening-body", Static).update("\n".join(parts))
