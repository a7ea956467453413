"""Writes never follow a symbolic link out of the data folder.

The choice: a data file that is a link is refused, for reading and for
writing (``store.not_regular``), and left as it was; its target is neither
written nor chmodded. A ``.bak`` that is a link is replaced by a real backup
(``os.replace`` replaces the link itself). Subfolders that are links are
refused when the folder is opened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import TODAY, mode

from bti_tui.session.demo import write_demo
from bti_tui.store import NotRegular, Repository, check_data
from bti_tui.store.storage import AtomicJSONStorage, atomic_write_bytes


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the data folder, readable by others, as a user's
    own file may be."""
    path = tmp_path / "outside.json"
    path.write_bytes(b'{"mine": true}')
    path.chmod(0o644)
    return path


def test_saving_a_meeting_whose_file_is_a_symlink_is_refused(demo_repo: Repository, outside: Path) -> None:
    path = demo_repo.meeting_path("demo-ferdig")
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.close()
    outside.write_bytes(path.read_bytes())
    outside.chmod(0o644)
    path.unlink()
    path.symlink_to(outside)
    before = outside.read_bytes()
    with Repository.open(demo_repo.data_dir) as repo:
        with pytest.raises(NotRegular) as caught:
            repo.load_meeting("demo-ferdig")
        meeting.place = "Rom 9"
        with pytest.raises(NotRegular):
            repo.save_meeting(meeting)
    assert caught.value.key == "store.not_regular" and caught.value.params == {"path": str(path)}
    assert path.is_symlink() and os.readlink(path) == str(outside)
    assert outside.read_bytes() == before and mode(outside) == 0o644
    assert not path.with_name(path.name + ".bak").exists()
    assert [(p.path, p.key) for p in check_data(demo_repo.data_dir)] == [(path, "store.not_regular")]


def test_the_storage_never_writes_through_a_link(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "m.json"
    link.symlink_to(outside)
    with pytest.raises(NotRegular):
        AtomicJSONStorage(link).write({"a": 1})
    with pytest.raises(NotRegular):
        atomic_write_bytes(link, b"{}", keep_backup=True)
    with pytest.raises(NotRegular):
        AtomicJSONStorage(link).read()
    assert outside.read_bytes() == b'{"mine": true}' and mode(outside) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json", "outside.json"]


def test_a_backup_that_is_a_symlink_is_replaced_not_followed(demo_repo: Repository, outside: Path) -> None:
    path = demo_repo.meeting_path("demo-ferdig")
    backup = path.with_name(path.name + ".bak")
    backup.symlink_to(outside)
    meeting = demo_repo.load_meeting("demo-ferdig")
    before = path.read_bytes()
    meeting.place = "Rom 9"
    demo_repo.save_meeting(meeting)
    assert not backup.is_symlink() and stat.S_ISREG(backup.lstat().st_mode)
    assert backup.read_bytes() == before and mode(backup) == 0o600
    assert outside.read_bytes() == b'{"mine": true}' and mode(outside) == 0o644


def test_a_fifo_in_place_of_a_meeting_does_not_hang(demo_repo: Repository) -> None:
    path = demo_repo.meeting_path("demo-neste")
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(NotRegular):
        demo_repo.load_meeting("demo-neste")
    assert [s.id for s in demo_repo.list_meetings()] == ["demo-ferdig"]
    assert [(p.path, p.key) for p in check_data(demo_repo.data_dir)] == [(path, "store.not_regular")]


@pytest.mark.parametrize("name", ["meetings", "cases"])
def test_a_subfolder_that_is_a_link_is_refused_at_open(data_dir: Path, tmp_path: Path, name: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    elsewhere.chmod(0o755)
    data_dir.mkdir(mode=0o700)
    (data_dir / name).symlink_to(elsewhere)
    with pytest.raises(NotRegular) as caught:
        Repository.open(data_dir)
    assert caught.value.params == {"path": str(data_dir / name)}
    assert mode(elsewhere) == 0o755 and list(elsewhere.iterdir()) == []
    assert [(p.path, p.key) for p in check_data(data_dir)] == [(data_dir / name, "store.not_regular")]


def test_the_data_folder_itself_may_be_a_link(tmp_path: Path) -> None:
    """The user's choice (a folder on another disk): allowed."""
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "data"
    link.symlink_to(real)
    with Repository.open(link) as repo:
        write_demo(repo, TODAY, "nb")
    assert (real / "meetings" / "demo-ferdig.json").is_file()
    assert check_data(link) == []


def test_a_scrubbing_save_replaces_a_linked_backup(demo_repo: Repository, outside: Path) -> None:
    path = demo_repo.meeting_path("demo-ferdig")
    backup = path.with_name(path.name + ".bak")
    backup.symlink_to(outside)
    demo_repo.save_meeting(demo_repo.load_meeting("demo-ferdig"), scrub=True)
    assert not backup.is_symlink() and backup.read_bytes() == path.read_bytes() and mode(backup) == 0o600
    assert outside.read_bytes() == b'{"mine": true}' and mode(outside) == 0o644
