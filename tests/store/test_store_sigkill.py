"""Power cut in the middle of a save, 200 times: a writer process saving the
live meeting and its case in a loop is killed with SIGKILL at a random
moment. Afterwards the data folder opens, `check` finds nothing wrong (the
next app removes the temp files a kill leaves), and the meeting holds the
last note that was reported saved, or a later one."""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from datetime import date, time as clock
from pathlib import Path

import pytest

from bti_tui.model import Case, CaseReference, Meeting
from bti_tui.resources import meeting_kind
from bti_tui.store import Repository, check_data

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")

RUNS = 200


def _writer(data_dir: Path, progress: Path, ready: int) -> None:
    """The child: save, then record which save landed, forever (``ready``
    is written to once the folder is open, so the kill lands in the saves)."""
    kind = meeting_kind("instansmote-skole")
    meeting = Meeting.plan(kind, date(2026, 11, 24), clock(9, 0), "Nordby", "nb", "m-kill")
    case = Case("c-kill", CaseReference("AB", date(2016, 3, 14)))
    meeting.slots[0].case_id = case.id
    with Repository.open(data_dir) as repo:
        n = int(progress.read_text() or "0") if progress.exists() else 0
        os.write(ready, b"1")
        while True:
            n += 1
            meeting.slots[0].notes["g-problem"] = f"notat {n} " + "x" * (n % 300)
            case.submitted_by = f"skole {n}"
            repo.save_case(case)
            repo.save_meeting(meeting)
            with open(progress, "w") as handle:  # not atomic on purpose: only a hint
                handle.write(str(n))


def test_random_sigkills_during_saves_leave_a_clean_folder(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    progress = tmp_path / "progress"
    rng = random.Random(2026)
    # The meeting exists before the first kill (it was set up earlier).
    with Repository.open(data_dir) as repo:
        kind = meeting_kind("instansmote-skole")
        first = Meeting.plan(kind, date(2026, 11, 24), clock(9, 0), "Nordby", "nb", "m-kill")
        first.slots[0].case_id = "c-kill"
        repo.save_case(Case("c-kill", CaseReference("AB", date(2016, 3, 14)), submitted_by="skole 0"))
        repo.save_meeting(first)
    for _ in range(RUNS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            try:
                os.close(read_end)
                _writer(data_dir, progress, write_end)
            except BaseException as error:  # say why, for the assertion below
                (tmp_path / "child-error").write_text(repr(error))
            finally:
                os._exit(0)
        os.close(write_end)
        os.read(read_end, 1)  # the child has the folder open (or died)
        os.close(read_end)
        time.sleep(rng.uniform(0.0, 0.03))  # a save takes about a millisecond: many in reach
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert not (tmp_path / "child-error").exists(), (tmp_path / "child-error").read_text()
    # The next app takes the lock, tidies the temp files a kill left, reads all.
    with Repository.open(data_dir) as repo:
        meeting = repo.load_meeting("m-kill")
        case = repo.load_case("c-kill")
    assert check_data(data_dir) == []
    reported = int(progress.read_text() or "0") if progress.exists() else 0
    saved = int(meeting.slots[0].notes.get("g-problem", "notat 0").split()[1])
    assert saved >= reported - 1  # the hint is written after the save it names
    assert case.submitted_by.startswith("skole ")
    print(f"{RUNS} kills, last note saved: {saved}", file=sys.stderr)
