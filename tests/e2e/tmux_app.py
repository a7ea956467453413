"""Drive the real ``bti-tui`` in a tmux pane, on a tmux server of our own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BTI_TUI = Path(sys.executable).with_name("bti-tui")


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class TmuxApp:
    def __init__(self, workdir: Path, width: int = 120, height: int = 40) -> None:
        self.socket = f"bti-e2e-{os.getpid()}-{id(self)}"
        self.conf = workdir / "tmux.conf"
        self.conf.write_text("set -g remain-on-exit on\nset -g history-limit 5000\n", encoding="utf-8")
        self.width, self.height = width, height
        self.session = "bti"

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def start(self, *args: str, env: dict[str, str] | None = None) -> None:
        exports = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        command = f"exec env {exports} TERM=xterm-256color {BTI_TUI} {' '.join(args)}"
        if self._has_session():
            self.tmux("respawn-pane", "-k", "-t", self.session, command)
        else:
            self.tmux("new-session", "-d", "-s", self.session, "-x", str(self.width), "-y", str(self.height), command)

    def _has_session(self) -> bool:
        try:
            self.tmux("has-session", "-t", self.session)
        except subprocess.CalledProcessError:
            return False
        return True

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-t", self.session, "-F", "#{pane_pid}").split()[0])

    def dead(self) -> bool:
        return self.tmux("list-panes", "-t", self.session, "-F", "#{pane_dead}").strip() == "1"

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            if self.dead():
                break
            time.sleep(0.2)
        history = self.tmux("capture-pane", "-p", "-S", "-", "-t", self.session)
        raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{history}")

    def kill(self) -> None:
        try:
            self.tmux("kill-server")
        except subprocess.CalledProcessError:
            pass
