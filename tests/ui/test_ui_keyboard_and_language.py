"""Made for the wall: a meeting run with keys only, the language switch, and
help and palette built from the live keys."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from bti_tui.session.demo import write_demo
from bti_tui.i18n import catalogue
from bti_tui.model import MeetingStatus, Position
from bti_tui.ui.app import BtiApp
from bti_tui.ui.screens.help import HelpScreen
from bti_tui.ui.screens.home import HomeScreen
from bti_tui.ui.screens.meeting import MeetingScreen
from bti_tui.ui.theme import THEMES


def screen_text(app) -> str:
    """Every character on screen, as a person would read it."""
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(runs)).replace("\xa0", " ")


async def test_a_meeting_with_keys_only(make_app, repo, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # new meeting: defaults are fine; focus on the kind
        await pilot.press("tab", "tab", "tab", "tab")  # date, time, place, participants
        await pilot.press("space", "m", "down", "space", "r")  # two present: leader, referent
        await pilot.press("f8")
        await pilot.pause()
        # Intake, case 1: anonymous checkbox has focus; Tab through the fields.
        await pilot.press("tab", *"AB", "tab", *"1.2.2015", "tab", *"Skolen")
        await pilot.press("tab", "enter", "down", "enter")  # consent: "given"
        await pilot.press("f8")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        assert screen.session.case(0).consent.status.value == "given"
        await pilot.press("f5", "f8")
        await pilot.pause()
        await pilot.press(*"Mål")
        steps = screen.session.kind.steps
        for step in steps[1:]:
            await pilot.press("f8")
            await pilot.pause()
            if step.id == "w-agreements":
                await pilot.press("f9", *"Ring", "tab", *"Kari", "f8")
                await pilot.pause()
            if step.id == "w-stafettholder":
                await pilot.press("tab", *"Kari", "tab", *"BV")
        await pilot.press("f8")  # the case is read back ...
        await pilot.pause()
        await pilot.press("enter")  # ... and approved; the empty second slot is skipped
        await pilot.pause()
        assert screen.session.position == Position.closing()
        await pilot.press("f9", "shift+tab", "enter")  # finish, and confirm
        await pilot.pause()
        meeting_id = screen.session.meeting.id
    app.saver.flush()
    meeting = repo.load_meeting(meeting_id)
    assert meeting.status is MeetingStatus.FINISHED
    assert meeting.slots[0].notes["g-problem"] == "Mål"
    case = repo.cases_for(meeting)[meeting.slots[0].case_id]
    assert [(a.what, a.responsible) for a in case.agreements] == [("Ring", "Kari")]
    assert (case.stafettholder.name, case.stafettholder.service) == ("Kari", "BV")


def foreign_texts(shown: str, other: str) -> set[str]:
    """Texts of the ``other`` catalogue that differ from ``shown``'s (not the
    glossary's: it names the Norwegian words English uses, like "Firfoting")."""
    mine, theirs = catalogue(shown), catalogue(other)
    return {
        text
        for key, text in theirs.items()
        if "{" not in text and len(text) >= 6 and text != mine.get(key) and text not in mine.values()
        and not key.startswith("glossary.")
    }


@pytest.mark.parametrize("lang", ["nn", "en"])
async def test_switching_language_leaves_no_other_language_on_screen(make_app, repo, lang) -> None:
    write_demo(repo, date(2026, 11, 24), "nb")
    app = make_app("nb")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        presses = {"nn": 1, "en": 2}[lang]
        for _ in range(presses):
            await pilot.press("l")
            await pilot.pause()
        assert app.lang == lang
        assert isinstance(app.screen, HomeScreen)
        for view in ("home", "meeting", "help"):
            if view == "meeting":
                await pilot.press("down", "enter")  # the finished demo meeting
                await pilot.pause()
            if view == "help":
                await pilot.press("f1")
                await pilot.pause()
            text = screen_text(app)
            for other in {"nb", "nn", "en"} - {lang}:
                leaked = sorted(
                    t for t in foreign_texts(lang, other) if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text)
                )
                assert not leaked, f"{view} in {lang} shows {other} texts: {leaked}"
    assert repo.load_preferences()["language"] == lang


async def test_help_lists_the_live_keys_of_the_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for key in ("keys.new_meeting", "keys.demo", "keys.language", "keys.projector", "keys.help"):
            assert app.t(key) in text
        assert "Cursor" not in text  # no Textual-internal English descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_palette_offers_the_screens_actions_in_its_language(make_app) -> None:
    app = make_app("nn")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert app.t("keys.new_meeting") in titles and app.t("keys.demo") in titles
        assert all(not title.startswith("keys.") for title in titles)


async def test_projector_switch_is_remembered(make_app, repo) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "bti"
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == "bti-projector" and app.has_class("-projector")
    assert repo.load_preferences()["projector"] is True
    second = BtiApp(repo, "nb")
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert second.theme == "bti-projector"


async def test_the_remembered_theme_is_there_from_the_first_frame_parsed_once(make_app, monkeypatch) -> None:
    """Issue 20: the starting theme is set before the stylesheets are parsed,
    so they are not parsed a second time before the first frame."""
    from textual.css.stylesheet import Stylesheet

    reparsed: list[object] = []
    original = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: reparsed.append(self) or original(self))
    app = make_app(projector=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "bti-projector" and app.has_class("-projector")
        assert app.screen.styles.background.hex.lower() == "#000000"  # the projector's black
        # The app relies on it: both themes dark, as the class Textual set says.
        assert all(theme.dark for theme in THEMES) and app.has_class("-dark-mode")
        assert reparsed == []
        await pilot.press("f2")  # switching still restyles everything
        await pilot.pause()
        assert app.theme == "bti" and not app.has_class("-projector")
        assert app.screen.styles.background.hex.lower() == "#1c1f24"
        assert reparsed


async def test_overrun_is_shown_in_words_not_only_colour(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("up", "enter", "f8", "f8")  # the upcoming demo: setup, intake
        await pilot.pause()
        await pilot.press("f5", "f8")
        await pilot.pause()
        await pilot.press("f8")  # case 1 opens with the review of the finished meeting's agreements: go on
        await pilot.pause()
        clock.advance(minutes=9)  # the first step has 7 minutes
        app.screen.query_one("ClockPanel").refresh_clock()
        await pilot.pause()
        text = screen_text(app)
        assert app.t("ui.clock.over_word") in text
        assert "+02:00" in text.replace(" ", "") or app.t("ui.clock.step_over") in text
