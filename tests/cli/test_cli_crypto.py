"""Encryption at rest through the command: encrypt, decrypt, --encrypt,
--passphrase-file for every verb, a prompt on a terminal, exit 1 with a
message (and no byte changed) for a wrong or missing passphrase."""

from __future__ import annotations

import getpass
import hashlib
import io
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.store import Repository
from bti_tui.store.convert import encrypt_folder, store_files
from bti_tui.store.crypto import CONFIG_NAME, KdfParams, forget_all, is_sealed

PASS = "korrekt hest batteri stift"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no terminal unless a test says so
    forget_all()
    yield
    forget_all()


@pytest.fixture
def pass_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n")
    return path


@pytest.fixture
def wrong_file(tmp_path: Path) -> Path:
    path = tmp_path / "wrong.txt"
    path.write_text("feil passfrase her\n")
    return path


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    return folder


@pytest.fixture
def encrypted(plain: Path) -> Path:
    encrypt_folder(plain, PASS, kdf=KdfParams(n=2**10))  # fast; the folder records it
    forget_all()
    return plain


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    forget_all()  # each command is a new process
    out = capsys.readouterr()
    return code, out.out, out.err


# --- encrypt and decrypt --------------------------------------------------------------------
def test_encrypt_then_every_reader_needs_the_passphrase_then_decrypt(plain: Path, pass_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "encrypt", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and "Krypterte 9 filer" in out and "Ta godt vare på passfrasen" in out  # the case index too
    assert all(is_sealed(p.read_bytes()) for p in store_files(plain))
    code, out, _ = run(capsys, "list", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and "demo-ferdig" in out
    code, out, _ = run(capsys, "check", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and "Alt i orden" in out
    code, out, _ = run(capsys, "decrypt", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and "ikke lenger kryptert" in out
    assert not (plain / CONFIG_NAME).exists() and not any(is_sealed(p.read_bytes()) for p in store_files(plain))
    assert run(capsys, "list", "--data-dir", str(plain))[0] == 0


def test_every_reading_verb_works_with_the_passphrase_file(encrypted: Path, pass_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = ["--data-dir", str(encrypted), "--passphrase-file", str(pass_file)]
    code, out, _ = run(capsys, "export", "demo-ferdig", *folder)
    assert code == 0 and "# Referat" in out
    target = tmp_path / "ut.md"
    assert run(capsys, "export", "demo-ferdig", "-o", str(target), *folder)[0] == 0
    assert target.read_text("utf-8").startswith("# Referat")  # the user's export: in clear
    code, out, _ = run(capsys, "plan", "list", *folder)
    assert code == 0 and "demo-plan" in out
    # Given before the verb, too.
    code, out, _ = run(capsys, "--passphrase-file", str(pass_file), "--data-dir", str(encrypted), "list")
    assert code == 0 and "demo-neste" in out


@pytest.mark.parametrize("verb", [["list"], ["check"], ["export", "demo-ferdig"], ["plan", "list"], ["decrypt"], ["encrypt"], ["demo", "--no-open"]])
def test_a_wrong_passphrase_exits_1_with_a_message_and_changes_no_byte(encrypted: Path, wrong_file: Path, verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(encrypted)
    code, out, err = run(capsys, *verb, "--data-dir", str(encrypted), "--passphrase-file", str(wrong_file))
    assert code == 1 and out == ""
    assert "Feil passfrase" in err and "Ingenting er lest eller endret" in err
    assert hashes(encrypted) == before


@pytest.mark.parametrize("verb", [["list"], ["check"], ["export", "demo-ferdig"], ["decrypt"]])
def test_no_passphrase_and_no_terminal_exits_1_and_says_how(encrypted: Path, verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(encrypted)
    code, _, err = run(capsys, *verb, "--data-dir", str(encrypted))
    assert code == 1 and "--passphrase-file" in err and "er kryptert" in err
    assert hashes(encrypted) == before


def test_the_messages_speak_the_users_language(encrypted: Path, wrong_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = ["--data-dir", str(encrypted), "--passphrase-file", str(wrong_file)]
    assert "Wrong passphrase" in run(capsys, "--lang", "en", "list", *wrong)[2]
    assert "Feil passfrase" in run(capsys, "--lang", "nn", "list", *wrong)[2]
    assert "Ingenting er lese eller endra" in run(capsys, "--lang", "nn", "list", *wrong)[2]
    assert "there is no terminal" in run(capsys, "--lang", "en", "list", "--data-dir", str(encrypted))[2]


def test_on_a_terminal_the_passphrase_is_asked_once(encrypted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or PASS)
    code, out, _ = run(capsys, "list", "--data-dir", str(encrypted))
    assert code == 0 and "demo-ferdig" in out
    assert asked == [f"Passfrase for {encrypted}: "]


def test_a_new_passphrase_is_asked_twice_and_must_match(plain: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PASS, PASS + "!"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    before = hashes(plain)
    code, _, err = run(capsys, "encrypt", "--data-dir", str(plain))
    assert code == 1 and "ikke like" in err
    assert hashes(plain) == before and not (plain / CONFIG_NAME).exists()


@pytest.mark.parametrize(("content", "message"), [("kort\n", "minst 8 tegn"), ("\n", "er tom")])
def test_a_short_or_empty_new_passphrase_is_refused(plain: Path, tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "p.txt"
    file.write_text(content)
    before = hashes(plain)
    code, _, err = run(capsys, "encrypt", "--data-dir", str(plain), "--passphrase-file", str(file))
    assert code == 1 and message in err
    assert hashes(plain) == before


def test_a_missing_passphrase_file_is_named(encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "--data-dir", str(encrypted), "--passphrase-file", str(tmp_path / "nope"))
    assert code == 1 and "Kunne ikke lese passfrasefilen" in err and "nope" in err


def test_decrypt_on_a_plain_folder_changes_nothing(plain: Path, pass_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(plain)
    code, out, _ = run(capsys, "decrypt", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and "ikke kryptert" in out and hashes(plain) == before


def test_check_names_an_unfinished_conversion(encrypted: Path, pass_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = encrypted / CONFIG_NAME
    config.write_text(config.read_text().replace('"encrypted"', '"encrypting"'))
    code, _, err = run(capsys, "check", "--data-dir", str(encrypted), "--passphrase-file", str(pass_file))
    assert code == 1 and "bti-tui encrypt igjen" in err
    assert run(capsys, "encrypt", "--data-dir", str(encrypted), "--passphrase-file", str(pass_file))[0] == 0
    assert run(capsys, "check", "--data-dir", str(encrypted), "--passphrase-file", str(pass_file))[0] == 0


# --- the app ------------------------------------------------------------------------------------------
@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The app replaced by a recorder that opens the repository as the
    real run_app does (after its passphrase screen)."""
    calls: list[dict] = []

    def run_app(data_dir: Path, lang: str | None, *, encrypt: bool = False) -> int:
        calls.append({"encrypt": encrypt})
        with Repository.open(data_dir) as repo:
            repo.list_meetings()
        return 0

    module = types.ModuleType("bti_tui.ui.start")
    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bti_tui.ui.start", module)
    return calls


def test_encrypt_flag_with_a_passphrase_file_encrypts_then_opens_the_app(plain: Path, pass_file: Path, fake_app: list[dict], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--encrypt", "--data-dir", str(plain), "--passphrase-file", str(pass_file))
    assert code == 0 and fake_app == [{"encrypt": True}]
    assert "Krypterte" in err and out == ""  # stdout stays the app's
    assert all(is_sealed(p.read_bytes()) for p in store_files(plain))


def test_the_app_with_a_wrong_passphrase_file_does_not_start(encrypted: Path, wrong_file: Path, fake_app: list[dict], capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(encrypted)
    code, _, err = run(capsys, "--data-dir", str(encrypted), "--passphrase-file", str(wrong_file))
    assert code == 1 and "Feil passfrase" in err and fake_app == []
    assert hashes(encrypted) == before


def test_the_app_without_a_passphrase_file_is_left_to_ask(encrypted: Path, fake_app: list[dict], capsys: pytest.CaptureFixture[str]) -> None:
    """No getpass for the app: its own first screen asks (here the fake
    finds the folder locked, as the real one would before its prompt)."""
    code, _, err = run(capsys, "--data-dir", str(encrypted))
    assert code == 1 and "er kryptert" in err and fake_app == [{"encrypt": False}]
