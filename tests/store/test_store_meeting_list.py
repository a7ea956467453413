"""The app's meeting list comes from the index (issue 20): the same
meetings in the same order as reading every file, without reading them;
kept in step by each save; a file the index leaves out is read on its own
and, if it cannot be read, named."""

from __future__ import annotations

import os
from datetime import date, time

import pytest

from bti_tui.model import Meeting
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository
from bti_tui.store.case_index import INDEX


def _meetings(repo: Repository, n: int) -> None:
    kind = meeting_kind("instansmote-skole")
    with repo.index.deferred():
        for i in range(n):
            on = date(2020 + i % 5, 1 + i % 12, 1 + i % 28)
            repo.save_meeting(Meeting.plan(kind, on, time(8 + i % 8, 0), f"Rom {i}", "nb", f"m-{i:03d}"))


def test_the_index_lists_what_the_files_hold(demo_repo: Repository) -> None:
    _meetings(demo_repo, 30)
    assert demo_repo.indexed_meetings() == demo_repo.list_meetings()
    assert demo_repo.skipped == []


def test_listing_from_the_index_reads_no_meeting_file(demo_repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    _meetings(demo_repo, 10)
    demo_repo.indexed_meetings()  # the index is open now, as in the app
    opened: list[str] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda file, *a, **k: opened.append(str(file)) or real_open(file, *a, **k))
    listed = demo_repo.indexed_meetings()
    monkeypatch.undo()
    assert len(listed) == 12
    assert [n for n in opened if "meetings" in n] == []


def test_a_changed_place_is_listed_after_the_save(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    meeting.place = "Rom 3"
    demo_repo.save_meeting(meeting)
    with Repository.open(demo_repo.data_dir, read_only=True) as reader:  # a new session reads the file
        assert {s.id: s.place for s in reader.indexed_meetings()}["demo-ferdig"] == "Rom 3"
    assert {s.id: s.place for s in demo_repo.indexed_meetings()}["demo-ferdig"] == "Rom 3"


def test_a_damaged_file_left_out_of_the_index_is_named(demo_repo: Repository) -> None:
    damaged = demo_repo.meeting_path("demo-ferdig")
    damaged.write_bytes(damaged.read_bytes()[:40])
    (demo_repo.data_dir / INDEX).unlink()  # rebuilt from the readable files
    demo_repo.index.close()
    listed = demo_repo.indexed_meetings()
    assert [s.id for s in listed] == ["demo-neste"]
    assert [p.path.name for p in demo_repo.skipped] == ["demo-ferdig.json"]


def test_an_index_of_the_first_format_is_rebuilt_with_places(demo_repo: Repository) -> None:
    import json

    path = demo_repo.data_dir / INDEX
    data = json.loads(path.read_text("utf-8"))
    data["_meta"]["1"]["index"] = 1
    for record in data["meetings"].values():
        record.pop("place")
    path.write_text(json.dumps(data), "utf-8")
    demo_repo.index.close()  # as a new session finds it
    assert {s.place for s in demo_repo.indexed_meetings()} == {"Nordby skole, møterom 2"}
    assert json.loads(path.read_text("utf-8"))["_meta"]["1"]["index"] == 2


def test_the_files_of_listed_meetings_are_checked_on_request(demo_repo: Repository) -> None:
    damaged = demo_repo.meeting_path("demo-ferdig")
    damaged.write_bytes(damaged.read_bytes()[:40])
    assert [s.id for s in demo_repo.indexed_meetings()] == ["demo-neste", "demo-ferdig"]  # the index still lists it
    problems = demo_repo.meeting_problems(["demo-neste", "demo-ferdig", "gone"])
    assert [p.path.name for p in problems] == ["demo-ferdig.json"]
