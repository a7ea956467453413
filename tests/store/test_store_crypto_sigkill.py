"""``encrypt`` killed half-way, 50 times: a child process converting the
folder is killed with SIGKILL after a random number of files (and a random
moment inside the next one). The next run always finishes the job, and the
folder opens with the passphrase and holds every note, none of it in clear.
The same for ``decrypt`` (20 times), resumed in either direction: the folder
is never half one way with no way back."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from datetime import date, time as clock, timedelta
from pathlib import Path

import pytest

from bti_tui.model import Case, CaseReference, Meeting
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository, check_data
from bti_tui.store.convert import decrypt_folder, encrypt_folder, store_files
from bti_tui.store.crypto import CONFIG_NAME, KdfParams, forget_all, is_sealed, unlock

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

FAST = KdfParams(n=2**10)
PASS = "korrekt hest batteri stift"
MEETINGS = 4
ENCRYPT_RUNS, DECRYPT_RUNS = 50, 20


def note(i: int) -> str:
    return f"HEMMELIG-NOTAT-{i:03d} om eleven i klasse {i}"


@pytest.fixture(autouse=True)
def _empty_keyring() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


def _template(folder: Path) -> int:
    """A plain folder of meetings and cases (each saved twice: backups too)."""
    kind = meeting_kind("instansmote-skole")
    with Repository.open(folder) as repo:
        for i in range(MEETINGS):
            meeting = Meeting.plan(kind, date(2026, 1, 5) + timedelta(days=7 * i), clock(9, 0), "Nordby", "nb", f"m-{i}")
            case = Case(f"c-{i}", CaseReference("AB", date(2016, 3, 14)), submitted_by=f"Lærer {i}")
            meeting.slots[0].case_id = case.id
            for text in ("utkast", note(i)):
                meeting.slots[0].notes["g-problem"] = text
                repo.save_case(case)
                repo.save_meeting(meeting)
    return len(list(store_files(folder)))


def _killed_during(folder: Path, convert, rng: random.Random, total: int) -> bool:
    """Run ``convert(folder, on_file)`` in a child and SIGKILL it after a
    random number of converted files; True if it was killed half-way."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.close(read_end)
            convert(folder, lambda _path: os.write(write_end, b"."))
        finally:
            os._exit(0)
    os.close(write_end)
    # Before the first file (crypto.json being written), after any file,
    # or after the last (crypto.json being updated or removed).
    wanted = rng.randrange(-2, total + 2)
    seen = 0
    while seen < wanted:
        chunk = os.read(read_end, wanted - seen)
        if not chunk:
            break  # the child finished (or died) first
        seen += len(chunk)
    time.sleep(rng.uniform(0.0, 0.004) if wanted > 0 else rng.uniform(0.0, 0.03))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
    sealed = [is_sealed(p.read_bytes()) for p in store_files(folder)]
    return any(sealed) and not all(sealed)


def _assert_every_note(folder: Path, encrypted: bool) -> None:
    forget_all()
    if encrypted:
        unlock(folder, PASS)
    with Repository.open(folder, read_only=True) as repo:
        for i in range(MEETINGS):
            assert repo.load_meeting(f"m-{i}").slots[0].notes["g-problem"] == note(i)
            assert repo.load_case(f"c-{i}").submitted_by == f"Lærer {i}"
    assert check_data(folder) == []
    files = list(store_files(folder))
    assert len(files) == 4 * MEETINGS + 1  # and the case index (index.json)
    assert all(is_sealed(p.read_bytes()) == encrypted for p in files)
    assert (folder / CONFIG_NAME).exists() == encrypted
    if encrypted:
        for path in folder.rglob("*"):
            if path.is_file():
                assert b"HEMMELIG" not in path.read_bytes(), path


def test_encrypt_killed_half_way_always_resumes_to_a_folder_that_opens(tmp_path: Path) -> None:
    template = tmp_path / "template"
    total = _template(template)
    rng = random.Random(18)
    half_way = 0
    for run in range(ENCRYPT_RUNS):
        folder = tmp_path / f"run-{run}"
        shutil.copytree(template, folder)
        half_way += _killed_during(folder, lambda f, on: encrypt_folder(f, PASS, kdf=FAST, on_file=on), rng, total)
        forget_all()  # a new start
        encrypt_folder(folder, PASS, kdf=FAST)
        _assert_every_note(folder, encrypted=True)
    print(f"{ENCRYPT_RUNS} kills during encrypt, {half_way} left a half-encrypted folder", file=sys.stderr)
    assert half_way > 0  # the kills landed in the conversion, not only around it


def test_decrypt_killed_half_way_resumes_either_way(tmp_path: Path) -> None:
    template = tmp_path / "template"
    total = _template(template)
    encrypt_folder(template, PASS, kdf=FAST)
    rng = random.Random(19)
    half_way = 0
    for run in range(DECRYPT_RUNS):
        folder = tmp_path / f"run-{run}"
        shutil.copytree(template, folder)
        forget_all()
        half_way += _killed_during(folder, lambda f, on: decrypt_folder(f, PASS, on_file=on), rng, total)
        forget_all()
        back = run % 2 == 1  # changed our mind: encrypt again
        if back:  # (a new salt if the kill came after crypto.json was removed)
            encrypt_folder(folder, PASS, kdf=FAST)
        else:
            decrypt_folder(folder, PASS)
        _assert_every_note(folder, encrypted=back)
    print(f"{DECRYPT_RUNS} kills during decrypt, {half_way} left a half-decrypted folder", file=sys.stderr)
    assert half_way > 0
