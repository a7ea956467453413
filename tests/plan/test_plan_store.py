"""Plans and the queue in the data folder: private atomic files through the
repository, read without a lock, damaged files reported, and a planned date
opened into a meeting with its cases."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from plan_helpers import TODAY, demo_plan, folder_state

from bti_tui.session.demo import write_demo_plan
from bti_tui.model import ValidationError
from bti_tui.store import ReadOnly, Repository
from bti_tui.store.plans import PlanNotFound, PlanStore, QueuedNotFound


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[PlanStore]:
    with Repository.open(data_dir) as repo:
        yield PlanStore(repo)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_plans_and_queued_cases_round_trip_in_private_files(store: PlanStore, data_dir: Path) -> None:
    demo = demo_plan()
    demo.plan.move(date(2027, 2, 11), date(2027, 2, 18), "Vinterferie")
    store.save_plan(demo.plan)
    for item in demo.queue:
        store.save_queued(item)
    assert store.load_plan("demo-plan") == demo.plan
    assert store.list_plans() == [demo.plan]
    assert store.list_queue() == demo.queue
    assert store.load_queued("demo-q2") == demo.queue[1]
    assert mode(data_dir / "plans") == 0o700 and mode(data_dir / "queue") == 0o700
    for path in [data_dir / "plans" / "demo-plan.json", data_dir / "queue" / "demo-q1.json"]:
        assert mode(path) == 0o600


def test_unknown_ids_and_unsafe_ids_are_not_found(store: PlanStore) -> None:
    with pytest.raises(PlanNotFound):
        store.load_plan("nope")
    with pytest.raises(PlanNotFound):
        store.load_plan("../meetings/x")
    with pytest.raises(QueuedNotFound):
        store.load_queued("q-none")


def test_reading_takes_no_lock_and_writes_nothing(store: PlanStore, data_dir: Path) -> None:
    write_demo_plan(store, TODAY, "nb")
    before = folder_state(data_dir)
    with Repository.open(data_dir, read_only=True) as repo:
        reader = PlanStore(repo)
        assert [p.id for p in reader.list_plans()] == ["demo-plan"]
        assert [q.id for q in reader.list_queue()] == ["demo-q1", "demo-q2"]
        with pytest.raises(ReadOnly):
            reader.save_plan(reader.load_plan("demo-plan"))
        with pytest.raises(ReadOnly):
            reader.delete_queued("demo-q1")
    assert folder_state(data_dir) == before


def test_a_damaged_file_is_skipped_and_named(store: PlanStore, data_dir: Path) -> None:
    write_demo_plan(store, TODAY, "nb")
    (data_dir / "plans" / "broken.json").write_text("{not json", "utf-8")
    assert [p.id for p in store.list_plans()] == ["demo-plan"]
    assert [(p.path.name, p.key) for p in store.skipped] == [("broken.json", "store.corrupt_no_backup")]


def test_opening_a_planned_date_writes_the_meeting_and_its_cases(store: PlanStore, data_dir: Path) -> None:
    plan = write_demo_plan(store, TODAY, "nb")
    day = plan.dates[0].date
    meeting = store.open_planned(plan.id, day, "nb")
    repo = store.repo
    assert repo.load_meeting(meeting.id) == meeting
    cases = repo.cases_for(meeting)
    assert [cases[c].submitted_by for c in meeting.case_ids] == ["Nordby skole", "Skolehelsetjenesten"]
    assert cases[meeting.case_ids[0]].reference.initials == "AB"
    assert store.list_queue() == []  # the queued cases became cases
    assert store.load_plan(plan.id).at(day).meeting_id == meeting.id
    # Opening it again gives the same meeting, and writes nothing new.
    before = folder_state(data_dir)
    assert store.open_planned(plan.id, day, "nb") == meeting
    assert folder_state(data_dir) == before


def test_a_cancelled_date_does_not_open(store: PlanStore, data_dir: Path) -> None:
    plan = write_demo_plan(store, TODAY, "nb")
    plan.cancel(plan.dates[1].date)
    store.save_plan(plan)
    before = folder_state(data_dir)
    with pytest.raises(ValidationError) as info:
        store.open_planned(plan.id, plan.dates[1].date, "nb")
    assert info.value.key == "plan.date_cancelled"
    assert folder_state(data_dir) == before
