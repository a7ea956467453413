"""The case index (<data>/index.json): kept in step with every save, only
written when its record changes, rebuilt when missing, asked through TinyDB
queries; ``check_index`` reports a missing, stale or damaged index and never
writes. Files in today's format (schema 1, before the case history) load
with their defaults and are indexed."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, folder_state

from bti_tui.model import (
    Agreement,
    AgreementStatus,
    Case,
    CaseReference,
    ClosingReason,
    CaseStatus,
)
from bti_tui.store import SCHEMA, Repository
from bti_tui.store.case_index import INDEX_FORMAT
from bti_tui.store.case_index import INDEX, case_record, check_index

# Data folders written by the app before cases had a history: schema 1
# (the first files) and schema 2 (roles by id), both as the demo wrote them.
FORMATS = Path(__file__).parent / "data"


def index_of(folder: Path) -> dict:
    return json.loads((folder / INDEX).read_text("utf-8"))


def named(case_id: str, initials: str = "AB", born: date = date(2016, 3, 14)) -> Case:
    return Case(case_id, CaseReference(initials, born))


def test_the_demo_is_indexed_as_it_is_saved(demo_repo: Repository) -> None:
    data = index_of(demo_repo.data_dir)
    assert data["_meta"] == {"1": {"index": INDEX_FORMAT}}
    cases = {r["id"]: r for r in data["cases"].values()}
    assert set(cases) == {"demo-sak-1", "demo-sak-2", "demo-sak-3"}
    child = cases["demo-sak-1"]
    assert child == {
        "id": "demo-sak-1",
        "anonymous": False,
        "initials": "AB",
        "initials_key": "ab",
        "birth_date": "2016-03-14",
        "status": "open",
        "closed_on": None,
        "stafettholder": {"name": "Kari Nordmann", "service": "Skolehelsetjenesten", "since": "2026-02-16"},
        "services": ["Barneverntjenesten", "Familiehjelpen", "Nordby skole", "Skolehelsetjenesten"],
        "open_due": ["2026-02-23", "2026-03-18", None],
    }
    meetings = {r["id"]: r for r in data["meetings"].values()}
    assert meetings["demo-neste"]["cases"] == ["demo-sak-1", "demo-sak-3"]
    assert meetings["demo-ferdig"]["next"] == {"demo-sak-1": "2026-03-09"}
    assert oct(os.stat(demo_repo.data_dir / INDEX).st_mode & 0o777) == "0o600"


def test_a_save_that_changes_no_record_writes_no_index(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / INDEX
    before = path.stat().st_mtime_ns, path.read_bytes()
    meeting = demo_repo.load_meeting("demo-neste")
    meeting.slots[0].notes["g-problem"] = "Typing away"  # a note: not in the index
    demo_repo.save_meeting(meeting)
    demo_repo.save_case(demo_repo.load_case("demo-sak-1"))
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before


def test_each_save_keeps_its_record_in_step(demo_repo: Repository) -> None:
    case = demo_repo.load_case("demo-sak-1")
    case.agreements[0].mark(AgreementStatus.DONE, TODAY, "demo-neste")
    case.close(TODAY, ClosingReason.GOAL_REACHED)
    demo_repo.save_case(case)
    assert demo_repo.index.case("demo-sak-1") == case_record(case)
    assert demo_repo.index.case("demo-sak-1")["status"] == "closed"
    meeting = demo_repo.load_meeting("demo-neste")
    meeting.slots[1].case_id = None
    meeting.date = date(2026, 4, 1)
    demo_repo.save_meeting(meeting)
    assert [m["id"] for m in demo_repo.index.meetings_of(["demo-sak-3"])] == []
    assert [(m["id"], m["date"]) for m in demo_repo.index.meetings_of(["demo-sak-1"])] == [
        ("demo-ferdig", "2026-02-16"),
        ("demo-neste", "2026-04-01"),
    ]
    demo_repo.delete_case("demo-sak-3")
    assert demo_repo.index.case("demo-sak-3") is None
    assert "demo-sak-3" not in {r["id"] for r in index_of(demo_repo.data_dir)["cases"].values()}
    assert check_index(demo_repo.data_dir) == []


def test_find_is_case_and_accent_insensitive_and_never_anonymous(repo: Repository) -> None:
    repo.save_case(named("c-1", "ÅS"))
    repo.save_case(named("c-2", "AB", date(2016, 3, 15)))
    repo.save_case(Case("c-3", CaseReference.anonymized()))
    assert [r["id"] for r in repo.index.find("as", date(2016, 3, 14))] == ["c-1"]
    assert repo.index.find("as", date(2016, 3, 15)) == []
    assert repo.index.find("", date(2016, 3, 14)) == []


def test_cases_by_status_and_service_and_overdue(repo: Repository) -> None:
    open_case = named("c-1")
    open_case.agreements = [Agreement("a1", "x", "Kari", "PPT", date(2026, 3, 1), "m1")]
    closed = named("c-2", "CD")
    closed.close(TODAY, ClosingReason.MOVED_AWAY)
    for case in (open_case, closed):
        repo.save_case(case)
    assert [r["id"] for r in repo.index.cases("open")] == ["c-1"]
    assert [r["id"] for r in repo.index.cases("closed")] == ["c-2"]
    assert [r["id"] for r in repo.index.cases(None, "ppt")] == ["c-1"]
    assert [r["id"] for r in repo.index.overdue(date(2026, 3, 2))] == ["c-1"]
    assert repo.index.overdue(date(2026, 3, 1)) == []  # due today is not late


def test_a_writer_builds_a_missing_index_and_a_reader_only_in_memory(demo_repo: Repository, data_dir: Path) -> None:
    demo_repo.close()
    (data_dir / INDEX).unlink()
    before = folder_state(data_dir)
    with Repository.open(data_dir, read_only=True) as reader:
        assert {r["id"] for r in reader.index.cases("open")} == {"demo-sak-1", "demo-sak-2", "demo-sak-3"}
    assert folder_state(data_dir) == before and not (data_dir / INDEX).exists()
    assert [p.key for p in check_index(data_dir)] == ["cases.check.index_missing"]
    with Repository.open(data_dir) as writer:
        assert len(writer.index.cases()) == 3
    assert check_index(data_dir) == []


def test_a_writer_rebuilds_an_index_naming_other_cases(demo_repo: Repository, data_dir: Path) -> None:
    demo_repo.close()
    shutil.copy(data_dir / "cases" / "demo-sak-3.json", data_dir / "cases" / "c-copied.json")
    data = json.loads((data_dir / "cases" / "c-copied.json").read_text("utf-8"))
    data["document"]["1"]["id"] = "c-copied"
    (data_dir / "cases" / "c-copied.json").write_text(json.dumps(data), "utf-8")
    assert [p.key for p in check_index(data_dir)] == ["cases.check.index_stale"]
    with Repository.open(data_dir) as writer:
        assert writer.index.case("c-copied") is not None
    assert check_index(data_dir) == []


def test_check_reports_stale_and_damaged_and_writes_nothing(demo_repo: Repository, data_dir: Path) -> None:
    assert check_index(data_dir) == []
    # A case written behind the index's back (a crash between the two writes).
    path = data_dir / "cases" / "demo-sak-1.json"
    data = json.loads(path.read_text("utf-8"))
    data["document"]["1"]["agreements"][0]["status"] = "done"
    path.write_text(json.dumps(data), "utf-8")
    before = folder_state(data_dir)
    problems = check_index(data_dir)
    assert [(p.path.name, p.key) for p in problems] == [(INDEX, "cases.check.index_stale")]
    assert folder_state(data_dir) == before
    demo_repo.index.rebuild()
    assert check_index(data_dir) == []
    (data_dir / INDEX).write_text("{", "utf-8")
    assert [p.key for p in check_index(data_dir)] == ["cases.check.index_damaged"]


def test_an_empty_folder_needs_no_index(data_dir: Path) -> None:
    data_dir.mkdir()
    assert check_index(data_dir) == []


@pytest.fixture(params=["schema1", "schema2"])
def schema1(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A data folder written by the app before cases had a history."""
    folder = tmp_path / "old"
    shutil.copytree(FORMATS / request.param, folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return folder


def test_files_in_todays_format_load_with_defaults_and_are_indexed(schema1: Path) -> None:
    with Repository.open(schema1) as repo:
        case = repo.load_case("demo-sak-1")
        assert case.status is CaseStatus.OPEN and case.status_history == [] and case.duties_done == {}
        assert [a.status for a in case.agreements] == [AgreementStatus.OPEN, AgreementStatus.OPEN, AgreementStatus.DROPPED]
        assert all(a.history == [] for a in case.agreements)
        assert case.stafettholders[0].named_by == "" and case.origin.noticed_by == ""
        meeting = repo.load_meeting("demo-neste")
        assert meeting.slots[0].informing.tellers == {} and meeting.slots[0].next_meeting_time is None
        assert meeting.moteleder_reason == "" and meeting.slots[0].next_meeting_place == ""
        # The first query builds the index from the old files.
        assert {r["id"] for r in repo.index.cases("open")} == {"demo-sak-1", "demo-sak-2", "demo-sak-3"}
        assert repo.index.case("demo-sak-1")["open_due"] == ["2026-02-23", "2026-03-18"]
        # Saved again at the current schema: the case history needed no
        # migration of its own (only fields with defaults were added).
        repo.save_case(case)
    saved = json.loads((schema1 / "cases" / "demo-sak-1.json").read_text("utf-8"))
    assert saved["_meta"] == {"1": {"schema": SCHEMA}} and saved["document"]["1"]["agreements"][2]["status"] == "cancelled"
    assert check_index(schema1) == []


def test_many_saves_in_a_row_build_the_index_once_at_the_end(repo: Repository) -> None:
    with repo.index.deferred():
        repo.save_case(named("c-1"))
        repo.save_case(named("c-2", "CD"))
        assert not (repo.data_dir / INDEX).exists()
    assert {r["id"] for r in repo.index.cases()} == {"c-1", "c-2"}
    assert check_index(repo.data_dir) == []


def test_the_first_save_of_a_new_case_in_a_session_does_not_rebuild_the_index(demo_repo: Repository, data_dir: Path, caplog) -> None:
    demo_repo.close()
    with Repository.open(data_dir) as repo:
        with caplog.at_level("INFO", logger="bti_tui.store.case_index"):
            repo.save_case(named("c-new", "GH"))
            repo.delete_case("demo-sak-3")
        assert "rebuilding" not in caplog.text
        assert repo.index.case("c-new") is not None and repo.index.case("demo-sak-3") is None
    assert check_index(data_dir) == []


def test_in_an_encrypted_folder_the_index_is_sealed_and_asked_once_unlocked(demo_repo: Repository, data_dir: Path) -> None:
    from bti_tui.store.convert import encrypt_folder
    from bti_tui.store.crypto import KdfParams, forget_all, is_sealed, unlock

    demo_repo.close()
    try:
        encrypt_folder(data_dir, "korrekt hest batteri", kdf=KdfParams(n=2**10))
        raw = (data_dir / INDEX).read_bytes()
        # Whole words only: two given letters turn up in a few kilobytes of
        # ciphertext by chance (this failed once in a full run on b"AB").
        assert is_sealed(raw) and b"demo-sak-1" not in raw and b'"AB"' not in raw and b"initials" not in raw
        with Repository.open(data_dir) as repo:
            repo.save_case(named("c-new", "GH"))
            assert [r["id"] for r in repo.index.find("gh", date(2016, 3, 14))] == ["c-new"]
        assert is_sealed((data_dir / INDEX).read_bytes())
        assert check_index(data_dir) == []
        forget_all()  # locked: check_data asks for the passphrase, the index says nothing
        assert check_index(data_dir) == []
        unlock(data_dir, "korrekt hest batteri")
        with Repository.open(data_dir, read_only=True) as reader:
            assert reader.index.case("c-new") is not None
    finally:
        forget_all()
