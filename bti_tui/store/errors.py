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


class DataInvalid(StoreError):
    """Valid JSON, but not a document the app understands."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__("store.invalid", path=str(path), detail=detail)
        self.path = path


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
