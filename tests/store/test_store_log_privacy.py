"""The log never holds note text, names or a fødselsnummer: saves of a note
holding each fail (disk full, read-only disk, a damaged file whose error
quotes its content), through the Autosaver and through the store's errors,
with the app's own log set-up, at DEBUG (every detail the code logs)."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from bti_tui.model import Case, CaseReference, Meeting, Participant, ValidationError
from bti_tui.resources import meeting_kind
from bti_tui.session import Autosaver
from bti_tui.store import Repository
from bti_tui.ui import app_log as app_module
from bti_tui.ui.app_log import log_to_file
from bti_tui.ui.private_log import exception_outline

NOTE = "Notatet sier at mor drikker og at Ola er redd"
NAME = "Ola Nordmannsen"
FNR = "15031200188"  # a valid fødselsnummer (tests/model/fnr_helpers.py)
SECRETS = [NOTE, NAME, FNR, FNR[:6], FNR[6:], "mor drikker", "Nordmannsen"]


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The app's log set-up on a data folder, at DEBUG; restored after."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level, app_module.LOG_PATH
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    log_to_file(data_dir)
    root.setLevel(logging.DEBUG)
    yield data_dir
    for handler in root.handlers:
        handler.close()
    root.handlers[:], app_module.LOG_PATH = saved[0], saved[2]
    root.setLevel(saved[1])


def the_log(data_dir: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (data_dir / "bti-tui.log").read_text("utf-8")


def assert_private(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def secret_meeting() -> tuple[Meeting, Case]:
    meeting = Meeting.plan(meeting_kind("instansmote-skole"), date(2026, 3, 2), time(9, 0), "Nordby", "nb", "m-log")
    meeting.participants.append(Participant("p-1", NAME, "Lærer", "Skole"))
    case = Case("c-log", CaseReference("ON", date(2016, 3, 14)), submitted_by=NAME)
    meeting.slots[0].case_id = case.id
    meeting.slots[0].notes["g-problem"] = f"{NOTE}. Fnr {FNR}, {NAME}."
    return meeting, case


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_failing_save_through_the_autosaver_logs_no_content(app_log: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    meeting, case = secret_meeting()
    errors: list[BaseException] = []
    with Repository.open(app_log) as repo:
        saver = Autosaver(repo, errors.append)

        def refuse(fd: int) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(os, "fsync", refuse)  # the disk is full / read-only
        saver.save(meeting, [case])
        saver.flush()
        monkeypatch.undo()
        saver.close()
    assert {key for key, _ in saver.unsaved} == {"meeting", "case"}
    assert [type(e).__name__ for e in errors] == ["WriteFailed", "WriteFailed"]
    log = the_log(app_log)
    assert "saving meeting m-log failed: WriteFailed" in log and "Traceback" in log
    assert_private(log)


def test_a_store_error_that_quotes_a_damaged_file_reaches_the_log_without_its_text(app_log: Path) -> None:
    """The first save of a file reads it back; this one's id field holds a
    note (damage). The error quotes it (``IdMismatch``, for the user's
    screen); the log gets only where it failed and the error's type."""
    meeting, case = secret_meeting()
    with Repository.open(app_log) as repo:
        repo.save_meeting(meeting)
    path = app_log / "meetings" / "m-log.json"
    path.write_text(path.read_text("utf-8").replace('"id": "m-log"', f'"id": "{NOTE} {FNR}"'), "utf-8")
    errors: list[BaseException] = []
    with Repository.open(app_log) as repo:
        saver = Autosaver(repo, errors.append)
        saver.save(meeting)
        saver.flush()
        saver.close()
    assert [type(e).__name__ for e in errors] == ["IdMismatch"]
    assert NOTE in str(errors[0])  # what the old formatter wrote into the log
    log = the_log(app_log)
    assert "IdMismatch" in log
    assert_private(log)


def test_log_exception_of_an_error_holding_a_name_keeps_the_name_out(app_log: Path) -> None:
    """The quit path logs ``log.exception`` when a screen cannot save; a
    validation error carries what was typed in its ``value``."""
    try:
        try:
            raise ValidationError("initials.letters", value=NAME)
        except ValidationError as inner:
            raise RuntimeError(f"while saving {FNR}") from inner
    except RuntimeError:
        logging.getLogger("bti_tui.ui.app").exception("could not save %s on quit", "MeetingScreen")
    log = the_log(app_log)
    assert "could not save MeetingScreen on quit" in log
    assert "bti_tui.model.errors.ValidationError" in log and "builtins.RuntimeError" in log
    assert_private(log)


def test_the_outline_keeps_frames_and_types() -> None:
    try:
        raise KeyError(NAME)
    except KeyError as error:
        text = exception_outline(error)
    assert "test_the_outline_keeps_frames_and_types" in text and text.endswith("builtins.KeyError")
    assert NAME not in text
