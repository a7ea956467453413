"""Encryption at rest: a passphrase-derived key, AES-256-GCM, one rule for
every file the store writes.

Off by default. An encrypted data folder holds ``<data>/crypto.json`` (in
clear; it holds no secret)::

    {"format": 1,
     "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 3, "salt": "<16 random bytes, base64>"},
     "cipher": "AES-256-GCM",
     "key": "<the data key, wrapped: base64 of nonce + AES-GCM(kek, data key)>",
     "state": "encrypting" | "encrypted" | "decrypting"}

- The passphrase gives the key-encryption key through scrypt (``cryptography``),
  with the parameters and the random salt recorded there. That key unwraps
  a random 256-bit data key; the wrapped key's authentication tag is the key
  check value: a wrong passphrase fails there, before any data file is read,
  and nothing is written.
- Each store file is sealed as ``MAGIC | nonce (12 random bytes, fresh per
  write) | AES-GCM ciphertext and tag``. The associated data is the file's
  path inside the data folder (``meetings/<id>.json``; a backup
  ``<name>.bak`` uses its document's name, as it is a copy of it), so files
  cannot be swapped or renamed unnoticed.
- A file in clear starts with ``{`` (JSON), a sealed one with ``MAGIC``: a
  half-converted folder is readable both ways (``store/convert.py``).

``cryptography`` is imported only when a folder is encrypted (it costs
~50 ms of start-up otherwise).

The keyring: :func:`unlock` derives the key once per process start and
keeps it by the folder's real path; ``storage.atomic_write_bytes`` seals and
``storage.read_json_file`` opens every file under a folder in the keyring,
so every writer and reader (meetings, cases, plans, queue, preferences,
backups, the index, the archive marks) follows the same rule without
knowing it. Exports into ``<data>/referat/`` are written in clear on
purpose: the user exported them (``store/exports.py``).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bti_tui.store.errors import StoreError, backup_path

CONFIG_NAME = "crypto.json"
FORMAT = 1
MAGIC = b"BTIcrypt\x01"  # 8 letters and the format version; JSON never starts so
NONCE_BYTES = 12
KEY_BYTES = 32
SALT_BYTES = 16
_WRAP_AAD = b"bti-tui data key v1"
# States of a folder (``state`` in crypto.json).
ENCRYPTING, ENCRYPTED, DECRYPTING = "encrypting", "encrypted", "decrypting"
STATES = (ENCRYPTING, ENCRYPTED, DECRYPTING)
MIN_PASSPHRASE = 8
_NEVER_SEALED = (CONFIG_NAME, CONFIG_NAME + ".bak")  # the key's own file and its backup


@dataclass(frozen=True)
class KdfParams:
    """scrypt's cost: ``n`` (CPU and memory, a power of 2), ``r``, ``p``.

    The default (2^15, 8, 3) is one of OWASP's equivalent minimums for
    scrypt (as strong as 2^17, 8, 1), chosen for its memory: 32 MiB rather
    than 128 MiB at the app's peak; about a quarter of a second, once per
    start. The folder records what it was made with. Tests pass a small
    ``n``."""

    n: int = 2**15
    r: int = 8
    p: int = 3

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        kdf = Scrypt(salt=salt, length=KEY_BYTES, n=self.n, r=self.r, p=self.p)
        return kdf.derive(passphrase.encode("utf-8"))


# --- errors ------------------------------------------------------------------------------
class PassphraseNeeded(StoreError):
    """The folder is encrypted and its key was not given."""

    def __init__(self, folder: Path) -> None:
        super().__init__("crypto.passphrase_needed", folder=str(folder))


class WrongPassphrase(StoreError):
    """The passphrase does not unwrap the folder's key (nothing was read or
    written)."""

    def __init__(self, folder: Path) -> None:
        super().__init__("crypto.wrong_passphrase", folder=str(folder))


class PassphraseTooShort(StoreError):
    """A new passphrase shorter than ``MIN_PASSPHRASE`` characters."""

    def __init__(self) -> None:
        super().__init__("crypto.too_short", min=MIN_PASSPHRASE)


class CryptoConfigDamaged(StoreError):
    """``crypto.json`` is missing a field or holds one the app cannot use."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__("crypto.config_damaged", path=str(path), backup=str(backup_path(path)), detail=detail)


class DataTampered(StoreError):
    """A sealed file that does not open with the folder's key: damaged, or
    moved from another name or folder."""

    def __init__(self, path: Path) -> None:
        super().__init__("crypto.tampered", path=str(path), backup=str(backup_path(path)))


# --- sealing -------------------------------------------------------------------------------
def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def document_name(relative: str) -> str:
    """The name a file is sealed under: a backup is its document's copy."""
    return relative.removesuffix(".bak")


class FolderKey:
    """The unlocked data key of one data folder."""

    def __init__(self, root: str, data_key: bytes) -> None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.root = root  # os.path.realpath of the data folder
        self._aead = AESGCM(data_key)
        self._refused = (InvalidTag, ValueError)

    def _aad(self, name: str) -> bytes:
        return MAGIC + b"|" + document_name(name).encode("utf-8")

    def seal(self, name: str, data: bytes) -> bytes:
        """``data`` sealed under ``name`` (its path in the data folder)."""
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, self._aad(name))

    def open(self, name: str, raw: bytes, path: Path) -> bytes:
        """The clear bytes of a sealed file; ``DataTampered`` if they do not
        authenticate under ``name``."""
        nonce = raw[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, raw[len(MAGIC) + NONCE_BYTES :], self._aad(name))
        except self._refused:
            raise DataTampered(path) from None


# --- the keyring -----------------------------------------------------------------------------
_KEYRING: dict[str, FolderKey] = {}
_KEYRING_LOCK = threading.Lock()
# Per folder a file may lie in: its folder's key and the prefix of its
# sealed name, or None. ``realpath`` costs ~80 µs (a ``lstat`` per part of
# the path) and every read and write asks: remembered until the keyring
# changes.
_FOLDERS: dict[str, tuple[FolderKey, str] | None] = {}


def _real(path: Path | str) -> str:
    return os.path.realpath(os.fspath(path))


def remember(key: FolderKey) -> None:
    with _KEYRING_LOCK:
        _KEYRING[key.root] = key
        _FOLDERS.clear()


def forget(data_dir: Path) -> None:
    """Drop the folder's key from this process (after ``decrypt``)."""
    with _KEYRING_LOCK:
        _KEYRING.pop(_real(data_dir), None)
        _FOLDERS.clear()


def forget_all() -> None:
    with _KEYRING_LOCK:
        _KEYRING.clear()
        _FOLDERS.clear()


def key_of(data_dir: Path) -> FolderKey | None:
    return _KEYRING.get(_real(data_dir))


def _folder_key(folder: str) -> tuple[FolderKey, str] | None:
    real = os.path.realpath(folder)
    key = _KEYRING.get(real)
    if key is not None:
        return key, ""
    key = _KEYRING.get(os.path.dirname(real))
    if key is not None:
        return key, os.path.basename(real) + "/"
    return None


def key_for(path: Path) -> tuple[FolderKey, str] | None:
    """The key of the data folder ``path`` lies in (directly or in one of
    its subfolders) and the name it is sealed under; None when no such
    folder is unlocked (always, when encryption is off: no cost)."""
    if not _KEYRING:
        return None
    folder = os.fspath(path.parent)
    with _KEYRING_LOCK:
        if folder not in _FOLDERS:
            _FOLDERS[folder] = _folder_key(folder)
        found = _FOLDERS[folder]
    return None if found is None else (found[0], found[1] + path.name)


def seal_for(path: Path, data: bytes) -> bytes:
    """What ``storage.atomic_write_bytes`` writes: ``data`` sealed if the
    file lies in an unlocked folder (and is not sealed already), else as is."""
    found = key_for(path)
    if found is None or is_sealed(data) or path.name in _NEVER_SEALED:
        return data
    key, name = found
    return key.seal(name, data)


def open_for(path: Path, raw: bytes) -> bytes:
    """What ``storage.read_json_file`` parses: a sealed file opened with its
    folder's key (``PassphraseNeeded`` if it is not unlocked), a clear file
    as it is."""
    if not is_sealed(raw):
        return raw
    found = key_for(path)
    if found is None:
        raise PassphraseNeeded(path.parent)
    key, name = found
    return key.open(name, raw, path)


# --- the folder's crypto.json ------------------------------------------------------------------
def config_path(data_dir: Path) -> Path:
    return Path(data_dir) / CONFIG_NAME


def is_encrypted(data_dir: Path) -> bool:
    """Whether the folder has (or is getting, or losing) encryption: its
    files need the key to be read."""
    path = config_path(data_dir)
    return path.exists() or path.is_symlink()


def needs_passphrase(data_dir: Path) -> bool:
    return is_encrypted(data_dir) and key_of(data_dir) is None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(path: Path, value: Any, name: str) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise CryptoConfigDamaged(path, f"{name} is not base64") from None


@dataclass(frozen=True)
class CryptoConfig:
    kdf: KdfParams
    salt: bytes
    wrapped_key: bytes
    state: str

    def as_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "kdf": {"name": "scrypt", "n": self.kdf.n, "r": self.kdf.r, "p": self.kdf.p, "salt": _b64(self.salt)},
            "cipher": "AES-256-GCM",
            "key": _b64(self.wrapped_key),
            "state": self.state,
        }
        return (json.dumps(doc, indent=2) + "\n").encode("ascii")


def _int(path: Path, table: dict[str, Any], name: str) -> int:
    value = table.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise CryptoConfigDamaged(path, f"kdf.{name} is not a positive number")
    return value


def read_config(data_dir: Path) -> CryptoConfig:
    """The folder's ``crypto.json`` (read only; never sealed)."""
    from bti_tui.store.storage import read_json_file

    path = config_path(data_dir)
    doc = read_json_file(path)
    if not isinstance(doc, dict):
        raise CryptoConfigDamaged(path, "not a JSON object")
    if doc.get("format") != FORMAT or doc.get("cipher") != "AES-256-GCM":
        raise CryptoConfigDamaged(path, f"unknown format {doc.get('format')!r} or cipher {doc.get('cipher')!r}")
    kdf = doc.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise CryptoConfigDamaged(path, "kdf is not scrypt")
    n = _int(path, kdf, "n")
    if n & (n - 1):
        raise CryptoConfigDamaged(path, "kdf.n is not a power of 2")
    state = doc.get("state")
    if state not in STATES:
        raise CryptoConfigDamaged(path, f"unknown state {state!r}")
    params = KdfParams(n, _int(path, kdf, "r"), _int(path, kdf, "p"))
    return CryptoConfig(params, _unb64(path, kdf.get("salt"), "kdf.salt"), _unb64(path, doc.get("key"), "key"), state)


def write_config(data_dir: Path, config: CryptoConfig) -> None:
    """Atomically; the previous ``crypto.json`` (the same key material) is
    kept as ``crypto.json.bak``: without it the data cannot be read."""
    from bti_tui.store.storage import atomic_write_bytes

    path = config_path(data_dir)
    atomic_write_bytes(path, config.as_json(), keep_backup=path.exists(), plain=True)


def new_config(passphrase: str, kdf: KdfParams | None = None) -> tuple[CryptoConfig, bytes]:
    """A fresh salt and data key, wrapped with the passphrase's key (state
    ``encrypting``), and the data key."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = kdf or KdfParams()
    salt = os.urandom(SALT_BYTES)
    data_key = AESGCM.generate_key(bit_length=KEY_BYTES * 8)
    nonce = os.urandom(NONCE_BYTES)
    wrapped = nonce + AESGCM(kdf.derive(passphrase, salt)).encrypt(nonce, data_key, _WRAP_AAD)
    return CryptoConfig(kdf, salt, wrapped, ENCRYPTING), data_key


def unwrap(data_dir: Path, config: CryptoConfig, passphrase: str) -> bytes:
    """The data key; ``WrongPassphrase`` if the tag does not match."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = config.kdf.derive(passphrase, config.salt)
    nonce, body = config.wrapped_key[:NONCE_BYTES], config.wrapped_key[NONCE_BYTES:]
    try:
        return AESGCM(kek).decrypt(nonce, body, _WRAP_AAD)
    except (InvalidTag, ValueError):
        raise WrongPassphrase(Path(data_dir)) from None


def unlock(data_dir: Path, passphrase: str) -> FolderKey:
    """Derive the folder's key from ``passphrase`` (the KDF runs here, once)
    and keep it for this process. Reads ``crypto.json`` only; a wrong
    passphrase raises ``WrongPassphrase`` and changes nothing."""
    data_dir = Path(data_dir)
    config = read_config(data_dir)
    key = FolderKey(_real(data_dir), unwrap(data_dir, config, passphrase))
    remember(key)
    return key


def read_passphrase_file(path: Path) -> str:
    """The passphrase in a file: its first line, without the line end."""
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8", "replace").splitlines()
    return text[0] if text else ""
