"""Fictional demo meetings: one finished, one upcoming.

Given ``today``, the kinds and a language, the same meetings come out every
time (fixed ids), so the referat's golden files can be built from them. Every
person and child here is invented.

The meetings are written in the language they are made in, content
included: the notes, agreements and places come from ``data/demo/<lang>.toml``;
the participants' roles and the services from the meeting kind, in the same
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from bti_tui.model import (
    Agreement,
    Attendance,
    Case,
    CaseReference,
    Consent,
    ConsentStatus,
    Documentation,
    GUARDIANS,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Position,
    UserPresence,
)
from bti_tui.model.case import ConsentGiver
from bti_tui.model.localized import pick
from bti_tui.resources import data_root, load_toml

DEMO_KIND = "instansmote-skole"

_NAMES = {
    "helsesykepleier": "Kari Nordmann",
    "barnevern": "Ola Hansen",
    "familiehjelpen": "Ingrid Berg",
    "kommunepsykolog": "Per Lunde",
    "koordinator": "Siri Dahl",
    "basistjeneste": "Nils Moen",
}

# The demo meetings' fixed ids: writing the demo again overwrites them.
DEMO_MEETINGS = ("demo-ferdig", "demo-neste")


@cache
def demo_texts(lang: str) -> dict[str, Any]:
    """The demo's texts in ``lang`` (``data/demo/<lang>.toml``)."""
    return load_toml(data_root().joinpath("demo", f"{lang}.toml"))


@dataclass(frozen=True)
class DemoData:
    meetings: list[Meeting]
    cases: list[Case]


def _participants(kind: MeetingKind, lang: str, seed: str) -> list[Participant]:
    people = []
    for index, spec in enumerate(kind.fixed_roles):
        person = Participant.from_role(spec, lang, _NAMES.get(spec.id, ""))
        person.id = f"{seed}-p{index}"
        people.append(person)
    return people


def build_demo(kinds: dict[str, MeetingKind], today: date, lang: str = "nb") -> DemoData:
    kind = kinds[DEMO_KIND]
    text = demo_texts(lang)
    roles = {spec.id: spec for spec in kind.roles}

    def service(role_id: str) -> str:
        return pick(roles[role_id].service, lang)

    health, family, welfare, ppt = (service(r) for r in ("helsesykepleier", "familiehjelpen", "barnevern", "ppt"))
    school = text["school"]
    past_day = today - timedelta(days=14)
    next_day = today + timedelta(days=14)

    # --- the finished meeting -------------------------------------------
    done = Meeting.plan(kind, past_day, time(9, 0), text["place"], lang, DEMO_MEETINGS[0])
    done.participants = _participants(kind, lang, "d")
    for person in done.participants:
        person.attendance = Attendance.PRESENT
    done.participants[2].attendance = Attendance.ABSENT  # familiehjelpen: forfall
    invited = Participant("d-ppt", "Tone Vik", attendance=Attendance.PRESENT, fixed=False, role_id="ppt")
    done.participants.append(invited)
    done.moteleder = done.participants[1].id  # barneverntjenesten leads a school meeting
    done.referent = done.participants[5].id  # the school writes the referat

    child = Case(
        id="demo-sak-1",
        reference=CaseReference(initials="AB", birth_date=date(today.year - 10, 3, 14)),
        submitted_by=school,
        consent=Consent(ConsentStatus.GIVEN, [health, family, welfare], ConsentGiver.GUARDIANS),
        firfoting_prepared=True,
        documentation=Documentation(True, text["archive"], text["archive"], ""),
    )
    anonymous = Case(
        id="demo-sak-2",
        reference=CaseReference.anonymized(),
        submitted_by=text["kindergarten"],
        consent=Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS),
    )
    done.slots[0].case_id = child.id
    done.slots[1].case_id = anonymous.id
    done.slots[0].notes = dict(text["notes"]["case_1"])
    done.slots[1].notes = dict(text["notes"]["case_2"])
    done.slots[0].cooperation = [health, family, school]
    done.slots[0].next_meeting = past_day + timedelta(days=21)
    done.slots[0].closed = True
    done.slots[1].closed = True
    # Who tells whom: the guardians were told of the meeting; familiehjelpen
    # (absent, given a task) is told by the school.
    done.slots[0].informing.guardians.presence = UserPresence.INFORMED
    done.slots[0].informing.tellers = {GUARDIANS: "Kari Nordmann", done.participants[2].id: "Nils Moen"}
    agreed = text["agreements"]
    child.agreements = [
        Agreement("demo-a1", agreed["talks"], "Kari Nordmann", health, past_day + timedelta(days=7), done.id),
        Agreement("demo-a2", agreed["guidance"], "Ingrid Berg", family, past_day + timedelta(days=30), done.id),
        Agreement("demo-a3", agreed["break_adult"], "Nils Moen", school, None, done.id),
    ]
    child.assign_stafettholder("Kari Nordmann", health, done.id, past_day)
    anonymous.agreements = [
        Agreement("demo-a4", agreed["ppt"], "Tone Vik", ppt, past_day + timedelta(days=10), done.id),
    ]
    anonymous.assign_stafettholder(text["stafettholder_case_2"], text["kindergarten"], done.id, past_day)

    # The clock: five minutes' opening, each step its planned time plus a little.
    now = datetime.combine(past_day, time(9, 0))
    done.start(now)
    now += timedelta(minutes=kind.opening_minutes)
    for slot in (0, 1):
        for step in kind.steps:
            done.clock.enter(Position(step.id, slot), now)
            now += timedelta(minutes=step.minutes + (2 if step.id == "r-causes" else 0))
            if slot == 0 and step.id == "r-situation":
                done.clock.pause(now)
                now += timedelta(minutes=5)
                done.clock.resume(now)
    done.clock.enter(Position.closing(), now)
    now += timedelta(minutes=5)
    done.finish(now)

    # --- the upcoming meeting ------------------------------------------
    upcoming = Meeting.plan(kind, next_day, time(9, 0), text["place"], lang, DEMO_MEETINGS[1])
    upcoming.participants = _participants(kind, lang, "n")
    upcoming.moteleder = upcoming.participants[1].id
    upcoming.referent = upcoming.participants[5].id
    returning = Case(
        id="demo-sak-3",
        reference=CaseReference(initials="CD", birth_date=date(today.year - 7, 9, 2)),
        submitted_by=school,
        consent=Consent(ConsentStatus.MISSING),
    )
    # The child of the finished meeting comes back: the upcoming meeting
    # opens its case with a review of the open agreements.
    upcoming.slots[0].case_id = child.id
    upcoming.slots[1].case_id = returning.id
    assert upcoming.status is MeetingStatus.PLANNED
    return DemoData([done, upcoming], [child, anonymous, returning])
