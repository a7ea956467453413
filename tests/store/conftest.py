"""Fixtures for the store tests: a data folder, a demo repository, and a
byte-for-byte picture of a folder to prove that nothing was written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bti_tui.session.demo import write_demo
from bti_tui.store import Repository

TODAY = date(2026, 3, 2)


def folder_state(folder: Path) -> dict[str, tuple[bytes | None, int, int]]:
    """Every file and folder under ``folder``: content, mode, mtime."""
    state: dict[str, tuple[bytes | None, int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            st = path.stat()
            content = path.read_bytes() if path.is_file() else None
            state[str(path.relative_to(folder))] = (content, stat.S_IMODE(st.st_mode), st.st_mtime_ns)
    return state


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def repo(data_dir: Path) -> Iterator[Repository]:
    with Repository.open(data_dir) as repository:
        yield repository


@pytest.fixture
def demo_repo(repo: Repository) -> Repository:
    write_demo(repo, TODAY, "nb")
    return repo
