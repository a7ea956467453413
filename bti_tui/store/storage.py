"""Atomic, private JSON files for TinyDB.

TinyDB's own ``JSONStorage`` rewrites the open file in place: a crash in the
middle leaves half a file. ``AtomicJSONStorage`` writes a temporary file in
the same folder, flushes and fsyncs it, makes it private (0600), keeps the
previous good file as ``<name>.bak`` and only then renames the new file over
the old one (``os.replace`` is atomic), and fsyncs the folder. At every moment
the main file is either the old or the new version, complete.

Reading never changes a file: invalid JSON raises ``DataCorrupt`` naming the
file and its backup, and the file stays byte for byte as it was.

Links: a data file must be an ordinary file. A symbolic link (or a FIFO, a
device ...) in its place is neither read nor written (``NotRegular``): a save
never follows a link out of the data folder, never chmods its target, and
never replaces the link. Temporary files are made by ``mkstemp`` (O_EXCL,
O_NOFOLLOW); ``os.replace`` over a ``.bak`` that is a link replaces the link
itself, so no backup is ever a link.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from bti_tui.store.crypto import open_for, seal_for
from bti_tui.store.errors import (
    DataCorrupt,
    DataInvalid,
    DataTooLarge,
    DocumentTooLarge,
    NotRegular,
    StoreError,
    Unreadable,
    backup_path,
    nested_too_deeply,
    not_a_document,
)

FILE_MODE = 0o600
DIR_MODE = 0o700
# The largest data file read or written (``max_file_mb`` in data/settings.toml):
# a meeting is a few kilobytes; a file far beyond this is damage or a paste
# accident, and reading it would take the memory of the machine.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MEGABYTE = 1024 * 1024

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
# A JSON escape of a lone UTF-16 surrogate (``"\ud800"``): valid JSON, but not
# text that can be printed or written as UTF-8.
_ESCAPED_SURROGATE = re.compile(rb"\\[uU][dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _is_json(path: Path, max_bytes: int) -> bool:
    try:
        read_json_file(path, max_bytes)
    except (StoreError, OSError):
        return False
    return True


def _keep_backup(path: Path) -> None:
    """Make the current ``path`` the backup, without ever removing ``path``:
    a hard link under a temporary name, renamed over the old backup (a link
    named ``.bak`` is replaced, not followed)."""
    folder = path.parent
    fd, link_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".bak-tmp")
    os.close(fd)
    os.unlink(link_name)
    try:
        try:
            os.link(path, link_name, follow_symlinks=False)
            os.chmod(link_name, FILE_MODE)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: copy instead
            data = path.read_bytes()
            out = os.open(link_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_BINARY, FILE_MODE)
            with os.fdopen(out, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(link_name, backup_path(path))
    except BaseException:
        Path(link_name).unlink(missing_ok=True)
        raise


def refuse_link(path: Path) -> None:
    """``NotRegular`` if ``path`` exists as anything but an ordinary file (a
    symbolic link, a folder, a FIFO ...): a write must not go through it."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(path)


def atomic_write_bytes(
    path: Path, data: bytes, *, keep_backup: bool = False, plain: bool = False, sync_folder: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically, mode 0600.

    In an encrypted data folder (unlocked: ``store/crypto.py``) the bytes
    are sealed on their way to the disk, whoever writes them; ``plain``
    writes them as they are (a user's export, ``crypto.json``, a conversion
    that seals or opens the bytes itself). ``sync_folder=False`` leaves the
    folder's fsync (which makes the rename durable) to the caller, who
    writes many files and fsyncs once. With ``keep_backup`` the file being replaced becomes ``<name>.bak``
    (callers pass it only when that file is known to be good). ``path`` may
    be missing or an ordinary file; anything else raises ``NotRegular``.
    Failures of the disk raise ``OSError``."""
    refuse_link(path)
    if not plain:
        data = seal_for(path, data)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)  # mkstemp made it 0600; say so anyway
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    if sync_folder:
        fsync_dir(folder)


def _read_limited(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of an ordinary file, None if it is missing. Never follows a
    symbolic link, never blocks on a FIFO, never reads more than
    ``max_bytes`` (``DataTooLarge``, decided from the size before reading)."""
    if not _O_NOFOLLOW and path.is_symlink():  # Windows: no O_NOFOLLOW
        raise NotRegular(path)
    try:
        fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_BINARY)
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise Unreadable(path, exc.strerror or str(exc)) from None
    except OSError as exc:
        if path.is_symlink():  # ELOOP (Linux, macOS) or EMLINK (BSD)
            raise NotRegular(path) from None
        raise Unreadable(path, exc.strerror or str(exc)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):  # a folder, FIFO or device by that name
        os.close(fd)
        raise NotRegular(path)
    with os.fdopen(fd, "rb") as handle:
        if st.st_size > max_bytes:
            raise DataTooLarge(path, st.st_size, max_bytes)
        try:
            # st_size + 1, not max_bytes + 1: read(n) allocates n bytes first.
            raw = handle.read(st.st_size + 1)
            if len(raw) > st.st_size:  # it grows while we read
                raw += handle.read(max_bytes + 1 - len(raw))
        except OSError as exc:
            raise Unreadable(path, exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:  # it grew while we looked
        raise DataTooLarge(path, len(raw), max_bytes)
    return raw


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (and keys) made
    U+FFFD: they cannot be printed or written as UTF-8."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def read_json_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Any | None:
    """The parsed file; None if it is missing or empty. Raises ``DataCorrupt``
    if it is not JSON (or not UTF-8), ``DataInvalid`` if it is nested too
    deeply to read, ``DataTooLarge``, ``NotRegular`` or ``Unreadable``.
    Never writes. A sealed file (encrypted folder) is opened with its
    folder's key first (``PassphraseNeeded``, ``DataTampered``)."""
    raw = _read_limited(path, max_bytes)
    if raw is None or not raw.strip():
        return None
    raw = open_for(path, raw)
    try:
        # surrogatepass: files written by earlier versions may hold them.
        text = raw.decode("utf-8", "surrogatepass")
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise DataCorrupt(path) from None
    except RecursionError:
        raise DataInvalid(path, nested_too_deeply()) from None
    if data is None:  # the JSON `null`: valid, but no document
        raise DataInvalid(path, not_a_document())
    if _ESCAPED_SURROGATE.search(raw) or _SURROGATE.search(text):
        data = _without_surrogates(data)
    return data


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class AtomicJSONStorage(Storage):
    """A TinyDB storage: one JSON file, written atomically, private.

    ``TinyDB(path, storage=AtomicJSONStorage)``. The folder must exist (the
    repository creates it 0700). ``backup=False`` turns off the ``.bak`` copy.
    ``max_bytes``: a bigger file is not read (``DataTooLarge``) and a bigger
    document is not written (``DocumentTooLarge``).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backup: bool = True,
        indent: int | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.backup = backup
        self.indent = indent
        self.max_bytes = max_bytes
        # The (inode, size, mtime) of the file as last read or written fine:
        # if it still matches, the file on disk is known good.
        self._good: tuple[int, int, int] | None = None

    def read(self) -> dict[str, Any] | None:
        data = read_json_file(self.path, self.max_bytes)
        if data is not None and not isinstance(data, dict):
            raise DataInvalid(self.path, not_a_document())
        self._good = _signature(self.path) if data is not None else None
        return data

    def write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=self.indent, sort_keys=True)
        # Never write what cannot be read back as UTF-8 (lone surrogates).
        raw = _SURROGATE.sub("\ufffd", text).encode("utf-8")
        if len(raw) > self.max_bytes:
            raise DocumentTooLarge(self.path, len(raw), self.max_bytes)
        current = _signature(self.path)
        keep = self.backup and current is not None and (current == self._good or _is_json(self.path, self.max_bytes))
        atomic_write_bytes(self.path, raw, keep_backup=keep)
        self._good = _signature(self.path)

    def close(self) -> None:
        pass
