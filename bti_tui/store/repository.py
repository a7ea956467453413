"""Meetings, cases and preferences in the data folder.

Layout (DESIGN "Saving"): one small file per meeting and per case, so a save
in the live meeting writes one file of a few kilobytes however many years of
history lie beside it::

    <data>/.lock                      the single-writer lock
    <data>/preferences.json           projector, language
    <data>/bti-tui.log                the app's log
    <data>/meetings/<meeting_id>.json
    <data>/cases/<case_id>.json
    <data>/index.json                 the case index, derived (store/case_index.py)
    <data>/referat/                   referat files exported from the app

Each file is a TinyDB database (``AtomicJSONStorage``) with two tables: the
document itself (table ``document``, id 1) and ``_meta`` (id 1) holding the
``schema`` version. Older versions are migrated on load by ``MIGRATIONS``;
a file from a newer app raises ``SchemaNewer`` and is never written.
Documents are read in one place, ``documents.read_document``.

Only a repository that holds the lock writes. ``Repository.open(...,
read_only=True)`` (``list``, ``export``) reads without the lock and without
creating anything. ``check_data`` reads every file and reports problems; it
needs no lock and never writes. Every problem with the folder or a file is a
``StoreError`` (a message key), also the operating system's refusals.
"""

from __future__ import annotations

import errno
import os
import re
import threading
from collections.abc import Callable
from datetime import date, time as clock_time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import TinyDB

from bti_tui.model import MeetingStatus
from bti_tui.store.case_index import CaseIndex
from bti_tui.store.crypto import PassphraseNeeded, needs_passphrase
from bti_tui.store.documents import (
    CASES,
    DOC_ID,
    DOC_TABLE,
    EXPORTS,
    MEETINGS,
    MIGRATIONS,
    PREFERENCES,
    READERS,
    SCHEMA,
    MeetingSummary,
    Problem,
    decode_file,
    layout,
    model_of,
    read_document,
    schema_of,
    summary_of,
)
from bti_tui.store.documents import (
    json_files as _json_files,
)
from bti_tui.store.errors import (
    CaseNotFound,
    FolderReadOnly,
    MeetingNotFound,
    NotAFolder,
    NotRegular,
    OpenFailed,
    ReadOnly,
    StoreError,
    WriteFailed,
    backup_path,
)
from bti_tui.store.housekeeping import make_files_private, tidy
from bti_tui.store.lock import DataFolderLock
from bti_tui.store.preferences import clean_preferences
from bti_tui.store.storage import (
    DEFAULT_MAX_BYTES,
    AtomicJSONStorage,
    atomic_write_bytes,
    ensure_private_dir,
    fsync_dir,
)

if TYPE_CHECKING:  # the model of a whole meeting or case: where one is loaded or saved (issue 20)
    from bti_tui.model import Case, Meeting

__all__ = ["MIGRATIONS", "SCHEMA", "MeetingSummary", "Problem", "Repository"]

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
M = TypeVar("M", "Meeting", "Case")


def _check_id(raw: str, not_found: Callable[[str], StoreError]) -> str:
    if not isinstance(raw, str) or not _SAFE_ID.match(raw):
        raise not_found(str(raw))
    return raw


def _refuse_file_in_place_of(folder: Path) -> None:
    """``NotAFolder`` if ``folder`` (or a parent) is a file."""
    for path in (folder, *folder.parents):
        if path.exists():
            if not path.is_dir():
                raise NotAFolder(folder)
            return


def _own_folder(path: Path) -> Path:
    """A subfolder of the data folder, made (0700) if missing; a link in its
    place is refused (writes would leave the data folder). ``tidy`` makes
    an existing one private."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        raise NotRegular(path)
    return ensure_private_dir(path)


def _opening_failed(folder: Path, exc: OSError) -> StoreError:
    if exc.errno in _READ_ONLY_ERRNOS:
        return FolderReadOnly(folder, exc.strerror or str(exc))
    return OpenFailed(folder, exc)


# --- the repository ------------------------------------------------------------------
class Repository:
    """The data folder. Thread-safe: the autosave worker writes while the UI
    thread reads. ``max_bytes``: the largest file read or written
    (``max_file_mb`` in data/settings.toml)."""

    def __init__(self, data_dir: Path, *, read_only: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self.max_bytes = max_bytes
        self._mutex = threading.RLock()
        self._lock: DataFolderLock | None = None
        self._pending: bool | None = None  # open() left the lock for later: files_private_later
        self._dbs: dict[Path, TinyDB] = {}
        self._current: set[Path] = set()  # files known to be at SCHEMA
        self._summaries: dict[Path, tuple[tuple[int, int, int], MeetingSummary]] = {}
        self.skipped: list[Problem] = []  # files the last list_meetings() could not read
        self.preference_problems: list[Problem] = []  # what the last load_preferences() left out
        self.index = CaseIndex(self)  # queries across cases; kept in step by each save

    # --- opening and closing -------------------------------------------------------
    @classmethod
    def open(
        cls, data_dir: Path, *, read_only: bool = False, max_bytes: int = DEFAULT_MAX_BYTES, files_private_later: bool = False, lock_later: bool = False
    ) -> Repository:
        """Open ``data_dir``: create it (0700) if missing, take the lock
        (``DataLocked`` if another bti-tui holds it), remove the temp files
        of interrupted saves and make wide folders and files private
        (logged). ``read_only``: no lock, nothing created or changed, every
        save raises ``ReadOnly``. Whatever the operating system refuses is a
        ``StoreError`` (``NotAFolder``, ``FolderReadOnly``, ``LockUnsafe``,
        ``Unreadable``, ``NotRegular``, ``OpenFailed``). ``files_private_later``:
        the files' modes are put right by :meth:`make_files_private`, called
        soon after (the app: once its first frame is drawn); the folders now.
        ``lock_later``: the lock, the folders and the temp files wait for
        :meth:`finish_opening` (the app: once its first frame is drawn; the
        lock's library alone took some 15 ms of the start); until then the
        folder is only read, and a save finishes the opening first."""
        data_dir = Path(data_dir)
        try:
            _refuse_file_in_place_of(data_dir)
        except OSError as exc:
            raise _opening_failed(data_dir, exc) from None
        if needs_passphrase(data_dir):  # encrypted (store/crypto.py): unlock() first
            raise PassphraseNeeded(data_dir)
        repo = cls(data_dir, read_only=read_only, max_bytes=max_bytes)
        if read_only:
            return repo
        try:
            ensure_private_dir(data_dir)
            if not os.access(data_dir, os.W_OK):
                raise FolderReadOnly(data_dir, os.strerror(errno.EACCES))
        except OSError as exc:
            raise _opening_failed(data_dir, exc) from None
        repo._pending = files_private_later
        if not lock_later:
            repo.finish_opening()
        return repo

    @property
    def opening(self) -> bool:
        """Opened with ``lock_later`` and not yet finished: nothing written."""
        return self._pending is not None

    def finish_opening(self) -> None:
        """What ``open`` left for later with ``lock_later``: the lock taken
        (``DataLocked`` if another bti-tui holds it), the folders and the
        temp files of interrupted saves put right. Once; then nothing."""
        with self._mutex:
            if self._pending is None:
                return
            files_private_later, data_dir = self._pending, self.data_dir
            lock = DataFolderLock(data_dir)
            lock.acquire()
            try:
                for name in (MEETINGS, CASES):
                    _own_folder(data_dir / name)
                tidy(data_dir, files_too=not files_private_later)
            except OSError as exc:
                lock.release()
                raise _opening_failed(data_dir, exc) from None
            except BaseException:
                lock.release()
                raise
            self._lock, self._pending = lock, None

    def make_files_private(self) -> None:
        """Every file of the folder owner-only (0600), logged; what ``open``
        left for later with ``files_private_later``. Never raises: a file
        that cannot be changed is logged."""
        if not self.read_only:
            make_files_private(self.data_dir)

    def close(self) -> None:
        with self._mutex:
            self.index.close()
            for db in self._dbs.values():
                db.close()
            self._dbs.clear()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- files -------------------------------------------------------------------------
    def meeting_path(self, meeting_id: str) -> Path:
        return self.data_dir / MEETINGS / f"{_check_id(meeting_id, MeetingNotFound)}.json"

    def case_path(self, case_id: str) -> Path:
        return self.data_dir / CASES / f"{_check_id(case_id, CaseNotFound)}.json"

    @property
    def preferences_path(self) -> Path:
        return self.data_dir / PREFERENCES

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / EXPORTS

    def _db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            db = TinyDB(path, storage=AtomicJSONStorage, max_bytes=self.max_bytes)
            self._dbs[path] = db
        return db

    def _read(self, path: Path, kind: str) -> dict[str, Any] | None:
        return read_document(path, kind, reader=lambda p: self._db(p).storage.read())

    def _load(self, path: Path, kind: str, not_found: Callable[[str], StoreError]) -> Any:
        """The meeting or case in ``path`` (its id is the file's stem)."""
        with self._mutex:
            doc = self._read(path, kind)
            if doc is None:
                raise not_found(path.stem)
            return model_of(path, doc, kind)

    def may_write(self) -> None:
        """``ReadOnly`` unless this folder may be written; an opening left
        for later (``lock_later``) is finished first."""
        if self._pending is not None:
            self.finish_opening()
        if self.read_only or self._lock is None:
            raise ReadOnly(self.data_dir)

    def _write(self, path: Path, kind: str, doc: dict[str, Any], scrub: bool = False) -> None:
        self.may_write()
        try:
            self._write_unguarded(path, kind, doc)
            if scrub:
                self._scrub_backup(path)
        except OSError as exc:
            raise WriteFailed(path, exc) from exc

    @staticmethod
    def _scrub_backup(path: Path) -> None:
        """What was just removed (a fødselsnummer's digits) must not stay in
        the backup either: it becomes a copy of the new file. A backup that
        is a link is removed, not written through."""
        backup = backup_path(path)
        if backup.is_symlink():
            backup.unlink()
        atomic_write_bytes(backup, path.read_bytes())

    def _write_unguarded(self, path: Path, kind: str, doc: dict[str, Any]) -> None:
        db = self._db(path)
        if path not in self._current:
            # The first save of a file in this session: a file that cannot be
            # read as the app reads it (damaged, newer, too large, a link,
            # another id ...) is refused, never written over.
            data = db.storage.read()
            if data is not None:
                on_disk = decode_file(path, data, kind)
                if kind in READERS:
                    model_of(path, on_disk, kind)
            if data is None or schema_of(path, data) != SCHEMA:
                db.storage.write(layout(doc))
                self._current.add(path)
                return
            self._current.add(path)

        def replace(stored: dict[str, Any]) -> None:
            stored.clear()
            stored.update(doc)

        if not db.table(DOC_TABLE).update(replace, doc_ids=[DOC_ID]):
            db.storage.write(layout(doc))

    # --- meetings ------------------------------------------------------------------------
    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, newest first. A file that cannot be read is left
        out and named in ``self.skipped`` (``check_data`` explains it)."""
        with self._mutex:
            summaries: list[MeetingSummary] = []
            skipped: list[Problem] = []
            seen: dict[Path, tuple[tuple[int, int, int], MeetingSummary]] = {}
            for path in _json_files(self.data_dir / MEETINGS):
                try:
                    st = path.lstat()
                    signature = (st.st_ino, st.st_size, st.st_mtime_ns)
                    cached = self._summaries.get(path)
                    if cached is not None and cached[0] == signature:
                        summary = cached[1]
                    else:
                        doc = read_document(path, "meeting", max_bytes=self.max_bytes)
                        if doc is None:
                            continue  # removed while we listed
                        summary = summary_of(path, doc)
                except StoreError as exc:
                    skipped.append(Problem.of(path, exc))
                    continue
                except FileNotFoundError:
                    continue
                seen[path] = (signature, summary)
                summaries.append(summary)
            self._summaries = seen
            self.skipped = skipped
            summaries.sort(key=lambda s: (s.date, s.start_time, s.id), reverse=True)
            return summaries

    def indexed_meetings(self) -> list[MeetingSummary]:
        """Every meeting, newest first, as ``list_meetings`` gives them, but
        from the index: no meeting file is read (the home screen at start,
        with years of meetings beside). A file the index leaves out is read
        on its own: if it cannot be read it is named in ``self.skipped``."""
        with self._mutex:
            records = self.index.meetings()
            listed = {r["id"] for r in records}
            summaries = [
                MeetingSummary(
                    r["id"],
                    date.fromisoformat(r["date"]),
                    clock_time.fromisoformat(r["time"]),
                    r["kind"],
                    MeetingStatus(r["status"]),
                    r.get("place") or "",
                )
                for r in records
            ]
            skipped: list[Problem] = []
            folder = self.data_dir / MEETINGS
            try:
                names = os.listdir(folder)
            except OSError:
                names = []
            unlisted = {n for n in names if n.endswith(".json") and n[:-5] not in listed}
            for path in _json_files(folder) if unlisted else ():
                if path.name not in unlisted:
                    continue
                try:  # not indexed: it cannot be read (or was saved a moment ago)
                    doc = read_document(path, "meeting", max_bytes=self.max_bytes)
                    if doc is not None:
                        summaries.append(summary_of(path, doc))
                except StoreError as exc:
                    skipped.append(Problem.of(path, exc))
                except FileNotFoundError:
                    continue
            self.skipped = skipped
            summaries.sort(key=lambda s: (s.date, s.start_time, s.id), reverse=True)
            return summaries

    def meeting_problems(self, meeting_ids: list[str]) -> list[Problem]:
        """What is wrong with these meetings' files (each read as
        ``list_meetings`` reads it); a file gone meanwhile is no problem."""
        problems: list[Problem] = []
        for meeting_id in meeting_ids:
            path = self.meeting_path(meeting_id)
            try:
                doc = read_document(path, "meeting", max_bytes=self.max_bytes)
                if doc is not None:
                    summary_of(path, doc)
            except StoreError as exc:
                problems.append(Problem.of(path, exc))
            except FileNotFoundError:
                continue
        return problems

    def load_meeting(self, meeting_id: str) -> Meeting:
        return self._load(self.meeting_path(meeting_id), "meeting", MeetingNotFound)

    def save_meeting(self, meeting: Meeting, *, scrub: bool = False) -> None:
        """Write the meeting; ``scrub``: its backup becomes the same bytes.
        ``DocumentTooLarge`` if the meeting would make a file beyond the
        limit (a huge paste into a note); the file stays as it was."""
        from bti_tui.store.codec import meeting_to_doc  # here: not needed before the first save

        doc = meeting_to_doc(meeting)
        with self._mutex:
            self._write(self.meeting_path(meeting.id), "meeting", doc, scrub)
            self.index.meeting_saved(meeting)

    # --- cases ------------------------------------------------------------------------------
    def load_case(self, case_id: str) -> Case:
        return self._load(self.case_path(case_id), "case", CaseNotFound)

    def save_case(self, case: Case, *, scrub: bool = False) -> None:
        from bti_tui.store.codec import case_to_doc

        doc = case_to_doc(case)
        with self._mutex:
            self._write(self.case_path(case.id), "case", doc, scrub)
            self.index.case_saved(case)

    def delete_case(self, case_id: str) -> None:
        """Remove a case's file and its backup (a case taken off a meeting
        before anything was decided about it)."""
        self.may_write()
        path = self.case_path(case_id)
        with self._mutex:
            db = self._dbs.pop(path, None)
            if db is not None:
                db.close()
            self._current.discard(path)
            try:
                for victim in (path, backup_path(path)):
                    victim.unlink(missing_ok=True)
                fsync_dir(path.parent)
            except OSError as exc:
                raise WriteFailed(path, exc) from exc
            self.index.case_deleted(case_id)

    def cases_for(self, meeting: Meeting) -> dict[str, Case]:
        """The cases the meeting's slots refer to, by id (``CaseNotFound``
        if one is missing)."""
        with self._mutex:
            return {case_id: self.load_case(case_id) for case_id in meeting.case_ids}

    # --- preferences -------------------------------------------------------------------------
    def load_preferences(self) -> dict[str, Any]:
        """The saved preferences that are known and valid: ``{}`` when
        nothing was saved yet. Never raises for a damaged file: what was
        left out, and why, is in ``self.preference_problems`` (the app starts
        with its defaults and says so: ``store.preferences_defaults``)."""
        with self._mutex:
            path = self.preferences_path
            try:
                doc = self._read(path, "preferences")
            except StoreError as exc:
                self.preference_problems = [Problem.of(path, exc)]
                return {}
            prefs, self.preference_problems = clean_preferences(path, doc or {})
            return prefs

    def save_preferences(self, prefs: dict[str, Any]) -> None:
        with self._mutex:
            self._write(self.preferences_path, "preferences", dict(prefs))
