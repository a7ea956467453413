"""The passphrase screen: the first screen on an encrypted folder. A wrong
passphrase is said and may be typed again; the right one unlocks; a new
one is asked twice; the main app opens nothing before it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from bti_tui.store import Repository
from bti_tui.store.convert import encrypt_folder
from bti_tui.store.crypto import KdfParams, forget_all, is_encrypted, key_of
from bti_tui.ui import start as app_module
from bti_tui.ui.screens.passphrase import PassphraseApp, ask_passphrase

PASS = "korrekt hest batteri stift"


@pytest.fixture(autouse=True)
def _empty_keyring() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    Repository.open(folder).close()
    encrypt_folder(folder, PASS, kdf=KdfParams(n=2**10))
    forget_all()
    return folder


def message(app: PassphraseApp) -> str:
    return str(app.query_one("#message", Static).render())


async def settle(app: PassphraseApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_wrong_passphrase_is_said_and_the_right_one_unlocks(encrypted: Path) -> None:
    app = PassphraseApp(encrypted, "nb")
    async with app.run_test() as pilot:
        field = app.query_one("#passphrase", Input)
        assert field.password and app.focused is field
        await pilot.press(*"feil passfrase", "enter")
        await settle(app, pilot)
        assert "Feil passfrase" in message(app) and field.value == "" and not field.disabled
        assert key_of(encrypted) is None
        await pilot.press(*PASS, "enter")
        await settle(app, pilot)
    assert app.return_value is True and key_of(encrypted) is not None


async def test_escape_closes_without_opening(encrypted: Path) -> None:
    app = PassphraseApp(encrypted, "en")
    async with app.run_test() as pilot:
        assert "Type the passphrase" in str(app.query_one("#explain", Static).render())
        await pilot.press("escape")
    assert app.return_value is False and key_of(encrypted) is None


async def test_a_new_passphrase_is_asked_twice_then_the_folder_is_encrypted(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Repository.open(folder).close()
    app = PassphraseApp(folder, "nn", new=True)
    async with app.run_test() as pilot:
        await pilot.press(*"kort", "enter", *"kort", "enter")
        assert "minst 8 teikn" in message(app)
        app.query_one("#passphrase", Input).value = PASS
        app.query_one("#repeat", Input).value = PASS + "x"
        app.query_one("#repeat", Input).focus()
        await pilot.press("enter")
        assert "ikkje like" in message(app) and not is_encrypted(folder)
        app.query_one("#repeat", Input).value = PASS
        await pilot.press("enter")
        await settle(app, pilot)
    assert app.return_value is True and is_encrypted(folder) and key_of(folder) is not None


def test_run_app_opens_nothing_until_the_prompt_unlocks(encrypted: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def state() -> dict[str, tuple[bytes, int]]:
        return {str(p): (p.read_bytes(), p.stat().st_mtime_ns) for p in encrypted.rglob("*") if p.is_file() and p.name != "bti-tui.log"}

    before = state()
    opened: list[Path] = []
    monkeypatch.setattr(PassphraseApp, "run", lambda self: False)  # closed with Esc
    monkeypatch.setattr(Repository, "open", classmethod(lambda cls, d, **kw: opened.append(d)))
    assert app_module.run_app(encrypted, "nb") == 1
    assert opened == [] and state() == before  # no lock taken, no tidying, nothing read
    assert "ble ikke åpnet" in capsys.readouterr().err


def test_no_prompt_for_a_plain_or_unlocked_folder(encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PassphraseApp, "run", lambda self: pytest.fail("asked"))
    assert ask_passphrase(tmp_path / "plain", "nb") is True
    from bti_tui.store.crypto import unlock

    unlock(encrypted, PASS)
    assert ask_passphrase(encrypted, "nb") is True
