"""``bti-tui check``: everything wrong in a data folder, read-only.

Needs no lock, creates nothing, writes nothing: it may run while the app
is open, and a damaged file stays byte for byte as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bti_tui.model import Meeting
from bti_tui.store.codec import case_from_doc, meeting_from_doc
from bti_tui.store.errors import DataCorrupt, DataInvalid, StoreError
from bti_tui.store.lock import LOCK_NAME
from bti_tui.store.repository import (
    CASES,
    MEETINGS,
    PREFERENCES,
    Problem,
    _json_files,
    _to_model,
    decode_file,
)
from bti_tui.store.storage import FILE_MODE, file_mode, read_json_file


def check_data(data_dir: Path) -> list[Problem]:
    """Everything wrong in ``data_dir``: unreadable or truncated files, files
    from a newer app, documents that do not fit the model, meetings naming a
    missing case, files or folders others may read, temp files left by a
    crash. Needs no lock, creates nothing, writes nothing."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    if not data_dir.is_dir():
        return problems

    for folder in (data_dir, data_dir / MEETINGS, data_dir / CASES):
        if folder.is_dir() and file_mode(folder) & 0o077:
            problems.append(Problem(folder, "store.folder_permissions", {"path": str(folder), "mode": oct(file_mode(folder))}))

    files: list[tuple[Path, str, Callable[[Any], Any]]] = [
        (path, "meeting", meeting_from_doc) for path in _json_files(data_dir / MEETINGS)
    ]
    files += [(path, "case", case_from_doc) for path in _json_files(data_dir / CASES)]
    if (data_dir / PREFERENCES).is_file():
        files.append((data_dir / PREFERENCES, "preferences", dict))

    case_ids = {path.stem for path in _json_files(data_dir / CASES)}
    for path, kind, read in files:
        try:
            data = read_json_file(path)
            if data is None:
                raise DataCorrupt(path)  # empty: truncated
            if not isinstance(data, dict):
                raise DataInvalid(path, "not a JSON object")
            obj = _to_model(path, decode_file(path, data, kind), read)
        except StoreError as exc:
            problems.append(Problem(path, exc.key, dict(exc.params)))
            obj = None
        if kind != "preferences" and obj is not None and obj.id != path.stem:
            problems.append(Problem(path, "store.id_mismatch", {"path": str(path), "id": obj.id}))
        if isinstance(obj, Meeting):
            for case_id in obj.case_ids:
                if case_id not in case_ids:
                    problems.append(Problem(path, "store.case_missing", {"path": str(path), "case_id": case_id}))

    for folder in (data_dir, data_dir / MEETINGS, data_dir / CASES):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.name == LOCK_NAME:
                continue
            if path.name.startswith(".") and (path.name.endswith(".tmp") or path.name.endswith(".bak-tmp")):
                problems.append(Problem(path, "store.leftover_temp", {"path": str(path)}))
            elif file_mode(path) != FILE_MODE:
                problems.append(Problem(path, "store.permissions", {"path": str(path), "mode": oct(file_mode(path))}))
    return problems
