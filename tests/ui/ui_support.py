"""Test helpers shared by tests/ui (importable; conftest is not)."""

from __future__ import annotations

from datetime import datetime, timedelta

START = datetime(2026, 11, 24, 9, 0, 0)


class FakeClock:
    """The app's ``now``: stands still unless a test moves it."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)
