"""`bti-tui export -o`: `-` and /dev/stdout are standard output, devices are
written through, links are not replaced; no terminal control sequence from
typed text reaches the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BTI_TUI = Path(sys.executable).parent / "bti-tui"
# The tests name /dev/stdout and /dev/null through links of their own: a
# broken export run as root would replace the link in tmp, not the device
# (the code before this fix replaced /dev/null with a file).


def run(*args: str, stdout: int | object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BTI_TUI_")}
    env["BTI_TUI_LANG"] = "en"
    return subprocess.run([str(BTI_TUI), *args], stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=60)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "data"
    assert run("demo", "--no-open", "--data-dir", str(folder)).returncode == 0
    path = folder / "meetings" / "demo-ferdig.json"
    doc = json.loads(path.read_bytes())
    doc["document"]["1"]["place"] = "Rom \x1b]0;pwned\x07\x1b[31m9\x1b[0m\x9b2J"
    path.write_text(json.dumps(doc), "utf-8")
    return folder


def test_dash_is_stdout(data: Path) -> None:
    result = run("export", "demo-ferdig", "--data-dir", str(data), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"# ") and not (Path.cwd() / "-").exists()


def _link(tmp_path: Path, to: str) -> str:
    if not Path(to).exists():
        pytest.skip(f"no {to}")
    link = tmp_path / Path(to).name
    link.symlink_to(to)
    return str(link)


@pytest.mark.parametrize("output", [None, "-", "/dev/stdout"])
def test_no_control_sequence_reaches_stdout(data: Path, tmp_path: Path, output: str | None) -> None:
    if output == "/dev/stdout":
        output = _link(tmp_path, output)
    result = run("export", "demo-ferdig", "--data-dir", str(data), *(["-o", output] if output else []))
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")
    assert "Rom " in text and "9" in text
    assert not any(ch in text for ch in "\x1b\x07\x9b")


def test_dev_stdout_redirected_to_a_file_is_written_not_replaced(data: Path, tmp_path: Path) -> None:
    stdout = _link(tmp_path, "/dev/stdout")
    out = tmp_path / "out.md"
    with open(out, "wb") as handle:
        inode = os.fstat(handle.fileno()).st_ino
        result = run("export", "demo-ferdig", "--data-dir", str(data), "-o", stdout, stdout=handle)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"# ") and out.stat().st_ino == inode
    assert Path(stdout).is_symlink()


def test_dev_null_stays_a_device(data: Path, tmp_path: Path) -> None:
    null = _link(tmp_path, "/dev/null")
    result = run("export", "demo-ferdig", "--data-dir", str(data), "-o", null)
    assert result.returncode == 0, result.stderr
    assert Path(null).is_symlink() and not Path("/dev/null").is_file()


def test_a_link_to_a_file_is_refused_with_a_message(data: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.md"
    mine.write_bytes(b"mine")
    link = tmp_path / "referat.md"
    link.symlink_to(mine)
    result = run("export", "demo-ferdig", "--data-dir", str(data), "-o", str(link))
    assert result.returncode == 1
    assert f"{link} is a symbolic link" in result.stderr.decode() and b"Traceback" not in result.stderr
    assert link.is_symlink() and mine.read_bytes() == b"mine"


def test_a_file_gets_the_clean_text_too(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert run("export", "demo-ferdig", "--data-dir", str(data), "-o", str(out)).returncode == 0
    assert b"\x1b" not in out.read_bytes() and (out.stat().st_mode & 0o777) == 0o600
