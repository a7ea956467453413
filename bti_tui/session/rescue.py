"""When the data folder refuses a save (disk full, read-only, removed):
the unsaved meeting and cases written to another folder, so quitting never
loses them; and taken back into the data folder later (``bti-tui restore``,
which the app names at its next start while such a file lies in the home
folder).

A rescue file of an encrypted data folder is sealed with that folder's key
(the notes never lie in clear beside it); it opens only with that folder.
A file restored is removed: it holds confidential notes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bti_tui.model import Case, Meeting
from bti_tui.model.privacy import guard_text
from bti_tui.session.autosave import Autosaver
from bti_tui.session.rescue_files import PREFIX, rescued_files
from bti_tui.store import Repository
from bti_tui.store.codec import case_from_doc, case_to_doc, meeting_from_doc, meeting_to_doc
from bti_tui.store.crypto import PassphraseNeeded, is_sealed, key_of
from bti_tui.store.documents import to_model
from bti_tui.store.errors import DataCorrupt, DataInvalid, not_a_document
from bti_tui.store.storage import atomic_write_bytes

# The name a sealed rescue file is bound to (its associated data): any
# rescue file of the folder, wherever it was saved.
SEALED_NAME = "rescue"


def rescue_unsaved(saver: Autosaver, folder: Path, now: datetime, data_dir: Path | None = None) -> Path:
    """Write every document whose last save failed into one private file
    (0600) in ``folder``; returns its path. OSError if that fails too.
    Sealed when ``data_dir`` is encrypted."""
    documents = []
    for snapshot in saver.unsaved_documents:
        if isinstance(snapshot, Meeting):
            documents.append({"meeting": meeting_to_doc(snapshot)})
        elif isinstance(snapshot, Case):
            documents.append({"case": case_to_doc(snapshot)})
    folder = Path(folder).expanduser()
    path = folder / f"{PREFIX}{now.strftime('%Y%m%d-%H%M%S')}.json"
    data = json.dumps({"unsaved": documents}, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    key = key_of(data_dir) if data_dir is not None else None
    atomic_write_bytes(path, key.seal(SEALED_NAME, data) if key is not None else data)
    os.chmod(path, 0o600)
    return path


@dataclass
class Rescued:
    path: Path
    meetings: list[Meeting] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)


def read_rescued(path: Path, data_dir: Path) -> Rescued:
    """What a rescue file holds. A ``StoreError`` (damaged, not a rescue
    file, sealed by another folder) says what is wrong; nothing changes."""
    path = Path(path)
    raw = path.read_bytes()
    if is_sealed(raw):
        key = key_of(data_dir)
        if key is None:
            raise PassphraseNeeded(Path(data_dir))
        raw = key.open(SEALED_NAME, raw, path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DataCorrupt(path) from None
    entries = data.get("unsaved") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataInvalid(path, not_a_document())
    rescued = Rescued(path)
    for entry in entries:
        _refuse_fodselsnummer(entry)
        if isinstance(entry, dict) and "meeting" in entry:
            rescued.meetings.append(to_model(path, entry["meeting"], meeting_from_doc))
        elif isinstance(entry, dict) and "case" in entry:
            rescued.cases.append(to_model(path, entry["case"], case_from_doc))
        else:
            raise DataInvalid(path, not_a_document())
    return rescued


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _refuse_fodselsnummer(entry: Any) -> None:
    """A rescue file the app wrote holds none (notes are masked as they are
    typed), but a file may have been edited by hand: a fødselsnummer in any
    text refuses the whole file (``ValidationError``), as every field does."""
    for text in _strings(entry):
        guard_text(text)


def restore(repo: Repository, rescued: Rescued) -> None:
    """Save what was rescued into the data folder (cases first, so the
    meeting's cases are there when it is), then remove the rescue file."""
    for case in rescued.cases:
        repo.save_case(case)
    for meeting in rescued.meetings:
        repo.save_meeting(meeting)
    rescued.path.unlink()


__all__ = ["PREFIX", "Rescued", "read_rescued", "rescue_unsaved", "rescued_files", "restore"]
