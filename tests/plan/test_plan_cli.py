"""``bti-tui plan`` and ``bti-tui queue`` through ``bti_tui.cli.main``.

The plans are made for next year's spring, so they lie in the future
whatever day the tests run (the queue places cases from today on)."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
import vobject
from plan_helpers import folder_state

from bti_tui import cli

YEAR = date.today().year + 1
FROM, TO = f"01.01.{YEAR}", f"30.06.{YEAR}"
BORN = f"14.03.{YEAR - 10}"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)
    monkeypatch.delenv("BTI_TUI_DATA_DIR", raising=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "d"


def run(folder: Path, *argv: str) -> int:
    return cli.main([*argv, "--data-dir", str(folder)])


def create(folder: Path, *extra: str) -> int:
    return run(folder, "plan", "create", "--kind", "instansmote-skole", "--from", FROM, "--to", TO,
               "--weekday", "thu", "--week", "2", "--time", "13:00", "--place", "Nordby skole, møterom 2", *extra)


def second_thursdays() -> list[date]:
    days = []
    for month in range(1, 7):
        thursdays = [d for d in (date(YEAR, month, n) for n in range(1, 15)) if d.weekday() == 3]
        days.append(thursdays[1])
    return days


def plans_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert run(folder, "plan", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_create_then_list_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert create(folder, "--skip", f"01.02.{YEAR}..28.02.{YEAR}") == 0
    out = capsys.readouterr().out
    assert "Nordby skole, møterom 2" in out and "kl. 13:00" in out
    [plan] = plans_json(folder, capsys)
    wanted = [d for d in second_thursdays() if d.month != 2]
    kept = [d["date"] for d in plan["dates"]]
    assert kept == [d.isoformat() for d in wanted if d.isoformat() not in {s["date"] for s in plan["skipped"]}]
    assert {"date": second_thursdays()[1].isoformat(), "reason": "school_holiday", "name": ""} in plan["skipped"]
    assert (plan["kind"], plan["half_year"], plan["time"], plan["duration_minutes"]) == ("instansmote-skole", f"{YEAR}-spring", "13:00", 120)
    assert stat.S_IMODE((folder / "plans" / f"{plan['id']}.json").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--time", "25:00"], "Klokkeslettet «25:00» finnes ikke"),
        (["--weekday", "blursday"], "«blursday» er ikke en ukedag"),
        (["--week", "5", "--weekday", "mon"], "Uke 5 av denne ukedagen finnes ikke i"),
        (["--to", f"31.08.{YEAR}"], f"Datoen 31.08.{YEAR} ligger utenfor halvåret"),
        (["--from", f"01.05.{YEAR}", "--to", f"01.03.{YEAR}"], "ligger etter til-datoen"),
        (["--kind", "nope"], "Møtetypen «nope» finnes ikke"),
        (["--skip", f"26.02.{YEAR}..22.02.{YEAR}"], "Bytt om datoene"),
        (["--dates", f"14.01.{YEAR}"], "Oppgi enten både --weekday og --week"),
    ],
)
def test_bad_input_says_why_exits_1_and_writes_nothing(folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    base = {"--kind": "instansmote-skole", "--from": FROM, "--to": TO, "--weekday": "thu", "--week": "2", "--time": "13:00", "--place": "Nordby"}
    extra: list[str] = []
    for i in range(0, len(args), 2):
        if args[i] in base:
            base[args[i]] = args[i + 1]
        else:
            extra += args[i : i + 2]
    argv = [x for pair in base.items() for x in pair] + extra
    assert run(folder, "plan", "create", *argv) == 1
    assert message in capsys.readouterr().err
    assert folder_state(folder) == {}


def test_usage_errors_exit_2(folder: Path) -> None:
    assert run(folder, "plan") == 2
    assert run(folder, "plan", "create", "--kind", "instansmote-skole") == 2
    assert run(folder, "queue", "add", "--anonymous") == 2
    assert folder_state(folder) == {}


def test_the_queue_fills_the_first_meeting_and_refuses_a_third_case(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert create(folder) == 0
    first_day = second_thursdays()[0]
    assert run(folder, "queue", "add", "--initials", "AB", "--born", BORN, "--submitted-by", "Nordby skole",
               "--question", "Høyt fravær siden høsten", "--consent", "given", "--firfoting") == 0
    assert run(folder, "queue", "add", "--anonymous", "--kind", "instansmote-skole", "--submitted-by", "PPT",
               "--question", "Råd om språk") == 0
    capsys.readouterr()
    before = folder_state(folder)
    assert run(folder, "queue", "add", "--anonymous", "--kind", "instansmote-skole", "--submitted-by", "BUP",
               "--question", "Tredje sak", "--date", first_day.strftime("%d.%m.%Y")) == 1
    err = capsys.readouterr().err
    assert f"Møtet {first_day:%d.%m.%Y} er fullt (2 saker). Neste møte med ledig plass er {second_thursdays()[1]:%d.%m.%Y}." in err
    assert folder_state(folder) == before
    # Without a date the third case goes to the next meeting.
    assert run(folder, "queue", "add", "--anonymous", "--kind", "instansmote-skole", "--submitted-by", "BUP", "--question", "Tredje sak") == 0
    capsys.readouterr()
    assert run(folder, "queue", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert sorted((q["submitted_by"], q["date"], q["slot"]) for q in listed) == [
        ("BUP", second_thursdays()[1].isoformat(), 1), ("Nordby skole", first_day.isoformat(), 1), ("PPT", first_day.isoformat(), 2)
    ]
    assert {q["submitted_by"]: q["initials"] for q in listed}["Nordby skole"] == "AB"


def test_queue_add_refuses_a_missing_reference_and_a_question_naming_the_child(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert create(folder) == 0
    before = folder_state(folder)
    assert run(folder, "queue", "add", "--submitted-by", "S", "--question", "Q") == 1
    assert "--anonymous" in capsys.readouterr().err
    assert run(folder, "queue", "add", "--initials", "AB", "--born", BORN, "--submitted-by", "S", "--question", "AB er borte") == 1
    assert "Innkallingen sendes på e-post" in capsys.readouterr().err
    assert run(folder, "queue", "add", "--initials", "AB", "--born", f"01.01.{date.today().year - 6}", "--submitted-by", "S", "--question", "Q") == 1
    assert "passer til flere møtetyper" in capsys.readouterr().err
    assert folder_state(folder) == before


def test_innkalling_and_ics_to_private_files(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert create(folder) == 0
    assert run(folder, "queue", "add", "--initials", "AB", "--born", BORN, "--submitted-by", "Nordby skole", "--question", "Høyt fravær") == 0
    first_day = second_thursdays()[0]
    out = tmp_path / "innkalling.md"
    assert run(folder, "plan", "innkalling", first_day.strftime("%d.%m.%Y"), "-o", str(out), "--lang", "nn") == 0
    text = out.read_text("utf-8")
    assert text.startswith(f"# Innkalling: Instansmøte skule torsdag {first_day:%d.%m.%Y}")
    assert "Sak 1 – meld inn av Nordby skole: Høyt fravær" in text and "AB" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    ics = tmp_path / "plan.ics"
    assert run(folder, "plan", "ics", "-o", str(ics)) == 0
    events = vobject.readOne(ics.read_text("utf-8")).vevent_list
    assert sorted(e.dtstart.value.date() for e in events) == second_thursdays()
    assert run(folder, "plan", "innkalling", f"15.01.{YEAR}") == 1
    assert "Ingen plan har et møte" in capsys.readouterr().err


def test_move_and_cancel_a_date(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert create(folder) == 0
    jan, feb = second_thursdays()[:2]
    assert run(folder, "queue", "add", "--anonymous", "--kind", "instansmote-skole", "--submitted-by", "PPT", "--question", "Råd") == 0
    new_day = date(YEAR, 1, 21)
    assert run(folder, "plan", "move", jan.strftime("%d.%m.%Y"), "--to", new_day.strftime("%d.%m.%Y"), "--note", "Foreldremøte") == 0
    assert run(folder, "plan", "cancel", feb.strftime("%d.%m.%Y"), "--note", "Sykdom") == 0
    [plan] = plans_json(folder, capsys)
    by_date = {d["date"]: d for d in plan["dates"]}
    assert by_date[new_day.isoformat()] == {
        "date": new_day.isoformat(), "status": "moved", "moved_from": jan.isoformat(), "note": "Foreldremøte", "cases": 1, "meeting_id": None
    }
    assert by_date[feb.isoformat()]["status"] == "cancelled"
    before = folder_state(folder)
    assert run(folder, "plan", "move", new_day.strftime("%d.%m.%Y"), "--to", f"01.07.{YEAR}") == 1
    assert "utenfor halvåret" in capsys.readouterr().err
    assert folder_state(folder) == before


def test_skipped_holidays_are_named_in_the_readers_language(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Easter Monday is the Monday after Easter Sunday, in March or April.
    from bti_tui.calendar_days import public_holidays

    spring = public_holidays(date(YEAR, 3, 1), date(YEAR, 4, 30), "nb")
    easter_monday = next(day for day, name in spring.items() if name == "Andre påskedag")
    listed = [easter_monday.strftime("%d.%m.%Y"), f"28.04.{YEAR}"]
    assert run(folder, "plan", "create", "--kind", "instansmote-0-6", "--dates", ",".join(listed), "--time", "9:00",
               "--place", "Familiesenteret", "--lang", "en") == 0
    assert "public holiday: Easter Monday" in capsys.readouterr().out
    assert run(folder, "plan", "list", "--lang", "nb") == 0
    assert "helligdag: Andre påskedag" in capsys.readouterr().out
