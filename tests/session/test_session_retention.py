"""Purge and archive marks from the app (session/retention.py): the
removal removes exactly what was listed for the same choices, and bad
input changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from bti_tui.model import ClosingReason, ValidationError
from bti_tui.session.demo import write_demo
from bti_tui.session.retention import RetentionDesk
from bti_tui.store import Repository, StoreError

TODAY = date(2026, 11, 24)


def files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with Repository.open(tmp_path / "data") as repo:
        write_demo(repo, TODAY, "nb")
        case = repo.load_case("demo-sak-1")
        case.close(TODAY - timedelta(days=10), ClosingReason.GOAL_REACHED)
        repo.save_case(case)
        yield repo


def test_remove_takes_exactly_what_was_listed(repo: Repository) -> None:
    desk = RetentionDesk(repo, TODAY)
    before = files(repo.data_dir)
    with pytest.raises(ValidationError) as error:
        desk.remove("24.11.2026", False)  # nothing listed yet
    assert error.value.key == "retention.list_first" and files(repo.data_dir) == before
    plan = desk.list("24.11.2026", False)
    assert [m.id for m in plan.meetings] == ["demo-ferdig"] and [c.id for c in plan.cases] == ["demo-sak-2"]
    with pytest.raises(ValidationError):
        desk.remove("25.11.2026", False)  # another date than the one listed
    with pytest.raises(ValidationError):
        desk.remove("24.11.2026", True)
    assert files(repo.data_dir) == before
    desk.remove("24.11.2026", False)
    gone = before - files(repo.data_dir)
    assert {"meetings/demo-ferdig.json", "cases/demo-sak-2.json"} <= gone
    assert all(g.startswith(("meetings/demo-ferdig", "cases/demo-sak-2")) for g in gone), gone
    assert {"meetings/demo-neste.json", "cases/demo-sak-1.json", "cases/demo-sak-3.json"} <= files(repo.data_dir)


def test_archived_only_needs_a_mark(repo: Repository) -> None:
    desk = RetentionDesk(repo, TODAY)
    assert desk.list("24.11.2026", True).empty
    mark = desk.mark("demo-ferdig", "", "26/01234")
    assert (mark.kind, mark.on, mark.ref) == ("meeting", TODAY, "26/01234")
    assert [m.id for m in desk.list("24.11.2026", True).meetings] == ["demo-ferdig"]


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("demo-ferdig", "01.12.2026", "26/1"), "retention.mark_future"),
        (("demo-ferdig", "i går", "26/1"), "date.format"),
        (("demo-ferdig", "", "  "), "purge.ref_empty"),
        (("finnes-ikke", "", "26/1"), "store.not_found"),
    ],
)
def test_a_bad_mark_changes_nothing(repo: Repository, args: tuple[str, str, str], key: str) -> None:
    before = files(repo.data_dir)
    with pytest.raises((ValidationError, StoreError)) as error:
        RetentionDesk(repo, TODAY).mark(*args)
    assert error.value.key == key and files(repo.data_dir) == before
