"""The opening, for projection: purpose, mandate, working form, the time
frame and the cases: what the møteleder presents first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from bti_tui.model import Attendance, Phase
from bti_tui.model.dates import format_date, format_time
from bti_tui.model.localized import pick
from bti_tui.session import MeetingSession
from bti_tui.ui.consent_words import problem_text
from bti_tui.ui.labels import case_label
from bti_tui.ui.text import join, lines, plain


class OpeningPane(VerticalScroll):
    def __init__(self, session: MeetingSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session

    def compose(self) -> ComposeResult:
        yield Label("", id="opening-title", classes="screen-title")
        yield Static("", id="opening-body")

    def refresh_content(self) -> None:
        t = self.app.t
        lang = self.app.lang
        s = self.session
        m, kind = s.meeting, s.kind
        leader = m.participant(m.moteleder)
        referent = m.participant(m.referent)
        self.query_one("#opening-title", Label).update(plain(kind.name_in(lang)))

        def names(people) -> str:
            return ", ".join(p.label(kind, lang) for p in people) or "—"

        def heading(key: str) -> Text:
            return Text(t(key), style="bold")

        parts: list[Text | str] = [
            t("ui.opening.when_where", date=format_date(m.date), time=format_time(m.start_time), place=m.place or "—"),
            t("ui.opening.roles", leader=leader.label(kind, lang) if leader else "—", referent=referent.label(kind, lang) if referent else "—"),
            t("ui.opening.present", names=names(m.present)),
            t("ui.opening.absent", names=names(m.absent)),
        ]
        invited = [p for p in m.participants if p.attendance is Attendance.INVITED]
        if invited:
            parts.append(t("ui.opening.invited", names=names(invited)))
        if kind.guardians:
            parts.append(pick(kind.guardians, lang))
        for key, texts in (
            ("ui.opening.purpose", kind.purpose),
            ("ui.opening.mandate", kind.mandate),
            ("ui.opening.working_form", kind.working_form),
        ):
            parts += ["", heading(key), *(f"• {pick(text, lang)}" for text in texts)]
        parts += [
            "",
            heading("ui.opening.time_frame"),
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
            heading("ui.opening.cases"),
        ]
        for slot in range(len(m.slots)):
            case = s.case(slot)
            if case is None:
                continue
            consent = t(f"ui.consent.{case.consent.status.value}")
            parts.append(
                join(
                    "• ",
                    case_label(t, s, slot),
                    f" — {t('ui.opening.submitted_by', who=case.submitted_by or '—')} — {t('ui.opening.consent', status=consent)}",
                )
            )
            warning = s.consent_warning(slot) if not s.read_only and s.needs_consent_warning(slot) else None
            if warning is not None:  # named before the case starts (issue 18)
                parts.append(plain("  " + t("consent.warning.opening", text=problem_text(t, warning, case)), style="bold"))
        if s.read_only:
            parts += ["", t("ui.meeting.finished_read_only")]
        else:
            parts += ["", t("ui.opening.next_hint" if not m.clock.started else "ui.opening.next_hint_running")]
        self.query_one("#opening-body", Static).update(lines(parts))
