"""Every damaged meeting or case file is a StoreError with a message, for
load, list and check alike, never another exception; and nothing is
changed on disk."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import folder_state

from bti_tui.i18n import Translator
from bti_tui.store import SCHEMA
from bti_tui.store import Repository, StoreError, check_data


def _doc(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], bytes]:
    def damage(data: dict[str, Any]) -> bytes:
        change(data)
        return json.dumps(data).encode("utf-8")

    return damage


def _set(*keys: Any, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


DEEP = b"[" * 100_000 + b"]" * 100_000
DOC = ("document", "1")

# name -> (what the file becomes, the message key)
DAMAGE: dict[str, tuple[Callable[[dict[str, Any]], bytes], str]] = {
    "deeply nested JSON": (lambda _: DEEP, "store.invalid"),
    "deeply nested object": (lambda _: b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "store.invalid"),
    "deep nesting inside the document": (lambda d: json.dumps(d).encode()[:-2] + b', "x": ' + DEEP + b"}}", "store.invalid"),
    "a list": (lambda _: b"[1, 2, 3]", "store.invalid"),
    "a string": (lambda _: b'"meeting"', "store.invalid"),
    "a number": (lambda _: b"42", "store.invalid"),
    "null": (lambda _: b"null", "store.invalid"),
    "the document is a list": (_doc(_set(*DOC, value=[1])), "store.invalid"),
    "the document is a string": (_doc(_set(*DOC, value="x")), "store.invalid"),
    "the document table is a list": (_doc(_set("document", value=[])), "store.invalid"),
    "_meta is a list": (_doc(_set("_meta", value=[])), "store.invalid"),
    "the schema is a string": (_doc(_set("_meta", "1", "schema", value="1")), "store.invalid"),
    "the schema is true": (_doc(_set("_meta", "1", "schema", value=True)), "store.invalid"),
    "a newer schema": (_doc(_set("_meta", "1", "schema", value=SCHEMA + 1)), "store.schema_newer"),
    "the date is a number": (_doc(_set(*DOC, "date", value=20260302)), "store.invalid"),
    "an impossible date": (_doc(_set(*DOC, "date", value="2026-13-45")), "store.invalid"),
    "the place is a list": (_doc(_set(*DOC, "place", value=["x"])), "store.invalid"),
    "an unknown status": (_doc(_set(*DOC, "status", value="maybe")), "store.invalid"),
    "the slots are a string": (_doc(_set(*DOC, "slots", value="abc")), "store.invalid"),
    "a slot is a number": (_doc(_set(*DOC, "slots", value=[1])), "store.invalid"),
    "the notes are a list": (_doc(lambda d: d["document"]["1"]["slots"][0].__setitem__("notes", [])), "store.invalid"),
    "a note is a number": (_doc(lambda d: d["document"]["1"]["slots"][0]["notes"].__setitem__("g-problem", 5)), "store.invalid"),
    "invalid UTF-8": (lambda d: b"\xff\xfe" + json.dumps(d).encode(), "store.corrupt_no_backup"),
    "the id of another meeting": (_doc(_set(*DOC, "id", value="other")), "store.id_mismatch"),
}
# Damage below the fields the meeting list shows.
SUMMARY_READABLE = {"the slots are a string", "a slot is a number", "the notes are a list", "a note is a number"}


@pytest.fixture
def damaged(demo_repo: Repository, request: pytest.FixtureRequest) -> tuple[Path, str]:
    """demo-ferdig damaged as the test's parameter says; the repository is
    closed, so the file has not been seen by anyone yet."""
    damage, key = DAMAGE[request.param]
    path = demo_repo.data_dir / "meetings" / "demo-ferdig.json"
    path.write_bytes(damage(json.loads(path.read_bytes())))
    demo_repo.close()
    return path, key


def _message(error: StoreError | Any) -> str:
    return Translator("nb")(error.key, **error.params)


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_load_list_and_check_report_a_damaged_meeting(damaged: tuple[Path, str], request: pytest.FixtureRequest) -> None:
    path, key = damaged
    folder = path.parent.parent
    before = folder_state(folder)

    found = check_data(folder)
    assert [(p.path, p.key) for p in found] == [(path, key)]
    assert str(path) in _message(found[0])

    reader = Repository.open(folder, read_only=True)
    with pytest.raises(StoreError) as caught:
        reader.load_meeting("demo-ferdig")
    assert caught.value.key == key
    listed = [s.id for s in reader.list_meetings()]
    if request.node.callspec.params["damaged"] in SUMMARY_READABLE:  # the list reads only the summary
        assert listed == ["demo-neste", "demo-ferdig"] and reader.skipped == []
    else:
        assert listed == ["demo-neste"]
        assert [(p.path, p.key) for p in reader.skipped] == [(path, key)]
    assert folder_state(folder) == before

    with Repository.open(folder) as writer:  # the app: the same message, and no save over it
        with pytest.raises(StoreError) as caught:
            writer.load_meeting("demo-ferdig")
        assert caught.value.key == key
        good = Repository.open(folder, read_only=True)
        meeting = good.load_meeting("demo-neste")
        meeting.id = "demo-ferdig"
        with pytest.raises(StoreError):
            writer.save_meeting(meeting)
    assert path.read_bytes() == before["meetings/demo-ferdig.json"][0]


ENGLISH_DETAILS = ("nested too deeply", "no schema", "no document", "not an object", "expected", "fields:")


@pytest.mark.parametrize("damaged", ["deeply nested JSON", "a list", "the schema is a string", "the document table is a list", "the date is a number"], indirect=True)
def test_what_is_wrong_is_said_in_the_users_language(damaged: tuple[Path, str]) -> None:
    """The detail of a damaged file was English inside a Norwegian message
    ("... dataformatet til bti-tui: JSON nested too deeply"), and a valid
    JSON list was called "avkuttet eller ikke gyldig JSON"."""
    (problem,) = check_data(damaged[0].parent.parent)
    for lang in ("nb", "nn"):
        text = Translator(lang)(problem.key, **problem.params)
        assert "⟨" not in text and not any(english in text for english in ENGLISH_DETAILS), text
    assert "gyldig JSON" not in _message(problem) or "men ikke et bti-tui-dokument" in _message(problem)


def test_sizes_are_written_with_the_languages_decimal_sign(tmp_path: Path) -> None:
    from bti_tui.store.errors import DataTooLarge

    error = DataTooLarge(tmp_path / "m.json", 60_000_000, 20 * 1024 * 1024)
    assert "57,2 MB" in Translator("nb").describe(error) and "(20 MB" in Translator("nb").describe(error)
    assert "57,2 MB" in Translator("nn").describe(error)
    assert "57.2 MB" in Translator("en").describe(error)


@pytest.mark.parametrize("content", [DEEP, b"[]", b'"x"', b"\xc3\x28{}"], ids=["deep", "list", "string", "bad UTF-8"])
def test_a_damaged_case_file(demo_repo: Repository, content: bytes) -> None:
    path = demo_repo.data_dir / "cases" / "demo-sak-1.json"
    path.write_bytes(content)
    with pytest.raises(StoreError):
        demo_repo.load_case("demo-sak-1")
    with pytest.raises(StoreError):
        demo_repo.cases_for(demo_repo.load_meeting("demo-ferdig"))
    assert [p.path for p in check_data(demo_repo.data_dir)] == [path]


def test_text_with_lone_surrogates_is_read_as_replacement_characters(demo_repo: Repository) -> None:
    """``"\\ud800"`` is valid JSON but no text: it could not be printed or
    saved (UnicodeEncodeError in `list` and `export` before)."""
    path = demo_repo.data_dir / "meetings" / "demo-neste.json"
    path.write_text(path.read_text("utf-8").replace("Nordby", "\\ud800Nordby"), "utf-8")
    demo_repo.close()
    with Repository.open(demo_repo.data_dir) as repo:
        assert repo.list_meetings()[0].place.startswith("\ufffdNordby")
        meeting = repo.load_meeting("demo-neste")
        assert meeting.place.startswith("\ufffdNordby")
        meeting.place = meeting.place + "\udc80"  # e.g. a byte the terminal could not decode
        repo.save_meeting(meeting)
        saved = path.read_bytes()
        saved.decode("utf-8")  # strict: no surrogate reached the disk
        assert repo.load_meeting("demo-neste").place.endswith("\ufffd")
    assert check_data(demo_repo.data_dir) == []


def test_a_file_the_os_will_not_let_us_read(demo_repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 for anyone but root; root is refused here by hand."""
    import errno
    import os

    path = demo_repo.meeting_path("demo-ferdig")
    path.chmod(0o000)
    real_open = os.open

    def refuse(file, flags, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if Path(file) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    try:
        with pytest.raises(StoreError) as caught:
            Repository(demo_repo.data_dir, read_only=True).load_meeting("demo-ferdig")
        assert caught.value.key == "store.unreadable"
        assert "bti-tui får ikke lese" in _message(caught.value)
        assert [(p.path, p.key) for p in check_data(demo_repo.data_dir)] == [(path, "store.unreadable")]
    finally:
        monkeypatch.undo()
        path.chmod(0o600)


def test_a_log_file_that_is_a_link_is_reported(demo_repo: Repository, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.log").write_text("")
    (demo_repo.data_dir / "bti-tui.log").symlink_to(tmp_path / "elsewhere.log")
    assert [(p.path.name, p.key) for p in check_data(demo_repo.data_dir)] == [("bti-tui.log", "store.not_regular")]


@pytest.mark.parametrize("content", [DEEP, b"[]", b"\xff{}"], ids=["deep", "list", "bad UTF-8"])
def test_a_damaged_plan_or_queued_case_is_reported(repo: Repository, content: bytes) -> None:
    from bti_tui.store.plans import PlanStore

    for folder in ("plans", "queue"):
        (repo.data_dir / folder).mkdir(mode=0o700)
        path = repo.data_dir / folder / "x.json"
        path.write_bytes(content)
        path.chmod(0o600)
    store = PlanStore(repo)
    assert store.list_plans() == [] and [p.path.name for p in store.skipped] == ["x.json"]
    assert store.list_queue() == [] and [p.path.parent.name for p in store.skipped] == ["queue"]
    assert sorted(p.path.parent.name for p in check_data(repo.data_dir)) == ["plans", "queue"]


def test_a_meeting_file_replaced_by_a_folder_is_reported(tmp_path) -> None:
    """Once it vanished from check, list and the app without a word."""
    from bti_tui.store import Repository, check_data

    data = tmp_path / "data"
    with Repository.open(data):
        pass
    (data / "meetings" / "m-1.json").mkdir()
    problems = check_data(data)
    assert [p.key for p in problems] == ["store.not_regular"]
    with Repository.open(data, read_only=True) as repo:
        assert repo.list_meetings() == []
        assert [p.key for p in repo.skipped] == ["store.not_regular"]
