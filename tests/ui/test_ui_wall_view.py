"""What the wall shows, decided without Textual: privacy of the case
reference, the clock from the event log and now, overrun, pause, the
read-back, and the three languages."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

import pytest
from ui_support import START, FakeClock
from wall_support import demo_folder, run_at

from bti_tui.i18n import Translator
from bti_tui.model import Position
from bti_tui.ui.wall.follow import Followed, Follower
from bti_tui.ui.wall.view import idle_view, is_read_back, meeting_view

REFERENCE = ("AB", "14.03.2016")  # demo-sak-1's initials and birth date


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return demo_folder(tmp_path / "data", START)


def followed_at(data: Path, position: Position, **kw) -> Followed:
    run_at(data, position, START, **kw)
    wall = Follower(data, now=FakeClock(START))
    wall.tick()
    assert wall.followed is not None
    return wall.followed


def view(followed: Followed, lang: str = "nb", now=START, show_reference: bool = True):
    return meeting_view(Translator(lang), lang, followed, now, show_reference)


def shows(v, text: str) -> bool:
    return text in str(asdict(v))


def test_reference_only_while_its_case_is_discussed(data: Path) -> None:
    v = view(followed_at(data, Position("o-options", 0)))
    assert v.where == "Sak 1: AB, født 14.03.2016"
    assert v.step_of == "steg 5 av 9"


@pytest.mark.parametrize("position", [Position.opening(), Position.closing(), Position("g-problem", 1)])
def test_no_reference_on_the_opening_the_closing_or_another_case(data: Path, position: Position) -> None:
    v = view(followed_at(data, position))
    assert not any(shows(v, part) for part in REFERENCE)
    if position.step == "opening":
        assert "Sak 1, Sak 2" in v.notes


def test_the_setting_hides_the_reference_entirely(data: Path) -> None:
    v = view(followed_at(data, Position("o-options", 0)), show_reference=False)
    assert v.where == "Sak 1"
    assert not any(shows(v, part) for part in REFERENCE)


def test_an_anonymous_case_is_named_so(data: Path) -> None:
    assert view(followed_at(data, Position("g-problem", 1))).where == "Sak 2: anonym"


def test_the_clock_counts_down_between_saves(data: Path) -> None:
    followed = followed_at(data, Position("o-options", 0), minutes_here=3)  # 7 minutes planned
    assert view(followed).clock.digits == "04:00"
    assert view(followed, now=START + timedelta(seconds=30)).clock.digits == "03:30"
    assert view(followed).clock.caption == "Igjen på steget"


def test_overrun_shows_a_sign_and_words(data: Path) -> None:
    v = view(followed_at(data, Position("r-causes", 0), minutes_in=40, minutes_here=14))  # 10 planned
    assert v.clock.digits == "+04:00"
    assert v.clock.over
    assert v.clock.caption == "OVER TID på steget"
    assert "OVER TID" in v.clock.state


def test_pause_is_shown(data: Path) -> None:
    followed = followed_at(data, Position("o-options", 0), edit=lambda m, repo: m.clock.pause(START))
    v = view(followed, now=START + timedelta(minutes=5))
    assert v.clock.paused and "PAUSE" in v.clock.state
    assert v.clock.digits == "04:00"  # stands still while paused


def test_notes_and_agreements_of_the_step(data: Path) -> None:
    v = view(followed_at(data, Position("o-options", 0)))
    assert v.mode == "step"
    assert v.title == "Handlingsmuligheter"
    assert "helsesykepleier" in v.notes
    assert any("Samtaler hver uke med eleven" in line for line in v.agreements)


def test_the_last_step_of_a_case_is_the_read_back(data: Path) -> None:
    def approve(meeting, repo) -> None:
        meeting.slots[0].approved_at = START - timedelta(minutes=1)

    followed = followed_at(data, Position("w-next-meeting", 0), edit=approve)
    assert is_read_back(followed, Position("w-next-meeting", 0))
    assert not is_read_back(followed, Position("w-agreements", 0))
    v = view(followed)
    assert v.mode == "read_back"
    text = "\n".join(v.big)
    assert v.big_heading == "Tverrfaglig samarbeidsmøte"
    assert "1. Samtaler hver uke med eleven - Kari Nordmann" in text
    assert "Stafettholder: Kari Nordmann (Skolehelsetjenesten)" in text
    assert "Videre samarbeid: Skolehelsetjenesten, Familiehjelpen, Nordby skole" in text
    assert "Lest opp og godkjent kl. 08:59" in text


@pytest.mark.parametrize(
    ("lang", "title", "step_of", "caption"),
    [
        ("nb", "Problemstilling og mål", "steg 1 av 9", "Igjen på steget"),
        ("nn", "Problemstilling og mål", "steg 1 av 9", "Att på steget"),
        ("en", "Problem and goal", "step 1 of 9", "Left on this step"),
    ],
)
def test_three_languages(data: Path, lang: str, title: str, step_of: str, caption: str) -> None:
    v = view(followed_at(data, Position("g-problem", 0)), lang=lang)
    assert (v.title, v.step_of, v.clock.caption) == (title, step_of, caption)


def test_idle_names_the_next_meeting(data: Path) -> None:
    wall = Follower(data, now=FakeClock(START))
    wall.tick()
    t = Translator("nb")
    v = idle_view(t, "nb", wall.upcoming, START, lambda kind_id: "Instansmøte skole")
    assert v.title == "Ingen møte pågår"
    assert v.big == ("Neste møte:", "Instansmøte skole", "tirsdag 08.12.2026 kl. 09:00", "Nordby skole, møterom 2")
    assert v.clock.digits == "09:00"
    assert idle_view(t, "nb", None, START, str).big == ("Ingen møter er planlagt.",)


def test_closing_counts_agreements_in_the_language_s_plural(data: Path) -> None:
    v = view(followed_at(data, Position.closing()))
    assert v.notes.splitlines() == [
        "Sak 1: 3 avtaler · stafettholder: Kari Nordmann",
        "Sak 2: 1 avtale · stafettholder: Pedagogisk leder",
    ]
