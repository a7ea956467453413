"""Shared pieces for the Pilot and snapshot tests: a fixed, steerable clock
and an app on a fresh data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp

START = datetime(2026, 11, 24, 9, 0, 0)


class FakeClock:
    """The app's ``now``: stands still unless a test moves it."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


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
