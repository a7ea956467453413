"""Shared pieces for the Pilot and snapshot tests: a fixed, steerable clock
and an app on a fresh data folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ui_support import FakeClock  # noqa: E402

from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with Repository.open(tmp_path / "data") as repository:
        yield repository


@pytest.fixture
def make_app(repo: Repository, clock: FakeClock):
    def make(lang: str = "nb", projector: bool = False) -> BtiApp:
        return BtiApp(repo, lang, now=clock, projector=projector)

    return make


@pytest.fixture(autouse=True)
def own_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A home folder of the test's own: the app looks there for rescued
    notes at start, and a real one may hold some."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
