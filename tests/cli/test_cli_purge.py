"""``bti-tui archived`` and ``bti-tui purge``: lists first, asks on a
terminal, needs --yes without one, --dry-run removes nothing, bad input
exits 1 with a message and changes nothing."""

from __future__ import annotations

import builtins
import hashlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.store import Repository
from bti_tui.store.convert import encrypt_folder
from bti_tui.store.crypto import KdfParams, forget_all
from bti_tui.store.retention import load_marks

FNR = "15031200188"  # a valid fødselsnummer (tests/model/fnr_helpers.py)
LATER = "2100-01-01"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    forget_all()
    yield
    forget_all()


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    # The demo's child is met again in the upcoming meeting (issue 16), which
    # keeps it open; taken off, the finished meeting and its cases are what
    # retention may remove.
    with Repository.open(folder) as repo:
        upcoming = repo.load_meeting("demo-neste")
        upcoming.slots[0].case_id = None
        repo.save_meeting(upcoming)
    return folder


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dry_run_lists_and_removes_nothing(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(demo)
    code, out, _ = run(capsys, "purge", "--before", LATER, "--dry-run", "--data-dir", str(demo))
    assert code == 0
    assert "demo-ferdig" in out and "demo-sak-1" in out and "demo-neste" not in out
    assert "Prøvekjøring: ingenting er slettet." in out
    assert hashes(demo) == before


def test_without_a_terminal_and_without_yes_it_lists_and_exits_1(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(demo)
    code, out, err = run(capsys, "purge", "--before", LATER, "--data-dir", str(demo))
    assert code == 1 and "demo-ferdig" in out and "--yes" in err
    assert hashes(demo) == before


@pytest.mark.parametrize(("answer", "removed"), [("n", False), ("", False), ("j", True), ("JA", True)])
def test_on_a_terminal_it_asks(demo: Path, monkeypatch: pytest.MonkeyPatch, answer: str, removed: bool, capsys: pytest.CaptureFixture[str]) -> None:
    prompts: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt: prompts.append(prompt) or answer)
    code, out, _ = run(capsys, "purge", "--before", LATER, "--data-dir", str(demo))
    assert code == 0 and prompts == ["Slette dette for godt? Skriv j for ja [j/N]: "]
    assert (demo / "meetings" / "demo-ferdig.json").exists() is not removed
    assert ("Slettet 1 møte, 2 saker, 0 eksporterte referater" in out) is removed


def test_yes_removes_what_was_listed_and_reports_it(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Repository.open(demo, read_only=True) as repo:
        finished_day = repo.load_meeting("demo-ferdig").date
    (demo / "referat").mkdir(mode=0o700)
    export = demo / "referat" / f"{finished_day.isoformat()}-referat.md"  # the app's own export
    export.write_text("referat")
    export.chmod(0o600)
    day = demo / "meetings" / "demo-ferdig.json"
    code, out, _ = run(capsys, "--lang", "en", "purge", "--before", LATER, "--yes", "--data-dir", str(demo))
    assert code == 0 and str(export) in out
    assert f"Deleted 1 meeting, 2 cases, 1 exported referat from {demo}, with their backups." in out
    assert not day.exists() and not export.exists() and (demo / "meetings" / "demo-neste.json").exists()
    assert run(capsys, "check", "--data-dir", str(demo))[0] == 0


def test_nothing_to_purge_says_so(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "purge", "--before", "2000-01-01", "--yes", "--data-dir", str(demo))
    assert code == 0 and "Ingenting å slette før 01.01.2000" in out


def test_archived_only_needs_a_mark(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "purge", "--before", LATER, "--archived-only", "--yes", "--data-dir", str(demo))
    assert code == 0 and "Ingenting å slette" in out
    code, out, _ = run(capsys, "archived", "demo-ferdig", "--date", "01.12.2026", "--ref", "ESA 2026/1234", "--data-dir", str(demo))
    assert code == 0 and out.strip() == "Møtet demo-ferdig er merket som arkivert i ESA 01.12.2026 (ESA 2026/1234)."
    code, out, _ = run(capsys, "purge", "--before", LATER, "--archived-only", "--yes", "--data-dir", str(demo))
    assert code == 0 and "Slettet 1 møte, 0 saker" in out
    assert load_marks(demo) == {}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["purge", "--before", "31.02.2025"], "31.02.2025"),
        (["archived", "demo-ferdig", "--ref", "   "], "Arkivreferansen er tom"),
        (["archived", "demo-ferdig", "--ref", f"ESA {FNR}"], "fødselsnummer"),
        (["archived", "finnes-ikke", "--ref", "ESA 1"], "finnes-ikke"),
        (["archived", "demo-ferdig", "--ref", "ESA 1", "--date", "i går"], "DD.MM.ÅÅÅÅ"),
    ],
)
def test_bad_input_exits_1_with_a_message_and_changes_nothing(demo: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(demo)
    code, _, err = run(capsys, *argv, "--data-dir", str(demo))
    assert code == 1 and message in err
    assert hashes(demo) == before


def test_purge_in_an_encrypted_folder_takes_the_passphrase(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    encrypt_folder(demo, "korrekt hest batteri", kdf=KdfParams(n=2**10))
    forget_all()
    pass_file = tmp_path / "p"
    pass_file.write_text("korrekt hest batteri")
    before = hashes(demo)
    assert run(capsys, "purge", "--before", LATER, "--yes", "--data-dir", str(demo))[0] == 1
    assert hashes(demo) == before
    code, out, _ = run(capsys, "purge", "--before", LATER, "--yes", "--data-dir", str(demo), "--passphrase-file", str(pass_file))
    assert code == 0 and "Slettet 1 møte" in out
