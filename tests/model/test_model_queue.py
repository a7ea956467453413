"""The case queue: a case waits, goes into the next free slot of the next
meeting of the right kind (by the child's age), or by hand; a full meeting
refuses and names the next date; on the day the meeting opens with them."""

from __future__ import annotations

from datetime import date, time

import pytest

from bti_tui.model.case import ConsentStatus
from bti_tui.model.errors import ValidationError
from bti_tui.model.plan import HalfYear, MonthlyRule, Term, make_plan
from bti_tui.model.plan_day import meeting_for_date
from bti_tui.model.queue import QueuedCase, kind_for, place_next, place_on, placement_of, unplace, waiting
from bti_tui.resources import meeting_kinds

TODAY = date(2027, 1, 4)
SPRING = HalfYear(2027, Term.SPRING)
KINDS = meeting_kinds()
SKOLE, SMAA = KINDS["instansmote-skole"], KINDS["instansmote-0-6"]


def a_plan(kind=SKOLE, plan_id="p-skole"):
    return make_plan(kind, "Nordby skole", time(13), SPRING.first, SPRING.last, rule=MonthlyRule(3, 2), holidays={}, plan_id=plan_id)


def case(n: int, born: date | None = date(2017, 3, 14), **kw) -> QueuedCase:
    initials = kw.pop("initials", "AB" if born else None)
    return QueuedCase.submit(
        initials=initials, birth_date=born, submitted_by=f"Tjeneste {n}", question=f"Spørsmål {n}", today=TODAY, queue_id=f"q{n}", **kw
    )


def test_a_submitted_case_is_validated_and_one_line() -> None:
    item = QueuedCase.submit(
        initials="a.b.", birth_date=date(2017, 3, 14), submitted_by=" Nordby\nskole ", question="Høyt fravær\n siden høsten",
        today=TODAY, consent=ConsentStatus.GIVEN, firfoting_prepared=True,
    )
    assert (item.reference.initials, item.submitted_by, item.question) == ("AB", "Nordby skole", "Høyt fravær siden høsten")
    anonymous = case(9, born=None)
    assert anonymous.anonymous and anonymous.consent is ConsentStatus.NOT_NEEDED_ANONYMOUS


@pytest.mark.parametrize("question", ["AB har høyt fravær", "Født 14.03.2017, høyt fravær", "født 2017-03-14", "født 14.3.17"])
def test_the_question_may_not_name_the_child(question: str) -> None:
    with pytest.raises(ValidationError) as info:
        QueuedCase.submit(initials="AB", birth_date=date(2017, 3, 14), submitted_by="Nordby skole", question=question, today=TODAY)
    assert info.value.key == "queue.question_identifies"


def test_the_question_may_hold_words_that_contain_the_initials() -> None:
    item = QueuedCase.submit(initials="EN", birth_date=date(2017, 3, 14), submitted_by="S", question="En elev med ENORMT fravær", today=TODAY)
    assert item.question == "En elev med ENORMT fravær"


def test_the_kind_follows_the_childs_age() -> None:
    assert kind_for(case(1, born=date(2017, 3, 14)), KINDS, TODAY) is SKOLE  # 9 years
    assert kind_for(case(2, born=date(2023, 5, 1)), KINDS, TODAY) is SMAA  # 3 years
    with pytest.raises(ValidationError) as info:
        kind_for(case(3, born=date(2020, 6, 1)), KINDS, TODAY)  # 6 years: kindergarten or school
    assert info.value.key == "queue.kind_ambiguous"
    assert kind_for(case(4, born=date(2020, 6, 1), kind_id=SMAA.id), KINDS, TODAY) is SMAA
    with pytest.raises(ValidationError) as info:
        kind_for(case(5, born=None), KINDS, TODAY)
    assert info.value.key == "queue.kind_needed"


def test_the_queue_fills_slots_in_order_and_refuses_a_third_case() -> None:
    skole, smaa = a_plan(), a_plan(SMAA, "p-smaa")
    plans = [smaa, skole]
    first, second, third = case(1), case(2), case(3)
    where = place_next(first, plans, KINDS, TODAY)
    assert (where.plan_id, where.date, where.slot) == ("p-skole", date(2027, 1, 14), 0)
    with pytest.raises(ValidationError) as info:
        place_next(first, plans, KINDS, TODAY)  # placed already
    assert info.value.key == "queue.already_placed"
    where = place_next(second, plans, KINDS, TODAY)
    assert (where.plan_id, where.date, where.slot) == ("p-skole", date(2027, 1, 14), 1)
    assert skole.at(date(2027, 1, 14)).cases == ["q1", "q2"] and smaa.at(date(2027, 1, 14)).cases == []
    # By hand into the full meeting: refused, with the next free date.
    with pytest.raises(ValidationError) as info:
        place_on(third, plans, "p-skole", date(2027, 1, 14), KINDS, TODAY)
    assert info.value.key == "queue.meeting_full"
    assert info.value.params == {"date": "14.01.2027", "slots": 2, "next": "11.02.2027"}
    assert skole.at(date(2027, 1, 14)).cases == ["q1", "q2"]
    # The next one goes to the next meeting.
    assert place_next(third, plans, KINDS, TODAY).date == date(2027, 2, 11)
    assert waiting([first, second, third, case(4)], plans) == [case(4)]


def test_placing_skips_past_cancelled_and_opened_meetings() -> None:
    skole = a_plan()
    skole.cancel(date(2027, 2, 11))
    skole.at(date(2027, 3, 11)).meeting_id = "m-1"
    where = place_next(case(1), [skole], KINDS, date(2027, 1, 20))
    assert where.date == date(2027, 4, 8)


def test_by_hand_moves_a_case_and_unplace_returns_it_to_waiting() -> None:
    skole = a_plan()
    item = case(1)
    place_next(item, [skole], KINDS, TODAY)
    where = place_on(item, [skole], "p-skole", date(2027, 3, 11), KINDS, TODAY)
    assert (where.date, where.slot) == (date(2027, 3, 11), 0)
    assert skole.at(date(2027, 1, 14)).cases == []
    assert placement_of("q1", [skole]) == where
    assert unplace("q1", [skole]) == where and waiting([item], [skole]) == [item]


def test_on_the_day_the_meeting_opens_with_its_cases_in_their_slots() -> None:
    skole = a_plan()
    skole.names = {"barnevern": "Ola Hansen"}
    items = {c.id: c for c in (case(1, consent=ConsentStatus.GIVEN, firfoting_prepared=True), case(2, born=None, kind_id=SKOLE.id))}
    for item in items.values():
        place_next(item, [skole], KINDS, TODAY)
    day = meeting_for_date(skole, date(2027, 1, 14), SKOLE, items, "nb")
    meeting = day.meeting
    assert (meeting.kind_id, meeting.date, meeting.start_time, meeting.place) == (SKOLE.id, date(2027, 1, 14), time(13), "Nordby skole")
    assert [p.role_in(SKOLE, "nb") for p in meeting.participants] == [r.role["nb"] for r in SKOLE.fixed_roles]
    leader = meeting.participant(meeting.moteleder)
    assert leader is not None and leader.name == "Ola Hansen"
    assert meeting.case_ids == [c.id for c in day.cases] and day.queue_ids == ["q1", "q2"]
    first, second = day.cases
    assert (first.reference.initials, first.consent.status, first.firfoting_prepared) == ("AB", ConsentStatus.GIVEN, True)
    assert second.anonymous and second.submitted_by == "Tjeneste 2"
    assert meeting.slots[0].notes[SKOLE.steps[0].id] == "Spørsmål 1"
    assert skole.at(date(2027, 1, 14)).meeting_id == meeting.id
    with pytest.raises(ValidationError) as info:
        meeting_for_date(skole, date(2027, 1, 14), SKOLE, items, "nb")
    assert info.value.key == "plan.date_opened"
