"""Atomic, private JSON files for TinyDB.

TinyDB's own ``JSONStorage`` rewrites the open file in place: a crash in the
middle leaves half a file. ``AtomicJSONStorage`` writes a temporary file in
the same folder, flushes and fsyncs it, makes it private (0600), keeps the
previous good file as ``<name>.bak`` and only then renames the new file over
the old one (``os.replace`` is atomic), and fsyncs the folder. At every moment
the main file is either the old or the new version, complete.

Reading never changes a file: invalid JSON raises ``DataCorrupt`` naming the
file and its backup, and the file stays byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from bti_tui.store.errors import DataCorrupt, backup_path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700, whatever the umask."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    for created in missing:
        os.chmod(created, DIR_MODE)
    return path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _is_json(path: Path) -> bool:
    try:
        json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return True


def _keep_backup(path: Path) -> None:
    """Make the current ``path`` the backup, without ever removing ``path``:
    a hard link under a temporary name, renamed over the old backup."""
    folder = path.parent
    fd, link_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".bak-tmp")
    os.close(fd)
    os.unlink(link_name)
    try:
        try:
            os.link(path, link_name)
        except OSError:  # a file system without hard links: copy instead
            data = path.read_bytes()
            with open(link_name, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(link_name, FILE_MODE)
        os.replace(link_name, backup_path(path))
    except BaseException:
        Path(link_name).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, mode 0600.

    With ``keep_backup`` the file being replaced becomes ``<name>.bak``
    (callers pass it only when that file is known to be good)."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def read_json_file(path: Path) -> Any | None:
    """The parsed file; None if it is missing or empty; ``DataCorrupt`` if it
    is not JSON. Never writes."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    if not raw.strip():
        return None
    try:
        return json.loads(raw.decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError):
        raise DataCorrupt(path) from None


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class AtomicJSONStorage(Storage):
    """A TinyDB storage: one JSON file, written atomically, private.

    ``TinyDB(path, storage=AtomicJSONStorage)``. The folder must exist (the
    repository creates it 0700). ``backup=False`` turns off the ``.bak`` copy.
    """

    def __init__(self, path: str | os.PathLike[str], *, backup: bool = True, indent: int | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.backup = backup
        self.indent = indent
        # The (inode, size, mtime) of the file as last read or written fine:
        # if it still matches, the file on disk is known good.
        self._good: tuple[int, int, int] | None = None

    def read(self) -> dict[str, Any] | None:
        data = read_json_file(self.path)
        if data is not None and not isinstance(data, dict):
            raise DataCorrupt(self.path)
        self._good = _signature(self.path) if data is not None else None
        return data

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=self.indent, sort_keys=True)
        current = _signature(self.path)
        keep = self.backup and current is not None and (current == self._good or _is_json(self.path))
        atomic_write_bytes(self.path, text.encode("utf-8", "surrogatepass"), keep_backup=keep)
        self._good = _signature(self.path)

    def close(self) -> None:
        pass
