"""The real app in tmux at 120×40: type notes, SIGKILL the process, start it
again, and find the meeting on the same step with the notes."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from tmux_app import BTI_TUI, TmuxApp, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is installed by `make test`")


@pytest.fixture
def tmux(tmp_path: Path):
    app = TmuxApp(tmp_path)
    yield app
    app.kill()


def test_notes_and_step_survive_kill_9(tmux: TmuxApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run([str(BTI_TUI), "demo", "--no-open", "--data-dir", str(data)], check=True, capture_output=True)
    env = {"BTI_TUI_DATA_DIR": str(data)}
    tmux.start(env=env)
    tmux.wait_for("BTI-møter")
    tmux.keys("Enter")  # the upcoming demo meeting: newest first
    tmux.wait_for("Sett opp møtet")
    tmux.keys("F8")
    tmux.wait_for("Saker til møtet")
    tmux.keys("F8")
    tmux.wait_for("Hensikt")
    tmux.keys("F5")  # start the clock
    tmux.keys("F8")
    tmux.wait_for("Gjennomgang av avtaler")  # case 1 (AB) met again: the review comes first
    tmux.keys("F8")
    tmux.wait_for("Problemstilling og mål")  # case 1: AB, met again, with consent
    tmux.type("Første notat om målet")
    time.sleep(0.5)
    tmux.keys("F8")
    tmux.wait_for("Kort presentasjon av situasjonen")
    tmux.type("Andre notat skrevet live")
    tmux.wait_for("Andre notat skrevet live")
    time.sleep(2.5)  # typed more than 2 seconds before the kill
    os.kill(tmux.pid(), signal.SIGKILL)
    deadline = time.monotonic() + 5
    while not tmux.dead() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tmux.dead()

    tmux.start(env=env)
    # The running meeting reopens by itself, on the step it was on.
    screen = tmux.wait_for("Andre notat skrevet live")
    assert "Situasjonen" in screen
    assert "Sak 1: AB" in screen
    # The clock kept its log: still started, not back to "not started".
    assert "Ikke startet" not in screen
    tmux.keys("F7")
    tmux.wait_for("Første notat om målet")
    tmux.keys("C-q")
