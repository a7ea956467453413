"""check_data: finds every kind of problem, and never writes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import folder_state

from bti_tui.i18n import Translator
from bti_tui.store import Repository, check_data


@pytest.fixture
def folder(demo_repo: Repository) -> Path:
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.save_meeting(meeting)  # now there is a .bak beside it
    demo_repo.save_preferences({"projector": True, "language": "nn"})
    return demo_repo.data_dir


def problems(folder: Path) -> list[tuple[str, str]]:
    """(file name, key) of each problem, checking that nothing was written."""
    before = folder_state(folder)
    found = check_data(folder)
    assert folder_state(folder) == before
    return [(p.path.name, p.key) for p in found]


def test_a_good_folder_has_no_problems(folder: Path) -> None:
    assert problems(folder) == []


def test_a_missing_folder_has_no_problems_and_is_not_created(tmp_path: Path) -> None:
    assert check_data(tmp_path / "absent") == []
    assert not (tmp_path / "absent").exists()


def test_a_truncated_meeting_names_the_file_and_its_backup(folder: Path) -> None:
    path = folder / "meetings" / "demo-ferdig.json"
    path.write_bytes(path.read_bytes()[:-40])
    found = check_data(folder)
    assert [(p.path, p.key) for p in found] == [(path, "store.corrupt")]
    message = Translator("nb")(found[0].key, **found[0].params)
    assert str(path) in message and f"{path}.bak" in message


def test_a_truncated_file_without_backup(folder: Path) -> None:
    path = folder / "meetings" / "demo-neste.json"
    path.write_bytes(b"")
    assert problems(folder) == [("demo-neste.json", "store.corrupt_no_backup")]
    path.write_bytes(b'{"_meta"')
    assert problems(folder) == [("demo-neste.json", "store.corrupt_no_backup")]


def test_wrong_permissions(folder: Path) -> None:
    (folder / "cases" / "demo-sak-1.json").chmod(0o644)
    (folder / "meetings").chmod(0o755)
    assert problems(folder) == [("meetings", "store.folder_permissions"), ("demo-sak-1.json", "store.permissions")]


def test_newer_schema_and_bad_documents(folder: Path) -> None:
    newer = folder / "cases" / "demo-sak-2.json"
    data = json.loads(newer.read_text("utf-8"))
    data["_meta"]["1"]["schema"] = 7
    newer.write_text(json.dumps(data), "utf-8")
    bad = folder / "cases" / "demo-sak-3.json"
    data = json.loads(bad.read_text("utf-8"))
    data["document"]["1"]["consent"]["status"] = "perhaps"
    bad.write_text(json.dumps(data), "utf-8")
    prefs = folder / "preferences.json"
    prefs.write_text('{"theme": "x"}', "utf-8")
    assert sorted(problems(folder)) == [
        ("demo-sak-2.json", "store.schema_newer"),
        ("demo-sak-3.json", "store.invalid"),
        ("preferences.json", "store.invalid"),
    ]


def test_a_missing_case_and_a_misnamed_file(folder: Path) -> None:
    (folder / "cases" / "demo-sak-1.json").rename(folder / "cases" / "renamed.json")
    assert sorted(problems(folder)) == [
        ("demo-ferdig.json", "store.case_missing"),
        ("demo-neste.json", "store.case_missing"),  # the child is met in both demo meetings
        ("renamed.json", "store.id_mismatch"),
    ]


def test_a_temp_file_left_by_a_crash(folder: Path) -> None:
    leftover = folder / "meetings" / ".demo-ferdig.json.x1y2z3w4.tmp"
    leftover.write_bytes(b"{")
    leftover.chmod(0o600)
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))  # not a save in progress
    assert problems(folder) == [(leftover.name, "store.leftover_temp")]


def test_check_works_while_the_app_holds_the_lock(folder: Path) -> None:
    assert (folder / ".lock").exists()
    assert problems(folder) == []
