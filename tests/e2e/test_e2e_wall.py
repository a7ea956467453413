"""The real app and ``bti-tui wall`` side by side in tmux, on one data
folder: what is typed in the app is on the wall within 3 s, F8 moves the
wall's step within 2 s, the wall keeps following across a SIGKILL and
restart of the app, and it never takes the lock (a second app is refused
only because of the first)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tmux_app import BTI_TUI, TmuxApp, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is installed by `make test`")

# The deadlines of issue 21 (the wall polls every 0.4 s; the app saves at
# most 2 s after the first key of a typing run, 1 s after a pause).
TYPED_ON_WALL = 3.0
STEP_ON_WALL = 2.0


@pytest.fixture
def panes(tmp_path: Path):
    for name in ("app", "wall"):
        (tmp_path / name).mkdir()
    app, wall = TmuxApp(tmp_path / "app"), TmuxApp(tmp_path / "wall")
    yield app, wall
    app.kill()
    wall.kill()


def second_app_refused(data: Path) -> str:
    """Start another ``bti-tui`` on the folder: it must be refused (the lock)."""
    result = subprocess.run(
        [str(BTI_TUI), "--data-dir", str(data)], capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 1, result
    return result.stderr


def test_the_wall_follows_the_app(panes, tmp_path: Path) -> None:
    app, wall = panes
    data = tmp_path / "data"
    subprocess.run([str(BTI_TUI), "demo", "--no-open", "--data-dir", str(data)], check=True, capture_output=True)
    env = {"BTI_TUI_DATA_DIR": str(data)}

    wall.start("wall", env=env)
    wall.wait_for("Veggen viser møtet så snart det starter")

    app.start(env=env)
    app.wait_for("BTI-møter")
    app.keys("Enter")  # the upcoming demo meeting
    app.wait_for("Sett opp møtet")
    app.keys("F8")
    app.wait_for("Saker til møtet")
    app.keys("F8")
    app.wait_for("Hensikt")
    app.keys("F5")  # the clock starts: the meeting runs
    wall.wait_for("Saker i dag: Sak 1", timeout=5)  # found at the next listing (every 3 s)

    app.keys("F8")
    app.wait_for("Gjennomgang av avtaler")  # case 1 (AB) met again: the review comes first
    app.keys("F8")
    app.wait_for("Problemstilling og mål")  # case 1 (AB, met again) has consent
    screen = wall.wait_for("steg 1 av 9", timeout=STEP_ON_WALL)
    assert "Sak 1: AB" in screen  # the case being discussed: its initials

    app.type("Skrevet live i appen")
    wall.wait_for("Skrevet live i appen", timeout=TYPED_ON_WALL)
    app.keys("F8")
    app.wait_for("Kort presentasjon av situasjonen")
    wall.wait_for("steg 2 av 9", timeout=STEP_ON_WALL)

    # Refused because of the app, not the wall: after the app is gone it opens.
    assert "allerede åpnet av en annen bti-tui" in second_app_refused(data)

    os.kill(app.pid(), signal.SIGKILL)
    deadline = time.monotonic() + 5
    while not app.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert app.dead()
    time.sleep(1.0)  # a few ticks of the wall with the writer gone
    assert not wall.dead()
    assert "steg 2 av 9" in wall.screen()

    app.start(env=env)  # the wall holds no lock: the app opens the folder again
    app.wait_for("Kort presentasjon av situasjonen")  # it reopens the running meeting on its step
    app.type("Etter omstart")
    wall.wait_for("Etter omstart", timeout=TYPED_ON_WALL)
    app.keys("F8")
    wall.wait_for("steg 3 av 9", timeout=STEP_ON_WALL)
    app.keys("C-q")
    assert not wall.dead()
