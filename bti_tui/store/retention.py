"""Marks "archived in ESA": when a meeting's or a case's referat went into
the municipal archive, and under which reference.

They live beside the documents, in ``<data>/archived.json`` (a TinyDB
document like the others: atomic, 0600, a backup, a schema version, sealed
in an encrypted folder), not in the meeting or case: they are a fact about
the stored copy, which ``bti-tui purge --archived-only`` may then remove.
Written only by a repository that holds the lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bti_tui.model.privacy import guard_text
from bti_tui.model.text import clean_text
from bti_tui.store.documents import MIGRATIONS, Problem, read_document
from bti_tui.store.errors import CaseNotFound, DataInvalid, MeetingNotFound, StoreError, wrong_fields
from bti_tui.store.repository import Repository

ARCHIVE_NAME = "archived.json"
KINDS = ("meeting", "case")
_TABLES = {"meeting": "meetings", "case": "cases"}
MAX_REF = 200
MIGRATIONS.setdefault("archive", {})


@dataclass(frozen=True)
class ArchiveMark:
    kind: str  # "meeting" | "case"
    id: str
    on: date
    ref: str


def archive_path(data_dir: Path) -> Path:
    return Path(data_dir) / ARCHIVE_NAME


def _marks(path: Path, doc: dict[str, Any] | None) -> dict[tuple[str, str], ArchiveMark]:
    marks: dict[tuple[str, str], ArchiveMark] = {}
    for kind, table in _TABLES.items():
        entries = (doc or {}).get(table, {})
        if not isinstance(entries, dict):
            raise DataInvalid(path, wrong_fields(table))
        for doc_id, entry in entries.items():
            try:
                marks[(kind, doc_id)] = ArchiveMark(kind, doc_id, date.fromisoformat(entry["on"]), str(entry["ref"]))
            except (KeyError, TypeError, ValueError):
                raise DataInvalid(path, wrong_fields(f"{table}.{doc_id}")) from None
    return marks


def load_marks(data_dir: Path, max_bytes: int | None = None) -> dict[tuple[str, str], ArchiveMark]:
    """Every mark by (kind, id); none when the file does not exist. A
    damaged file is a ``StoreError`` (never read past)."""
    path = archive_path(data_dir)
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    return _marks(path, read_document(path, "archive", **kwargs))


def archive_problems(data_dir: Path, max_bytes: int) -> list[Problem]:
    """For ``check``: the marks file, read as ``load_marks`` reads it."""
    path = archive_path(data_dir)
    try:
        load_marks(data_dir, max_bytes)
    except StoreError as exc:
        return [Problem.of(path, exc)]
    return []


def _doc(marks: dict[tuple[str, str], ArchiveMark]) -> dict[str, Any]:
    doc: dict[str, Any] = {table: {} for table in _TABLES.values()}
    for (kind, doc_id), mark in sorted(marks.items()):
        doc[_TABLES[kind]][doc_id] = {"on": mark.on.isoformat(), "ref": mark.ref}
    return doc


def clean_ref(raw: str) -> str:
    """The archive reference as kept: one line of text, not empty, no
    fødselsnummer (``StoreError`` ``purge.ref_empty``,
    ``purge.ref_too_long``; ``ValidationError`` ``privacy.fodselsnummer``)."""
    ref = " ".join(clean_text(raw, multiline=False).split())
    if not ref:
        raise StoreError("purge.ref_empty")
    if len(ref) > MAX_REF:
        raise StoreError("purge.ref_too_long", max=MAX_REF)
    return guard_text(ref)


def kind_of(repo: Repository, doc_id: str) -> str:
    """``meeting`` or ``case``: which document ``doc_id`` names
    (``MeetingNotFound`` if neither)."""
    try:
        if repo.meeting_path(doc_id).exists():
            return "meeting"
    except StoreError:
        pass
    try:
        if repo.case_path(doc_id).exists():
            return "case"
    except CaseNotFound:
        pass
    raise MeetingNotFound(doc_id)


def mark_archived(repo: Repository, doc_id: str, on: date, ref: str) -> ArchiveMark:
    """Mark the meeting or case ``doc_id`` archived in ESA on ``on`` under
    ``ref`` (a mark made again replaces the one before)."""
    kind = kind_of(repo, doc_id)
    mark = ArchiveMark(kind, doc_id, on, clean_ref(ref))
    with repo._mutex:
        marks = load_marks(repo.data_dir, repo.max_bytes)
        marks[(kind, doc_id)] = mark
        repo._write(archive_path(repo.data_dir), "archive", _doc(marks))
    return mark


def drop_marks(repo: Repository, keys: set[tuple[str, str]]) -> None:
    """Remove the marks of purged documents; the backup is made the same,
    so no copy of the removed marks stays."""
    with repo._mutex:
        marks = load_marks(repo.data_dir, repo.max_bytes)
        if not keys & marks.keys():
            return
        for key in keys:
            marks.pop(key, None)
        repo._write(archive_path(repo.data_dir), "archive", _doc(marks), scrub=True)
