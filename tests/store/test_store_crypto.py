"""Encryption at rest in the store: every file sealed, the right passphrase
opens, a wrong one changes no byte, files cannot be swapped, a fresh nonce
per write, a half-converted folder reads both ways."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from conftest import TODAY, folder_state

from bti_tui.model import Case, CaseReference, Meeting, MeetingStatus, Participant
from bti_tui.resources import meeting_kind
from bti_tui.session.demo import write_demo, write_demo_plan
from bti_tui.store import DataCorrupt, Repository, check_data
from bti_tui.store.convert import decrypt_folder, encrypt_folder, store_files
from bti_tui.store.crypto import (
    CONFIG_NAME,
    MAGIC,
    DataTampered,
    KdfParams,
    PassphraseNeeded,
    PassphraseTooShort,
    WrongPassphrase,
    forget_all,
    is_sealed,
    read_config,
    unlock,
)
from bti_tui.store.exports import write_export
from bti_tui.store.plans import PlanStore
from bti_tui.store.retention import mark_archived
from bti_tui.store.storage import atomic_write_bytes, read_json_file

FAST = KdfParams(n=2**10)  # tests only: the folder records what it was made with
PASS = "korrekt hest batteri stift"
NOTE = "KJENT-NOTAT-7f3a: Ola har det vanskelig i friminuttene"
NAME = "Kari Kjentmann"
SUBMITTER = "Helsesykepleier Hemmeligsen"
REF = "ESA-2026/4711-HEMMELIG"
MARKERS = [NOTE, NAME, SUBMITTER, REF, "Nordby skole", "Kjentmann"]


@pytest.fixture(autouse=True)
def _empty_keyring() -> Iterator[None]:
    forget_all()
    yield
    forget_all()


def known_meeting(meeting_id: str = "m-kjent", on: date = date(2026, 3, 2)) -> tuple[Meeting, Case]:
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, on, time(9, 0), "Nordby skole", "nb", meeting_id)
    meeting.participants.append(Participant("p-kjent", NAME, "Lærer", "Skole"))
    case = Case(f"c-{meeting_id}", CaseReference("OK", date(2016, 3, 14)), submitted_by=SUBMITTER)
    meeting.slots[0].case_id = case.id
    meeting.slots[0].notes["g-problem"] = NOTE
    return meeting, case


def fill(data_dir: Path) -> None:
    """Meetings, cases, plans, queue, preferences, archive marks, and a
    backup of each document (saved twice)."""
    with Repository.open(data_dir) as repo:
        write_demo(repo, TODAY, "nb")
        write_demo_plan(PlanStore(repo), TODAY, "nb")
        meeting, case = known_meeting()
        for _ in range(2):
            repo.save_case(case)
            repo.save_meeting(meeting)
        repo.save_preferences({"language": "nb"})
        repo.save_preferences({"language": "nn"})
        mark_archived(repo, "demo-ferdig", TODAY, REF)
        mark_archived(repo, "demo-ferdig", TODAY, REF + " ")


def every_file(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(b).hexdigest() for p, b in every_file(folder).items()}


def assert_found_nowhere(folder: Path) -> None:
    for path, raw in every_file(folder).items():
        for marker in MARKERS:
            for encoded in (marker.encode("utf-8"), json.dumps(marker).encode("ascii")[1:-1]):
                assert encoded not in raw, (marker, path)


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    fill(data_dir)
    encrypt_folder(data_dir, PASS, kdf=FAST)
    forget_all()  # as at the next start: locked until unlock()
    return data_dir


# --- nothing in clear ------------------------------------------------------------------------------
def test_a_known_note_is_found_nowhere_in_an_encrypted_folder_backups_included(encrypted: Path) -> None:
    names = {str(p.relative_to(encrypted)) for p in every_file(encrypted)}
    assert {"meetings/m-kjent.json.bak", "cases/c-m-kjent.json.bak", "preferences.json.bak", "archived.json.bak"} <= names
    assert any(n.startswith("plans/") for n in names) and any(n.startswith("queue/") for n in names)
    assert_found_nowhere(encrypted)
    for path in store_files(encrypted):
        assert is_sealed(path.read_bytes()), path


def test_saves_after_encryption_stay_sealed_backups_and_scrubs_too(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    meeting, case = known_meeting("m-ny", date(2026, 4, 1))
    with Repository.open(encrypted) as repo:
        for _ in range(3):
            repo.save_case(case)
            repo.save_meeting(meeting)
        repo.save_meeting(meeting, scrub=True)
        PlanStore(repo).save_plan(PlanStore(repo).list_plans()[0])
    assert (encrypted / "meetings" / "m-ny.json.bak").exists()
    assert_found_nowhere(encrypted)
    assert check_data(encrypted) == []


def test_the_app_exports_into_referat_in_clear_and_a_later_grep_finds_only_those(encrypted: Path) -> None:
    """Decision (issue 18): an export is the user exporting, so it is in
    clear, also into <data>/referat; the app's message says so."""
    unlock(encrypted, PASS)
    path = write_export(encrypted, "2026-03-02-referat.md", NOTE)
    assert path.read_bytes() == NOTE.encode("utf-8")
    (encrypted / "referat" / path.name).unlink()
    assert_found_nowhere(encrypted)


# --- opening ------------------------------------------------------------------------------------
def test_the_right_passphrase_opens_every_document(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    with Repository.open(encrypted, read_only=True) as repo:
        assert {m.id for m in repo.list_meetings()} == {"demo-ferdig", "demo-neste", "m-kjent"}
        meeting = repo.load_meeting("m-kjent")
        assert meeting.slots[0].notes["g-problem"] == NOTE
        assert repo.load_case("c-m-kjent").submitted_by == SUBMITTER
        assert repo.load_preferences() == {"language": "nn"}
        assert PlanStore(repo).list_plans() and PlanStore(repo).list_queue()
    assert check_data(encrypted) == []


def test_a_wrong_passphrase_is_refused_before_any_file_is_read_and_changes_no_byte(encrypted: Path) -> None:
    before = folder_state(encrypted)
    with pytest.raises(WrongPassphrase) as caught:
        unlock(encrypted, PASS + "x")
    assert caught.value.key == "crypto.wrong_passphrase"
    with pytest.raises(WrongPassphrase):
        encrypt_folder(encrypted, "feil passfrase")
    with pytest.raises(WrongPassphrase):
        decrypt_folder(encrypted, "feil passfrase")
    assert folder_state(encrypted) == before


def test_without_the_passphrase_nothing_opens_and_nothing_is_written(encrypted: Path) -> None:
    before = folder_state(encrypted)
    for read_only in (True, False):
        with pytest.raises(PassphraseNeeded):
            Repository.open(encrypted, read_only=read_only)
    with pytest.raises(PassphraseNeeded):
        read_json_file(encrypted / "meetings" / "m-kjent.json")
    assert [p.key for p in check_data(encrypted)] == ["crypto.passphrase_needed"]
    assert folder_state(encrypted) == before


def test_the_kdf_parameters_and_a_random_salt_are_recorded_in_the_folder(encrypted: Path, tmp_path: Path) -> None:
    doc = json.loads((encrypted / CONFIG_NAME).read_text())
    assert doc["kdf"]["name"] == "scrypt" and (doc["kdf"]["n"], doc["kdf"]["r"], doc["kdf"]["p"]) == (2**10, 8, 3)
    assert doc["cipher"] == "AES-256-GCM" and doc["state"] == "encrypted"
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    other = tmp_path / "other"
    encrypt_folder(other, PASS, kdf=FAST)
    assert read_config(other).salt != read_config(encrypted).salt
    assert read_config(other).wrapped_key != read_config(encrypted).wrapped_key


def test_the_default_kdf_is_an_owasp_scrypt_minimum() -> None:
    assert (KdfParams().n, KdfParams().r, KdfParams().p) == (2**15, 8, 3)


def test_a_new_passphrase_must_be_long_enough(tmp_path: Path) -> None:
    with pytest.raises(PassphraseTooShort):
        encrypt_folder(tmp_path / "d", "kort", kdf=FAST)
    assert not (tmp_path / "d").exists()


# --- sealing ---------------------------------------------------------------------------------------
def test_each_write_has_a_fresh_nonce(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    meeting, _ = known_meeting()
    path = encrypted / "meetings" / "m-kjent.json"
    seen = set()
    with Repository.open(encrypted) as repo:
        for n in range(5):
            meeting.place = f"Rom {n % 2}"  # the same bytes twice: still a new nonce
            repo.save_meeting(meeting)
            raw = path.read_bytes()
            seen.add(raw[len(MAGIC) : len(MAGIC) + 12])
    assert len(seen) == 5


def test_swapped_files_do_not_open(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    meetings = encrypted / "meetings"
    a, b = meetings / "demo-ferdig.json", meetings / "demo-neste.json"
    raw_a, raw_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(raw_b)
    b.write_bytes(raw_a)
    with Repository.open(encrypted, read_only=True) as repo:
        with pytest.raises(DataTampered):
            repo.load_meeting("demo-ferdig")
    # A case's file under a meeting's name: also refused.
    a.write_bytes((encrypted / "cases" / "demo-sak-1.json").read_bytes())
    assert "crypto.tampered" in {p.key for p in check_data(encrypted)}


def test_a_backup_restored_over_its_file_opens(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    path = encrypted / "meetings" / "m-kjent.json"
    os.replace(path.with_name(path.name + ".bak"), path)
    with Repository.open(encrypted, read_only=True) as repo:
        assert repo.load_meeting("m-kjent").slots[0].notes["g-problem"] == NOTE


def test_a_flipped_bit_is_caught(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    path = encrypted / "cases" / "c-m-kjent.json"
    raw = bytearray(path.read_bytes())
    raw[-20] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(DataTampered) as caught:
        read_json_file(path)
    assert caught.value.params["path"] == str(path)


def test_a_damaged_crypto_json_is_named_and_its_backup_offered(encrypted: Path) -> None:
    (encrypted / CONFIG_NAME).write_text("{")
    with pytest.raises(DataCorrupt):
        unlock(encrypted, PASS)
    (encrypted / CONFIG_NAME).write_text(json.dumps({"format": 1, "cipher": "AES-256-GCM", "kdf": {"name": "scrypt", "n": 3}}))
    assert [p.key for p in check_data(encrypted)] == ["crypto.config_damaged"]
    os.replace(encrypted / (CONFIG_NAME + ".bak"), encrypted / CONFIG_NAME)
    unlock(encrypted, PASS)  # the same key; the backup's state is the one before
    assert [p.key for p in check_data(encrypted)] == ["crypto.unfinished_encrypt"]
    encrypt_folder(encrypted, PASS)
    assert check_data(encrypted) == []


# --- converting ------------------------------------------------------------------------------------
def test_a_half_converted_folder_reads_both_ways_and_check_says_to_finish(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    key_path = encrypted / "meetings" / "m-kjent.json"
    # Put one file back in clear, as a decrypt killed after it would leave it.
    clear = json.dumps(read_json_file(key_path)).encode("utf-8")
    atomic_write_bytes(key_path, clear, plain=True)
    with Repository.open(encrypted, read_only=True) as repo:
        assert repo.load_meeting("m-kjent").slots[0].notes["g-problem"] == NOTE
    assert [p.key for p in check_data(encrypted)] == ["crypto.clear_file"]
    config = json.loads((encrypted / CONFIG_NAME).read_text())
    config["state"] = "decrypting"
    (encrypted / CONFIG_NAME).write_text(json.dumps(config))
    assert [p.key for p in check_data(encrypted)] == ["crypto.unfinished_decrypt"]
    done = encrypt_folder(encrypted, PASS)  # either verb finishes; this one turns back
    assert done.changed == 1 and check_data(encrypted) == []
    assert_found_nowhere(encrypted)


def test_decrypt_gives_back_the_same_documents_in_clear(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir)
    with Repository.open(data_dir, read_only=True) as repo:
        before = {m.id: repo.load_meeting(m.id) for m in repo.list_meetings()}
    clear = {p: read_json_file(p) for p in store_files(data_dir)}
    encrypt_folder(data_dir, PASS, kdf=FAST)
    forget_all()
    done = decrypt_folder(data_dir, PASS)
    assert done.changed == len(clear)
    assert not (data_dir / CONFIG_NAME).exists() and not (data_dir / (CONFIG_NAME + ".bak")).exists()
    assert {p: read_json_file(p) for p in store_files(data_dir)} == clear
    with Repository.open(data_dir, read_only=True) as repo:
        assert {m.id: repo.load_meeting(m.id) for m in repo.list_meetings()} == before
    assert check_data(data_dir) == []
    assert not any(is_sealed(p.read_bytes()) for p in store_files(data_dir))


def test_encrypt_leaves_no_temp_file_in_clear(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir)
    leftover = data_dir / "meetings" / ".m-kjent.json.abcd1234.tmp"  # a crash's temp file
    leftover.write_text(json.dumps({"note": NOTE}))
    encrypt_folder(data_dir, PASS, kdf=FAST)
    assert not leftover.exists()
    assert_found_nowhere(data_dir)


def test_a_finished_meeting_status_survives_the_round_trip(encrypted: Path) -> None:
    unlock(encrypted, PASS)
    with Repository.open(encrypted, read_only=True) as repo:
        assert repo.load_meeting("demo-ferdig").status is MeetingStatus.FINISHED


# --- cost -------------------------------------------------------------------------------------------
def test_a_plain_folder_never_imports_cryptography(tmp_path: Path) -> None:
    """~50 ms of imports: paid only when a folder is encrypted."""
    code = (
        "import sys, pathlib\n"
        "from bti_tui.store import Repository, check_data\n"
        f"r = Repository.open(pathlib.Path({str(tmp_path / 'p')!r})); r.list_meetings(); r.close()\n"
        "print('cryptography' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ})
    assert out.stdout.strip() == "False"
