"""The rules of running a meeting, as plain methods: tested without a
screen, in milliseconds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from bti_tui.model import (
    Case,
    CaseReference,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Meeting,
    MeetingStatus,
    Position,
    ValidationError,
)
from bti_tui.resources import meeting_kind
from bti_tui.model.consent_check import ConsentDecision
from bti_tui.session import (
    Autosaver,
    CaseForm,
    MeetingSession,
    Move,
    SetupEdits,
    TypingSaves,
    build_case,
    new_meeting_session,
)
from bti_tui.store import Repository

DAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9, 0)
FNR = "01010750160"  # valid check digits (synthetic)


class Clock:
    def __init__(self) -> None:
        self.at = NOW

    def __call__(self) -> datetime:
        self.at += timedelta(seconds=1)
        return self.at


@pytest.fixture
def saver(tmp_path: Path) -> Iterator[Autosaver]:
    with Repository.open(tmp_path / "data") as repo:
        saver = Autosaver(repo, lambda error: None)
        yield saver
        saver.close()


def named(consent: ConsentStatus = ConsentStatus.GIVEN) -> Case:
    return Case("c-named", CaseReference("AB", date(2016, 3, 14)), consent=Consent(consent, [], ConsentGiver.GUARDIANS))


def anonymous() -> Case:
    return Case("c-anon", CaseReference.anonymized(), consent=Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS))


def session_with(saver: Autosaver, *cases: Case) -> MeetingSession:
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, DAY, time(9, 0), "Nordby", "nb", "m-1")
    for slot, case in zip(meeting.slots, cases, strict=False):
        slot.case_id = case.id
    return MeetingSession(meeting, kind, {c.id: c for c in cases}, saver, Clock())


def walk_to_last_step(s: MeetingSession, slot: int = 0) -> None:
    s.go(Position(s.kind.steps[-1].id, slot))


# --- moving on ---------------------------------------------------------------------
def test_next_step_moves_and_starts_the_clock(saver) -> None:
    s = session_with(saver, named())
    result = s.next_step()
    assert result.outcome is Move.MOVED and result.target == Position(s.kind.steps[0].id, 0)
    assert s.meeting.clock.started and s.meeting.status is MeetingStatus.RUNNING


def test_a_named_case_needs_a_stafettholder_before_the_room_leaves_it(saver) -> None:
    s = session_with(saver, named())
    walk_to_last_step(s)
    result = s.next_step()
    assert result.outcome is Move.NEEDS_STAFETTHOLDER and result.slot == 0
    assert result.target == s.stafettholder_step(0)
    s.set_stafettholder(0, "Kari", "Helsestasjonen")
    assert s.next_step().outcome is Move.NEEDS_READ_BACK
    assert s.approve_read_back(0).outcome is Move.MOVED


def test_an_anonymous_advice_case_may_end_without_a_stafettholder(saver) -> None:
    s = session_with(saver, anonymous())
    walk_to_last_step(s)
    assert s.next_step().outcome is Move.NEEDS_STAFETTHOLDER
    s.set_advice_only(0, True)
    assert s.finish_blockers() == []
    assert s.skip_read_back(0).outcome is Move.MOVED


def test_a_named_case_cannot_be_advice_only(saver) -> None:
    s = session_with(saver, named())
    with pytest.raises(ValidationError) as error:
        s.set_advice_only(0, True)
    assert error.value.key == "meeting.advice_only_named"
    assert not s.meeting.slots[0].advice_only


def test_a_case_without_consent_is_warned_about_first(saver) -> None:
    s = session_with(saver, named(ConsentStatus.MISSING))
    result = s.next_step()
    assert result.outcome is Move.NEEDS_CONSENT and result.slot == 0
    assert s.position == Position.opening()  # not moved yet
    with pytest.raises(ValidationError):  # no consent: only anonymously (DOMAIN)
        s.acknowledge_consent(0)
    assert s.decide_consent(0, ConsentDecision.ANONYMOUS).outcome is Move.MOVED


def test_a_note_with_a_fodselsnummer_blocks_moving_and_is_kept_masked(saver) -> None:
    s = session_with(saver, named())
    s.next_step()
    step = s.position.step
    with pytest.raises(ValidationError):
        s.set_note(0, step, f"Nr {FNR} her")
    assert s.meeting.slots[0].note(step) == "Nr *********** her"
    assert s.next_step().outcome is Move.BLOCKED_FODSELSNUMMER
    s.set_stafettholder(0, "Kari", "")
    s.finish()
    assert s.meeting.status is not MeetingStatus.FINISHED
    s.set_note(0, step, "Nr fjernet")
    assert s.next_step().outcome is Move.MOVED


def test_what_blocks_finishing(saver) -> None:
    s = session_with(saver, named(), anonymous())
    assert s.finish_blockers() == [0, 1]
    s.set_stafettholder(0, "Kari", "")
    s.set_advice_only(1, True)
    assert s.finish_blockers() == []
    s.go(Position.closing())
    assert s.can_finish()
    assert s.finish() == [] and s.read_only


def test_a_finished_meeting_is_read_only_and_leafing_changes_no_clock(saver) -> None:
    s = session_with(saver, anonymous())
    s.set_advice_only(0, True)
    s.go(Position.closing())
    s.finish()
    events = list(s.meeting.clock.events)
    assert s.previous_step().moved
    assert s.meeting.clock.events == events
    with pytest.raises(ValidationError) as error:
        s.set_note(0, s.kind.steps[0].id, "x")
    assert error.value.key == "meeting.read_only"


def test_bad_agreement_input_changes_nothing(saver) -> None:
    s = session_with(saver, named())
    for args, key in (
        (("", "Kari", "", None), "form.agreement_what"),
        (("Ring", " ", "", None), "form.agreement_who"),
        (("Ring", "Kari", "", DAY - timedelta(days=1)), "form.due_before_meeting"),
        ((f"Ring {FNR[:6]} {FNR[6:]}", "Kari", "", None), "privacy.fodselsnummer"),
    ):
        with pytest.raises(ValidationError) as error:
            s.add_agreement(0, *args)
        assert error.value.key.startswith(key)
    assert s.case(0).agreements == []


# --- intake --------------------------------------------------------------------------
def build(form: CaseForm, existing: Case | None = None) -> Case | None:
    return build_case(form, existing, meeting_date=DAY, max_age=18, consent_own_age=16)


def test_intake_builds_and_refuses_cases() -> None:
    assert build(CaseForm()) is None
    anon = build(CaseForm(anonymous=True, submitted_by="Sol"))
    assert anon.anonymous and anon.consent.status is ConsentStatus.NOT_NEEDED_ANONYMOUS
    case = build(CaseForm(initials="åb", birth_date="14.03.2016", consent=ConsentStatus.GIVEN))
    assert case.reference.initials == "ÅB" and case.consent.given_by is ConsentGiver.GUARDIANS
    for form, key in (
        (CaseForm(submitted_by="Skolen"), "intake.reference_missing"),
        (CaseForm(initials="AB"), "intake.birth_date_missing"),
        (CaseForm(initials="AB", birth_date="14.03.2016", consent=ConsentStatus.NOT_NEEDED_ANONYMOUS), "intake.consent_anonymous"),
        (CaseForm(initials="AB", birth_date="31.02.2016"), "date.invalid"),
        (CaseForm(anonymous=True, submitted_by=f"Skolen {FNR}"), "privacy.fodselsnummer"),
    ):
        with pytest.raises(ValidationError) as error:
            build(form)
        assert error.value.key.startswith(key)


def test_intake_changes_an_existing_case_only_when_valid() -> None:
    existing = named()
    with pytest.raises(ValidationError):
        build(CaseForm(initials="AB", birth_date="nope", submitted_by="Ny"), existing)
    assert existing.submitted_by == ""


# --- setup ---------------------------------------------------------------------------
def test_setup_edits_validate_and_store_only_when_set_up(saver) -> None:
    s = new_meeting_session(meeting_kind("instansmote-skole"), "nb", saver, Clock())
    edits = SetupEdits(s)
    assert edits.is_new and not edits.has_content()
    with pytest.raises(ValidationError) as error:
        edits.set_facts("24.11.2026", "25:00", "Rom 2")
    assert error.value.key == "time.invalid" and s.meeting.place == ""
    edits.set_facts("01.12.2026", "13.30", "Rom 2")
    assert (s.meeting.date, s.meeting.start_time, s.meeting.place) == (date(2026, 12, 1), time(13, 30), "Rom 2")
    assert edits.has_content()
    first = s.meeting.participants[0].id
    edits.toggle_attendance(first)
    s.meeting.referent = None
    with pytest.raises(ValidationError) as error:
        edits.finish_setup("01.12.2026", "13:30", "Rom 2")
    assert error.value.key == "setup.roles_missing"
    saver.flush()
    assert saver.repo.list_meetings() == []  # nothing written before F8
    edits.set_referent(first)
    edits.finish_setup("01.12.2026", "13:30", "Rom 2")
    saver.flush()
    stored = saver.repo.list_meetings()
    assert [m.id[:10] for m in stored] == ["2026-12-01"]  # the meeting's date, not today's
    with pytest.raises(ValidationError):
        edits.change_kind(meeting_kind("instansmote-0-6"))


def test_the_kind_presets_its_leader(saver) -> None:
    s = new_meeting_session(meeting_kind("instansmote-skole"), "nb", saver, Clock())
    leader = s.meeting.participant(s.meeting.moteleder)
    assert leader is not None and "arnevern" in leader.service_in(s.kind, "nb")


# --- saving while typing ----------------------------------------------------------------
def test_typing_saves_after_a_pause_and_never_later_than_the_max_wait() -> None:
    saves = TypingSaves(pause=1.0, max_wait=2.0)
    assert saves.changed(10.0) == 1.0  # a pause of a second after one key
    # Keys every 0.15 s for 30 s (the timer is reset at every key): a save
    # still happens at most 2 s after the first unsaved key.
    saves.saved()
    t, due, written = 10.0, None, [10.0]
    while t < 40.0:
        if due is not None and t >= due:
            written.append(due)
            saves.saved()
        due = t + saves.changed(t)
        t += 0.15
    gaps = [b - a for a, b in zip(written, written[1:])]
    assert len(written) > 10 and max(gaps) <= 2.0 + 0.15 + 1e-9
    saves.saved()
    assert not saves.dirty and saves.changed(20.0) == 1.0


def test_a_save_forced_by_the_max_wait_is_not_one_after_a_pause() -> None:
    saves = TypingSaves(pause=1.0, max_wait=2.0)
    saves.changed(10.0)
    assert saves.after_pause  # if no key follows, the save comes after a pause
    saves.changed(10.9)
    assert saves.after_pause  # due at 11.9, before the max wait
    assert saves.changed(11.5) == 0.5 and not saves.after_pause  # due at 12.0: typing goes on
    saves.saved()
    saves.changed(12.0)
    assert saves.after_pause


def test_the_number_being_typed_never_reaches_the_disk(saver) -> None:
    """A save while typing goes on leaves out the digits at the cursor: the
    first ten digits of a fødselsnummer are never written."""
    s = session_with(saver, named())
    s.next_step()
    step = s.position.step
    for n in range(1, 11):
        text = "Nr " + FNR[:n]
        s.set_note(0, step, text)
        s.save(typing=(0, step, len(text)))
        saver.flush()
        stored = saver.repo.load_meeting("m-1").slots[0].note(step)
        assert stored.startswith("Nr ") and not any(c.isdigit() for c in stored), stored
    with pytest.raises(ValidationError):
        s.set_note(0, step, "Nr " + FNR)
    saver.flush()
    path = saver.repo.meeting_path("m-1")
    for file in (path, path.with_name(path.name + ".bak")):
        assert FNR[:6] not in file.read_text(encoding="utf-8")


def test_a_case_is_read_back_and_approved_before_the_room_leaves_it(saver) -> None:
    s = session_with(saver, named(), anonymous())
    s.set_stafettholder(0, "Kari", "Helsestasjonen")
    walk_to_last_step(s, 0)
    result = s.next_step()
    assert result.outcome is Move.NEEDS_READ_BACK and result.slot == 0
    s.set_distribution(0, "Kari, Familiehjelpen, ")
    assert s.approve_read_back(0).moved
    assert s.meeting.slots[0].approved_at is not None
    assert s.meeting.slots[0].distribution == ["Kari", "Familiehjelpen"]
    # The room may go on without approving: the case stays unapproved.
    s.set_advice_only(1, True)
    walk_to_last_step(s, 1)
    assert s.next_step().outcome is Move.NEEDS_READ_BACK
    assert s.skip_read_back(1).moved
    assert s.meeting.slots[1].approved_at is None
    with pytest.raises(ValidationError):
        s.set_distribution(0, f"Kari {FNR}")
