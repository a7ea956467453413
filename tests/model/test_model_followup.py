"""A case followed up across meetings: agreement history (marks and edits,
never overwritten), stafettholder hand-overs derived from the history,
closing and reopening, duties ticked, the lookup key of initials, and the
kinds' new data (next-meeting wording, duties, the PPT exception)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from bti_tui.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseReference,
    CaseStatus,
    ClosingReason,
    FieldChange,
    ValidationError,
    initials_key,
)
from bti_tui.resources import meeting_kinds

M1, M2 = "2026-10-01-aaaaaa", "2026-11-24-bbbbbb"
DAY = date(2026, 11, 24)


def agreement(due: date | None = date(2026, 11, 1)) -> Agreement:
    return Agreement("a1", "Kartlegge språk", "Kari", "PPT", due, M1)


# --- agreements ---------------------------------------------------------------------------
def test_done_is_kept_as_history_with_the_meeting_and_note() -> None:
    a = agreement()
    change = a.mark(AgreementStatus.DONE, DAY, M2, note="Kartlagt i oktober")
    assert a.status is AgreementStatus.DONE and not a.is_open
    assert change is not None and a.history == [change]
    assert change.on == DAY and change.meeting_id == M2 and change.note == "Kartlagt i oktober"
    assert change.changes == (FieldChange("status", "open", "done"),)


def test_continued_stays_open_with_its_new_due_date() -> None:
    a = agreement()
    a.mark(AgreementStatus.CONTINUED, DAY, M2, new_due=date(2027, 1, 15))
    assert a.is_open and a.status is AgreementStatus.CONTINUED and a.due == date(2027, 1, 15)
    assert a.history[0].changes == (FieldChange("status", "open", "continued"), FieldChange("due", "2026-11-01", "2027-01-15"))
    # As the meeting found it: the old due date, overdue then, not now.
    assert a.due_as_found(M2) == date(2026, 11, 1) and a.overdue_in(M2, DAY)
    assert not a.overdue_on(DAY)


@pytest.mark.parametrize(
    ("new_due", "key"),
    [(None, "cases.continue_needs_due"), (date(2026, 11, 23), "form.due_before_meeting")],
)
def test_continued_needs_a_due_date_from_the_meeting_on_and_refused_changes_nothing(new_due, key) -> None:
    a = agreement()
    a.mark(AgreementStatus.DONE, DAY, M2)
    before = copy.deepcopy(a)
    with pytest.raises(ValidationError) as info:
        a.mark(AgreementStatus.CONTINUED, DAY, M2, new_due=new_due)
    assert info.value.key == key
    assert a == before


def test_marked_again_in_the_same_meeting_corrects_the_mark() -> None:
    a = agreement()
    a.mark(AgreementStatus.DONE, DAY, M2)
    a.mark(AgreementStatus.CONTINUED, DAY, M2, new_due=date(2027, 1, 15))
    assert len(a.history) == 1
    assert a.history[0].changes[0] == FieldChange("status", "open", "continued")
    a.mark(AgreementStatus.DROPPED, DAY, M2)
    assert len(a.history) == 1 and a.due == date(2026, 11, 1)  # the due date is back
    assert a.history[0].changes == (FieldChange("status", "open", "cancelled"),)


def test_open_takes_the_meetings_mark_back_and_refuses_without_one() -> None:
    a = agreement()
    with pytest.raises(ValidationError) as info:
        a.mark(AgreementStatus.OPEN, DAY, M2)
    assert info.value.key == "cases.nothing_to_undo"
    a.mark(AgreementStatus.CONTINUED, DAY, M2, new_due=date(2027, 1, 15))
    assert a.mark(AgreementStatus.OPEN, DAY, M2) is None
    assert a.history == [] and a.status is AgreementStatus.OPEN and a.due == date(2026, 11, 1)


def test_a_later_meeting_adds_to_the_history() -> None:
    a = agreement()
    a.mark(AgreementStatus.CONTINUED, DAY, M2, new_due=date(2027, 1, 15))
    a.mark(AgreementStatus.DONE, date(2027, 1, 20), "2027-01-20-cccccc")
    assert [c.status for c in a.history] == [AgreementStatus.CONTINUED, AgreementStatus.DONE]
    assert a.mark_in(M2) is a.history[0]


def test_edit_records_from_and_to_and_nothing_for_no_change() -> None:
    a = agreement()
    change = a.edit(DAY, M2, note="Ny ansvarlig", responsible="Ola", due=date(2026, 12, 15))
    assert change is not None and change.changes == (
        FieldChange("responsible", "Kari", "Ola"),
        FieldChange("due", "2026-11-01", "2026-12-15"),
    )
    assert a.responsible == "Ola" and a.edit(DAY, None, what="Kartlegge språk") is None
    assert len(a.history) == 1
    with pytest.raises(KeyError):
        a.edit(DAY, None, status="done")


def test_dropped_is_stored_as_the_first_schemas_word() -> None:
    assert AgreementStatus.DROPPED.value == "cancelled" and AgreementStatus.CANCELLED is AgreementStatus.DROPPED


def test_open_before_a_meeting_includes_the_ones_marked_in_it() -> None:
    a = agreement()
    assert a.open_before(M2) and not a.open_before(M1)
    a.mark(AgreementStatus.DONE, DAY, M2)
    assert a.open_before(M2) and not a.open_before("2027-01-20-cccccc")


# --- the stafettholder ------------------------------------------------------------------
def named_case() -> Case:
    return Case("c1", CaseReference("AB", date(2016, 3, 14)))


def test_handovers_are_derived_from_the_history() -> None:
    case = named_case()
    case.assign_stafettholder("Kari", "Helsestasjonen", M1, date(2026, 10, 1), named_by="Rektor Moe")
    case.assign_stafettholder("Ola", "Skolen", M2, DAY, note="Kari går ut i permisjon")
    first, second = case.handovers()
    assert first.first and first.named_by == "Rektor Moe"
    assert (second.before_name, second.before_service, second.name, second.note) == ("Kari", "Helsestasjonen", "Ola", "Kari går ut i permisjon")
    assert case.handover_in(M2) == second and case.handover_in("other") is None


def test_a_correction_in_the_same_meeting_is_no_handover_but_from_the_case_screen_each_is() -> None:
    case = named_case()
    case.assign_stafettholder("Kari", "", M1, date(2026, 10, 1))
    case.assign_stafettholder("Kåre", "", M1, date(2026, 10, 1))
    assert [s.name for s in case.stafettholders] == ["Kåre"]
    case.assign_stafettholder("Ola", "", "", DAY)
    case.assign_stafettholder("Per", "", "", DAY)
    assert [s.name for s in case.stafettholders] == ["Kåre", "Ola", "Per"]


# --- closing and reopening ----------------------------------------------------------------
def test_closing_and_reopening_keep_the_history() -> None:
    case = named_case()
    assert case.is_open and case.closing is None
    closed = case.close(DAY, ClosingReason.LEVEL_3_IP, meeting_id=M2)
    assert case.status is CaseStatus.CLOSED and case.closing == closed and closed.meeting_id == M2
    case.reopen(date(2027, 2, 1), "  Ny bekymring fra skolen ")
    assert case.is_open and case.status_history[-1].text == "Ny bekymring fra skolen"
    assert [c.status for c in case.status_history] == [CaseStatus.CLOSED, CaseStatus.OPEN]


@pytest.mark.parametrize(
    ("action", "key"),
    [
        (lambda c: c.close(DAY, ClosingReason.OTHER, " "), "cases.other_needs_text"),
        (lambda c: c.reopen(DAY, "Grunn"), "cases.not_closed"),
    ],
)
def test_closing_refuses_and_changes_nothing(action, key) -> None:
    case = named_case()
    with pytest.raises(ValidationError) as info:
        action(case)
    assert info.value.key == key and case.status_history == []


def test_other_keeps_its_text() -> None:
    case = named_case()
    change = case.close(DAY, ClosingReason.OTHER, "Familien ønsker pause")
    assert (change.reason, change.text) == (ClosingReason.OTHER, "Familien ønsker pause")


def test_duties_are_ticked_with_a_date_and_unticked() -> None:
    case = named_case()
    case.tick_duty("lead", DAY)
    assert case.duties_done == {"lead": DAY}
    case.tick_duty("lead", None)
    assert case.duties_done == {}


# --- the lookup key --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [("AB", "ab"), ("Å.S.", "as"), ("ÉØ", "eø"), ("a b", "AB"), ("\u0041\u030a", "Å")],
)
def test_initials_key_is_case_and_accent_insensitive(a: str, b: str) -> None:
    assert initials_key(a) == initials_key(b)


def test_initials_key_keeps_different_letters_apart() -> None:
    assert initials_key("AB") != initials_key("AC") and initials_key("Æ") != initials_key("A")
    assert CaseReference.anonymized().key == ""


# --- the kinds' data --------------------------------------------------------------------------
def test_the_internt_arbeidsmote_as_seed_000_says() -> None:
    kind = meeting_kinds()["internt-arbeidsmote"]
    assert kind.next_meeting_in("nn") == "Neste arbeidsmøte" and not kind.external_partners
    assert kind.leader_role == "stafettholder"
    ids = [d.id for d in kind.duties]
    assert ids == [
        "coordinate", "call_meetings", "propose_agenda", "call_ad_hoc", "lead", "introduce_parties",
        "notify", "close_work", "involve_users", "contact_person", "keep_log",
    ]
    assert all(d.text_in(lang) for d in kind.duties for lang in ("nb", "nn", "en"))
    ppt = kind.role("ppt")
    assert ppt is not None and "PPT" in ppt.exception["nn"]


def test_every_other_kind_admits_partners_and_words_its_next_meeting() -> None:
    for kind in meeting_kinds().values():
        assert set(kind.next_meeting) == {"nb", "nn", "en"}, kind.id
        if kind.id != "internt-arbeidsmote":
            assert kind.external_partners and not kind.duties
    assert meeting_kinds()["instansmote-0-6"].place["nb"] == "Familiesenteret"
