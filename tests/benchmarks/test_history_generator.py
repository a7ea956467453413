"""benchmarks/history.py (issue 20): the same seed gives the same bytes,
and ``bti-tui check`` passes on what it writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "benchmarks" / "history.py"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BTI_TUI_")}
    env["PYTHONPATH"] = str(ROOT)
    env["BTI_TUI_LANG"] = "en"
    return env


def generate(folder: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--data-dir", str(folder), *args],
        capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (dot files, backups and the lock included), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("history")
    first, second = base / "first", base / "second"
    generate(first, "--years", "2", "--seed", "7")
    generate(second, "--years", "2", "--seed", "7")
    return first, second


def test_the_same_seed_writes_the_same_bytes(two_years: tuple[Path, Path]) -> None:
    first, second = (files(folder) for folder in two_years)
    assert len(first) > 300  # 128 meetings, 200 cases, the index, their backups
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_another_seed_writes_other_bytes(two_years: tuple[Path, Path], tmp_path: Path) -> None:
    generate(tmp_path / "other", "--years", "2", "--seed", "8")
    assert files(tmp_path / "other") != files(two_years[0])


def test_skipping_fsync_changes_no_byte(tmp_path: Path) -> None:
    """The generator skips fsync for speed unless --fsync: the store writes the same bytes either way."""
    generate(tmp_path / "fast", "--years", "1")
    generate(tmp_path / "durable", "--years", "1", "--fsync")
    assert files(tmp_path / "fast") == files(tmp_path / "durable")


def test_bti_tui_check_passes_on_it(two_years: tuple[Path, Path]) -> None:
    before = files(two_years[0])
    result = subprocess.run(
        [sys.executable, "-m", "bti_tui.cli", "--data-dir", str(two_years[0]), "check"],
        capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "128 meetings" in result.stdout and "200 cases" in result.stdout
    assert files(two_years[0]) == before  # check reads only


def test_a_folder_not_empty_is_refused(tmp_path: Path) -> None:
    (tmp_path / "something").write_text("here before")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--data-dir", str(tmp_path), "--years", "1"],
        capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60,
    )
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["something"]
