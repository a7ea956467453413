"""The installed ``bti-tui`` command, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bti_tui.store import Repository

BTI_TUI = Path(sys.executable).parent / "bti-tui"


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BTI_TUI_")}
    env["BTI_TUI_LANG"] = lang
    return subprocess.run([str(BTI_TUI), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "data"
    result = run("demo", "--no-open", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def test_demo_then_list_json(demo_dir: Path) -> None:
    result = run("list", "--data-dir", str(demo_dir), "--json")
    assert result.returncode == 0, result.stderr
    assert [m["id"] for m in json.loads(result.stdout)] == ["demo-neste", "demo-ferdig"]


def test_the_data_is_private(demo_dir: Path) -> None:
    for path in [demo_dir, *demo_dir.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path


def test_a_second_app_on_the_same_folder_is_refused(demo_dir: Path) -> None:
    with Repository.open(demo_dir):
        result = run("--data-dir", str(demo_dir))
    assert result.returncode == 1
    assert f"The data folder {demo_dir} is already open in another bti-tui" in result.stderr


def test_check_on_a_truncated_file_exits_1_and_leaves_it_byte_for_byte(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run("demo", "--no-open", "--data-dir", str(folder)).returncode == 0
    path = folder / "cases" / "demo-sak-1.json"
    path.write_bytes(path.read_bytes()[:57])
    before = path.read_bytes()
    result = run("check", "--data-dir", str(folder), lang="nb")
    assert result.returncode == 1
    assert str(path) in result.stderr and "Gjør dette" in result.stderr
    assert "Ingen filer er endret" in result.stderr
    assert path.read_bytes() == before


def test_list_does_not_import_textual(demo_dir: Path) -> None:
    code = (
        "import sys; from bti_tui.cli import main; rc = main(['list', '--data-dir', sys.argv[1]]);"
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(demo_dir)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_command_imports_no_verb_s_model_before_it_opens_the_app(demo_dir: Path) -> None:
    """Issue 20: building the parser needs each verb's options, not its
    models: `bti-tui` with no verb opens the app having imported only what
    its first screen needs (the plan, queue, case models and the session's
    case book come with their verbs)."""
    code = (
        "import sys; import bti_tui.cli as cli; cli._parser(cli.Translator('nb'));"
        "import bti_tui.store.housekeeping;"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('bti_tui'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    for heavy in ("bti_tui.model.plan", "bti_tui.model.queue", "bti_tui.model.case", "bti_tui.model.agreement", "bti_tui.session.cases", "bti_tui.store.check"):
        assert heavy not in loaded, heavy


FIRST_FRAME = """
import os, sys, textual.app
display = textual.app.App._display
def first_frame(app, screen, renderable):
    if renderable is not None and type(screen).__name__ == "HomeScreen":
        print(" ".join(sorted(sys.modules)), flush=True)
        os._exit(0)
    return display(app, screen, renderable)
textual.app.App._display = first_frame
run = textual.app.App.run
textual.app.App.run = lambda self, *a, **k: run(self, headless=True)
from bti_tui.cli import main
main(["--data-dir", sys.argv[1]])
"""


def test_the_first_frame_waits_for_no_verb_no_model_and_no_meeting_file(demo_dir: Path) -> None:
    """Issue 20: `bti-tui` alone draws the home screen before it imports any
    verb's module, the meeting model, the meeting kinds or the codec; the
    list is filled after that frame (tests/ui/test_ui_meeting_list.py)."""
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(demo_dir)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert "bti_tui.ui.screens.home" in loaded  # the frame was the home screen's
    for later in (
        "bti_tui.cli_cases", "bti_tui.cli_purge", "bti_tui.cli_queue", "bti_tui.cli_restore", "bti_tui.cli_wall",
        "bti_tui.model.meeting", "bti_tui.model.kind", "bti_tui.store.codec", "cattrs", "bti_tui.referat", "rich._emoji_codes",
    ):
        assert later not in loaded, later


def test_python_dash_m(demo_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bti_tui.cli", "list", "--data-dir", str(demo_dir), "--json"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 2
