"""Meetings, cases and preferences in the data folder.

Layout (DESIGN "Saving"): one small file per meeting and per case, so a save
in the live meeting writes one file of a few kilobytes however many years of
history lie beside it::

    <data>/.lock                      the single-writer lock
    <data>/preferences.json           theme, language
    <data>/meetings/<meeting_id>.json
    <data>/cases/<case_id>.json

Each file is a TinyDB database (``AtomicJSONStorage``) with two tables: the
document itself (table ``document``, id 1) and ``_meta`` (id 1) holding the
``schema`` version. Older versions are migrated on load by ``MIGRATIONS``;
a file from a newer app raises ``SchemaNewer`` and is never written.

Only a repository that holds the lock writes. ``Repository.open(...,
read_only=True)`` (``list``, ``export``) reads without the lock and without
creating anything. ``check_data`` reads every file and reports problems; it
needs no lock and never writes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from tinydb import TinyDB

from bti_tui.model import Case, Meeting, MeetingStatus
from bti_tui.store.codec import (
    DocumentError,
    case_from_doc,
    case_to_doc,
    meeting_from_doc,
    meeting_to_doc,
    structure,
)
from bti_tui.store.errors import (
    CaseNotFound,
    DataCorrupt,
    DataInvalid,
    MeetingNotFound,
    ReadOnly,
    SchemaNewer,
    StoreError,
    backup_path,
)
from bti_tui.store.lock import DataFolderLock
from bti_tui.store.storage import (
    DIR_MODE,
    AtomicJSONStorage,
    atomic_write_bytes,
    ensure_private_dir,
    file_mode,
    fsync_dir,
    read_json_file,
)

SCHEMA = 1
DOC_TABLE = "document"
META_TABLE = "_meta"
DOC_ID = 1

MEETINGS = "meetings"
CASES = "cases"
PREFERENCES = "preferences.json"

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# Per document kind: {from_version: fn(doc) -> doc at from_version + 1}.
MIGRATIONS: dict[str, dict[int, Migration]] = {"meeting": {}, "case": {}, "preferences": {}}

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
T = TypeVar("T")
M = TypeVar("M", Meeting, Case)


@dataclass(frozen=True)
class MeetingSummary:
    """What the meeting list shows, without loading whole meetings."""

    id: str
    date: date
    start_time: time
    kind_id: str
    status: MeetingStatus
    place: str


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data folder: ``key`` names the message in the
    catalogue (``store.toml``), ``params`` fill it in (always ``path``)."""

    path: Path
    key: str
    params: dict[str, Any] = field(default_factory=dict)


# --- documents in files ------------------------------------------------------------
def _layout(doc: dict[str, Any]) -> dict[str, Any]:
    return {META_TABLE: {str(DOC_ID): {"schema": SCHEMA}}, DOC_TABLE: {str(DOC_ID): doc}}


def _schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(META_TABLE)
    record = meta.get(str(DOC_ID)) if isinstance(meta, dict) else None
    schema = record.get("schema") if isinstance(record, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DataInvalid(path, "no schema version in the _meta table")
    if schema > SCHEMA:
        raise SchemaNewer(path, schema, SCHEMA)
    return schema


def decode_file(path: Path, data: dict[str, Any], kind: str) -> dict[str, Any]:
    """The document of a parsed file, migrated to the current schema.

    Raises ``SchemaNewer`` or ``DataInvalid``; changes nothing on disk."""
    schema = _schema_of(path, data)
    table = data.get(DOC_TABLE)
    doc = table.get(str(DOC_ID)) if isinstance(table, dict) else None
    if not isinstance(doc, dict):
        raise DataInvalid(path, f"no document in the {DOC_TABLE!r} table")
    while schema < SCHEMA:
        migrate = MIGRATIONS[kind].get(schema)
        if migrate is None:
            raise DataInvalid(path, f"no migration from schema {schema}")
        doc = migrate(doc)
        schema += 1
    return doc


def _to_model(path: Path, doc: dict[str, Any], read: Callable[[Any], T]) -> T:
    try:
        return read(doc)
    except DocumentError as exc:
        raise DataInvalid(path, "; ".join(exc.details)) from None


def _summary(path: Path, doc: dict[str, Any]) -> MeetingSummary:
    wanted = {name: doc.get(name) for name in MeetingSummary.__dataclass_fields__}
    return _to_model(path, wanted, lambda raw: structure(raw, MeetingSummary))


def _json_files(folder: Path) -> Iterator[Path]:
    """The data files in a folder: ``*.json``, not backups or temp files."""
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix == ".json" and not path.name.startswith(".") and path.is_file():
            yield path


def _check_id(raw: str, not_found: Callable[[str], StoreError]) -> str:
    if not isinstance(raw, str) or not _SAFE_ID.match(raw):
        raise not_found(str(raw))
    return raw


# --- the repository ------------------------------------------------------------------
class Repository:
    """The data folder. Thread-safe: the autosave worker writes while the UI
    thread reads."""

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self._mutex = threading.RLock()
        self._lock: DataFolderLock | None = None
        self._dbs: dict[Path, TinyDB] = {}
        self._current: set[Path] = set()  # files known to be at SCHEMA
        self._summaries: dict[Path, tuple[tuple[int, int, int], MeetingSummary]] = {}
        self.skipped: list[Problem] = []  # files the last list_meetings() could not read

    # --- opening and closing -------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> Repository:
        """Open ``data_dir``: create it (0700) if missing and take the lock
        (``DataLocked`` if another bti-tui holds it). ``read_only``: no lock,
        nothing created, every save raises ``ReadOnly``."""
        data_dir = Path(data_dir)
        repo = cls(data_dir, read_only=read_only)
        if read_only:
            return repo
        ensure_private_dir(data_dir)
        lock = DataFolderLock(data_dir)
        lock.acquire()
        repo._lock = lock
        try:
            for name in (MEETINGS, CASES):
                folder = ensure_private_dir(data_dir / name)
                if file_mode(folder) != DIR_MODE:
                    folder.chmod(DIR_MODE)
        except BaseException:
            lock.release()
            raise
        return repo

    def close(self) -> None:
        with self._mutex:
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

    def _db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            db = TinyDB(path, storage=AtomicJSONStorage)
            self._dbs[path] = db
        return db

    def _read(self, path: Path, kind: str) -> dict[str, Any] | None:
        data = self._db(path).storage.read()
        return None if data is None else decode_file(path, data, kind)

    def _load(self, path: Path, kind: str, from_doc: Callable[[Any], M], not_found: Callable[[str], StoreError]) -> M:
        """The meeting or case in ``path`` (its id is the file's stem)."""
        with self._mutex:
            doc = self._read(path, kind)
            if doc is None and path.exists():
                raise DataCorrupt(path)  # an empty file: truncated
            if doc is None:
                raise not_found(path.stem)
            obj = _to_model(path, doc, from_doc)
            if obj.id != path.stem:
                raise DataInvalid(path, f"the file holds {kind} {obj.id!r}")
            return obj

    def _write(self, path: Path, kind: str, doc: dict[str, Any], scrub: bool = False) -> None:
        if self.read_only or self._lock is None:
            raise ReadOnly(self.data_dir)
        self._write_doc(path, kind, doc)
        if scrub:
            # What was just removed (a fødselsnummer's digits) must not stay
            # in the backup either: it becomes a copy of the new file.
            atomic_write_bytes(backup_path(path), path.read_bytes())

    def _write_doc(self, path: Path, kind: str, doc: dict[str, Any]) -> None:
        db = self._db(path)
        if path not in self._current:
            data = db.storage.read()  # DataCorrupt: refuse to write over it
            if data is None or _schema_of(path, data) != SCHEMA:  # SchemaNewer: refuse
                db.storage.write(_layout(doc))
                self._current.add(path)
                return
            self._current.add(path)

        def replace(stored: dict[str, Any]) -> None:
            stored.clear()
            stored.update(doc)

        if not db.table(DOC_TABLE).update(replace, doc_ids=[DOC_ID]):
            db.storage.write(_layout(doc))

    # --- meetings ------------------------------------------------------------------------
    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, newest first. A file that cannot be read is left
        out and named in ``self.skipped`` (``check_data`` explains it)."""
        with self._mutex:
            summaries: list[MeetingSummary] = []
            skipped: list[Problem] = []
            seen: dict[Path, tuple[tuple[int, int, int], MeetingSummary]] = {}
            for path in _json_files(self.data_dir / MEETINGS):
                st = path.stat()
                signature = (st.st_ino, st.st_size, st.st_mtime_ns)
                cached = self._summaries.get(path)
                if cached is not None and cached[0] == signature:
                    summary = cached[1]
                else:
                    try:
                        data = read_json_file(path)
                        if data is None:
                            raise DataCorrupt(path)  # empty: truncated
                        summary = _summary(path, decode_file(path, data, "meeting"))
                    except StoreError as exc:
                        skipped.append(Problem(path, exc.key, dict(exc.params)))
                        continue
                seen[path] = (signature, summary)
                summaries.append(summary)
            self._summaries = seen
            self.skipped = skipped
            summaries.sort(key=lambda s: (s.date, s.start_time, s.id), reverse=True)
            return summaries

    def load_meeting(self, meeting_id: str) -> Meeting:
        return self._load(self.meeting_path(meeting_id), "meeting", meeting_from_doc, MeetingNotFound)

    def save_meeting(self, meeting: Meeting, *, scrub: bool = False) -> None:
        """Write the meeting; ``scrub``: its backup becomes the same bytes."""
        doc = meeting_to_doc(meeting)
        with self._mutex:
            self._write(self.meeting_path(meeting.id), "meeting", doc, scrub)

    # --- cases ------------------------------------------------------------------------------
    def load_case(self, case_id: str) -> Case:
        return self._load(self.case_path(case_id), "case", case_from_doc, CaseNotFound)

    def save_case(self, case: Case, *, scrub: bool = False) -> None:
        doc = case_to_doc(case)
        with self._mutex:
            self._write(self.case_path(case.id), "case", doc, scrub)

    def delete_case(self, case_id: str) -> None:
        """Remove a case's file and its backup (a case taken off a meeting
        before anything was decided about it)."""
        if self.read_only or self._lock is None:
            raise ReadOnly(self.data_dir)
        path = self.case_path(case_id)
        with self._mutex:
            db = self._dbs.pop(path, None)
            if db is not None:
                db.close()
            self._current.discard(path)
            for victim in (path, backup_path(path)):
                victim.unlink(missing_ok=True)
            fsync_dir(path.parent)

    def cases_for(self, meeting: Meeting) -> dict[str, Case]:
        """The cases the meeting's slots refer to, by id (``CaseNotFound``
        if one is missing)."""
        with self._mutex:
            return {case_id: self.load_case(case_id) for case_id in meeting.case_ids}

    # --- preferences -------------------------------------------------------------------------
    def load_preferences(self) -> dict[str, Any]:
        """Theme, language ...: ``{}`` when nothing was saved yet."""
        with self._mutex:
            doc = self._read(self.preferences_path, "preferences")
            return dict(doc) if doc else {}

    def save_preferences(self, prefs: dict[str, Any]) -> None:
        with self._mutex:
            self._write(self.preferences_path, "preferences", dict(prefs))
