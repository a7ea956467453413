"""Persistence: atomic private JSON files, one per meeting and per case,
a schema version with migrations, and a single-writer lock on the folder.
Imports no Textual (an import-linter contract)."""

from typing import TYPE_CHECKING

from bti_tui.store import migrations as _migrations  # noqa: F401  (registers them)
from bti_tui.store.errors import (
    CaseNotFound,
    DataCorrupt,
    DataInvalid,
    DataLocked,
    DataTooLarge,
    DocumentTooLarge,
    FolderReadOnly,
    IdMismatch,
    LockUnsafe,
    MeetingNotFound,
    NotAFolder,
    NotRegular,
    OpenFailed,
    ReadOnly,
    SchemaNewer,
    StoreError,
    Unreadable,
    WriteFailed,
)
from bti_tui.store.repository import (
    MIGRATIONS,
    SCHEMA,
    MeetingSummary,
    Problem,
    Repository,
)
from bti_tui.store.storage import DEFAULT_MAX_BYTES, AtomicJSONStorage

if TYPE_CHECKING:
    from bti_tui.store.check import check_data


def __getattr__(name: str) -> object:
    """``check_data`` is imported when first asked for: the app never
    checks the whole folder, and its imports delayed the first frame."""
    if name == "check_data":
        from bti_tui.store.check import check_data

        globals()[name] = check_data
        return check_data
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MIGRATIONS",
    "SCHEMA",
    "AtomicJSONStorage",
    "CaseNotFound",
    "DataCorrupt",
    "DataInvalid",
    "DataLocked",
    "DataTooLarge",
    "DocumentTooLarge",
    "FolderReadOnly",
    "IdMismatch",
    "LockUnsafe",
    "MeetingNotFound",
    "MeetingSummary",
    "NotAFolder",
    "NotRegular",
    "OpenFailed",
    "Problem",
    "ReadOnly",
    "Repository",
    "SchemaNewer",
    "StoreError",
    "Unreadable",
    "WriteFailed",
    "check_data",
]
