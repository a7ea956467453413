"""Schema 2: roles and services by the kind's role id. A meeting file
written by the schema-1 app (roles frozen in the words of its language)
opens with its roles by id, and the referat shows them in every language."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bti_tui.referat import render_markdown
from bti_tui.resources import meeting_kind
from bti_tui.store import SCHEMA, Repository

V1_MEETING = {
    "_meta": {"1": {"schema": 1}},
    "document": {
        "1": {
            "id": "m-old",
            "kind_id": "instansmote-skole",
            "date": "2026-11-10",
            "start_time": "09:00",
            "place": "Nordby",
            "language": "nb",
            "moteleder": "p1",
            "referent": "p2",
            "participants": [
                {"id": "p1", "name": "Kari", "role": "Helsesykepleier", "service": "Skolehelsetjenesten", "attendance": "present", "fixed": True},
                {"id": "p2", "name": "Ola", "role": "Barnevernskonsulent", "service": "Barneverntjenesten", "attendance": "present", "fixed": True},
                {"id": "p3", "name": "Tone", "role": "Nabo", "service": "Egen", "attendance": "present", "fixed": False},
            ],
            "slots": [],
            "status": "planned",
            "clock": {"events": []},
        }
    },
}


def test_a_schema_1_meeting_gets_its_roles_by_id(tmp_path: Path) -> None:
    assert SCHEMA == 3
    data = tmp_path / "data"
    (data / "meetings").mkdir(parents=True, mode=0o700)
    path = data / "meetings" / "m-old.json"
    path.write_text(json.dumps(V1_MEETING), encoding="utf-8")
    path.chmod(0o600)
    with Repository.open(data) as repo:
        meeting = repo.load_meeting("m-old")
        kari, ola, tone = meeting.participants
        assert (kari.role_id, kari.role, kari.service) == ("helsesykepleier", "", "")
        assert ola.role_id == "barnevern"
        assert (tone.role_id, tone.role, tone.service) == (None, "Nabo", "Egen")  # typed: kept
        repo.save_meeting(meeting)
        assert json.loads(path.read_text(encoding="utf-8"))["_meta"]["1"]["schema"] == SCHEMA
    kind = meeting_kind("instansmote-skole")
    nn = render_markdown(meeting, kind, {}, "nn")
    en = render_markdown(meeting, kind, {}, "en")
    assert "Helsesjukepleiar" in nn and "Helsesykepleier" not in nn
    assert "Helsesykepleier" not in en and "Nabo" in en


def test_todays_files_are_schema_3_and_an_older_app_would_say_newer(tmp_path: Path) -> None:
    """Consent in full and who was called (schema 3) are fields an app of
    schema 2 does not know: it must say "made by a newer version", not
    "damaged"."""
    from bti_tui.session.demo import write_demo
    from bti_tui.store import SchemaNewer, documents

    with Repository.open(tmp_path / "d") as repo:
        write_demo(repo, date(2026, 11, 24), "nb")
    raw = json.loads((tmp_path / "d" / "cases" / "demo-sak-1.json").read_text(encoding="utf-8"))
    assert raw["_meta"]["1"]["schema"] == 3
    older = documents.SCHEMA - 1
    try:
        documents.SCHEMA = older
        with pytest.raises(SchemaNewer):
            Repository.open(tmp_path / "d", read_only=True).load_case("demo-sak-1")
    finally:
        documents.SCHEMA = older + 1
