"""Rescued notes taken back: ``bti-tui restore FILE`` lists, asks (needs
--yes without a terminal), saves into the data folder and removes the file;
a rescue file of an encrypted folder is sealed and opens only there."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from bti_tui import cli
from bti_tui.session.rescue import read_rescued, rescue_unsaved, rescued_files
from bti_tui.store import Repository
from bti_tui.store.convert import encrypt_folder
from bti_tui.store.crypto import KdfParams, PassphraseNeeded, forget_all, unlock

NOTE = "KONFIDENSIELT redningsnotat"


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    forget_all()
    yield
    forget_all()


def rescue(folder: Path, aside: Path) -> Path:
    """As the app does when the folder refuses saves: the meeting with a
    new note, written aside."""
    with Repository.open(folder) as repo:
        meeting = repo.load_meeting("demo-neste")
        meeting.slots[0].notes["g-problem"] = NOTE
        saver = SimpleNamespace(unsaved_documents=[meeting])
        aside.mkdir(exist_ok=True)
        return rescue_unsaved(saver, aside, datetime(2026, 11, 26, 10, 0), repo.data_dir)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_restore_lists_then_takes_the_notes_back_and_removes_the_file(demo: Path, tmp_path: Path, capsys) -> None:
    path = rescue(demo, tmp_path / "aside")
    assert rescued_files(tmp_path / "aside") == [path]

    code, out, err = run(capsys, "restore", str(path), "--data-dir", str(demo))
    assert code == 1 and "demo-neste" in out and "--yes" in err and path.exists()  # no terminal: asks for --yes
    with Repository.open(demo, read_only=True) as repo:
        assert NOTE not in repo.load_meeting("demo-neste").slots[0].note("g-problem")

    code, out, _ = run(capsys, "restore", str(path), "--yes", "--data-dir", str(demo))
    assert code == 0 and "1 dokument er tatt inn" in out
    assert not path.exists()
    with Repository.open(demo, read_only=True) as repo:
        assert repo.load_meeting("demo-neste").slots[0].note("g-problem") == NOTE
    assert run(capsys, "check", "--data-dir", str(demo))[0] == 0


def test_bad_input_exits_1_with_a_message_and_changes_nothing(demo: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "restore", str(tmp_path / "nothing.json"), "--yes", "--data-dir", str(demo))
    assert code == 1 and "Fant ingen fil" in err
    other = tmp_path / "bti-tui-ulagret-x.json"
    other.write_text('{"unsaved": [{"meeting": {"id": 5}}]}', encoding="utf-8")
    code, _, err = run(capsys, "restore", str(other), "--yes", "--data-dir", str(demo))
    assert code == 1 and "passer ikke med dataformatet" in err and other.exists()
    other.write_text("[1, 2", encoding="utf-8")
    code, _, err = run(capsys, "restore", str(other), "--yes", "--data-dir", str(demo))
    assert code == 1 and "skadet" in err and other.exists()


def test_a_rescue_of_an_encrypted_folder_is_sealed_and_opens_only_there(demo: Path, tmp_path: Path) -> None:
    encrypt_folder(demo, "korrekt hest batteri", kdf=KdfParams(n=2**10))
    forget_all()
    unlock(demo, "korrekt hest batteri")
    path = rescue(demo, tmp_path / "aside")
    assert NOTE.encode() not in path.read_bytes() and b"demo-neste" not in path.read_bytes()
    assert read_rescued(path, demo).meetings[0].slots[0].note("g-problem") == NOTE
    forget_all()
    with pytest.raises(PassphraseNeeded):
        read_rescued(path, demo)


def test_a_rescue_file_holding_a_fodselsnummer_is_refused(demo: Path, tmp_path: Path, capsys) -> None:
    """The app never writes one (notes are masked as typed), but a file
    edited by hand was taken in and `check` called the folder fine (tester)."""
    path = rescue(demo, tmp_path / "aside")
    raw = path.read_text(encoding="utf-8").replace(NOTE, "[red]x 15031200188 [@click=app.quit]q")
    path.write_text(raw, encoding="utf-8")
    code, _, err = run(capsys, "restore", str(path), "--yes", "--data-dir", str(demo))
    assert code == 1 and "fødselsnummer" in err and path.exists()
    assert not any(b"1503120" in p.read_bytes() for p in demo.rglob("*") if p.is_file())


def test_an_empty_rescue_file_says_so(demo: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "bti-tui-ulagret-20261126-100000.json"
    path.write_text('{"unsaved": []}', encoding="utf-8")
    code, out, _ = run(capsys, "restore", str(path), "--yes", "--data-dir", str(demo))
    assert code == 0 and "ingen ulagrede notater" in out and path.exists()


def test_the_usage_line_names_every_verb(capsys) -> None:
    """The usage line was a fixed list and left out `restore` (tester)."""
    assert cli.main(["--help"]) == 0
    usage = capsys.readouterr().out.split("\n\n")[0]
    for verb in ("demo", "list", "export", "check", "plan", "queue", "wall", "encrypt", "decrypt", "archived", "purge", "cases", "case", "restore"):
        assert verb in usage, verb
