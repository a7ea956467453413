"""When the data folder refuses a save (disk full, read-only, removed):
the unsaved meeting and cases written to another folder, so quitting never
loses them."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from bti_tui.model import Case, Meeting
from bti_tui.session.autosave import Autosaver
from bti_tui.store.codec import case_to_doc, meeting_to_doc
from bti_tui.store.storage import atomic_write_bytes


def rescue_unsaved(saver: Autosaver, folder: Path, now: datetime) -> Path:
    """Write every document whose last save failed into one private JSON
    file (0600) in ``folder``; returns its path. OSError if that fails too."""
    documents = []
    for snapshot in saver.unsaved_documents:
        if isinstance(snapshot, Meeting):
            documents.append({"meeting": meeting_to_doc(snapshot)})
        elif isinstance(snapshot, Case):
            documents.append({"case": case_to_doc(snapshot)})
    folder = Path(folder).expanduser()
    path = folder / f"bti-tui-ulagret-{now.strftime('%Y%m%d-%H%M%S')}.json"
    data = json.dumps({"unsaved": documents}, ensure_ascii=False, indent=1, sort_keys=True)
    atomic_write_bytes(path, data.encode("utf-8"))
    os.chmod(path, 0o600)
    return path
