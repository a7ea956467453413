"""Writing an exported referat: into the data folder (``<data>/referat/``,
from the app) or where the user said (``bti-tui export -o FILE``).

Either way a link is never replaced by a file, and a file is written
atomically and readable by the owner only, like the data itself.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from bti_tui.store.documents import EXPORTS
from bti_tui.store.errors import NotRegular, StoreError, WriteFailed
from bti_tui.store.storage import atomic_write_bytes, ensure_private_dir

_O_BINARY = getattr(os, "O_BINARY", 0)


class OutputNotWritten(StoreError):
    """``-o`` names something we do not write to (a folder, a link to a
    file)."""

    def __init__(self, key: str, path: Path) -> None:
        super().__init__(key, path=str(path))
        self.path = path


def write_export(data_dir: Path, name: str, text: str | bytes) -> Path:
    """``<data>/referat/<name>`` (0600, atomic); the folder is made 0700.
    A link in place of the folder or the file is refused (``NotRegular``);
    the disk's refusals are ``WriteFailed``."""
    if Path(name).name != name or name.startswith("."):
        raise ValueError(f"not a plain file name: {name!r}")
    folder = data_dir / EXPORTS
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise NotRegular(folder)
    path = folder / name
    try:
        ensure_private_dir(folder)
        # In clear also in an encrypted folder: the user exported it, to take
        # it to the archive (the app's message says so).
        atomic_write_bytes(path, text.encode("utf-8") if isinstance(text, str) else text, plain=True)
    except OSError as exc:
        raise WriteFailed(path, exc) from exc
    return path.resolve()


def _is_stdout(st: os.stat_result) -> bool:
    try:
        out = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no real stdout (captured, closed)
        return False
    return (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino)


def write_output(path: Path, data: bytes, stdout: BinaryIO | None = None) -> bool:
    """Write ``data`` to ``path``, a name the user gave; True if it went to
    standard output.

    - our own standard output (``/dev/stdout``, ``/proc/self/fd/1``, however
      it is redirected): written to ``stdout`` (default ``sys.stdout.buffer``);
    - a device, FIFO or socket, or a link to one (``/dev/null``, ``/dev/tty``,
      a named pipe): written through, never replaced;
    - a missing name or an ordinary file: written atomically, mode 0600;
    - a folder: ``store.output_folder``; a link to a file or a dangling
      link: ``store.output_link`` (a link is never replaced by a file, and
      not written through to a file somewhere else).
    The disk's refusals are ``WriteFailed``."""
    try:
        try:
            own = path.lstat()
        except FileNotFoundError:
            own = None
        target = path.stat() if own is not None and path.exists() else None
        if target is not None and _is_stdout(target):
            out = stdout if stdout is not None else sys.stdout.buffer
            out.write(data)
            out.flush()
            return True
        if target is not None and stat.S_ISDIR(target.st_mode):
            raise OutputNotWritten("store.output_folder", path)
        if own is not None and stat.S_ISLNK(own.st_mode) and (target is None or stat.S_ISREG(target.st_mode)):
            raise OutputNotWritten("store.output_link", path)
        if target is not None and not stat.S_ISREG(target.st_mode):
            _write_through(path, data)
        else:
            atomic_write_bytes(path, data, plain=True)  # where the user said: in clear
    except OSError as exc:
        raise WriteFailed(path, exc) from exc
    return False


def _write_through(path: Path, data: bytes) -> None:
    """Write to a device or FIFO as it is: no O_CREAT, no O_TRUNC."""
    fd = os.open(path, os.O_WRONLY | _O_BINARY)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
