"""One writer per data folder: a second bti-tui is refused with a message."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import folder_state, mode

from bti_tui.i18n import Translator
from bti_tui.store import DataLocked, Repository

HOLD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bti_tui.store import Repository
    repo = Repository.open(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()  # hold the lock until the test says so
    repo.close()
    """
)

TRY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bti_tui.store import DataLocked, Repository
    try:
        Repository.open(Path(sys.argv[1])).close()
    except DataLocked as exc:
        print(exc.key, exc.params["folder"])
        sys.exit(1)
    print("opened")
    """
)


def test_a_second_repository_in_the_same_process_is_refused(data_dir: Path) -> None:
    with Repository.open(data_dir):
        with pytest.raises(DataLocked) as caught:
            Repository.open(data_dir)
    assert caught.value.key == "store.locked"
    assert str(data_dir) in Translator("nb")(caught.value.key, **caught.value.params)
    Repository.open(data_dir).close()  # free again after close


def test_the_refused_repository_touches_nothing(demo_repo: Repository) -> None:
    before = folder_state(demo_repo.data_dir)
    with pytest.raises(DataLocked):
        Repository.open(demo_repo.data_dir)
    assert folder_state(demo_repo.data_dir) == before


def test_lock_file_is_private(repo: Repository) -> None:
    assert mode(repo.data_dir / ".lock") == 0o600


def test_another_process_holding_the_folder_refuses_us(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(DataLocked) as caught:
            Repository.open(data_dir)
        assert caught.value.params["folder"] == str(data_dir)
    finally:
        holder.communicate("\n", timeout=20)
    Repository.open(data_dir).close()


def test_we_refuse_another_process_and_it_is_told_which_folder(repo: Repository) -> None:
    other = subprocess.run([sys.executable, "-c", TRY, str(repo.data_dir)], capture_output=True, text=True, timeout=30)
    assert other.returncode == 1, other.stderr
    assert other.stdout.strip() == f"store.locked {repo.data_dir}"


def test_the_lock_dies_with_a_killed_process(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait(timeout=20)
    Repository.open(data_dir).close()


# --- the lock taken just after the app's first frame (Repository.open's lock_later) ----
def test_opened_with_the_lock_later_it_takes_and_changes_nothing_until_finished(demo_repo: Repository) -> None:
    folder = demo_repo.data_dir
    demo_repo.close()
    temp = folder / "meetings" / ".demo-ferdig.json.k2j4_x9a.tmp"  # an interrupted save's
    temp.write_bytes(b'{"half": ')
    temp.chmod(0o600)
    before = folder_state(folder)
    later = Repository.open(folder, lock_later=True)
    assert later.opening
    assert [m.id for m in later.list_meetings()] == ["demo-neste", "demo-ferdig"]  # read as usual
    assert folder_state(folder) == before  # no lock file taken, no temp file tidied, no index written
    with Repository.open(folder):  # the folder is not held yet: another may take it...
        with pytest.raises(DataLocked):
            later.finish_opening()  # ...and then this one is refused, as open() would be
        assert later.opening
    later.finish_opening()
    assert not later.opening and not temp.exists()  # tidied once the folder is its own
    with pytest.raises(DataLocked):
        Repository.open(folder)
    later.finish_opening()  # once; then nothing
    later.close()


def test_a_save_before_the_opening_is_finished_finishes_it_first(data_dir: Path) -> None:
    later = Repository.open(data_dir, lock_later=True)
    later.save_preferences({"language": "en"})
    assert not later.opening
    with pytest.raises(DataLocked):
        Repository.open(data_dir)
    later.close()
    assert Repository.open(data_dir, read_only=True).load_preferences()["language"] == "en"
