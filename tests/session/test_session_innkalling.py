"""Who has been called (setup), the innkalling of a planned meeting with
that list, and moving, cancelling and queueing by hand from the plan
screen's session: each bad input says why and changes nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "plan"))
from plan_helpers import TODAY, demo_plan, folder_state  # noqa: E402

from bti_tui.model import ValidationError  # noqa: E402
from bti_tui.model.plan import DateStatus  # noqa: E402
from bti_tui.session import SetupEdits, open_meeting  # noqa: E402
from bti_tui.session.autosave import Autosaver  # noqa: E402
from bti_tui.session.innkalling import invitation  # noqa: E402
from bti_tui.session.plans import QueueForm, cancel_date, move_date, queue_case  # noqa: E402
from bti_tui.store import Repository  # noqa: E402
from bti_tui.store.plans import PlanStore  # noqa: E402

FIRST = date(2027, 1, 14)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[PlanStore]:
    with Repository.open(tmp_path / "data") as repo:
        store = PlanStore(repo)
        demo = demo_plan("nb")
        store.save_plan(demo.plan)
        for item in demo.queue:
            store.save_queued(item)
        yield store


def the_plan(store: PlanStore):
    [plan] = store.list_plans()
    return plan


def test_called_is_marked_with_the_day_stored_and_shown_in_the_innkalling(store: PlanStore) -> None:
    plan = the_plan(store)
    before = invitation(store, plan.id, FIRST, "nb")
    assert before.meeting is None and before.called == [] and before.to_call == []
    assert "Sak 2 (anonym)" in before.markdown("nb")
    meeting = store.open_planned(plan.id, FIRST, "nb")
    saver = Autosaver(store.repo, lambda error: None)
    try:
        session = open_meeting(saver, meeting.id, lambda: datetime(2027, 1, 4, 9))
        edits = SetupEdits(session)
        first, second = session.meeting.participants[:2]
        edits.toggle_called(first.id, date(2027, 1, 4))
        edits.toggle_called(second.id, date(2027, 1, 5))
        edits.toggle_called(second.id, date(2027, 1, 6))  # a second press takes the mark away
        assert first.called_on == date(2027, 1, 4) and second.called_on is None
        assert first not in edits.not_called() and second in edits.not_called()
        saver.flush()
    finally:
        saver.close()
    stored = store.repo.load_meeting(meeting.id)
    assert stored.participants[0].called_on == date(2027, 1, 4)
    after = invitation(store, plan.id, FIRST, "nb")
    assert [when for _, when in after.called] == [date(2027, 1, 4)]
    assert len(after.to_call) == len(stored.participants) - 1
    # The opened meeting took the cases off the queue; the saksliste still
    # names both (from the meeting's cases), without the child's initials.
    text = after.markdown("nb")
    assert text == before.markdown("nb")


def test_move_and_cancel_one_date_with_a_note(store: PlanStore) -> None:
    plan = the_plan(store)
    to = move_date(store, plan.id, FIRST, "13.01.2027", "Planleggingsdag", "nb")
    moved = the_plan(store).at(to)
    assert (moved.status, moved.original, moved.note) == (DateStatus.MOVED, FIRST, "Planleggingsdag")
    assert "13.01.2027" in invitation(store, plan.id, to, "nb").markdown("nb")
    freed = cancel_date(store, plan.id, to, "Sykdom")
    assert len(freed) == 2 and the_plan(store).at(to).cancelled and the_plan(store).at(to).cases == []
    with pytest.raises(ValidationError) as info:
        invitation(store, plan.id, to, "nb")
    assert info.value.key == "plan.date_cancelled"


@pytest.mark.parametrize(
    ("to", "key"),
    [
        ("14.08.2027", "plan.outside_half_year"),
        ("25.03.2027", "plan.move_to_holiday"),  # Skjærtorsdag
        ("11.02.2027", "plan.date_taken"),  # the February meeting
        ("31.02.2027", "date.invalid"),
        ("neste uke", "date.format"),
    ],
)
def test_a_bad_move_says_why_and_changes_nothing(store: PlanStore, to: str, key: str) -> None:
    before = folder_state(store.repo.data_dir)
    with pytest.raises(ValidationError) as info:
        move_date(store, the_plan(store).id, FIRST, to, "", "nb")
    assert info.value.key == key
    assert folder_state(store.repo.data_dir) == before


def test_a_third_case_for_a_two_case_meeting_is_refused_and_names_the_next_date(store: PlanStore) -> None:
    before = folder_state(store.repo.data_dir)
    form = QueueForm(False, "EF", "01.02.2015", "Nordby skole", "Lite venner", date="14.01.2027")
    with pytest.raises(ValidationError) as info:
        queue_case(store, form, TODAY)
    assert info.value.key == "queue.meeting_full" and info.value.params["next"] == "11.02.2027"
    assert folder_state(store.repo.data_dir) == before
    form.date = "11.02.2027"
    _item, where = queue_case(store, form, TODAY)
    assert where is not None and where.date == date(2027, 2, 11)
