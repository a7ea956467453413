"""Tidying the data folder when the app opens it, and what ``check`` says
about the same things.

- Temporary files of a save that a crash interrupted (only the app's own
  names, ``.<name>.<random>.tmp`` and ``.<name>.<random>.bak-tmp``) are
  removed by the next app that takes the lock.
- The data folder, ``meetings/``, ``cases/``, ``plans/``, ``queue/``,
  ``referat/`` and every file in them (the log, preferences, backups, exported referats) are made private
  (0700 folders, 0600 files) if they are wider.

Each change is logged (``logging``). Links are never followed: a symbolic
link is neither removed nor chmodded here.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from bti_tui.store.documents import CASES, EXPORTS, MEETINGS, PLANS, QUEUE
from bti_tui.store.lock import LOCK_NAME, held_elsewhere
from bti_tui.store.storage import DIR_MODE, FILE_MODE

log = logging.getLogger(__name__)

# tempfile.mkstemp(prefix=".<name>.", suffix=...) puts 8 characters of
# [a-z0-9_] between them.
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.(?:tmp|bak-tmp)$")
# A temp file this young may belong to a save in progress of a running app.
TEMP_GRACE_SECONDS = 30.0


def private_folders(data_dir: Path) -> list[Path]:
    return [data_dir, *(data_dir / name for name in (MEETINGS, CASES, PLANS, QUEUE, EXPORTS))]


def is_temp_name(name: str) -> bool:
    return bool(_TEMP_NAME.match(name))


def _scan(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of a folder, by name. One ``os.scandir``: its entries
    know whether they are files or links without a system call, and keep
    the lstat they are asked for (opening ten years of history statted
    each file twice through pathlib: 40-100 ms before the first frame)."""
    try:
        with os.scandir(folder) as found:
            return sorted(found, key=lambda entry: entry.name)
    except OSError:
        return []


def _lstat(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat(follow_symlinks=False)
    except OSError:
        return None


def _temps_in(folder: Path, entries: list[os.DirEntry[str]]) -> Iterator[tuple[Path, os.stat_result]]:
    """The app's own temporary files (ordinary files, by name) among a folder's entries."""
    for entry in entries:
        if is_temp_name(entry.name) and (st := _lstat(entry)) is not None and stat.S_ISREG(st.st_mode):
            yield folder / entry.name, st


def _wide_in(folder: Path, entries: list[os.DirEntry[str]], skip: set[str] = frozenset()) -> Iterator[tuple[Path, int]]:
    """The ordinary files wider than 0600 among a folder's entries (not the lock)."""
    for entry in entries:
        if entry.name in skip or entry.name == LOCK_NAME:
            continue
        st = _lstat(entry)
        if st is not None and stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) & 0o077:
            yield folder / entry.name, stat.S_IMODE(st.st_mode)


def _folder_stat(folder: Path, follow: bool) -> os.stat_result | None:
    try:
        st = folder.stat() if follow else folder.lstat()
    except OSError:
        return None
    return st if stat.S_ISDIR(st.st_mode) else None


def leftover_temps(data_dir: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """The app's own temporary files (ordinary files only) in the data
    folder and its subfolders."""
    for folder in private_folders(data_dir):
        yield from _temps_in(folder, _scan(folder))


def stale_temps(data_dir: Path, now: float | None = None) -> list[Path]:
    """The temp files that are left by a crash, not by a save in progress:
    while another process holds the folder's lock, a temp file younger than
    ``TEMP_GRACE_SECONDS`` is that app's save in progress."""
    temps = list(leftover_temps(data_dir))
    now = time.time() if now is None else now
    young = [path for path, st in temps if now - st.st_mtime < TEMP_GRACE_SECONDS]
    if young and held_elsewhere(data_dir):
        return [path for path, _ in temps if path not in young]
    return [path for path, _ in temps]


def wide_modes(data_dir: Path) -> list[tuple[Path, int]]:
    """Folders wider than 0700 and files wider than 0600 (group or others
    may read, write or enter) in the data folder and its subfolders, with
    their modes. The data folder itself may be a link (the user's choice);
    inside it, links are not followed."""
    found: list[tuple[Path, int]] = []
    for folder in private_folders(data_dir):
        st = _folder_stat(folder, follow=folder == data_dir)
        if st is None:
            continue
        if stat.S_IMODE(st.st_mode) & 0o077:
            found.append((folder, stat.S_IMODE(st.st_mode)))
        found += _wide_in(folder, _scan(folder))
    return found


def tidy(data_dir: Path, *, files_too: bool = True) -> None:
    """What ``Repository.open`` does once it holds the lock: remove the
    temp files of interrupted saves, and make the folders and files private.
    A failure here is logged and does not stop the app. Each folder is
    read once, each entry statted at most once. Without ``files_too`` the
    files' modes are left for :func:`make_files_private` (a stat of every
    file: ten years of them delayed the app's first frame, issue 20); the
    folders are made private here, so no one else reaches a file meanwhile."""
    for folder in private_folders(data_dir):
        st = _folder_stat(folder, follow=folder == data_dir)
        if st is None:
            continue
        entries = _scan(folder)
        removed: set[str] = set()
        for path, _ in _temps_in(folder, entries):
            try:
                path.unlink()
                removed.add(path.name)
                log.warning("removed %s, left by an interrupted save", path)
            except OSError as exc:
                log.warning("could not remove %s: %s", path, exc)
        if stat.S_IMODE(st.st_mode) & 0o077:
            _make_private(folder, DIR_MODE, stat.S_IMODE(st.st_mode))
        if files_too:
            for path, mode in _wide_in(folder, entries, removed):
                _make_private(path, FILE_MODE, mode)


def make_files_private(data_dir: Path) -> None:
    """The files' half of :func:`tidy`: every ordinary file wider than 0600
    made 0600 (logged), the lock file aside."""
    for folder in private_folders(data_dir):
        if _folder_stat(folder, follow=folder == data_dir) is not None:
            for path, mode in _wide_in(folder, _scan(folder)):
                _make_private(path, FILE_MODE, mode)


def _make_private(path: Path, private: int, mode: int) -> None:
    try:
        os.chmod(path, private)
        log.warning("made %s private: mode %s was %s", path, oct(private), oct(mode))
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc)
