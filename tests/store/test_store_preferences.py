"""Preferences are not worth refusing to start for: load_preferences()
returns the known-good ones and names what it left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bti_tui.i18n import Translator
from bti_tui.store import Repository, check_data


def _write(repo: Repository, content: bytes | dict) -> Path:
    path = repo.preferences_path
    if isinstance(content, dict):
        content = json.dumps({"_meta": {"1": {"schema": 1}}, "document": {"1": content}}).encode()
    path.write_bytes(content)
    path.chmod(0o600)
    return path


def test_good_preferences_have_no_problems(repo: Repository) -> None:
    repo.save_preferences({"language": "nn", "projector": True})
    assert repo.load_preferences() == {"language": "nn", "projector": True}
    assert repo.preference_problems == []
    assert check_data(repo.data_dir) == []


@pytest.mark.parametrize(
    ("document", "kept", "key"),
    [
        ({"language": "de", "projector": True}, {"projector": True}, "store.preference_value"),
        ({"language": 7}, {}, "store.preference_value"),
        ({"language": "nb", "projector": "yes"}, {"language": "nb"}, "store.preference_value"),
        ({"language": "nb", "projector": 1}, {"language": "nb"}, "store.preference_value"),
        ({"language": "en", "theme": "neon"}, {"language": "en"}, "store.preference_unknown"),
        ({"language": ["nb"]}, {}, "store.preference_value"),
    ],
)
def test_unknown_values_and_keys_are_left_out(repo: Repository, document: dict, kept: dict, key: str) -> None:
    path = _write(repo, document)
    assert repo.load_preferences() == kept
    assert [(p.path, p.key) for p in repo.preference_problems] == [(path, key)]
    assert [(p.path, p.key) for p in check_data(repo.data_dir)] == [(path, key)]
    for lang in ("nb", "nn", "en"):
        text = Translator(lang)(key, **repo.preference_problems[0].params)
        assert str(path) in text and not text.startswith("⟨")


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"[1, 2]", "store.invalid"),
        (b'{"language": "nb"', "store.corrupt_no_backup"),
        (b"[" * 100_000 + b"]" * 100_000, "store.invalid"),
        (b'{"language": "nb"}', "store.invalid"),  # no schema: not our layout
        (b'{"_meta": {"1": {"schema": 1}}, "document": {"1": "nb"}}', "store.invalid"),
        (b'{"_meta": {"1": {"schema": 5}}, "document": {"1": {"language": "nn"}}}', "store.schema_newer"),
        (b"\xff\xfe", "store.corrupt_no_backup"),
    ],
    ids=["a list", "truncated", "deep", "no schema", "wrong shape", "newer", "bad UTF-8"],
)
def test_a_damaged_file_gives_defaults_and_a_problem(repo: Repository, content: bytes, key: str) -> None:
    path = _write(repo, content)
    assert repo.load_preferences() == {}
    assert [(p.path, p.key) for p in repo.preference_problems] == [(path, key)]
    assert [(p.path, p.key) for p in check_data(repo.data_dir)] == [(path, key)]
    assert path.read_bytes() == content


def test_the_problems_are_reset_by_the_next_load(repo: Repository) -> None:
    _write(repo, {"language": "xx"})
    repo.load_preferences()
    assert repo.preference_problems
    repo.save_preferences({"language": "nb"})
    assert repo.load_preferences() == {"language": "nb"} and repo.preference_problems == []


def test_the_app_message_exists_in_every_language() -> None:
    for lang in ("nb", "nn", "en"):
        assert "bti-tui" in Translator(lang)("store.preferences_defaults")
