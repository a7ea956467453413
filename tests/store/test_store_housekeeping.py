"""What Repository.open tidies (temp files of interrupted saves, modes wider
than 0700/0600) and what check says about the same things."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import folder_state, mode

from bti_tui.store import Repository, check_data
from bti_tui.store.storage import atomic_write_bytes

OLD = time.time() - 3600


def _temp(folder: Path, name: str, age: float | None = None) -> Path:
    path = folder / name
    path.write_bytes(b'{"half": ')
    path.chmod(0o600)
    if age is not None:
        os.utime(path, (time.time() - age, time.time() - age))
    return path


def _problems(folder: Path) -> list[tuple[str, str]]:
    before = folder_state(folder)
    found = [(p.path.name, p.key) for p in check_data(folder)]
    assert folder_state(folder) == before
    return found


# --- temp files ------------------------------------------------------------------------
def test_open_removes_the_temp_files_of_interrupted_saves(demo_repo: Repository, caplog: pytest.LogCaptureFixture) -> None:
    folder = demo_repo.data_dir
    demo_repo.close()
    ours = [
        _temp(folder / "meetings", ".demo-ferdig.json.k2j4_x9a.tmp"),
        _temp(folder / "cases", ".demo-sak-1.json.abcdefgh.bak-tmp"),
        _temp(folder, ".preferences.json.0a1b2c3d.tmp"),
    ]
    not_ours = [
        _temp(folder / "meetings", ".notes.tmp"),  # no random part: not a name the app makes
        _temp(folder / "meetings", "demo.json.abcdefgh.tmp"),  # not hidden
        _temp(folder, "my-draft.tmp"),
    ]
    link = folder / "meetings" / ".demo-neste.json.zzzzzzzz.tmp"
    link.symlink_to(folder / "meetings" / "demo-neste.json")
    with caplog.at_level(logging.INFO, logger="bti_tui.store"):
        Repository.open(folder).close()
    assert not any(path.exists() for path in ours)
    assert all(path.exists() for path in not_ours) and link.is_symlink()
    assert (folder / "meetings" / "demo-neste.json").is_file()
    logged = caplog.text
    assert all(str(path) in logged for path in ours) and "interrupted save" in logged


def test_a_save_leaves_no_temp_file_behind(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.save_meeting(meeting)
    names = [p.name for p in (demo_repo.data_dir / "meetings").iterdir()]
    assert not [n for n in names if n.endswith("tmp")]


def test_a_read_only_open_removes_nothing(demo_repo: Repository) -> None:
    folder = demo_repo.data_dir
    demo_repo.close()
    temp = _temp(folder / "meetings", ".demo-ferdig.json.abcdefgh.tmp", age=3600)
    Repository.open(folder, read_only=True).close()
    assert temp.exists()


def test_check_ignores_the_save_in_progress_of_a_running_app(demo_repo: Repository) -> None:
    """The lock is held (demo_repo): a young temp file is that app's save."""
    folder = demo_repo.data_dir
    young = _temp(folder / "meetings", ".demo-ferdig.json.abcdefgh.tmp")
    assert _problems(folder) == []
    old = _temp(folder / "meetings", ".demo-neste.json.abcdefgh.tmp", age=3600)
    assert _problems(folder) == [(old.name, "store.leftover_temp")]
    demo_repo.close()  # nobody saves now: every temp file is left over
    assert sorted(_problems(folder)) == sorted([(young.name, "store.leftover_temp"), (old.name, "store.leftover_temp")])


def test_check_ignores_the_save_in_progress_of_another_process(demo_repo: Repository) -> None:
    folder = demo_repo.data_dir
    demo_repo.close()
    hold = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from bti_tui.store import Repository
        repo = Repository.open(Path(sys.argv[1]))
        print("locked", flush=True)
        sys.stdin.readline()
        repo.close()
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", hold, str(folder)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        _temp(folder / "cases", ".demo-sak-2.json.abcdefgh.tmp")
        assert _problems(folder) == []
    finally:
        holder.communicate("\n", timeout=30)


# --- modes -----------------------------------------------------------------------------
def test_open_makes_wide_folders_and_files_private(demo_repo: Repository, caplog: pytest.LogCaptureFixture) -> None:
    folder = demo_repo.data_dir
    exports = folder / "referat"
    exports.mkdir()
    exported = exports / "referat-demo-ferdig.md"
    atomic_write_bytes(exported, b"# Referat\n")
    log_file = folder / "bti-tui.log"
    log_file.write_text("x\n")
    demo_repo.save_preferences({"language": "nn"})
    demo_repo.close()
    wide = {
        folder: 0o755,
        folder / "meetings": 0o750,
        exports: 0o777,
        exported: 0o644,
        log_file: 0o664,
        folder / "preferences.json": 0o640,
        folder / "cases" / "demo-sak-1.json": 0o604,
    }
    for path, wider in wide.items():
        path.chmod(wider)
    found = _problems(folder)
    assert sorted(found) == sorted(
        (path.name, "store.folder_permissions" if path.is_dir() else "store.permissions") for path in wide
    )
    with caplog.at_level(logging.INFO, logger="bti_tui.store"):
        Repository.open(folder).close()
    for path in wide:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    assert all(str(path) in caplog.text for path in wide)
    assert _problems(folder) == []


def test_the_files_modes_can_be_put_right_after_opening(demo_repo: Repository, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 20: the app opens the folder with ``files_private_later`` (no
    stat of every file before its first frame): the folders are private at
    once, the files when ``make_files_private`` runs (the app: right after
    its first frame)."""
    folder = demo_repo.data_dir
    demo_repo.close()
    case_file, meetings = folder / "cases" / "demo-sak-1.json", folder / "meetings"
    case_file.chmod(0o644)
    meetings.chmod(0o755)
    with Repository.open(folder, files_private_later=True) as repo:
        assert mode(meetings) == 0o700  # no one else reaches a file meanwhile
        assert mode(case_file) == 0o644
        with caplog.at_level(logging.INFO, logger="bti_tui.store"):
            repo.make_files_private()
        assert mode(case_file) == 0o600
        assert str(case_file) in caplog.text
    with Repository.open(folder, read_only=True) as reader:
        case_file.chmod(0o644)
        reader.make_files_private()  # a reader changes nothing
        assert mode(case_file) == 0o644


def test_open_never_chmods_through_a_link(demo_repo: Repository, tmp_path: Path) -> None:
    folder = demo_repo.data_dir
    demo_repo.close()
    mine = tmp_path / "shared.md"
    mine.write_text("x")
    mine.chmod(0o644)
    (folder / "meetings" / "notes.md").symlink_to(mine)
    Repository.open(folder).close()
    assert mode(mine) == 0o644


def test_a_private_mode_narrower_than_0600_is_left_alone(demo_repo: Repository) -> None:
    path = demo_repo.meeting_path("demo-ferdig")
    path.chmod(0o400)
    demo_repo.close()
    Repository.open(demo_repo.data_dir).close()
    assert mode(path) == 0o400
    assert _problems(demo_repo.data_dir) == []


def test_open_reads_each_folder_once_and_stats_no_file_through_pathlib(demo_repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: tidying at open read each folder twice and statted every
    file twice through pathlib (ten years: 40-100 ms before the first
    frame). Now one os.scandir per folder, whose entries keep their lstat."""
    folder = demo_repo.data_dir
    demo_repo.close()
    temp = _temp(folder / "meetings", ".demo-ferdig.json.abcdefgh.tmp", age=3600)
    wide = folder / "cases" / "demo-sak-1.json"
    wide.chmod(0o644)
    scanned: list[str] = []
    statted: list[Path] = []
    real_scandir, real_lstat = os.scandir, Path.lstat
    monkeypatch.setattr(os, "scandir", lambda path=".": scanned.append(os.fspath(path)) or real_scandir(path))
    monkeypatch.setattr(Path, "lstat", lambda self: statted.append(self) or real_lstat(self))
    Repository.open(folder).close()
    assert not temp.exists() and mode(wide) == 0o600  # what tidying is for still happens
    tidied = [os.fspath(p) for p in (folder, folder / "meetings", folder / "cases")]
    assert all(scanned.count(name) == 1 for name in tidied), scanned
    assert not [p for p in statted if p.parent.name in ("meetings", "cases")]
