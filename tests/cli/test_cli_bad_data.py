"""Damaged files and odd folders: `check`, `list`, `export` and `demo` give
a message in the user's language and exit 1, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.store import Repository

BTI_TUI = Path(sys.executable).parent / "bti-tui"
DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)


@pytest.fixture
def demo_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def _newer(path: Path) -> bytes:
    data = json.loads(path.read_bytes())
    data["_meta"]["1"]["schema"] = 99
    return json.dumps(data).encode()


def _wrong_type(path: Path) -> bytes:
    data = json.loads(path.read_bytes())
    data["document"]["1"]["date"] = 20260302
    return json.dumps(data).encode()


DAMAGE = {
    "deeply nested": lambda p: DEEP,
    "a list": lambda p: b"[1, 2]",
    "a string": lambda p: b'"x"',
    "wrong value types": _wrong_type,
    "a newer schema": _newer,
    "invalid UTF-8": lambda p: b"\xff" + p.read_bytes(),
    "too large": lambda p: p.read_bytes() + b" " * (21 * 1024 * 1024),
}
# A word every message of the case has, per language.
WORDS = {
    "nb": ("Filen", "Fila"),
    "nn": ("Fila", "Filen"),
    "en": ("The file", "Fila"),
}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_each_damaged_file_gives_a_message_and_exit_1(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], damage: str, lang: str
) -> None:
    path = demo_dir / "meetings" / "demo-ferdig.json"
    path.write_bytes(DAMAGE[damage](path))
    word, other = WORDS[lang]
    for verb in (["check"], ["export", "demo-ferdig"]):
        assert cli.main([*verb, "--data-dir", str(demo_dir), "--lang", lang]) == 1, verb
        err = capsys.readouterr().err
        assert str(path) in err and word in err and other not in err, (verb, err)
    assert cli.main(["list", "--data-dir", str(demo_dir), "--lang", lang]) == 1
    assert "demo-neste" in capsys.readouterr().out


def test_a_deeply_nested_file_in_a_real_process(demo_dir: Path) -> None:
    (demo_dir / "meetings" / "demo-ferdig.json").write_bytes(DEEP)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BTI_TUI_")}
    for verb in (["check"], ["list"], ["export", "demo-ferdig"]):
        result = subprocess.run(
            [str(BTI_TUI), *verb, "--data-dir", str(demo_dir), "--lang", "en"],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert result.returncode == 1, (verb, result.stderr)
        assert "Traceback" not in result.stderr
        assert ("bti-tui check" if verb == ["list"] else "demo-ferdig.json") in result.stderr


# --- odd folders -------------------------------------------------------------------------
@pytest.mark.parametrize("verb", [["check"], ["list"], ["export", "x"], ["demo", "--no-open"]])
def test_a_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], verb: list[str]) -> None:
    data = tmp_path / "data"
    data.write_bytes(b"not a folder")
    assert cli.main([*verb, "--data-dir", str(data), "--lang", "en"]) == 1
    assert f"The data folder {data} is a file" in capsys.readouterr().err
    assert data.read_bytes() == b"not a folder"


def test_the_app_on_a_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's path: cli main -> run_app -> Repository.open."""
    import types

    module = types.ModuleType("bti_tui.ui.start")

    def run_app(data_dir: Path, lang: str | None) -> int:
        with Repository.open(data_dir):
            return 0

    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bti_tui.ui.start", module)
    data = tmp_path / "data"
    data.write_bytes(b"")
    assert cli.main(["--data-dir", str(data), "--lang", "nn"]) == 1
    assert f"Datamappa {data} er ei fil" in capsys.readouterr().err


def test_a_read_only_data_folder(demo_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (demo_dir / ".lock").unlink()
    demo_dir.chmod(0o500)
    real_access = os.access
    if os.geteuid() == 0:  # root may write anywhere: pretend the folder is on a read-only disk
        monkeypatch.setattr(os, "access", lambda p, m, **kw: False if Path(p) == demo_dir else real_access(p, m, **kw))
    try:
        assert cli.main(["demo", "--no-open", "--data-dir", str(demo_dir), "--lang", "en"]) == 1
    finally:
        demo_dir.chmod(0o700)
    assert f"bti-tui cannot write in the data folder {demo_dir}" in capsys.readouterr().err
    assert not (demo_dir / ".lock").exists()


def test_a_lock_file_that_is_a_symlink(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"keep me")
    target.chmod(0o644)
    (demo_dir / ".lock").unlink()
    (demo_dir / ".lock").symlink_to(target)
    assert cli.main(["demo", "--no-open", "--data-dir", str(demo_dir), "--lang", "en"]) == 1
    assert f"The lock file {demo_dir / '.lock'} is a symbolic link" in capsys.readouterr().err
    assert target.read_bytes() == b"keep me" and target.stat().st_mode & 0o777 == 0o644


def test_a_lock_file_that_cannot_be_read(demo_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    lock = demo_dir / ".lock"
    lock.chmod(0o000)
    if os.geteuid() == 0:  # root reads anything: let the OS refuse as it would anyone else
        real_open = os.open

        def refuse(path, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            if Path(path) == lock:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    assert cli.main(["demo", "--no-open", "--data-dir", str(demo_dir), "--lang", "nb"]) == 1
    assert f"bti-tui får ikke lese {lock}" in capsys.readouterr().err


def test_a_disk_that_refuses_a_save(demo_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    assert cli.main(["demo", "--no-open", "--data-dir", str(demo_dir), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Could not save" in err and os.strerror(errno.ENOSPC) in err
