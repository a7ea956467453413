"""The repository: one file per meeting and case, schema and migrations,
preferences, read-only use, thread safety and a save cost that does not grow
with history."""

from __future__ import annotations

import json
import os
import threading
from datetime import date, time
from pathlib import Path

import pytest
from conftest import TODAY, mode

from bti_tui.session.demo import write_demo
from bti_tui.model import Meeting, MeetingStatus
from bti_tui.resources import meeting_kind
from bti_tui.store import SCHEMA
from bti_tui.store import (
    MIGRATIONS,
    CaseNotFound,
    DataCorrupt,
    DataInvalid,
    MeetingNotFound,
    MeetingSummary,
    ReadOnly,
    Repository,
    SchemaNewer,
)
from bti_tui.store import repository as repository_module


def test_open_creates_private_folders(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        with Repository.open(tmp_path / "new" / "data") as repo:
            assert repo.data_dir == tmp_path / "new" / "data"
    finally:
        os.umask(old)
    for folder in ("new", "new/data", "new/data/meetings", "new/data/cases"):
        assert mode(tmp_path / folder) == 0o700, folder


def test_open_fixes_the_modes_of_its_own_subfolders(data_dir: Path) -> None:
    (data_dir / "meetings").mkdir(parents=True)
    (data_dir / "meetings").chmod(0o755)
    Repository.open(data_dir).close()
    assert mode(data_dir / "meetings") == 0o700


def test_demo_files_are_one_per_meeting_and_case_and_private(demo_repo: Repository) -> None:
    root = demo_repo.data_dir
    assert sorted(p.name for p in (root / "meetings").iterdir()) == ["demo-ferdig.json", "demo-neste.json"]
    assert sorted(p.name for p in (root / "cases").iterdir()) == ["demo-sak-1.json", "demo-sak-2.json", "demo-sak-3.json"]
    for path in [*(root / "meetings").iterdir(), *(root / "cases").iterdir()]:
        assert mode(path) == 0o600
        data = json.loads(path.read_text("utf-8"))
        assert data["_meta"] == {"1": {"schema": SCHEMA}}
        assert data["document"]["1"]["id"] == path.stem


def test_list_meetings_is_newest_first(demo_repo: Repository) -> None:
    listed = demo_repo.list_meetings()
    assert listed == [
        MeetingSummary("demo-neste", date(2026, 3, 16), time(9, 0), "instansmote-skole", MeetingStatus.PLANNED, "Nordby skole, møterom 2"),
        MeetingSummary("demo-ferdig", date(2026, 2, 16), time(9, 0), "instansmote-skole", MeetingStatus.FINISHED, "Nordby skole, møterom 2"),
    ]
    assert demo_repo.skipped == []


def test_list_sees_a_saved_change(demo_repo: Repository) -> None:
    demo_repo.list_meetings()
    meeting = demo_repo.load_meeting("demo-neste")
    meeting.place = "Familiesenteret"
    meeting.date = date(2020, 1, 1)
    demo_repo.save_meeting(meeting)
    listed = demo_repo.list_meetings()
    assert [s.id for s in listed] == ["demo-ferdig", "demo-neste"]
    assert listed[1].place == "Familiesenteret"


def test_save_and_load_meeting_and_cases(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    meeting.slots[0].notes["g-problem"] = "Ny tekst med æøå"
    demo_repo.save_meeting(meeting)
    assert demo_repo.load_meeting("demo-ferdig") == meeting
    cases = demo_repo.cases_for(meeting)
    assert set(cases) == {"demo-sak-1", "demo-sak-2"}
    case = cases["demo-sak-1"]
    case.assign_stafettholder("Ola Hansen", "Barneverntjenesten", "m2", date(2026, 4, 1))
    demo_repo.save_case(case)
    assert demo_repo.load_case("demo-sak-1").stafettholders == case.stafettholders


def test_a_removed_note_stays_removed(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    del meeting.slots[0].notes["g-problem"]
    demo_repo.save_meeting(meeting)
    assert "g-problem" not in demo_repo.load_meeting("demo-ferdig").slots[0].notes


def test_an_empty_meeting_file_is_damaged_not_missing(demo_repo: Repository) -> None:
    (demo_repo.data_dir / "meetings" / "demo-neste.json").write_bytes(b"")
    with pytest.raises(DataCorrupt):
        demo_repo.load_meeting("demo-neste")


def test_unknown_ids(repo: Repository) -> None:
    with pytest.raises(MeetingNotFound) as caught:
        repo.load_meeting("nope")
    assert caught.value.params == {"meeting_id": "nope"}
    with pytest.raises(CaseNotFound):
        repo.load_case("nope")
    for bad in ("../preferences", "a/b", ".hidden", ""):
        with pytest.raises(MeetingNotFound):
            repo.load_meeting(bad)


def test_a_meeting_whose_case_is_missing(demo_repo: Repository) -> None:
    (demo_repo.data_dir / "cases" / "demo-sak-2.json").unlink()
    with pytest.raises(CaseNotFound):
        demo_repo.cases_for(demo_repo.load_meeting("demo-ferdig"))


def test_preferences(repo: Repository) -> None:
    assert repo.load_preferences() == {}
    repo.save_preferences({"projector": True, "language": "nn"})
    assert repo.load_preferences() == {"projector": True, "language": "nn"}
    assert mode(repo.data_dir / "preferences.json") == 0o600


def test_write_demo_overwrites_only_its_own_files(demo_repo: Repository) -> None:
    other = Meeting.plan(meeting_kind("internt-arbeidsmote"), date(2026, 5, 5), time(10, 0), meeting_id="mine")
    demo_repo.save_meeting(other)
    changed = demo_repo.load_meeting("demo-neste")
    changed.place = "endret"
    demo_repo.save_meeting(changed)
    assert write_demo(demo_repo, TODAY, "nb") == ["demo-ferdig", "demo-neste"]
    assert demo_repo.load_meeting("demo-neste").place == "Nordby skole, møterom 2"
    assert demo_repo.load_meeting("mine") == other


# --- damaged files, schema, migrations ----------------------------------------------------
def test_a_truncated_meeting_raises_and_is_not_written_over(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "meetings" / "demo-ferdig.json"
    meeting = demo_repo.load_meeting("demo-ferdig")
    path.write_bytes(path.read_bytes()[:100])
    damaged = path.read_bytes()
    fresh = Repository(demo_repo.data_dir, read_only=True)
    with pytest.raises(DataCorrupt) as caught:
        fresh.load_meeting("demo-ferdig")
    assert caught.value.params["path"] == str(path)
    with pytest.raises(DataCorrupt):
        demo_repo.save_meeting(meeting)
    assert path.read_bytes() == damaged


def test_list_leaves_out_a_damaged_meeting_and_says_so(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "meetings" / "demo-neste.json"
    path.write_bytes(b"{")
    assert [s.id for s in demo_repo.list_meetings()] == ["demo-ferdig"]
    assert [(p.path, p.key) for p in demo_repo.skipped] == [(path, "store.corrupt_no_backup")]


def _set_schema(path: Path, schema: int, doc_change: dict | None = None) -> None:
    data = json.loads(path.read_text("utf-8"))
    data["_meta"]["1"]["schema"] = schema
    data["document"]["1"].update(doc_change or {})
    path.write_text(json.dumps(data), "utf-8")


def test_a_file_from_a_newer_app_is_refused_and_untouched(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "meetings" / "demo-neste.json"
    meeting = demo_repo.load_meeting("demo-neste")
    _set_schema(path, 99)
    before = path.read_bytes()
    demo_repo.close()
    with Repository.open(demo_repo.data_dir) as repo:  # a new session has not seen the file yet
        with pytest.raises(SchemaNewer) as caught:
            repo.load_meeting("demo-neste")
        assert caught.value.params == {"path": str(path), "found": 99, "known": SCHEMA}
        with pytest.raises(SchemaNewer):
            repo.save_meeting(meeting)
    assert path.read_bytes() == before


def test_a_v0_document_is_migrated_on_load_and_rewritten_on_save(
    demo_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_repo.data_dir / "meetings" / "demo-neste.json"
    data = json.loads(path.read_text("utf-8"))
    doc = data["document"]["1"]
    doc["time"] = doc.pop("start_time")  # pretend v0 called it "time"
    data["_meta"]["1"]["schema"] = 0
    path.write_text(json.dumps(data), "utf-8")

    def v0_to_v1(old: dict) -> dict:
        new = dict(old)
        new["start_time"] = new.pop("time")
        return new

    monkeypatch.setitem(MIGRATIONS["meeting"], 0, v0_to_v1)
    demo_repo.close()
    with Repository.open(demo_repo.data_dir) as repo:
        before = path.read_bytes()
        meeting = repo.load_meeting("demo-neste")
        assert meeting.start_time == time(9, 0)
        assert path.read_bytes() == before  # loading writes nothing
        repo.save_meeting(meeting)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["_meta"]["1"]["schema"] == SCHEMA
    assert saved["document"]["1"]["start_time"] == "09:00" and "time" not in saved["document"]["1"]


def test_an_old_document_without_a_migration_is_invalid(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "cases" / "demo-sak-1.json"
    _set_schema(path, 0)
    with pytest.raises(DataInvalid, match="no migration from schema 0"):
        Repository(demo_repo.data_dir, read_only=True).load_case("demo-sak-1")


def test_a_document_that_does_not_fit_the_model(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "cases" / "demo-sak-1.json"
    _set_schema(path, 1, {"firfoting_prepared": "maybe"})
    with pytest.raises(DataInvalid) as caught:
        demo_repo.load_case("demo-sak-1")
    assert "firfoting_prepared" in str(caught.value.params["detail"])


# --- read-only use -------------------------------------------------------------------------
def test_read_only_creates_nothing_and_writes_nothing(tmp_path: Path) -> None:
    repo = Repository.open(tmp_path / "absent", read_only=True)
    assert repo.list_meetings() == []
    assert repo.load_preferences() == {}
    with pytest.raises(ReadOnly):
        repo.save_preferences({"theme": "x"})
    repo.close()
    assert not (tmp_path / "absent").exists()


def test_read_only_works_while_another_repository_holds_the_lock(demo_repo: Repository) -> None:
    with Repository.open(demo_repo.data_dir, read_only=True) as reader:
        assert len(reader.list_meetings()) == 2
        assert reader.load_meeting("demo-ferdig") == demo_repo.load_meeting("demo-ferdig")


# --- threads and cost -----------------------------------------------------------------------
def test_saves_from_a_worker_while_the_ui_thread_reads(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            for n in range(60):
                meeting.slots[0].notes["g-problem"] = f"versjon {n}"
                demo_repo.save_meeting(meeting)
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    seen = set()
    while thread.is_alive():
        seen.add(demo_repo.load_meeting("demo-ferdig").slots[0].notes["g-problem"])
        demo_repo.list_meetings()
    thread.join()
    assert errors == []
    assert demo_repo.load_meeting("demo-ferdig").slots[0].notes["g-problem"] == "versjon 59"
    assert all(text.startswith("versjon") or text.startswith("Eleven") for text in seen)


def test_a_save_touches_only_its_own_file(demo_repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost of a save cannot grow with history: it lists no folder and
    reads and writes no file but the meeting's own."""
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.save_meeting(meeting)
    path = demo_repo.data_dir / "meetings" / "demo-ferdig.json"
    opened: list[str] = []
    real_open = os.open

    def watch_open(file: str, *args: object, **kwargs: object) -> int:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    def no_listing(*args: object) -> None:
        raise AssertionError("a save listed a folder")

    monkeypatch.setattr(os, "open", watch_open)
    monkeypatch.setattr(os, "listdir", no_listing)
    monkeypatch.setattr(os, "scandir", no_listing)
    monkeypatch.setattr(Path, "iterdir", no_listing)
    monkeypatch.setattr(repository_module, "_json_files", no_listing)
    # An edit the index does not hold (the place is in it now, for the
    # meeting list: changing it writes the index too).
    meeting.slots[0].notes["g-problem"] = "Ny tekst"
    demo_repo.save_meeting(meeting)
    monkeypatch.undo()
    folder = str(path.parent)
    assert all(name.startswith(folder) for name in opened), opened
    others = [n for n in opened if Path(n).name.endswith(".json") and Path(n) != path]
    assert others == []


def test_delete_case_removes_the_file_and_its_backup(tmp_path) -> None:
    from bti_tui.model import Case, CaseReference

    with Repository.open(tmp_path / "data") as repo:
        case = Case("c-1", CaseReference(initials="AB", birth_date=date(2016, 3, 14)))
        repo.save_case(case)
        repo.save_case(case)  # second write leaves a .bak
        path = repo.case_path("c-1")
        assert path.exists() and path.with_name(path.name + ".bak").exists()
        repo.delete_case("c-1")
        assert not path.exists() and not path.with_name(path.name + ".bak").exists()
        with pytest.raises(CaseNotFound):
            repo.load_case("c-1")
