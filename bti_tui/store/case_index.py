"""The index of cases and meetings: questions across the years.

Is this child known already? Which cases are open, who holds the stafett,
which agreements are overdue? Those questions go through TinyDB ``Query`` on
one small file, ``<data>/index.json`` (DESIGN "Queries across the years"),
not through loops that read every meeting and case file.

The file is a TinyDB database written by ``AtomicJSONStorage`` (temp file,
fsync, rename; 0600), with three tables::

    _meta     {"1": {"index": 2}}            the index format
    cases     one record per case  (CASE_FIELDS, see case_record)
    meetings  one record per meeting (see meeting_record)

It is derived data, kept in step by the repository: every ``save_case``,
``delete_case`` and ``save_meeting`` updates the one record concerned, and
writes the file only when that record changed (a save while typing notes
writes no index). A crash between a document's write and the index's
leaves the index stale: ``bti-tui check`` reports that, ``--repair``
rebuilds it. A writer that finds the file missing, damaged, of another
format, or naming other cases or meetings than the folders hold, rebuilds
it at once; a reader (no lock) builds it in memory and writes nothing.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from bti_tui.store.documents import CASES, MEETINGS, Problem, json_files, model_of, read_document
from bti_tui.store.errors import StoreError
from bti_tui.store.storage import DEFAULT_MAX_BYTES, AtomicJSONStorage, read_json_file

if TYPE_CHECKING:
    from bti_tui.model import Case, Meeting
    from bti_tui.store.repository import Repository

log = logging.getLogger(__name__)

INDEX = "index.json"
# 2: meeting records carry the place, so the meeting list is read from here.
INDEX_FORMAT = 2
META, CASES_TABLE, MEETINGS_TABLE = "_meta", "cases", "meetings"
Record = dict[str, Any]


# --- records -----------------------------------------------------------------------------
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def case_record(case: Case) -> Record:
    """What the overview and the intake lookup need of one case."""
    ref = case.reference
    holder = case.stafettholder
    closing = case.closing
    services = set(case.consent.services) | {a.service for a in case.agreements}
    if holder is not None:
        services.add(holder.service)
    return {
        "id": case.id,
        "anonymous": ref.anonymous,
        "initials": ref.initials or "",
        "initials_key": ref.key,
        "birth_date": _iso(ref.birth_date),
        "status": case.status.value,
        "closed_on": _iso(closing.on) if closing else None,
        "stafettholder": None if holder is None else {"name": holder.name, "service": holder.service, "since": _iso(holder.assigned_on)},
        "services": sorted(s for s in services if s),
        # The due date of each open agreement (None: no due date): open and
        # overdue counts for any "today".
        "open_due": [_iso(a.due) for a in case.agreements if a.is_open],
    }


def meeting_record(meeting: Meeting) -> Record:
    """A meeting's date, time, kind, status and place (all the meeting list
    shows: the home screen lists from here, not from the files), and the
    cases it discussed (with each case's next meeting as decided there)."""
    return {
        "id": meeting.id,
        "date": meeting.date.isoformat(),
        "time": meeting.start_time.strftime("%H:%M"),
        "kind": meeting.kind_id,
        "status": meeting.status.value,
        "place": meeting.place,
        "cases": list(meeting.case_ids),
        "next": {s.case_id: _iso(s.next_meeting) for s in meeting.slots if s.case_id and s.next_meeting},
    }


# --- a cached, atomic storage ------------------------------------------------------------
def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class _CachedStorage(AtomicJSONStorage):
    """``AtomicJSONStorage`` that parses the file again only when it changed
    on disk: TinyDB reads the whole storage for every query, and the index
    is asked on every save. No backup: the index is rebuilt, not restored."""

    def __init__(self, path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__(path, backup=False, max_bytes=max_bytes)
        self._cache: dict[str, Any] | None = None
        self._cache_stat: tuple[int, int, int] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is not None and _stat(self.path) == self._cache_stat:
            return self._cache
        data = super().read()
        self._cache, self._cache_stat = data, _stat(self.path)
        return data

    def write(self, data: dict[str, Any]) -> None:
        try:
            super().write(data)
        except BaseException:
            self._cache = None  # TinyDB changed it in place: no longer the file
            raise
        self._cache, self._cache_stat = data, _stat(self.path)


# --- building it from the files ----------------------------------------------------------
def _documents(data_dir: Path, folder: str, kind: str, max_bytes: int) -> Iterator[Any]:
    """Every readable document of one folder, as model objects, read as the
    app reads them; a file that cannot be read is left out (``check``
    names it)."""
    for path in json_files(data_dir / folder):
        try:
            doc = read_document(path, kind, max_bytes=max_bytes)
            if doc is not None:
                yield model_of(path, doc, kind)
        except (StoreError, OSError):
            continue


def build_records(data_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Record], list[Record]]:
    """(case records, meeting records) from the files, sorted by id."""
    cases = [case_record(c) for c in _documents(data_dir, CASES, "case", max_bytes)]
    meetings = [meeting_record(m) for m in _documents(data_dir, MEETINGS, "meeting", max_bytes)]
    return sorted(cases, key=lambda r: r["id"]), sorted(meetings, key=lambda r: r["id"])


def _layout(cases: list[Record], meetings: list[Record]) -> dict[str, Any]:
    return {
        META: {"1": {"index": INDEX_FORMAT}},
        CASES_TABLE: {str(n): r for n, r in enumerate(cases, 1)},
        MEETINGS_TABLE: {str(n): r for n, r in enumerate(meetings, 1)},
    }


def _file_ids(data_dir: Path, folder: str) -> set[str]:
    try:
        names = os.listdir(data_dir / folder)
    except OSError:
        return set()
    return {n[:-5] for n in names if n.endswith(".json") and not n.startswith(".")}


# --- the index ----------------------------------------------------------------------------
class CaseIndex:
    """The index of one data folder. Thread-safe: the autosave worker keeps
    it in step while the UI thread asks it."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self._lock = threading.RLock()
        self._db: TinyDB | None = None
        self._doc_ids: dict[str, dict[str, int]] = {}  # table -> record id -> doc id
        self._deferred = 0  # inside deferred(): saves leave the index alone

    @property
    def path(self) -> Path:
        return self._repo.data_dir / INDEX

    @property
    def _writer(self) -> bool:
        # Not before the folder is ours (Repository.open's lock_later).
        return not self._repo.read_only and not self._repo.opening

    def close(self) -> None:
        with self._lock:
            self._db = None
            self._doc_ids.clear()

    # --- opening ---------------------------------------------------------------------
    def _open(self, saving: tuple[str, str] | None = None) -> TinyDB:
        """The database; built from the files first if it is missing,
        damaged, of another format or naming other documents than the
        folders hold (a writer writes it; a reader keeps it in memory).
        ``saving`` (table, id): the document being saved or deleted now,
        whose record is put right next, so it alone may differ."""
        if self._db is not None and (not self._writer or self.path.exists()):
            return self._db
        # First use, or the file was removed under us (a purge removes it:
        # derived data the next writer builds again).
        self._db = None
        db = self._file_db() if self.path.exists() or self._writer else None
        usable = False
        if db is not None and self.path.exists():
            try:
                data = db.storage.read() or {}
                usable = data.get(META, {}).get("1", {}).get("index") == INDEX_FORMAT
                for table, folder in ((CASES_TABLE, CASES), (MEETINGS_TABLE, MEETINGS)):
                    differ = _ids(data, table) ^ _file_ids(self._repo.data_dir, folder)
                    usable = usable and differ <= ({saving[1]} if saving and saving[0] == table else set())
            except (StoreError, AttributeError, TypeError):
                usable = False
        if not usable:
            layout = _layout(*build_records(self._repo.data_dir, self._repo.max_bytes))
            if self._writer:
                assert db is not None
                log.info("rebuilding the case index %s", self.path)
                db.storage.write(layout)
            else:
                db = TinyDB(storage=MemoryStorage)
                db.storage.write(layout)
        assert db is not None
        self._db = db
        self._doc_ids.clear()
        return db

    def _file_db(self) -> TinyDB:
        return TinyDB(self.path, storage=_CachedStorage, max_bytes=self._repo.max_bytes)

    def _table(self, name: str, saving: str | None = None) -> Table:
        return self._open((name, saving) if saving else None).table(name, cache_size=0)

    def rebuild(self) -> None:
        """Build the index again from every file (``check --repair``)."""
        with self._lock:
            layout = _layout(*build_records(self._repo.data_dir, self._repo.max_bytes))
            if self._writer:
                self._file_db().storage.write(layout)
            self._db = None
            self._doc_ids.clear()
            if not self._writer:
                db = TinyDB(storage=MemoryStorage)
                db.storage.write(layout)
                self._db = db

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Many saves in a row (an import, a benchmark's history): the index
        is built once at the end instead of rewritten after each save."""
        with self._lock:
            self._deferred += 1
        try:
            yield
        finally:
            with self._lock:
                self._deferred -= 1
                if not self._deferred:
                    self.rebuild()

    # --- keeping it in step (the repository calls these after each write) --------------
    def case_saved(self, case: Case) -> None:
        with self._lock:
            if not self._deferred:
                self._put(CASES_TABLE, case_record(case))

    def meeting_saved(self, meeting: Meeting) -> None:
        with self._lock:
            if not self._deferred:
                self._put(MEETINGS_TABLE, meeting_record(meeting))

    def case_deleted(self, case_id: str) -> None:
        with self._lock:
            if self._deferred:
                return
            table = self._table(CASES_TABLE, saving=case_id)
            doc_id = self._doc_id(table, case_id)
            if doc_id is not None:
                table.remove(doc_ids=[doc_id])
                self._doc_ids[CASES_TABLE].pop(case_id, None)

    def _put(self, name: str, record: Record) -> None:
        """Insert or replace one record; nothing is written if it is the same."""
        table = self._table(name, saving=record["id"])
        doc_id = self._doc_id(table, record["id"])
        if doc_id is None:
            self._doc_ids[name][record["id"]] = table.insert(record)
            return
        if table.get(doc_id=doc_id) == record:
            return

        def replace(doc: dict[str, Any]) -> None:
            doc.clear()
            doc.update(record)

        table.update(replace, doc_ids=[doc_id])

    def _doc_id(self, table: Table, record_id: str) -> int | None:
        """The TinyDB doc id of a record, from a map built in one pass and
        checked on use (the table is only changed through here)."""
        known = self._doc_ids.get(table.name)
        doc_id = known.get(record_id) if known is not None else None
        if doc_id is not None:
            doc = table.get(doc_id=doc_id)
            if doc is not None and doc.get("id") == record_id:
                return doc_id
        known = {doc["id"]: doc.doc_id for doc in table.all()}
        self._doc_ids[table.name] = known
        return known.get(record_id)

    # --- questions ---------------------------------------------------------------------
    def find(self, initials_key: str, birth_date: date) -> list[Record]:
        """Named cases with these initials (as ``initials_key`` compares
        them) and this birth date; never an anonymous one."""
        q = Query()
        with self._lock:
            return self._table(CASES_TABLE).search(
                (q.anonymous == False)  # noqa: E712 (a TinyDB query, not a comparison)
                & (q.initials_key == initials_key)
                & (q.birth_date == birth_date.isoformat())
            )

    def cases(self, status: str | None = None, service: str | None = None) -> list[Record]:
        """Cases by status ("open", "closed"; None: all) and a service they
        involve (None: any)."""
        q = Query()
        condition = q.id.exists()
        if status is not None:
            condition &= q.status == status
        if service:
            wanted = service.casefold()
            condition &= q.services.test(lambda services: any(s.casefold() == wanted for s in services))
        with self._lock:
            return self._table(CASES_TABLE).search(condition)

    def case(self, case_id: str) -> Record | None:
        with self._lock:
            return self._table(CASES_TABLE).get(Query().id == case_id)

    def meeting(self, meeting_id: str) -> Record | None:
        with self._lock:
            return self._table(MEETINGS_TABLE).get(Query().id == meeting_id)

    def overdue(self, today: date) -> list[Record]:
        """Cases with an open agreement due before ``today``."""
        limit = today.isoformat()
        with self._lock:
            return self._table(CASES_TABLE).search(
                Query().open_due.test(lambda dues: any(d is not None and d < limit for d in dues))
            )

    def meetings_of(self, case_ids: Iterable[str]) -> list[Record]:
        """The meetings that discussed any of ``case_ids``, oldest first."""
        wanted = list(case_ids)
        with self._lock:
            found = self._table(MEETINGS_TABLE).search(Query().cases.any(wanted)) if wanted else []
        return sorted(found, key=lambda r: (r["date"], r["time"], r["id"]))

    def meetings(self) -> list[Record]:
        """Every meeting's record, newest first (the meeting list)."""
        with self._lock:
            # The stored records as they are (TinyDB's all() would make a
            # Document of each); copied, as the storage's cache is live.
            raw = self._open().storage.read() or {}
            found = [dict(r) for r in (raw.get(MEETINGS_TABLE) or {}).values()]
        return sorted(found, key=lambda r: (r["date"], r["time"], r["id"]), reverse=True)

    def records(self) -> tuple[list[Record], list[Record]]:
        """(case records, meeting records), sorted by id, as plain dicts."""
        with self._lock:
            cases = [dict(r) for r in self._table(CASES_TABLE).all()]
            meetings = [dict(r) for r in self._table(MEETINGS_TABLE).all()]
        return sorted(cases, key=lambda r: r["id"]), sorted(meetings, key=lambda r: r["id"])


def _ids(data: dict[str, Any], table: str) -> set[str]:
    return {doc["id"] for doc in (data.get(table) or {}).values()}


# --- check and repair ---------------------------------------------------------------------
def check_index(data_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """The index missing or not in step with the files (``check``): reads,
    never writes. A folder without any meeting or case needs no index."""
    data_dir = Path(data_dir)
    path = data_dir / INDEX
    from bti_tui.store.crypto import needs_passphrase

    if needs_passphrase(data_dir):
        return []  # encrypted and locked: check_data asks for the passphrase
    cases, meetings = build_records(data_dir, max_bytes)
    try:
        data = read_json_file(path, max_bytes)
    except StoreError:
        return [Problem(path, "cases.check.index_damaged", {"path": str(path)})]
    if data is None:
        if not cases and not meetings:
            return []
        return [Problem(path, "cases.check.index_missing", {"path": str(path)})]
    try:
        same = (
            isinstance(data, dict)
            and data.get(META, {}).get("1", {}).get("index") == INDEX_FORMAT
            and sorted((data.get(CASES_TABLE) or {}).values(), key=lambda r: r["id"]) == cases
            and sorted((data.get(MEETINGS_TABLE) or {}).values(), key=lambda r: r["id"]) == meetings
        )
    except (AttributeError, KeyError, TypeError):
        same = False
    return [] if same else [Problem(path, "cases.check.index_stale", {"path": str(path)})]


def repair_index(data_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Path:
    """Build the index from the files and write it (``check --repair``),
    under the folder's lock (``DataLocked`` while the app is open). Only the
    index is written: no other housekeeping of an opening repository."""
    from bti_tui.store.lock import DataFolderLock

    path = Path(data_dir) / INDEX
    with DataFolderLock(Path(data_dir)):
        try:
            _CachedStorage(path, max_bytes).write(_layout(*build_records(Path(data_dir), max_bytes)))
        except OSError as exc:
            from bti_tui.store.errors import WriteFailed

            raise WriteFailed(path, exc) from exc
    return path
