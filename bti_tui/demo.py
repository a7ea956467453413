"""Fictional demo meetings: one finished, one upcoming.

Pure: given ``today`` and the kinds, the same meetings come out every time
(fixed ids), so the referat's golden files can be built from them. Every
person and child here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bti_tui.model import (
    Agreement,
    Attendance,
    Case,
    CaseReference,
    Consent,
    ConsentStatus,
    Documentation,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    Position,
)
from bti_tui.model.case import ConsentGiver

DEMO_KIND = "instansmote-skole"

_NAMES = {
    "helsesykepleier": "Kari Nordmann",
    "barnevern": "Ola Hansen",
    "familiehjelpen": "Ingrid Berg",
    "kommunepsykolog": "Per Lunde",
    "koordinator": "Siri Dahl",
    "basistjeneste": "Nils Moen",
}

_NOTES = {
    "nb": {
        "g-problem": "Eleven har høyt fravær siden høsten. Mål: stabilt oppmøte og trygghet i klassen innen jul.",
        "r-situation": "Skolen melder om fravær på 30 % og lite kontakt med medelever. Foresatte er bekymret og samarbeider godt.",
        "r-causes": "Mulige årsaker: utrygghet i friminuttene, søvnvansker og en krevende periode hjemme.",
        "o-focus": "- Trygghet i skolehverdagen\n- Søvn og rutiner\n- Støtte til foresatte",
        "o-options": "Samtaler med helsesykepleier, veiledning til foresatte fra familiehjelpen, fast voksen i friminuttene.",
        "w-agreements": "Avtalene leses opp og godkjennes av alle.",
        "w-cooperation": "Skolehelsetjenesten, familiehjelpen og skolen deltar videre.",
        "w-stafettholder": "Helsesykepleier tar stafetten og kaller inn foresatte.",
        "w-next-meeting": "Tverrfaglig samarbeidsmøte på skolen.",
    },
    "second": {
        "g-problem": "Råd om språkutvikling hos et barn i barnehagen (anonym drøfting).",
        "r-situation": "Barnet bruker få ord og trekker seg unna lek med andre.",
    },
}


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
    past_day = today - timedelta(days=14)
    next_day = today + timedelta(days=14)

    # --- the finished meeting -------------------------------------------
    done = Meeting.plan(kind, past_day, time(9, 0), "Nordby skole, møterom 2", lang, "demo-ferdig")
    done.participants = _participants(kind, lang, "d")
    for person in done.participants:
        person.attendance = Attendance.PRESENT
    done.participants[2].attendance = Attendance.ABSENT  # familiehjelpen: forfall
    invited = Participant("d-ppt", "Tone Vik", "PP-rådgiver", "PPT", Attendance.PRESENT, fixed=False)
    done.participants.append(invited)
    done.moteleder = done.participants[1].id  # barneverntjenesten leads a school meeting
    done.referent = done.participants[5].id  # the school writes the referat

    child = Case(
        id="demo-sak-1",
        reference=CaseReference(initials="AB", birth_date=date(today.year - 10, 3, 14)),
        submitted_by="Nordby skole",
        consent=Consent(ConsentStatus.GIVEN, ["Skolehelsetjenesten", "Familiehjelpen", "Barneverntjenesten"], ConsentGiver.GUARDIANS),
        firfoting_prepared=True,
        documentation=Documentation(True, "ESA elevmappe", "ESA elevmappe", ""),
    )
    anonymous = Case(
        id="demo-sak-2",
        reference=CaseReference.anonymized(),
        submitted_by="Solsikken barnehage",
        consent=Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS),
    )
    done.slots[0].case_id = child.id
    done.slots[1].case_id = anonymous.id
    done.slots[0].notes = dict(_NOTES["nb"])
    done.slots[1].notes = dict(_NOTES["second"])
    done.slots[0].cooperation = ["Skolehelsetjenesten", "Familiehjelpen", "Nordby skole"]
    done.slots[0].next_meeting = past_day + timedelta(days=21)
    done.slots[0].closed = True
    done.slots[1].closed = True
    child.agreements = [
        Agreement("demo-a1", "Samtaler hver uke med eleven", "Kari Nordmann", "Skolehelsetjenesten", past_day + timedelta(days=7), done.id),
        Agreement("demo-a2", "Veiledning til foresatte, fire ganger", "Ingrid Berg", "Familiehjelpen", past_day + timedelta(days=30), done.id),
        Agreement("demo-a3", "Fast voksen i friminuttene", "Nils Moen", "Nordby skole", None, done.id),
    ]
    child.assign_stafettholder("Kari Nordmann", "Skolehelsetjenesten", done.id, past_day)
    anonymous.agreements = [
        Agreement("demo-a4", "Barnehagen ber PPT om veiledning", "Tone Vik", "PPT", past_day + timedelta(days=10), done.id),
    ]
    anonymous.assign_stafettholder("Pedagogisk leder", "Solsikken barnehage", done.id, past_day)

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
    upcoming = Meeting.plan(kind, next_day, time(9, 0), "Nordby skole, møterom 2", lang, "demo-neste")
    upcoming.participants = _participants(kind, lang, "n")
    upcoming.moteleder = upcoming.participants[1].id
    upcoming.referent = upcoming.participants[5].id
    returning = Case(
        id="demo-sak-3",
        reference=CaseReference(initials="CD", birth_date=date(today.year - 7, 9, 2)),
        submitted_by="Nordby skole",
        consent=Consent(ConsentStatus.MISSING),
    )
    upcoming.slots[0].case_id = returning.id
    assert upcoming.status is MeetingStatus.PLANNED
    return DemoData([done, upcoming], [child, anonymous, returning])
