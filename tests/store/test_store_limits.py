"""The size limit: a file beyond it is refused without being read into
memory, and a document beyond it is not saved. The limit is a setting."""

from __future__ import annotations

import tracemalloc

import pytest
from conftest import folder_state

from bti_tui.i18n import Translator
from bti_tui.resources import MunicipalSettings, municipal_settings
from bti_tui.store import DEFAULT_MAX_BYTES, DataTooLarge, DocumentTooLarge, Repository, check_data


def test_the_limit_is_a_setting_of_20_mb() -> None:
    assert municipal_settings().max_file_mb == 20
    assert municipal_settings().max_file_bytes == DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    assert MunicipalSettings(max_file_mb=0.5).max_file_bytes == 512 * 1024


def test_a_huge_file_is_refused_without_reading_it(demo_repo: Repository) -> None:
    """A sparse 4 GB file: reading it would take seconds and gigabytes."""
    path = demo_repo.data_dir / "meetings" / "demo-ferdig.json"
    with open(path, "r+b") as handle:
        handle.truncate(4 * 1024**3)
    demo_repo.close()
    tracemalloc.start()
    try:
        found = check_data(demo_repo.data_dir)
        with Repository.open(demo_repo.data_dir) as repo:
            listed = [s.id for s in repo.list_meetings()]
            with pytest.raises(DataTooLarge) as caught:
                repo.load_meeting("demo-ferdig")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024  # nothing of the 4 GB was read
    assert [(p.path, p.key) for p in found] == [(path, "store.too_large")]
    assert listed == ["demo-neste"]
    assert caught.value.params == {"path": str(path), "size_mb": 4096.0, "limit_mb": 20.0}
    message = Translator("nn")(caught.value.key, **caught.value.params)
    assert "4\u00a0096 MB" in message and "20 MB" in message  # grouped as Norwegian writes it and "max_file_mb" in message


def test_the_limit_is_passed_in(demo_repo: Repository) -> None:
    path = demo_repo.data_dir / "meetings" / "demo-ferdig.json"
    size = path.stat().st_size
    demo_repo.close()
    assert check_data(demo_repo.data_dir, max_bytes=size) == []
    assert [p.key for p in check_data(demo_repo.data_dir, max_bytes=size - 1)] == ["store.too_large"]
    with Repository.open(demo_repo.data_dir, read_only=True, max_bytes=size - 1) as repo:
        with pytest.raises(DataTooLarge):
            repo.load_meeting("demo-ferdig")


def test_a_note_beyond_the_limit_is_not_saved(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.close()
    folder = demo_repo.data_dir
    before = folder_state(folder)
    with Repository.open(folder, max_bytes=64 * 1024) as repo:
        meeting.slots[0].notes["g-problem"] = "lang tekst " * 10_000  # 110 KB pasted
        with pytest.raises(DocumentTooLarge) as caught:
            repo.save_meeting(meeting)
        meeting.slots[0].notes["g-problem"] = "kort tekst"
        repo.save_meeting(meeting)  # the next save within the limit works
    assert caught.value.key == "store.save_too_large"
    assert caught.value.params["limit_mb"] == 0.1 and caught.value.params["size_mb"] == 0.1
    assert "max_file_mb" in Translator("en")(caught.value.key, **caught.value.params)
    assert before["meetings/demo-ferdig.json"][0] != (folder / "meetings" / "demo-ferdig.json").read_bytes()


def test_a_refused_save_leaves_the_file_and_its_backup(demo_repo: Repository) -> None:
    meeting = demo_repo.load_meeting("demo-ferdig")
    demo_repo.save_meeting(meeting)
    folder = demo_repo.data_dir
    demo_repo.close()
    before = folder_state(folder / "meetings")
    with Repository.open(folder, max_bytes=64 * 1024) as repo:
        meeting.slots[0].notes["g-problem"] = "x" * 100_000
        with pytest.raises(DocumentTooLarge):
            repo.save_meeting(meeting)
    assert folder_state(folder / "meetings") == before
