"""AtomicJSONStorage: atomic, private, keeps a backup, never touches a bad file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import mode
from tinydb import TinyDB

from bti_tui.store import AtomicJSONStorage, DataCorrupt
from bti_tui.store.errors import DataInvalid
from bti_tui.store.storage import atomic_write_bytes, ensure_private_dir


def test_missing_and_empty_files_read_as_none(tmp_path: Path) -> None:
    assert AtomicJSONStorage(tmp_path / "none.json").read() is None
    (tmp_path / "empty.json").write_bytes(b"")
    assert AtomicJSONStorage(tmp_path / "empty.json").read() is None
    assert not (tmp_path / "none.json").exists()


@pytest.mark.parametrize("content", [b'{"document": {"1": {"id": "x", "pl', b"\x00\x00\x00", b"\xff\xfe{}"])
def test_a_damaged_file_raises_and_stays_as_it_was(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(DataCorrupt) as caught:
        AtomicJSONStorage(path).read()
    assert caught.value.params == {"path": str(path), "backup": str(tmp_path / "m.json.bak")}
    assert caught.value.key == "store.corrupt_no_backup"
    assert path.read_bytes() == content


@pytest.mark.parametrize("content", [b"[1, 2]", b"null", b"42"])
def test_valid_json_that_is_no_document_is_not_called_damaged_json(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(DataInvalid) as caught:
        AtomicJSONStorage(path).read()
    assert caught.value.params["detail"].key == "store.detail.not_object"
    assert path.read_bytes() == content


def test_a_damaged_file_names_its_existing_backup(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    storage = AtomicJSONStorage(path)
    storage.write({"a": 1})
    storage.write({"a": 2})
    path.write_bytes(b'{"a": ')
    with pytest.raises(DataCorrupt) as caught:
        storage.read()
    assert caught.value.key == "store.corrupt"
    assert json.loads((tmp_path / "m.json.bak").read_bytes()) == {"a": 1}


def test_write_is_private_utf8_and_keeps_the_previous_good_file(tmp_path: Path) -> None:
    old_umask = os.umask(0)  # the mode must not depend on the umask
    try:
        path = tmp_path / "m.json"
        storage = AtomicJSONStorage(path)
        storage.write({"note": "første"})
        assert not (tmp_path / "m.json.bak").exists()
        storage.write({"note": "andre æøå"})
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert mode(tmp_path / "m.json.bak") == 0o600
    assert "andre æøå" in path.read_bytes().decode("utf-8")
    assert json.loads((tmp_path / "m.json.bak").read_text("utf-8")) == {"note": "første"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json", "m.json.bak"]


def test_a_damaged_file_never_becomes_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    storage = AtomicJSONStorage(path)
    storage.write({"v": 1})
    storage.write({"v": 2})
    path.write_bytes(b"{broken")
    storage.write({"v": 3})
    assert json.loads((tmp_path / "m.json.bak").read_bytes()) == {"v": 1}


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_crash_mid_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "m.json"
    storage = AtomicJSONStorage(path)
    storage.write({"v": 1})
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(5, "simulated crash")

    monkeypatch.setattr(os, failing, crash)
    with pytest.raises(OSError, match="simulated crash"):
        storage.write({"v": 2})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_main_file_exists_at_every_step_of_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.json"
    storage = AtomicJSONStorage(path)
    storage.write({"v": 1})
    seen: list[bool] = []
    real_replace, real_link = os.replace, os.link

    def watch_replace(src: str, dst: str) -> None:
        seen.append(path.exists())
        real_replace(src, dst)
        seen.append(path.exists())

    def watch_link(src: str, dst: str, **kwargs: object) -> None:
        seen.append(path.exists())
        real_link(src, dst, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", watch_replace)
    monkeypatch.setattr(os, "link", watch_link)
    storage.write({"v": 2})
    assert seen and all(seen)


def test_tinydb_on_the_atomic_storage(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        db.insert({"initials": "ÆØ"})
    with TinyDB(path, storage=AtomicJSONStorage) as db:
        assert db.all() == [{"initials": "ÆØ"}]
    assert mode(path) == 0o600


def test_new_folders_are_0700_whatever_the_umask(tmp_path: Path) -> None:
    old_umask = os.umask(0o002)
    try:
        ensure_private_dir(tmp_path / "a" / "b")
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "a") == 0o700
    assert mode(tmp_path / "a" / "b") == 0o700


def test_atomic_write_bytes_without_backup(tmp_path: Path) -> None:
    target = tmp_path / "referat.md"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["referat.md"]
