"""Persistence: atomic private JSON files, one per meeting and per case,
a schema version with migrations, and a single-writer lock on the folder.
Imports no Textual (an import-linter contract)."""

from bti_tui.store.check import check_data
from bti_tui.store.errors import (
    CaseNotFound,
    DataCorrupt,
    DataInvalid,
    DataLocked,
    MeetingNotFound,
    ReadOnly,
    SchemaNewer,
    StoreError,
)
from bti_tui.store.repository import (
    MIGRATIONS,
    SCHEMA,
    MeetingSummary,
    Problem,
    Repository,
)
from bti_tui.store.storage import AtomicJSONStorage

__all__ = [
    "MIGRATIONS",
    "SCHEMA",
    "AtomicJSONStorage",
    "CaseNotFound",
    "DataCorrupt",
    "DataInvalid",
    "DataLocked",
    "MeetingNotFound",
    "MeetingSummary",
    "Problem",
    "ReadOnly",
    "Repository",
    "SchemaNewer",
    "StoreError",
    "check_data",
]
