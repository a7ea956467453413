"""Where rescued notes lie, and how they are named: what the app asks at
start, without the codec and the store that reading them needs
(``session/rescue.py``; issue 20: the check ran right after the first
frame and imported some 0.09 s of modules)."""

from __future__ import annotations

from pathlib import Path

PREFIX = "bti-tui-ulagret-"


def rescued_files(folder: Path) -> list[Path]:
    """The rescue files lying in ``folder`` (the home folder by default),
    oldest first."""
    try:
        return sorted(p for p in Path(folder).glob(f"{PREFIX}*.json") if p.is_file())
    except OSError:
        return []
