"""One writer per data folder.

A second bti-tui (another process, or a second Repository in this one) on the
same folder gets ``DataLocked`` at once and touches nothing. The lock is an OS
lock on ``<data>/.lock`` (``filelock``): it goes away with the process that
held it, so a crash never leaves the folder locked.
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from bti_tui.store.errors import DataLocked
from bti_tui.store.storage import FILE_MODE

LOCK_NAME = ".lock"


class DataFolderLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        # thread_local=False: the UI thread takes it, the autosave worker
        # writes under it, another thread may release it at exit.
        self._lock = FileLock(self.path, timeout=0, mode=FILE_MODE, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0, blocking=False)
        except Timeout:
            raise DataLocked(self.folder) from None
        os.chmod(self.path, FILE_MODE)

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
