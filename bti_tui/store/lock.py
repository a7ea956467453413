"""One writer per data folder.

A second bti-tui (another process, or a second Repository in this one) on the
same folder gets ``DataLocked`` at once and touches nothing. The lock is an OS
lock on ``<data>/.lock`` (``filelock``): it goes away with the process that
held it, so a crash never leaves the folder locked. A ``.lock`` that is a
symbolic link or not an ordinary file is refused (``LockUnsafe``), never
followed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bti_tui.store.errors import DataLocked, FolderReadOnly, LockUnsafe, OpenFailed, Unreadable
from bti_tui.store.storage import FILE_MODE

LOCK_NAME = ".lock"
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class DataFolderLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        # Imported here: the app's first frame does not wait for it (it
        # takes the lock just after), and filelock 4's import is some 15 ms.
        from filelock import FileLock

        # thread_local=False: the UI thread takes it, the autosave worker
        # writes under it, another thread may release it at exit.
        self._lock = FileLock(self.path, timeout=0, mode=FILE_MODE, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def _refuse_odd_file(self) -> None:
        try:
            st = self.path.lstat()
        except FileNotFoundError:
            return
        if not stat.S_ISREG(st.st_mode):
            raise LockUnsafe(self.path)

    def acquire(self) -> None:
        """Take the lock: ``DataLocked`` if another bti-tui holds it;
        ``LockUnsafe``, ``Unreadable``, ``FolderReadOnly`` or ``OpenFailed``
        if the operating system refuses."""
        from filelock import Timeout

        self._refuse_odd_file()
        existed = self.path.exists()
        try:
            self._lock.acquire(timeout=0, blocking=False)
        except Timeout:
            raise DataLocked(self.folder) from None
        except OSError as exc:
            if self.path.is_symlink():
                raise LockUnsafe(self.path) from None
            if existed and exc.errno in _READ_ONLY_ERRNOS:
                raise Unreadable(self.path, exc.strerror or str(exc)) from None
            if exc.errno in _READ_ONLY_ERRNOS:
                raise FolderReadOnly(self.folder, exc.strerror or str(exc)) from None
            raise OpenFailed(self.folder, exc) from None
        try:
            os.chmod(self.path, FILE_MODE)
        except OSError:
            pass  # not ours to fix (another owner); the lock itself holds

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_elsewhere(folder: Path) -> bool:
    """Whether another open file (another bti-tui, or another Repository in
    this process) holds the folder's lock. Takes and drops a shared lock for
    an instant if nobody does; where that cannot be asked (no ``fcntl``),
    says yes. Creates nothing."""
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK)
    except OSError:
        return False
    try:
        try:
            import fcntl
        except ImportError:  # Windows
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            return exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
