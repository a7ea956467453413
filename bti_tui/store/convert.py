"""Turning encryption on or off for a data folder, in place
(``bti-tui encrypt`` / ``bti-tui decrypt``, ``bti-tui --encrypt``).

Each file is converted on its own, atomically (``atomic_write_bytes``: a
temp file, fsync, rename), and carries its own header (``MAGIC`` or JSON):
at any moment every file is whole, either sealed or in clear, and the
folder reads both (``store/crypto.py``). ``crypto.json`` records the
direction (``state``) before the first file is touched, so a conversion
killed half-way is finished by the next run of either verb, in either
direction; the folder is never half one way with no way back.

Order, encrypting: ``crypto.json`` (``encrypting``), the files, then
``encrypted``. Decrypting: the passphrase checked, ``decrypting``, the
files, then ``crypto.json`` (and its backup) removed last. Both hold the
folder's lock (no app may write meanwhile) and remove the temp files a crash
left (as the app does on opening), so no copy in clear stays behind.
Exported referat files in ``<data>/referat/`` are the user's and stay as
they are; they are counted so the message can say so.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bti_tui.store.crypto import (
    CONFIG_NAME,
    DECRYPTING,
    ENCRYPTED,
    ENCRYPTING,
    MAGIC,
    MIN_PASSPHRASE,
    CryptoConfig,
    FolderKey,
    KdfParams,
    PassphraseTooShort,
    _real,
    config_path,
    forget,
    is_encrypted,
    is_sealed,
    key_for,
    new_config,
    read_config,
    remember,
    unlock,
    write_config,
)
from bti_tui.store.documents import EXPORTS, Problem
from bti_tui.store.errors import NotRegular, StoreError, backup_path
from bti_tui.store.housekeeping import tidy
from bti_tui.store.storage import _read_limited, atomic_write_bytes, fsync_dir

# A conversion reads a file whatever ``max_file_mb`` says: an oversized file
# is damage, but still the user's data, and must not stay in clear.
_CONVERT_MAX_BYTES = 1 << 30
Progress = Callable[[Path], None]


@dataclass(frozen=True)
class Converted:
    """What a conversion did: ``changed`` files converted by this run (a
    resumed run counts only its own), ``files`` store files in the folder,
    ``skipped`` links and special files left alone (``check`` names them),
    ``exports`` exported referat files left in clear."""

    changed: int
    files: int
    skipped: int
    exports: int


def _is_store_file(name: str) -> bool:
    if name.startswith(".") or name in (CONFIG_NAME, backup_path(Path(CONFIG_NAME)).name):
        return False
    return name.endswith(".json") or name.endswith(".json.bak")


def store_files(data_dir: Path) -> Iterator[Path]:
    """Every file the store writes in the folder: ``*.json`` and their
    ``.bak`` in the folder itself and in each of its own subfolders
    (meetings, cases, plans, queue, and any a later version adds), not
    ``crypto.json``, not the exports, not temp files, not through links."""
    folders = [data_dir]
    for entry in sorted(data_dir.iterdir()):
        if entry.name != EXPORTS and not entry.name.startswith(".") and stat.S_ISDIR(entry.lstat().st_mode):
            folders.append(entry)
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if _is_store_file(path.name):
                yield path


def _exports(data_dir: Path) -> int:
    folder = data_dir / EXPORTS
    if folder.is_symlink() or not folder.is_dir():
        return 0
    return sum(1 for p in folder.iterdir() if not p.name.startswith(".") and p.is_file())


def _convert(data_dir: Path, key: FolderKey, seal: bool, on_file: Progress | None) -> Converted:
    """Each file written atomically; each folder fsynced once after its
    files, before ``crypto.json`` says the job is done (a rename lost to a
    power cut leaves that file as it was: still readable, and redone)."""
    changed = files = skipped = 0
    touched: set[Path] = set()
    for path in store_files(data_dir):
        try:
            raw = _read_limited(path, _CONVERT_MAX_BYTES)
        except NotRegular:
            skipped += 1
            continue
        if raw is None:  # gone meanwhile
            continue
        files += 1
        if not raw or is_sealed(raw) == seal:
            continue  # empty (nothing to hide), or converted by an earlier run
        found = key_for(path)
        if found is None or found[0] is not key:  # a bug: every file lies in the folder
            raise RuntimeError(f"{path} is not in the unlocked folder")
        name = found[1]
        data = key.seal(name, raw) if seal else key.open(name, raw, path)
        atomic_write_bytes(path, data, plain=True, sync_folder=False)
        touched.add(path.parent)
        changed += 1
        if on_file is not None:
            on_file(path)
    for folder in sorted(touched):
        fsync_dir(folder)
    return Converted(changed, files, skipped, _exports(data_dir))


def encrypt_folder(
    data_dir: Path,
    passphrase: str,
    *,
    kdf: KdfParams | None = None,
    on_file: Progress | None = None,
) -> Converted:
    """Encrypt every store file of ``data_dir`` (made if missing) with a key
    from ``passphrase``; afterwards the folder is unlocked in this process.

    A folder already (being) encrypted or decrypted: the passphrase must
    match (``WrongPassphrase``, nothing changed) and the job is finished.
    A new passphrase shorter than ``MIN_PASSPHRASE``: ``PassphraseTooShort``.
    ``DataLocked`` while the app has the folder open."""
    from bti_tui.store.repository import Repository

    data_dir = Path(data_dir)
    fresh: tuple[CryptoConfig, bytes] | None = None
    if is_encrypted(data_dir):
        unlock(data_dir, passphrase)  # the passphrase first: a wrong one changes nothing
    else:
        if len(passphrase) < MIN_PASSPHRASE:
            raise PassphraseTooShort()
        fresh = new_config(passphrase, kdf)  # the KDF, before taking the lock
    with Repository.open(data_dir) as repo:  # the lock; crash temp files removed
        if fresh is not None:  # (another run encrypting meanwhile: open() refused)
            config, data_key = fresh
            write_config(data_dir, config)
            remember(FolderKey(_real(data_dir), data_key))
        config = read_config(data_dir)
        if config.state != ENCRYPTING:
            write_config(data_dir, dataclasses.replace(config, state=ENCRYPTING))
        done = _convert(data_dir, _key(repo.data_dir), True, on_file)
        write_config(data_dir, dataclasses.replace(config, state=ENCRYPTED))
        # Still under the lock: a conversion leaves no temp file behind (a
        # resumed one was seen, once in a loaded test run, to end beside a
        # crypto.json backup temp whose origin is not understood).
        tidy(data_dir)
    return done


def decrypt_folder(data_dir: Path, passphrase: str, *, on_file: Progress | None = None) -> Converted:
    """Write every store file of ``data_dir`` in clear again and remove
    ``crypto.json`` last. ``WrongPassphrase`` (nothing changed) if the
    passphrase does not match; a folder not encrypted: nothing to do."""
    from bti_tui.store.repository import Repository

    data_dir = Path(data_dir)
    if not is_encrypted(data_dir):
        return Converted(0, 0, 0, _exports(data_dir))
    unlock(data_dir, passphrase)
    with Repository.open(data_dir) as repo:
        config = read_config(data_dir)
        if config.state != DECRYPTING:
            write_config(data_dir, dataclasses.replace(config, state=DECRYPTING))
        done = _convert(data_dir, _key(repo.data_dir), False, on_file)
        path = config_path(data_dir)
        backup_path(path).unlink(missing_ok=True)
        path.unlink()
        fsync_dir(data_dir)
        tidy(data_dir)  # as after encrypting: no temp file left behind
    forget(data_dir)
    return done


def _key(data_dir: Path) -> FolderKey:
    from bti_tui.store.crypto import key_of

    key = key_of(data_dir)
    if key is None:  # unlock() or remember() ran just before: a bug if not
        raise RuntimeError(f"no key for {os.fspath(data_dir)}")
    return key


def crypto_problems(data_dir: Path) -> list[Problem]:
    """What ``check`` says about encryption: the folder is locked (no
    passphrase given: nothing else can be checked), ``crypto.json`` is
    damaged, a conversion was interrupted, or a file of a fully encrypted
    folder is in clear (put there by hand, or restored from elsewhere)."""
    from bti_tui.store.crypto import key_of

    data_dir = Path(data_dir)
    if not is_encrypted(data_dir):
        return []
    path = config_path(data_dir)
    try:
        config = read_config(data_dir)
    except StoreError as exc:
        return [Problem.of(path, exc)]
    if key_of(data_dir) is None:
        return [Problem(path, "crypto.passphrase_needed", {"folder": str(data_dir)})]
    if config.state != ENCRYPTED:
        verb = "encrypt" if config.state == ENCRYPTING else "decrypt"
        return [Problem(path, f"crypto.unfinished_{verb}", {"folder": str(data_dir)})]
    problems: list[Problem] = []
    for file in store_files(data_dir):
        try:
            with open(file, "rb", opener=_no_follow) as handle:
                head = handle.read(len(MAGIC))
        except OSError:
            continue  # a link or unreadable file: reading it as a document reports it
        if head and not is_sealed(head):
            problems.append(Problem(file, "crypto.clear_file", {"path": str(file)}))
    return problems


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
