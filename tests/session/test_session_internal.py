"""The internt arbeidsmøte as seed 000 says, as session rules: the
stafetthaldar named before the meeting (by whom, when) and preset as
møteleder and referent (changeable with a reason), no external partner
(PPT guidance the labelled exception), the next meeting worded by the kind
with date, time and place, how the case began; and each kind's place and
leader preset on a new meeting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from bti_tui.model import Case, CaseReference, Meeting, ValidationError
from bti_tui.resources import meeting_kind
from bti_tui.session import (
    Autosaver,
    CaseBook,
    MeetingSession,
    SetupEdits,
    exception_label,
    new_meeting_session,
)
from bti_tui.session.internal import stafettholder_participant
from bti_tui.store import Repository

DAY = date(2026, 11, 24)


@pytest.fixture
def saver(tmp_path: Path) -> Iterator[Autosaver]:
    with Repository.open(tmp_path / "data") as repo:
        saver = Autosaver(repo, lambda error: None)
        yield saver
        saver.close()


def internal(saver: Autosaver, lang: str = "nn") -> MeetingSession:
    kind = meeting_kind("internt-arbeidsmote")
    meeting = Meeting.plan(kind, DAY, time(14, 0), "Nordby skule", lang, "m-int")
    case = Case("c-ab", CaseReference("AB", date(2016, 3, 14)))
    meeting.slots[0].case_id = case.id
    holder = stafettholder_participant(meeting, kind)
    assert holder is not None
    meeting.moteleder = meeting.referent = holder.id  # as setup presets them
    return MeetingSession(meeting, kind, {case.id: case}, saver, lambda: datetime(2026, 11, 24, 14, 0))


def test_a_new_internt_arbeidsmote_presets_the_stafettholder_as_leader_and_referent(saver) -> None:
    s = new_meeting_session(meeting_kind("internt-arbeidsmote"), "nn", saver, lambda: datetime(2026, 11, 24, 9, 0))
    holder = s.meeting.participant(s.meeting.moteleder)
    assert holder is not None and holder.role_id == "stafettholder" and s.meeting.referent == holder.id
    assert SetupEdits(s).roles_chosen()


def test_the_stafettholder_is_named_before_the_meeting_and_leads_and_writes(saver) -> None:
    s = internal(saver)
    s.meeting.moteleder = s.meeting.referent = None
    s.name_stafettholder(0, "Siri Lærar", "Nordby skule", "Rektor Moe", date(2026, 11, 10))
    current = s.case(0).stafettholder
    assert (current.name, current.named_by, current.assigned_on, current.meeting_id) == ("Siri Lærar", "Rektor Moe", date(2026, 11, 10), "m-int")
    holder = s.meeting.participant(s.meeting.moteleder)
    assert holder is not None and holder.name == "Siri Lærar" and s.meeting.referent == holder.id
    assert s.handover(0) is not None and s.handover(0).named_by == "Rektor Moe"


@pytest.mark.parametrize(
    ("named_by", "on", "key"),
    [(" ", date(2026, 11, 10), "cases.named_by_missing"), ("Rektor Moe", date(2026, 11, 25), "cases.named_after_meeting")],
)
def test_naming_needs_who_and_a_day_before_the_meeting(saver, named_by: str, on: date, key: str) -> None:
    s = internal(saver)
    with pytest.raises(ValidationError) as info:
        s.name_stafettholder(0, "Siri", "", named_by, on)
    assert info.value.key == key and s.case(0).stafettholders == []


def test_someone_else_leads_or_writes_only_with_a_reason(saver) -> None:
    s = internal(saver)
    holder = s.meeting.participant(s.meeting.moteleder)
    teacher = next(p for p in s.meeting.participants if p.role_id == "kontaktlaerer")
    assert not s.needs_role_reason(holder.id) and s.needs_role_reason(teacher.id)
    with pytest.raises(ValidationError) as info:
        s.choose_referent(teacher.id)
    assert info.value.key == "cases.role_reason_needed" and s.meeting.referent == holder.id
    s.choose_referent(teacher.id, "Stafetthaldaren er sjuk")
    assert (s.meeting.referent, s.meeting.referent_reason) == (teacher.id, "Stafetthaldaren er sjuk")
    # Named now, the stafettholder does not take back the referent chosen with a reason.
    s.name_stafettholder(0, "Siri", "", "Rektor Moe", date(2026, 11, 10))
    assert s.meeting.referent == teacher.id and s.meeting.moteleder == holder.id
    s.choose_referent(holder.id)
    assert s.meeting.referent_reason == ""


def test_no_external_partner_but_ppt_guidance_labelled_as_the_exception(saver) -> None:
    s = internal(saver)
    setup = SetupEdits(s)
    with pytest.raises(ValidationError) as info:
        setup.add_participant("Ola Hansen", "Barnevernskonsulent", "Barnevernstenesta")
    assert info.value.key == "cases.no_external_partner" and info.value.params["kind"] == "Internt arbeidsmøte"
    assert not any(p.name == "Ola Hansen" for p in s.meeting.participants)
    ppt = setup.add_participant("Tone Vik", "PP-rådgjevar (rettleiing)", "PPT")
    assert "PPT" in exception_label(s.kind, ppt, "nn")
    assistant = setup.add_participant("Mia", "Assistent", "skulen/barnehagen")
    assert exception_label(s.kind, assistant, "nn") == ""
    # Other kinds take external partners.
    other = MeetingSession(Meeting.plan(meeting_kind("instansmote-skole"), DAY, time(9, 0)), meeting_kind("instansmote-skole"), {}, saver, datetime.now, stored=False)
    SetupEdits(other).add_participant("Ola Hansen", "Barnevernskonsulent", "Barnevernstenesta")


def test_the_next_meeting_is_an_arbeidsmote_with_date_time_and_place(saver) -> None:
    s = internal(saver)
    assert s.next_meeting_label == "Neste arbeidsmøte"
    s.set_next_meeting_details(0, "08.12.2026", "14:00", "Møterom 2")
    slot = s.meeting.slots[0]
    assert (slot.next_meeting, slot.next_meeting_time, slot.next_meeting_place) == (date(2026, 12, 8), time(14, 0), "Møterom 2")
    with pytest.raises(ValidationError) as info:
        s.set_next_meeting_details(0, "08.12.2026", "25:00", "Møterom 3")
    assert info.value.key == "time.invalid" and slot.next_meeting_place == "Møterom 2"


def test_the_case_records_how_it_began(saver) -> None:
    s = internal(saver)
    s.set_origin(0, "Kontaktlærar Nils", "Rektor Moe", True, date(2026, 11, 3))
    origin = s.case(0).origin
    assert (origin.noticed_by, origin.told_leader, origin.guardians_initiative, origin.initiative_on) == (
        "Kontaktlærar Nils", "Rektor Moe", True, date(2026, 11, 3)
    )


def test_the_duties_are_ticked_on_the_case(saver) -> None:
    from bti_tui.resources import meeting_kinds
    from bti_tui.session import stafettholder_duties

    s = internal(saver)
    duties = stafettholder_duties(meeting_kinds().values())
    assert len(duties) == 11 and duties[0].text_in("nn") == "Koordinere innsatsen"
    book = CaseBook(saver.repo, saver, s.cases)
    book.tick_duty("c-ab", "keep_log", DAY)
    assert s.case(0).duties_done == {"keep_log": DAY}
    saver.flush()
    assert saver.repo.load_case("c-ab").duties_done == {"keep_log": DAY}


def test_each_kind_presets_its_place_and_leader(saver) -> None:
    s = new_meeting_session(meeting_kind("instansmote-0-6"), "nb", saver, lambda: datetime(2026, 11, 24, 9, 0))
    assert s.meeting.place == "Familiesenteret"
    leader = s.meeting.participant(s.meeting.moteleder)
    assert leader is not None and leader.role_id == "kommunepsykolog" and s.meeting.referent is None
    setup = SetupEdits(s)
    assert not setup.has_content()  # the preset place is nothing typed
    setup.change_kind(meeting_kind("instansmote-skole"))
    assert s.meeting.place == ""  # the other kind has no place of its own
