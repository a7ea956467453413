"""``bti-tui check``: everything wrong in a data folder, read-only.

Needs no lock, creates nothing, writes nothing: it may run while the app
is open, and a damaged file stays byte for byte as it was.
"""

from __future__ import annotations

from pathlib import Path

from bti_tui.model import Meeting
from bti_tui.store.documents import (
    CASES,
    FOLDERS,
    LOG_NAME,
    PREFERENCES,
    Problem,
    json_files,
    model_of,
    read_document,
)
from bti_tui.store.convert import crypto_problems
from bti_tui.store.errors import NotAFolder, StoreError, Unreadable
from bti_tui.store.housekeeping import private_folders, stale_temps, wide_modes
from bti_tui.store.preferences import clean_preferences
from bti_tui.store.retention import archive_problems
from bti_tui.store.storage import DEFAULT_MAX_BYTES


def _folder_problems(data_dir: Path) -> list[Problem]:
    """Folders that are not folders, or that cannot be listed."""
    problems: list[Problem] = []
    for folder in private_folders(data_dir)[1:]:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            problems.append(Problem(folder, "store.not_regular", {"path": str(folder)}))
    log = data_dir / LOG_NAME  # the app appends to it: a link would take its lines elsewhere
    if log.is_symlink() or (log.exists() and not log.is_file()):
        problems.append(Problem(log, "store.not_regular", {"path": str(log)}))
    for folder in private_folders(data_dir):
        if folder == data_dir or (folder.is_dir() and not folder.is_symlink()):
            try:
                next(folder.iterdir(), None)
            except OSError as exc:
                problems.append(Problem.of(folder, Unreadable(folder, exc.strerror or str(exc))))
    return problems


def _file_problems(data_dir: Path, max_bytes: int) -> list[Problem]:
    """Every meeting, case, plan, queued case and the preferences, read as
    the app reads them."""
    problems: list[Problem] = []
    case_ids = {path.stem for path in json_files(data_dir / CASES)}
    files = [(path, kind) for kind, folder in FOLDERS.items() for path in json_files(data_dir / folder)]
    files.append((data_dir / PREFERENCES, "preferences"))
    for path, kind in files:
        try:
            doc = read_document(path, kind, max_bytes=max_bytes)
            if doc is None:
                continue  # no preferences saved, or removed while we looked
            if kind == "preferences":
                problems += clean_preferences(path, doc)[1]
                continue
            obj = model_of(path, doc, kind)
        except StoreError as exc:
            problems.append(Problem.of(path, exc))
            continue
        if isinstance(obj, Meeting):
            for case_id in obj.case_ids:
                if case_id not in case_ids:
                    problems.append(Problem(path, "store.case_missing", {"path": str(path), "case_id": case_id}))
    return problems


def check_data(data_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Everything wrong in ``data_dir``: unreadable, truncated, too large or
    linked files, files from a newer app, documents that do not fit the
    model, meetings naming a missing case, unknown preferences, folders and
    files others may read (``referat/`` included), temp files left by a
    crash (not those of a save in progress in a running app); in an
    encrypted folder (given its passphrase: ``crypto.unlock``), an
    interrupted conversion and files left in clear. Needs no lock,
    creates nothing, writes nothing."""
    data_dir = Path(data_dir)
    if not data_dir.exists():
        return []
    if not data_dir.is_dir():
        return [Problem.of(data_dir, NotAFolder(data_dir))]
    problems = crypto_problems(data_dir)  # encrypted: the passphrase first (unlock)
    if any(p.key in ("crypto.passphrase_needed", "crypto.config_damaged") for p in problems):
        return problems
    problems += _folder_problems(data_dir)
    problems += _file_problems(data_dir, max_bytes)
    problems += archive_problems(data_dir, max_bytes)
    for path, mode in wide_modes(data_dir):
        key = "store.folder_permissions" if path.is_dir() else "store.permissions"
        problems.append(Problem(path, key, {"path": str(path), "mode": oct(mode)}))
    for path in stale_temps(data_dir):
        problems.append(Problem(path, "store.leftover_temp", {"path": str(path)}))
    return problems
