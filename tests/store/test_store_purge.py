"""Retention: archived-in-ESA marks and purge. Purge removes exactly what it
listed (documents, their backups, the app's exports of them, their marks,
the case index) and nothing open; planning removes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import folder_state

from bti_tui.model import Case, CaseReference, ClosingReason, Meeting, MeetingStatus, ValidationError
from bti_tui.resources import meeting_kind
from bti_tui.store import DataCorrupt, MeetingNotFound, Repository, StoreError, check_data
from bti_tui.store.case_index import check_index
from bti_tui.store.convert import encrypt_folder
from bti_tui.store.crypto import KdfParams, forget_all, unlock
from bti_tui.store.purge import PurgeBlocked, case_closed_on, case_is_open, plan_purge, purge
from bti_tui.store.retention import archive_path, load_marks, mark_archived

BEFORE = date(2025, 1, 1)
FNR = "15031200188"  # a valid fødselsnummer (tests/model/fnr_helpers.py made it)


@pytest.fixture(autouse=True)
def _empty_keyring() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


def meeting(mid: str, on: date, status: MeetingStatus, *case_ids: str) -> Meeting:
    m = Meeting.plan(meeting_kind("instansmote-skole"), on, time(9, 0), "Nordby", "nb", mid)
    for slot, case_id in zip(m.slots, case_ids, strict=False):
        slot.case_id = case_id
        slot.notes["g-problem"] = f"NOTAT-{mid}-{case_id}"
    m.status = status
    return m


FIN, PLANNED, RUNNING = MeetingStatus.FINISHED, MeetingStatus.PLANNED, MeetingStatus.RUNNING
MEETINGS = [
    meeting("m-old", date(2024, 1, 10), FIN, "c-old"),
    meeting("m-old-shared", date(2024, 2, 10), FIN, "c-shared"),
    meeting("m-new", date(2025, 6, 1), FIN, "c-shared"),
    meeting("m-planned", date(2024, 3, 1), PLANNED, "c-planned"),
    meeting("m-running", date(2024, 3, 5), RUNNING),
    meeting("m-holds-open", date(2024, 4, 1), FIN, "c-planned"),
    meeting("m-old-2", date(2024, 5, 2), FIN, "c-old-2"),
]
CASES = ["c-old", "c-shared", "c-planned", "c-old-2", "c-nowhere"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    with Repository.open(data_dir) as repo:
        for case_id in CASES:
            for _ in range(2):  # a backup of each
                repo.save_case(Case(case_id, CaseReference("AB", date(2016, 3, 14)), submitted_by=f"SENDER-{case_id}"))
        for m in MEETINGS:
            for _ in range(2):
                repo.save_meeting(m)
        mark_archived(repo, "m-old", date(2024, 6, 1), "ESA-REF-m-old")
        mark_archived(repo, "c-old", date(2024, 6, 1), "ESA-REF-c-old")
        mark_archived(repo, "m-new", date(2025, 7, 1), "ESA-REF-m-new")
    exports = data_dir / "referat"
    exports.mkdir()
    for name in ("2024-01-10-referat.md", "2024-01-10-AB-2016.md", "2024-03-01-referat.md", "2025-06-01-referat.md", "notes.txt"):
        (exports / name).write_text(f"EXPORT {name}")
    (data_dir / "index.json").write_text(json.dumps({"cases": {"1": {"id": "c-old", "initials": "AB"}}}))
    for path in (data_dir / "index.json", exports, *exports.iterdir()):
        path.chmod(0o700 if path.is_dir() else 0o600)
    return data_dir


def test_the_plan_lists_finished_meetings_and_closed_cases_before_the_date_and_nothing_open(folder: Path) -> None:
    before = folder_state(folder)
    with Repository.open(folder, read_only=True) as repo:
        plan = plan_purge(repo, BEFORE)
    assert [m.id for m in plan.meetings] == ["m-old", "m-old-shared", "m-old-2"]
    # c-shared: a later meeting still refers to it; c-planned: open; c-nowhere: no date known.
    assert [c.id for c in plan.cases] == ["c-old", "c-old-2"]
    assert [c.last_met for c in plan.cases] == [date(2024, 1, 10), date(2024, 5, 2)]
    assert [p.name for p in plan.exports] == ["2024-01-10-AB-2016.md", "2024-01-10-referat.md"]
    assert plan.kept_open == ["m-holds-open"]
    assert folder_state(folder) == before  # planning (a dry run) changes nothing


def test_purge_removes_exactly_what_it_listed_with_backups_exports_marks_and_index(folder: Path) -> None:
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    with Repository.open(folder) as repo:
        plan = purge(repo, plan_purge(repo, BEFORE))
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    listed = set(plan.exports)
    for m in plan.meetings:
        listed |= {folder / "meetings" / f"{m.id}.json", folder / "meetings" / f"{m.id}.json.bak"}
    for c in plan.cases:
        listed |= {folder / "cases" / f"{c.id}.json", folder / "cases" / f"{c.id}.json.bak"}
    assert set(before) - set(after) == listed
    changed = {p for p in after if p in before and after[p] != before[p]}
    # The case index (derived) is built again without what went.
    assert changed <= {archive_path(folder), folder / "archived.json.bak", folder / ".lock", folder / "index.json"}
    index = json.loads((folder / "index.json").read_text("utf-8"))
    assert not {c.id for c in plan.cases} & {r["id"] for r in index["cases"].values()}
    assert not {m.id for m in plan.meetings} & {r["id"] for r in index["meetings"].values()}
    assert check_index(folder) == []
    assert set(after) - set(before) <= {folder / "archived.json.bak"}
    # The marks of what went are gone, from the file and from its backup.
    assert set(load_marks(folder)) == {("meeting", "m-new")}
    for path, raw in after.items():
        for gone in ("NOTAT-m-old-c-old", "SENDER-c-old\"", "ESA-REF-m-old", "ESA-REF-c-old", "SENDER-c-old-2"):
            assert gone.encode() not in raw, (gone, path)
    assert not any(p.name.endswith((".tmp", ".bak-tmp")) for p in after)
    with Repository.open(folder, read_only=True) as repo:
        assert {m.id for m in repo.list_meetings()} == {"m-new", "m-planned", "m-running", "m-holds-open"}
        for m in repo.list_meetings():
            repo.cases_for(repo.load_meeting(m.id))  # every case still referred to is there
    assert [p.key for p in check_data(folder)] == []


def test_nothing_open_is_ever_purged_whatever_the_date(folder: Path) -> None:
    with Repository.open(folder) as repo:
        purge(repo, plan_purge(repo, date(2100, 1, 1)))
        left = {m.id: m.status for m in repo.list_meetings()}
    assert left == {"m-planned": PLANNED, "m-running": RUNNING, "m-holds-open": FIN}
    assert sorted(p.stem for p in (folder / "cases").glob("*.json")) == ["c-nowhere", "c-planned"]
    assert (folder / "referat" / "2024-03-01-referat.md").exists()


def test_archived_only_takes_only_what_is_marked(folder: Path) -> None:
    with Repository.open(folder) as repo:
        plan = purge(repo, plan_purge(repo, BEFORE, archived_only=True))
    assert [m.id for m in plan.meetings] == ["m-old"] and [c.id for c in plan.cases] == ["c-old"]
    assert (folder / "meetings" / "m-old-2.json").exists()


def test_an_unreadable_meeting_blocks_the_purge_and_nothing_is_removed(folder: Path) -> None:
    (folder / "meetings" / "m-broken.json").write_text("{")
    (folder / "meetings" / "m-broken.json").chmod(0o600)
    before = folder_state(folder)
    with Repository.open(folder) as repo, pytest.raises(PurgeBlocked) as caught:
        plan_purge(repo, BEFORE)
    assert caught.value.key == "purge.blocked" and "m-broken.json" in caught.value.params["paths"]
    after = folder_state(folder)
    after.pop(".lock", None), before.pop(".lock", None)
    assert after == before


def test_a_purge_in_an_encrypted_folder_leaves_the_rest_sealed(folder: Path) -> None:
    encrypt_folder(folder, "korrekt hest batteri", kdf=KdfParams(n=2**10))
    forget_all()
    unlock(folder, "korrekt hest batteri")
    with Repository.open(folder) as repo:
        plan = purge(repo, plan_purge(repo, BEFORE))
    assert len(plan.meetings) == 3
    assert archive_path(folder).read_bytes().startswith(b"BTIcrypt")
    assert set(load_marks(folder)) == {("meeting", "m-new")}
    assert check_data(folder) == []


# --- marks --------------------------------------------------------------------------------------
def test_a_mark_names_a_meeting_or_a_case_and_a_reference(folder: Path) -> None:
    marks = load_marks(folder)
    assert marks[("case", "c-old")].ref == "ESA-REF-c-old" and marks[("meeting", "m-old")].on == date(2024, 6, 1)
    with Repository.open(folder) as repo:
        with pytest.raises(MeetingNotFound):
            mark_archived(repo, "m-finnes-ikke", date(2024, 1, 1), "x")
        with pytest.raises(StoreError) as caught:
            mark_archived(repo, "m-old", date(2024, 1, 1), " \t ")
        assert caught.value.key == "purge.ref_empty"
        with pytest.raises(ValidationError) as refused:
            mark_archived(repo, "m-old", date(2024, 1, 1), f"ESA {FNR[:6]} {FNR[6:]}")
        assert refused.value.key.startswith("privacy.fodselsnummer")
        mark_archived(repo, "m-old", date(2024, 6, 2), "Ny\x1b[31m referanse")
    assert load_marks(folder)[("meeting", "m-old")].ref == "Ny referanse"
    assert FNR[6:].encode() not in archive_path(folder).read_bytes()


def test_a_damaged_marks_file_is_named_by_check_and_blocks_nothing_else(folder: Path) -> None:
    archive_path(folder).write_text("[1")
    assert [p.key for p in check_data(folder)] == ["store.corrupt"]
    with pytest.raises(DataCorrupt), Repository.open(folder) as repo:
        plan_purge(repo, BEFORE)


# --- open and closed, with or without a status of the case's own ------------------------------------
def test_a_case_with_its_own_status_is_open_or_closed_by_it() -> None:
    finished = SimpleNamespace(status=FIN)
    running = SimpleNamespace(status=RUNNING)
    # Closed or reopened in the app (issue 16): its own status decides.
    reopened = Case("c-1", CaseReference.anonymized())
    reopened.close(date(2024, 1, 1), ClosingReason.GOAL_REACHED)
    assert case_is_open(reopened, [running]) is False
    reopened.reopen(date(2024, 2, 1), "Ny bekymring")
    assert case_is_open(reopened, [finished]) is True
    # Never closed or reopened: as before cases had a status.
    assert case_is_open(Case("c-2", CaseReference.anonymized()), [finished]) is False
    assert case_is_open(SimpleNamespace(), [finished]) is False
    assert case_is_open(SimpleNamespace(), [finished, running]) is True
    assert case_closed_on(SimpleNamespace(closing=SimpleNamespace(on=date(2024, 2, 1)))) == date(2024, 2, 1)
    assert case_closed_on(SimpleNamespace(closing=None)) is None
