"""Referat files exported from the app: ``<data>/referat/<name>``, written
atomically and readable by the owner only, like the data itself."""

from __future__ import annotations

from pathlib import Path

from bti_tui.store.storage import atomic_write_bytes, ensure_private_dir

EXPORTS = "referat"


def write_export(data_dir: Path, name: str, text: str) -> Path:
    if Path(name).name != name or name.startswith("."):
        raise ValueError(f"not a plain file name: {name!r}")
    folder = ensure_private_dir(data_dir / EXPORTS)
    path = folder / name
    atomic_write_bytes(path, text.encode("utf-8"))
    return path.resolve()
