"""F1, then G: the glossary, in the user's language, as plain text."""

from __future__ import annotations

import html
import re

import pytest

from bti_tui.i18n import catalogue
from bti_tui.ui.screens.glossary import ENTRIES, GlossaryScreen
from bti_tui.ui.screens.help import HelpScreen


def screen_text(app) -> str:
    svg = app.export_screenshot()
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(runs)).replace("\xa0", " ")


@pytest.mark.parametrize(("lang", "expected"), [("en", "Stafettholder (baton holder)"), ("nb", "Stafettholder")])
async def test_f1_then_g_opens_the_glossary(make_app, lang: str, expected: str) -> None:
    app = make_app(lang)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.t("keys.glossary") in screen_text(app)  # listed on the help screen
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        shown = screen_text(app)
        assert app.t("glossary.page.title") in shown and expected in shown
        for entry in ENTRIES:  # every entry is there, from the catalogue
            assert str(app.screen.query_one(f"#glossary-{entry}").render()).startswith(app.t(f"glossary.{entry}.term"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


def test_every_glossary_entry_in_the_catalogue_is_shown() -> None:
    for lang in ("nb", "nn", "en"):
        entries = {key.split(".")[1] for key in catalogue(lang) if key.startswith("glossary.") and key.endswith(".term")}
        assert entries == set(ENTRIES), lang
