"""The passphrase of an encrypted data folder: the app's first screen.

A small app of its own that runs before the main app, which does not open
the folder until this one has unlocked it (``run_app``). The key is derived
on a worker thread (scrypt takes a moment) while the screen says so. A
wrong passphrase is said on the screen and may be typed again; nothing is
written. Esc closes without opening the folder.

With ``bti-tui --encrypt`` on a folder not yet encrypted, it asks for a new
passphrase twice and then encrypts the folder (``store/convert.py``).
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from bti_tui.i18n import Translator
from bti_tui.store import StoreError
from bti_tui.store.crypto import MIN_PASSPHRASE, is_encrypted, needs_passphrase, unlock
from bti_tui.ui.i18n_bindings import translate_bindings
from bti_tui.ui.text import plain

__all__ = ["PassphraseApp", "ask_passphrase"]


class PassphraseApp(App[bool]):
    """Returns True once the folder is unlocked (or newly encrypted)."""

    CSS = """
    Screen { align: center middle; }
    #box { width: 72; max-width: 100%; height: auto; border: round $accent; padding: 1 2; }
    #title { text-style: bold; margin-bottom: 1; }
    #explain { margin-bottom: 1; }
    Input { margin-bottom: 1; }
    #message { color: $error; height: auto; }
    """
    ENABLE_COMMAND_PALETTE = False  # nothing to command before the folder is open
    BINDINGS = [Binding("escape", "cancel", "keys.cancel"), Binding("ctrl+q", "cancel", "keys.cancel", show=False)]

    def __init__(self, data_dir: Path, lang: str, *, new: bool = False) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.t = Translator(lang)
        self.new = new
        self.title = "bti-tui"
        translate_bindings(self, self.t)

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(id="box"):
            yield Static(plain(t("crypto.screen.title_new" if self.new else "crypto.screen.title")), id="title")
            explain = "crypto.screen.explain_new" if self.new else "crypto.screen.explain"
            yield Static(plain(t(explain, folder=str(self.data_dir), min=MIN_PASSPHRASE)), id="explain")
            yield Input(password=True, placeholder=t("crypto.screen.passphrase"), id="passphrase")
            if self.new:
                yield Input(password=True, placeholder=t("crypto.screen.repeat"), id="repeat")
            yield Static("", id="message")
        yield Footer()

    def say(self, key: str, **params: object) -> None:
        self.query_one("#message", Static).update(plain(self.t(key, **params)))

    def action_cancel(self) -> None:
        self.exit(False)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        first = self.query_one("#passphrase", Input)
        if self.new and event.input is first:
            self.query_one("#repeat", Input).focus()
            return
        text = first.value
        if not text:
            return
        if self.new:
            if len(text) < MIN_PASSPHRASE:
                self.say("crypto.too_short", min=MIN_PASSPHRASE)
                return
            if self.query_one("#repeat", Input).value != text:
                self.say("crypto.mismatch")
                self.query_one("#repeat", Input).value = ""
                return
        for field in self.query(Input):
            field.disabled = True
        self.say("crypto.screen.encrypting" if self.new else "crypto.screen.checking")
        self.derive(text)

    @work(thread=True, exclusive=True)
    def derive(self, text: str) -> None:
        """The KDF (and, for a new passphrase, the conversion) off the UI thread."""
        try:
            if self.new:
                from bti_tui.store.convert import encrypt_folder

                encrypt_folder(self.data_dir, text)
            else:
                unlock(self.data_dir, text)
        except StoreError as error:
            self.call_from_thread(self._failed, error)
            return
        self.call_from_thread(self.exit, True)

    def _failed(self, error: StoreError) -> None:
        self.say(error.key, **error.params)
        for field in self.query(Input):
            field.disabled = False
            field.value = ""
        self.query_one("#passphrase", Input).focus()


def ask_passphrase(data_dir: Path, lang: str, *, encrypt: bool = False) -> bool:
    """Whether the folder may be opened now: True at once when it is not
    encrypted (and ``encrypt`` is not asked) or already unlocked; else the
    answer of the prompt (False: the user closed it)."""
    new = encrypt and not is_encrypted(data_dir)
    if not new and not needs_passphrase(data_dir):
        return True
    return bool(PassphraseApp(data_dir, lang, new=new).run())
