"""What the wall shows, decided without Textual: from the meeting as last
read, the next planned one and ``now``, in the user's language.

The clock is computed from the meeting's clock event log and ``now`` (the
model's budgets), so it counts down between saves.

Privacy: a case's initials and birth date are shown only while that case
is being discussed; on the opening, the closing and for other cases the
wall says "Sak 1", "Sak 2". ``show_reference=False`` (``wall_show_reference``
in data/settings.toml) never shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bti_tui.model.consent import discussed_anonymously
from bti_tui.model import Phase, Position
from bti_tui.model.clock import CLOSING, OPENING, Budget
from bti_tui.model.dates import format_date, format_span, format_time
from bti_tui.ui.wall.follow import Followed, Upcoming

Translate = Callable[..., str]

#: Agenda step ids that are a read-back of their own, should a kind add one;
#: otherwise the last agenda step of a case is its read-back.
READ_BACK_STEPS = frozenset({"read-back", "readback", "read_back"})
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class ClockFace:
    digits: str  # "12:34", "+02:13" (overrun), "09:41" (time of day when idle)
    caption: str
    state: str = ""  # "⏸ PAUSE", "⚠ OVER TID"
    over: bool = False
    paused: bool = False
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class WallView:
    mode: str  # "idle" | "opening" | "step" | "read_back" | "closing"
    clock: ClockFace
    phase: Phase | None = None
    where: str = ""  # "Sak 1: AB, født 14.03.2016"
    step_of: str = ""  # "steg 3 av 9"
    title: str = ""
    prompt: str = ""
    notes: str = ""
    notes_heading: str = ""
    agreements: tuple[str, ...] = ()
    agreements_heading: str = ""
    big_heading: str = ""
    big: tuple[str, ...] = ()  # paragraphs in large type: the read-back, or the next meeting


def is_read_back(followed: Followed, position: Position) -> bool:
    steps = followed.kind.steps
    return position.slot is not None and (position.step == steps[-1].id or position.step in READ_BACK_STEPS)


def case_label(t: Translate, followed: Followed, slot: int, current: Position | None, show_reference: bool) -> str:
    """"Sak 1: AB, født 14.03.2016" while that case is discussed (and the
    setting allows it), "Sak 1" otherwise."""
    plain = t("wall.case", n=slot + 1)
    if not show_reference or current is None or current.slot != slot:
        return plain
    case_id = followed.meeting.slots[slot].case_id
    case = followed.cases.get(case_id) if case_id else None
    if case is None:
        return plain
    # The room decided so, or the consent no longer holds: no name.
    if discussed_anonymously(case, followed.meeting.slots[slot], followed.meeting.date):
        return t("wall.case_anonymous", n=slot + 1)
    ref = case.reference
    return t("wall.case_ref", n=slot + 1, initials=ref.initials, born=format_date(ref.birth_date))


def _clock(t: Translate, followed: Followed, position: Position, now: datetime) -> ClockFace:
    meeting, kind = followed.meeting, followed.kind
    step = meeting.position_budget(kind, position, now)
    case = meeting.case_budget(kind, position.slot, now) if position.slot is not None else None
    whole = meeting.meeting_budget(kind, now)

    def line(key: str, budget: Budget) -> str:
        if budget.over:
            return "⚠ " + t(key) + ": " + t("ui.clock.line_over", over=format_span(budget.overrun))
        return t(key) + ": " + t("ui.clock.line", left=format_span(budget.left))

    lines = ([line("ui.clock.case", case)] if case is not None else []) + [line("ui.clock.meeting", whole)]
    paused = meeting.clock.paused
    state = ""
    if paused:
        state = "⏸ " + t("ui.clock.paused")
    elif step.over or (case is not None and case.over) or whole.over:
        state = "⚠ " + t("ui.clock.over_word")
    if step.over:
        return ClockFace("+" + format_span(step.overrun), t("ui.clock.step_over"), state, True, paused, tuple(lines))
    return ClockFace(format_span(step.left), t("ui.clock.step_left"), state, False, paused, tuple(lines))


def _agreement_lines(t: Translate, followed: Followed, slot: int) -> tuple[str, ...]:
    """This case's agreements: open ones from earlier meetings first, marked."""
    case_id = followed.meeting.slots[slot].case_id
    case = followed.cases.get(case_id) if case_id else None
    if case is None:
        return ()
    out = []
    earlier = case.open_agreements_before(followed.meeting.id)
    for agreement, before in [(a, True) for a in earlier] + [(a, False) for a in case.agreements_from(followed.meeting.id)]:
        who = ", ".join(part for part in (agreement.responsible, agreement.service) if part)
        due = "\n  " + t("wall.due", date=format_date(agreement.due)) if agreement.due else ""
        mark = t("wall.from_earlier") + " " if before else ""
        out.append(f"• {mark}{agreement.what}\n  {who}{due}")
    return tuple(out)


def _read_back(t: Translate, followed: Followed, slot: int) -> tuple[str, ...]:
    """The case's decisions as read back in the room, one paragraph each."""
    meeting = followed.meeting
    slot_data = meeting.slots[slot]
    case = followed.cases.get(slot_data.case_id) if slot_data.case_id else None
    out: list[str] = []
    agreements = case.agreements_from(meeting.id) if case else []
    out.append(t("wall.agreements") + ":" if agreements else t("wall.no_agreements"))
    for number, agreement in enumerate(agreements, 1):
        out.append(f"{number}. {agreement.what} - {agreement.responsible}")
    holder = case.stafettholder if case else None
    if holder is not None:
        who = f"{holder.name} ({holder.service})" if holder.service else holder.name
        out.append(t("wall.stafettholder", who=who))
    elif not slot_data.advice_only:
        out.append(t("wall.stafettholder", who=t("wall.not_chosen")))
    if slot_data.cooperation:
        out.append(t("wall.cooperation", services=", ".join(slot_data.cooperation)))
    if slot_data.next_meeting is not None:
        out.append(t("wall.next_meeting", date=format_date(slot_data.next_meeting)))
    if slot_data.approved_at is not None:
        out.append("✔ " + t("wall.approved", time=format_time(slot_data.approved_at)))
    return tuple(out)


def _opening(t: Translate, lang: str, followed: Followed, position: Position, now: datetime) -> WallView:
    meeting, kind = followed.meeting, followed.kind
    cases = [t("wall.case", n=slot + 1) for slot, s in enumerate(meeting.slots) if s.case_id]
    leader = meeting.participant(meeting.moteleder)
    referent = meeting.participant(meeting.referent)
    notes = [t("wall.cases_today", cases=", ".join(cases) or "—")]
    notes.append(t("wall.roles", leader=leader.label() if leader else "—", referent=referent.label() if referent else "—"))
    return WallView(
        mode="opening",
        clock=_clock(t, followed, position, now),
        where=kind.name_in(lang),
        title=t("wall.opening"),
        prompt=t("wall.when_where", date=format_date(meeting.date), time=format_time(meeting.start_time), place=meeting.place or "—"),
        notes="\n".join(notes),
    )


def _closing(t: Translate, lang: str, followed: Followed, position: Position, now: datetime) -> WallView:
    meeting, kind = followed.meeting, followed.kind
    notes = []
    for slot, slot_data in enumerate(meeting.slots):
        case = followed.cases.get(slot_data.case_id) if slot_data.case_id else None
        if case is None:
            continue
        count = len(case.agreements_from(meeting.id))
        holder = case.stafettholder
        who = holder.name if holder else t("wall.not_chosen")
        notes.append(t("wall.case_summary", case=t("wall.case", n=slot + 1), count=count, who=who))
    return WallView(
        mode="closing",
        clock=_clock(t, followed, position, now),
        where=kind.name_in(lang),
        title=t("wall.closing"),
        notes="\n".join(notes),
    )


def meeting_view(t: Translate, lang: str, followed: Followed, now: datetime, show_reference: bool = True) -> WallView:
    meeting, kind = followed.meeting, followed.kind
    position = meeting.clock.position
    if position is None or position not in meeting.positions(kind):
        position = Position.opening()
    if position.step == OPENING:
        return _opening(t, lang, followed, position, now)
    if position.step == CLOSING or position.slot is None:
        return _closing(t, lang, followed, position, now)
    step = kind.step(position.step)
    slot = position.slot
    read_back = is_read_back(followed, position)
    return WallView(
        mode="read_back" if read_back else "step",
        clock=_clock(t, followed, position, now),
        phase=step.phase,
        where=case_label(t, followed, slot, position, show_reference),
        step_of=t("wall.step_of", n=kind.step_index(step.id) + 1, total=len(kind.steps)),
        title=step.title_in(lang),
        prompt=step.prompt_in(lang),
        notes=meeting.slots[slot].note(step.id),
        notes_heading=t("wall.notes"),
        agreements=_agreement_lines(t, followed, slot),
        agreements_heading=t("wall.agreements"),
        big_heading=step.title_in(lang) if read_back else "",
        big=_read_back(t, followed, slot) if read_back else (),
    )


def idle_view(t: Translate, lang: str, upcoming: Upcoming | None, now: datetime, kind_name: Callable[[str], str]) -> WallView:
    """No meeting runs: the next planned one (or none) in large type, and
    the time of day."""
    if upcoming is None:
        big: tuple[str, ...] = (t("wall.nothing_planned"),)
    else:
        at = upcoming.starts_at
        weekday = t(f"plan.weekday.{_WEEKDAYS[at.weekday()]}")
        big = (
            t("wall.next"),
            kind_name(upcoming.kind_id),
            t("wall.next_when", weekday=weekday, date=format_date(at.date()), time=format_time(at)),
        ) + ((upcoming.place,) if upcoming.place else ())
    return WallView(
        mode="idle",
        clock=ClockFace(format_time(now), t("wall.time_of_day")),
        title=t("wall.no_meeting"),
        big_heading=t("wall.waiting"),
        big=big,
    )
