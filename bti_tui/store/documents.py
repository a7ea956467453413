"""Reading a document from a data file: the one place that does it.

``Repository`` (load, list), ``check_data`` and the preferences all go
through ``read_document``: the size limit, links, damaged JSON, a file of the
wrong shape, the schema version and the migrations are decided here, and
every problem is a ``StoreError`` with a catalogue key, never another
exception. Each file on disk is a TinyDB database with two tables: the
document itself (table ``document``, id 1) and ``_meta`` (id 1) holding the
``schema`` version.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, TypeVar

from bti_tui.model.status import MeetingStatus
# The codec (cattrs and the whole model) is imported where a document is
# turned into a model object: the app's first screen lists meetings from the
# index and needs neither (issue 20).
from bti_tui.store.errors import (
    DataCorrupt,
    DataInvalid,
    IdMismatch,
    SchemaNewer,
    StoreError,
    no_document,
    no_migration,
    no_schema,
    not_a_document,
    wrong_fields,
)
from bti_tui.store.storage import DEFAULT_MAX_BYTES, read_json_file

# 2: participants' roles by id; 3: consent in full, the room's consent
# decision, who was called, agreements' history (store/migrations.py)
SCHEMA = 3
DOC_TABLE = "document"
META_TABLE = "_meta"
DOC_ID = 1

MEETINGS = "meetings"
CASES = "cases"
EXPORTS = "referat"  # referat files exported from the app
PLANS = "plans"  # half-year plans (store/plans.py)
QUEUE = "queue"  # queued cases (store/plans.py)
PREFERENCES = "preferences.json"
LOG_NAME = "bti-tui.log"  # the app's log (written by the UI)

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# Per document kind: {from_version: fn(doc) -> doc at from_version + 1}.
MIGRATIONS: dict[str, dict[int, Migration]] = {"meeting": {}, "case": {}, "preferences": {}, "plan": {}, "queued": {}}


def structure(raw: Any, cls: type[T]) -> T:
    from bti_tui.store.codec import structure as codec_structure

    return codec_structure(raw, cls)


def _meeting_from_doc(raw: Any) -> Any:
    from bti_tui.store.codec import meeting_from_doc

    return meeting_from_doc(raw)


def _case_from_doc(raw: Any) -> Any:
    from bti_tui.store.codec import case_from_doc

    return case_from_doc(raw)


def _plan_from_doc(raw: Any) -> Any:
    from bti_tui.model.plan import HalfYearPlan  # here: only plans pay for its import

    return structure(raw, HalfYearPlan)


def _queued_from_doc(raw: Any) -> Any:
    from bti_tui.model.queue import QueuedCase

    return structure(raw, QueuedCase)


# The model class of each kind of document that has one.
READERS: dict[str, Callable[[Any], Any]] = {
    "meeting": _meeting_from_doc,
    "case": _case_from_doc,
    "plan": _plan_from_doc,
    "queued": _queued_from_doc,
}
# The folder of each kind of document that lives one per file in a folder.
FOLDERS: dict[str, str] = {"meeting": MEETINGS, "case": CASES, "plan": PLANS, "queued": QUEUE}

T = TypeVar("T")
Reader = Callable[[Path], Any]


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

    @classmethod
    def of(cls, path: Path, error: StoreError) -> Problem:
        return cls(path, error.key, dict(error.params))


def layout(doc: dict[str, Any]) -> dict[str, Any]:
    """A document as the file holds it."""
    return {META_TABLE: {str(DOC_ID): {"schema": SCHEMA}}, DOC_TABLE: {str(DOC_ID): doc}}


def schema_of(path: Path, data: dict[str, Any]) -> int:
    meta = data.get(META_TABLE)
    record = meta.get(str(DOC_ID)) if isinstance(meta, dict) else None
    schema = record.get("schema") if isinstance(record, dict) else None
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DataInvalid(path, no_schema())
    if schema > SCHEMA:
        raise SchemaNewer(path, schema, SCHEMA)
    return schema


def decode_file(path: Path, data: Any, kind: str) -> dict[str, Any]:
    """The document of a parsed file, migrated to the current schema.

    Raises ``SchemaNewer`` or ``DataInvalid`` (not a JSON object, no
    document, ...); changes nothing on disk."""
    if not isinstance(data, dict):
        raise DataInvalid(path, not_a_document())
    schema = schema_of(path, data)
    table = data.get(DOC_TABLE)
    doc = table.get(str(DOC_ID)) if isinstance(table, dict) else None
    if not isinstance(doc, dict):
        raise DataInvalid(path, no_document(DOC_TABLE))
    while schema < SCHEMA:
        migrate = MIGRATIONS[kind].get(schema)
        if migrate is None:
            raise DataInvalid(path, no_migration(schema))
        doc = migrate(doc)
        schema += 1
    return doc


def read_document(
    path: Path, kind: str, *, max_bytes: int = DEFAULT_MAX_BYTES, reader: Reader | None = None
) -> dict[str, Any] | None:
    """The document in ``path``, migrated; None if there is no such file.

    ``reader`` reads the parsed file (default ``read_json_file``; the
    repository passes its TinyDB storage's ``read``). An empty file is
    ``DataCorrupt`` (truncated). Every problem is a ``StoreError``."""
    data = reader(path) if reader is not None else read_json_file(path, max_bytes)
    if data is None:
        if path.exists() or path.is_symlink():
            raise DataCorrupt(path)  # empty: truncated
        return None
    return decode_file(path, data, kind)


def to_model(path: Path, doc: dict[str, Any], read: Callable[[Any], T]) -> T:
    from bti_tui.store.codec import DocumentError

    try:
        return read(doc)
    except DocumentError as exc:
        raise DataInvalid(path, wrong_fields(*exc.details)) from None


def model_of(path: Path, doc: dict[str, Any], kind: str) -> Any:
    """The meeting or case of a document; its id must be the file's stem."""
    obj = to_model(path, doc, READERS[kind])
    if obj.id != path.stem:
        raise IdMismatch(path, obj.id)
    return obj


def summary_of(path: Path, doc: dict[str, Any]) -> MeetingSummary:
    """The fields the meeting list shows; its id must be the file's stem."""
    wanted = {name: doc.get(name) for name in MeetingSummary.__dataclass_fields__}
    summary = to_model(path, wanted, lambda raw: structure(raw, MeetingSummary))
    if summary.id != path.stem:
        raise IdMismatch(path, summary.id)
    return summary


def json_files(folder: Path) -> Iterator[Path]:
    """The data files in a folder: ``*.json``, not backups or temp files.

    Anything so named is listed, folders, links and FIFOs too, so that
    reading it reports it (``NotRegular``) rather than leaving it out (a
    meeting file replaced by a folder once vanished without a word)."""
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return
    for path in entries:
        if path.suffix != ".json" or path.name.startswith("."):
            continue
        yield path

