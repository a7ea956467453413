"""Store errors that the UI and the CLI can show in the user's language.

Like the domain's ``ValidationError``, a store error carries a catalogue key
(``store.<name>`` in ``data/i18n/<lang>/store.toml``) and the values to put
into it; ``str(error)`` is an English fallback for logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class StoreError(Exception):
    """A problem with the data folder. ``key`` names the message."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}" if params else key)


class DataLocked(StoreError):
    """Another bti-tui holds the data folder."""

    def __init__(self, folder: Path) -> None:
        super().__init__("store.locked", folder=str(folder))
        self.folder = folder


def backup_path(path: Path) -> Path:
    """The previous good copy of a data file: ``<name>.bak`` beside it."""
    return path.with_name(path.name + ".bak")


class DataCorrupt(StoreError):
    """A data file is not valid JSON (truncated, overwritten ...).

    The key says whether a backup exists to restore from."""

    def __init__(self, path: Path, backup: Path | None = None) -> None:
        backup = backup if backup is not None else backup_path(path)
        key = "store.corrupt" if backup.exists() else "store.corrupt_no_backup"
        super().__init__(key, path=str(path), backup=str(backup))
        self.path = path
        self.backup = backup


class Detail:
    """A part of a message that is a message itself: its catalogue key
    (``store.detail.<name>``) and values. The translator puts it into the
    outer text in the user's language; ``str()`` is the English for logs."""

    def __init__(self, key: str, english: str, **params: Any) -> None:
        self.key = key
        self.params = params
        self.english = english

    def __str__(self) -> str:
        return self.english

    __repr__ = __str__


class DataInvalid(StoreError):
    """Valid JSON, but not a document the app understands. ``detail`` names
    what is wrong (a ``Detail``, so it is said in the user's language)."""

    def __init__(self, path: Path, detail: Detail) -> None:
        super().__init__("store.invalid", path=str(path), detail=detail)
        self.path = path


def nested_too_deeply() -> Detail:
    return Detail("store.detail.nested", "JSON nested too deeply")


def not_a_document() -> Detail:
    return Detail("store.detail.not_object", "valid JSON, but not an object")


def no_schema() -> Detail:
    return Detail("store.detail.no_schema", "no schema version in the _meta table")


def no_document(table: str) -> Detail:
    return Detail("store.detail.no_document", f"no document in the {table!r} table", table=table)


def no_migration(schema: int) -> Detail:
    return Detail("store.detail.no_migration", f"no migration from schema {schema}", schema=schema)


def wrong_fields(*details: str) -> Detail:
    """The fields that do not fit. cattrs says what is wrong in English
    ("expected date @ $.date"): the message names only where ("$.date")."""
    english = "; ".join(details)
    where = ", ".join(dict.fromkeys(detail.rpartition(" @ ")[2] for detail in details))
    return Detail("store.detail.fields", f"fields: {english}", fields=where)


class IdMismatch(StoreError):
    """A file whose document names another id than its file name."""

    def __init__(self, path: Path, found: str) -> None:
        super().__init__("store.id_mismatch", path=str(path), id=found)
        self.path = path


def _mb(size: int) -> float:
    """A size in megabytes to one decimal; the translator writes it as the
    user's language does (``57,2`` in Norwegian, ``57.2`` in English)."""
    return round(size / (1024 * 1024), 1)


class DataTooLarge(StoreError):
    """A data file beyond ``max_file_mb``: not read (a paste accident or
    damage; reading it could take all the memory)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__("store.too_large", path=str(path), size_mb=_mb(size), limit_mb=_mb(limit))
        self.path = path


class DocumentTooLarge(StoreError):
    """A meeting, case ... that would make a file beyond ``max_file_mb``:
    not saved (the file on disk stays as it was)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__("store.save_too_large", path=str(path), size_mb=_mb(size), limit_mb=_mb(limit))
        self.path = path


class NotRegular(StoreError):
    """A symbolic link, folder, FIFO or device where a data file belongs:
    neither read nor written through."""

    def __init__(self, path: Path) -> None:
        super().__init__("store.not_regular", path=str(path))
        self.path = path


class Unreadable(StoreError):
    """The operating system refused to let us read a file or folder."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__("store.unreadable", path=str(path), detail=detail)
        self.path = path


class WriteFailed(StoreError):
    """The disk refused a save (full, read-only, permissions ...)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__("store.write_failed", path=str(path), detail=error.strerror or str(error))
        self.path = path
        self.errno = error.errno


class NotAFolder(StoreError):
    """The data folder's path names a file."""

    def __init__(self, folder: Path) -> None:
        super().__init__("store.not_a_folder", folder=str(folder))


class FolderReadOnly(StoreError):
    """The app cannot write in the data folder, so it does not open it."""

    def __init__(self, folder: Path, detail: str) -> None:
        super().__init__("store.folder_read_only", folder=str(folder), detail=detail)


class LockUnsafe(StoreError):
    """``<data>/.lock`` is a symbolic link or not an ordinary file: the app
    does not open the folder rather than write through it."""

    def __init__(self, path: Path) -> None:
        super().__init__("store.lock_unsafe", path=str(path))


class OpenFailed(StoreError):
    """Any other refusal of the operating system while opening the folder."""

    def __init__(self, folder: Path, error: OSError) -> None:
        super().__init__("store.open_failed", folder=str(folder), detail=error.strerror or str(error))


class SchemaNewer(StoreError):
    """Written by a newer bti-tui: left untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__("store.schema_newer", path=str(path), found=found, known=known)
        self.path = path


class MeetingNotFound(StoreError):
    def __init__(self, meeting_id: str) -> None:
        super().__init__("store.not_found", meeting_id=meeting_id)
        self.meeting_id = meeting_id


class CaseNotFound(StoreError):
    def __init__(self, case_id: str) -> None:
        super().__init__("store.case_not_found", case_id=case_id)
        self.case_id = case_id


class ReadOnly(StoreError):
    """A read-only repository (``list``, ``export``) was asked to write."""

    def __init__(self, folder: Path) -> None:
        super().__init__("store.read_only", folder=str(folder))
