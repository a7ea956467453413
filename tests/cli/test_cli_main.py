"""The CLI contract, in-process through ``main([...])``."""

from __future__ import annotations

import io
import json
import sys
import types
from datetime import date, timedelta
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.store import Repository


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str | None]]:
    """Replace the Textual app with a recorder that opens the repository
    as the real ``run_app`` does."""
    calls: list[tuple[Path, str | None]] = []

    def run_app(data_dir: Path, lang: str | None) -> int:
        calls.append((data_dir, lang))
        with Repository.open(data_dir):
            return 0

    module = types.ModuleType("bti_tui.ui.start")
    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bti_tui.ui.start", module)
    return calls


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    assert cli.main(["demo", "--no-open", "--data-dir", str(folder)]) == 0
    return folder


def state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_no_open_then_list_json_shows_the_two_demo_meetings(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["list", "--data-dir", str(demo_dir), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    today = date.today()
    assert listed == [
        {"id": "demo-neste", "date": (today + timedelta(days=14)).isoformat(), "time": "09:00", "kind": "instansmote-skole", "status": "planned", "place": "Nordby skole, møterom 2"},
        {"id": "demo-ferdig", "date": (today - timedelta(days=14)).isoformat(), "time": "09:00", "kind": "instansmote-skole", "status": "finished", "place": "Nordby skole, møterom 2"},
    ]


def test_demo_opens_the_app_unless_no_open(tmp_path: Path, fake_app: list, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["demo", "--data-dir", str(tmp_path / "d"), "--lang", "nn"]) == 0
    assert fake_app == [(tmp_path / "d", "nn")]
    assert "demo-ferdig, demo-neste" in capsys.readouterr().out


def test_list_as_a_table_in_the_ui_language(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["list", "--data-dir", str(demo_dir), "--lang", "nn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Dato", "Tid", "Møtetype", "Status", "Stad"]
    assert lines[1].startswith("demo-neste ") and "Instansmøte skule" in lines[1] and "planlagt" in lines[1]
    assert "ferdig" in lines[2]
    assert lines[1].index("Instansmøte") == lines[2].index("Instansmøte") == lines[0].index("Møtetype")


@pytest.mark.parametrize("args", [["--json"], []])
def test_list_on_a_missing_folder_is_empty_and_creates_nothing(tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nothing" / "here"
    assert cli.main(["list", "--data-dir", str(folder), *args]) == 0
    out = capsys.readouterr().out
    assert (json.loads(out) == []) if args else ("Ingen møter" in out)
    assert not (tmp_path / "nothing").exists()


def test_data_dir_from_the_environment_and_before_the_verb(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["--data-dir", str(demo_dir), "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    monkeypatch.setenv("BTI_TUI_DATA_DIR", str(demo_dir))
    assert cli.main(["list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_list_while_the_app_holds_the_folder(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    with Repository.open(demo_dir):
        assert cli.main(["list", "--data-dir", str(demo_dir), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_list_with_a_damaged_file_shows_the_rest_and_exits_1(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (demo_dir / "meetings" / "demo-neste.json").write_bytes(b"{")
    capsys.readouterr()
    assert cli.main(["list", "--data-dir", str(demo_dir), "--json", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert [m["id"] for m in json.loads(captured.out)] == ["demo-ferdig"]
    assert "bti-tui check" in captured.err


def test_check_on_good_data(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["check", "--data-dir", str(demo_dir), "--lang", "en"]) == 0
    assert "All good" in capsys.readouterr().out


def test_check_on_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--data-dir", str(tmp_path / "absent")]) == 0
    assert not (tmp_path / "absent").exists()


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_check_on_a_truncated_file_names_it_and_its_backup_and_changes_nothing(
    demo_dir: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    with Repository.open(demo_dir) as repo:  # a second save leaves a backup
        repo.save_meeting(repo.load_meeting("demo-ferdig"))
    path = demo_dir / "meetings" / "demo-ferdig.json"
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    before = state(demo_dir)
    capsys.readouterr()
    assert cli.main(["check", "--data-dir", str(demo_dir), "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and f"{path}.bak" in err
    assert {"nb": "sikkerhetskopien", "nn": "tryggleikskopien", "en": "backup"}[lang] in err
    assert state(demo_dir) == before


def test_export_unknown_meeting_exits_1(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["export", "nope", "--data-dir", str(demo_dir), "--lang", "en"]) == 1
    assert 'No meeting "nope"' in capsys.readouterr().err


def _fake_referat(monkeypatch: pytest.MonkeyPatch, calls: list[tuple]) -> None:
    """Replace the referat package with a recorder of ``export_files``."""

    def export_files(meeting, kind, cases, lang, settings, fmt, case=None):  # noqa: ANN001, ANN202
        calls.append((meeting.id, kind.id, sorted(cases), lang, fmt, case))
        return f"x.{fmt}", {"md": b"# Referat\n", "html": b"<h1>Referat</h1>", "pdf": b"%PDF-1.7 x"}[fmt]

    referat = types.ModuleType("bti_tui.referat")
    referat.export_files = export_files  # type: ignore[attr-defined]
    referat.UnknownCase = type("UnknownCase", (LookupError,), {})  # type: ignore[attr-defined]
    referat.PdfError = type("PdfError", (RuntimeError,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bti_tui.referat", referat)


def test_export_writes_the_referat_to_a_private_file(demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple] = []
    _fake_referat(monkeypatch, calls)
    out = tmp_path / "referat.md"
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "-o", str(out)]) == 0
    assert out.read_text("utf-8") == "# Referat\n"
    assert out.stat().st_mode & 0o777 == 0o600
    assert calls == [("demo-ferdig", "instansmote-skole", ["demo-sak-1", "demo-sak-2"], "nb", "md", None)]
    out_html = tmp_path / "referat.html"
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--format", "html", "-o", str(out_html)]) == 0
    assert out_html.read_text("utf-8") == "<h1>Referat</h1>"
    out_pdf = tmp_path / "sak.pdf"
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--case", "2", "--format", "pdf", "-o", str(out_pdf)]) == 0
    assert out_pdf.read_bytes() == b"%PDF-1.7 x" and out_pdf.stat().st_mode & 0o777 == 0o600
    assert calls[-1][-2:] == ("pdf", 2)


def test_export_to_a_folder_that_does_not_exist_exits_1(demo_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _fake_referat(monkeypatch, [])
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "-o", str(tmp_path / "no" / "r.md")]) == 1
    assert "r.md" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "number", "message"),
    [
        ("nb", "3", "Møtet har ingen sak nummer 3. Velg et nummer fra 1 til 2."),
        ("nn", "0", "Møtet har inga sak nummer 0. Vel eit nummer frå 1 til 2."),
        ("en", "-1", "The meeting has no case number -1. Choose a number from 1 to 2."),
    ],
)
def test_export_of_an_unknown_case_exits_1_in_the_users_language(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, number: str, message: str
) -> None:
    out = tmp_path / "sak.md"
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--lang", lang, "--case", number, "-o", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_export_of_one_case_to_stdout(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--case", "2"]) == 0
    out = capsys.readouterr().out
    assert "## Sak: anonym\n" in out and "*1 annen sak ble drøftet i møtet." in out
    assert "Eleven har høyt fravær" not in out


def test_a_pdf_is_not_written_to_a_terminal(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--lang", "en", "--format", "pdf"]) == 1
    captured = capsys.readouterr()
    assert "-o" in captured.err and "A PDF cannot be shown in the terminal" in captured.err
    assert captured.out == ""


def test_a_pdf_goes_to_stdout_when_it_is_not_a_terminal(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sink = io.BytesIO()
    fake = types.SimpleNamespace(buffer=sink, isatty=lambda: False, flush=lambda: None, write=lambda s: len(s))
    monkeypatch.setattr(sys, "stdout", fake)
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--case", "1", "--format", "pdf"]) == 0
    assert sink.getvalue().startswith(b"%PDF-") and b"pdfaid" in sink.getvalue()


def test_export_says_when_the_referat_is_not_built(demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "bti_tui.referat", None)  # import fails
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--lang", "en"]) == 1
    assert "not built yet" in capsys.readouterr().err


def test_open_passes_folder_and_language(tmp_path: Path, fake_app: list, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.main(["--data-dir", str(tmp_path / "d")]) == 0
    monkeypatch.setenv("BTI_TUI_LANG", "en")
    assert cli.main(["--data-dir", str(tmp_path / "d")]) == 0
    assert cli.main(["--data-dir", str(tmp_path / "d"), "--lang", "nn"]) == 0
    assert fake_app == [(tmp_path / "d", None), (tmp_path / "d", "en"), (tmp_path / "d", "nn")]


def test_open_on_a_locked_folder_exits_1_with_the_message(tmp_path: Path, fake_app: list, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    with Repository.open(folder):
        assert cli.main(["--data-dir", str(folder), "--lang", "en"]) == 1
    assert f"The data folder {folder} is already open" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["bogus"], ["--lang", "de", "list"], ["export"], ["list", "--format", "x"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert "bruk:" in capsys.readouterr().err  # argparse's words too, in the default language (nb)


def test_an_unknown_language_in_the_environment_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BTI_TUI_LANG", "de")
    assert cli.main(["list", "--data-dir", "x"]) == 2
    assert "BTI_TUI_LANG=de" in capsys.readouterr().err


def test_help_exits_0_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "nn", "--help"]) == 0
    assert "kontroller datamappa" in capsys.readouterr().out


def test_export_with_the_real_referat_to_stdout(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli.main(["export", "demo-ferdig", "--data-dir", str(demo_dir), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "Nordby skole, møterom 2" in out
    assert not list(demo_dir.rglob("*.md"))  # nothing written into the data folder
