"""``bti-tui cases``, ``bti-tui case ID`` and ``check --repair`` of the case
index, in-process through ``main([...])``."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.model import AgreementStatus, ClosingReason
from bti_tui.session import CaseBook
from bti_tui.store import Repository
from bti_tui.store.case_index import INDEX


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)


@pytest.fixture
def demo_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cases_json_on_the_demo_shows_one_case_with_two_meetings(demo_dir: Path, capsys) -> None:
    before = state(demo_dir)
    assert cli.main(["cases", "--json", "--data-dir", str(demo_dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert state(demo_dir) == before
    assert {r["id"] for r in rows} == {"demo-sak-1", "demo-sak-2", "demo-sak-3"}
    (child,) = [r for r in rows if len(r["meetings"]) == 2]
    today = date.today()
    assert child["id"] == "demo-sak-1" and [m["id"] for m in child["meetings"]] == ["demo-ferdig", "demo-neste"]
    assert child["meetings"][1]["date"] == (today + timedelta(days=14)).isoformat()
    assert (child["status"], child["stafettholder"], child["open_agreements"], child["overdue_agreements"]) == ("open", "Kari Nordmann", 3, 1)
    assert child["initials"] == "AB" and child["anonymous"] is False


def test_cases_table_and_status_filter(demo_dir: Path, capsys) -> None:
    assert cli.main(["cases", "--data-dir", str(demo_dir), "--lang", "nn"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["Referanse", "ID", "Status", "Stafetthaldar", "Møte", "Opne", "avtalar", "Over", "frist"]
    assert "demo-sak-1" in out and "Kari Nordmann" in out
    assert cli.main(["cases", "--status", "closed", "--data-dir", str(demo_dir)]) == 0
    assert capsys.readouterr().out.startswith("Ingen saker (lukket)")
    assert cli.main(["cases", "--status", "maybe", "--data-dir", str(demo_dir)]) == 2


def follow_up(folder: Path) -> None:
    """The demo child followed up in the upcoming meeting and closed."""
    with Repository.open(folder) as repo:
        book = CaseBook(repo, meeting_id="demo-neste")
        day = date.today() + timedelta(days=14)
        book.mark_agreement("demo-sak-1", "demo-a1", AgreementStatus.DONE, day, note="Gjennomført")
        book.mark_agreement("demo-sak-1", "demo-a2", AgreementStatus.CONTINUED, day, new_due=day + timedelta(days=30))
        book.mark_agreement("demo-sak-1", "demo-a3", AgreementStatus.DROPPED, day)
        book.hand_over_stafettholder("demo-sak-1", "Ola Hansen", "Barneverntjenesten", day, note="Barnevernet overtar")
        book.close_case("demo-sak-1", day, ClosingReason.OTHER, "Familien flytter")


def test_case_shows_its_history(demo_dir: Path, capsys) -> None:
    follow_up(demo_dir)
    assert cli.main(["case", "demo-sak-1", "--data-dir", str(demo_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Sak demo-sak-1: AB, født 14.03.2016 (lukket)")
    assert "Instansmøte skole  demo-ferdig" in out and "demo-neste" in out
    assert "status åpen → utført; merknad: Gjennomført" in out
    assert "status åpen → videreført" in out and "status åpen → droppet" in out
    assert "fra Kari Nordmann (Skolehelsetjenesten) til Ola Hansen (Barneverntjenesten) (møte demo-neste); merknad: Barnevernet overtar" in out
    assert "lukket – annet (Familien flytter)" in out


def test_case_json_has_meetings_agreements_stafettholders_and_closing(demo_dir: Path, capsys) -> None:
    follow_up(demo_dir)
    assert cli.main(["case", "demo-sak-1", "--json", "--data-dir", str(demo_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["id"] for m in data["meetings"]] == ["demo-ferdig", "demo-neste"] and data["status"] == "closed"
    statuses = [(a["id"], a["status"]) for a in data["agreements"]]
    assert statuses == [("demo-a1", "done"), ("demo-a2", "continued"), ("demo-a3", "dropped")]
    assert data["agreements"][2]["history"][0]["changes"] == [{"field": "status", "from": "open", "to": "dropped"}]
    assert data["agreements"][1]["history"][0]["changes"][1]["field"] == "due"
    assert [(s["from"], s["to"]) for s in data["stafettholders"]] == [(None, "Kari Nordmann"), ("Kari Nordmann", "Ola Hansen")]
    assert data["status_history"][0] | {"on": None} == {"on": None, "status": "closed", "reason": "other", "text": "Familien flytter", "meeting_id": "demo-neste"}


@pytest.mark.parametrize(
    ("lang", "message"),
    [("nb", "Fant ingen sak med id «nope»"), ("nn", "Fann inga sak med id «nope»"), ("en", "No case with the id “nope”")],
)
def test_an_unknown_case_exits_1_with_a_message_in_the_users_language(demo_dir: Path, capsys, lang: str, message: str) -> None:
    before = state(demo_dir)
    assert cli.main(["case", "nope", "--data-dir", str(demo_dir), "--lang", lang]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert cli.main(["case", "../../etc/passwd", "--data-dir", str(demo_dir), "--lang", lang]) == 1
    assert message.replace("nope", "../../etc/passwd") in capsys.readouterr().err
    assert state(demo_dir) == before


def test_check_reports_a_missing_index_and_only_repair_writes_it(demo_dir: Path, capsys) -> None:
    (demo_dir / INDEX).unlink()
    before = state(demo_dir)
    assert cli.main(["check", "--data-dir", str(demo_dir)]) == 1
    err = capsys.readouterr().err
    assert "saksindeksen mangler" in err and "check --repair" in err and "Ingen filer er endret." in err
    assert state(demo_dir) == before
    assert cli.main(["check", "--repair", "--data-dir", str(demo_dir), "--lang", "en"]) == 0
    assert "The case index was rebuilt" in capsys.readouterr().out
    assert (demo_dir / INDEX).exists()
    assert cli.main(["check", "--data-dir", str(demo_dir)]) == 0


def test_check_repair_of_a_stale_index_leaves_other_problems_reported(demo_dir: Path, capsys) -> None:
    path = demo_dir / "cases" / "demo-sak-2.json"
    data = json.loads(path.read_text("utf-8"))
    data["document"]["1"]["agreements"][0]["status"] = "done"  # behind the index's back
    path.write_text(json.dumps(data), "utf-8")
    path.chmod(0o644)  # a second problem --repair does not touch
    assert cli.main(["check", "--repair", "--data-dir", str(demo_dir)]) == 1
    captured = capsys.readouterr()
    assert "Saksindeksen er bygget på nytt" in captured.out
    assert "saksindeksen" not in captured.err and "Ingen andre filer er endret." in captured.err
    assert oct(path.stat().st_mode & 0o777) == "0o644"


def test_check_repair_while_the_app_holds_the_folder_is_refused(demo_dir: Path, capsys) -> None:
    (demo_dir / INDEX).unlink()
    with Repository.open(demo_dir):
        assert cli.main(["check", "--repair", "--data-dir", str(demo_dir)]) == 1
    assert not (demo_dir / INDEX).exists()
