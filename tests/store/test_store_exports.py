"""Writing an exported referat: to a name the user gave (write_output) or
into the data folder (write_export). A link or device is never replaced by
a file."""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest
from conftest import mode

from bti_tui.store import NotRegular, StoreError, WriteFailed
from bti_tui.store.exports import write_export, write_output


def test_a_new_file_is_private(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        assert write_output(tmp_path / "r.md", b"# R\n") is False
    finally:
        os.umask(old)
    assert (tmp_path / "r.md").read_bytes() == b"# R\n" and mode(tmp_path / "r.md") == 0o600


def test_an_existing_file_is_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_bytes(b"old")
    write_output(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


@pytest.mark.parametrize("dangling", [False, True])
def test_a_link_to_a_file_is_refused_and_left_alone(tmp_path: Path, dangling: bool) -> None:
    real = tmp_path / "real.md"
    if not dangling:
        real.write_bytes(b"mine")
        real.chmod(0o644)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(StoreError) as caught:
        write_output(link, b"referat")
    assert caught.value.key == "store.output_link" and caught.value.params == {"path": str(link)}
    assert link.is_symlink()
    if dangling:
        assert not real.exists()
    else:
        assert real.read_bytes() == b"mine" and mode(real) == 0o644


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        write_output(tmp_path, b"x")
    assert caught.value.key == "store.output_folder"


@pytest.mark.parametrize("path", ["/dev/null", "/dev/zero"])
def test_a_device_is_written_through_and_stays_a_device(path: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"no {path}")
    assert write_output(Path(path), b"referat") is False
    assert stat.S_ISCHR(os.stat(path).st_mode)


def test_a_link_to_a_device_is_written_through(tmp_path: Path) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    write_output(link, b"referat")
    assert link.is_symlink() and os.readlink(link) == "/dev/null"


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"referat\n")
    reader.join(timeout=30)
    assert received == [b"referat\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_our_own_stdout_is_written_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``-o /dev/stdout`` while stdout goes to a file: the data goes through
    our stdout, and the file stays the same file."""
    out_file = tmp_path / "out.md"
    with open(out_file, "wb") as handle:
        monkeypatch.setattr("sys.stdout", io.TextIOWrapper(handle, encoding="utf-8"))
        by_fd = Path(f"/proc/self/fd/{handle.fileno()}")  # what /dev/stdout is on Linux
        inode = out_file.stat().st_ino
        captured = io.BytesIO()
        assert write_output(by_fd if by_fd.exists() else out_file, b"R\n", stdout=captured) is True
        monkeypatch.undo()
    assert captured.getvalue() == b"R\n"
    assert out_file.stat().st_ino == inode


def test_a_missing_folder_is_a_write_failed(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed) as caught:
        write_output(tmp_path / "no" / "r.md", b"x")
    assert caught.value.key == "store.write_failed" and caught.value.params["path"] == str(tmp_path / "no" / "r.md")


# --- into the data folder ------------------------------------------------------------------
def test_write_export_refuses_a_linked_referat_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    (data / "referat").symlink_to(elsewhere)
    with pytest.raises(NotRegular):
        write_export(data, "r.md", "x")
    assert list(elsewhere.iterdir()) == []


def test_write_export_refuses_to_replace_a_link(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "referat").mkdir(parents=True)
    mine = tmp_path / "mine.md"
    mine.write_text("mine")
    (data / "referat" / "r.md").symlink_to(mine)
    with pytest.raises(NotRegular):
        write_export(data, "r.md", "x")
    assert mine.read_text() == "mine" and (data / "referat" / "r.md").is_symlink()
