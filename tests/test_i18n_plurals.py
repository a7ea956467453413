"""Counted texts agree with their number in every language: the form comes
from the language's CLDR plural rule (Babel), chosen by the ``count`` field."""

from __future__ import annotations

import pytest

from bti_tui.i18n import Translator, catalogue, counted_keys

# (key, language) -> the text for 0, 1 and 2.
EXPECTED = {
    ("ui.home.demo_written", "nb"): (
        "0 demomøter er lagt inn (oppdiktede personer).",
        "1 demomøte er lagt inn (oppdiktede personer).",
        "2 demomøter er lagt inn (oppdiktede personer).",
    ),
    ("ui.home.demo_written", "nn"): (
        "0 demomøte er lagde inn (oppdikta personar).",
        "1 demomøte er lagt inn (oppdikta personar).",
        "2 demomøte er lagde inn (oppdikta personar).",
    ),
    ("ui.home.demo_written", "en"): (
        "0 demo meetings have been added (made-up people).",
        "1 demo meeting has been added (made-up people).",
        "2 demo meetings have been added (made-up people).",
    ),
    ("cli.check.found", "nb"): ("Fant 0 problemer i X:", "Fant 1 problem i X:", "Fant 2 problemer i X:"),
    ("cli.check.found", "nn"): ("Fann 0 problem i X:", "Fann 1 problem i X:", "Fann 2 problem i X:"),
    ("cli.check.found", "en"): ("Found 0 problems in X:", "Found 1 problem in X:", "Found 2 problems in X:"),
    ("cli.check.meetings", "nb"): ("0 møter", "1 møte", "2 møter"),
    ("cli.check.meetings", "nn"): ("0 møte", "1 møte", "2 møte"),
    ("cli.check.meetings", "en"): ("0 meetings", "1 meeting", "2 meetings"),
    ("cli.check.cases", "nb"): ("0 saker", "1 sak", "2 saker"),
    ("cli.check.cases", "nn"): ("0 saker", "1 sak", "2 saker"),
    ("cli.check.cases", "en"): ("0 cases", "1 case", "2 cases"),
}


@pytest.mark.parametrize(("key", "lang"), sorted(EXPECTED))
def test_zero_one_two(key: str, lang: str) -> None:
    t = Translator(lang)
    assert tuple(t(key, count=n, folder="X") for n in (0, 1, 2)) == EXPECTED[key, lang]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_skipped_files_agree_with_their_number(lang: str) -> None:
    t = Translator(lang)
    one, two = t("cli.list.skipped", count=1, folder="X"), t("cli.list.skipped", count=2, folder="X")
    word = {"nb": "møtefil", "nn": "møtefil", "en": "meeting file"}[lang]
    assert one.startswith(f"1 {word} ") and two.startswith(f"2 {word}") and not two.startswith(f"2 {word} ")


def test_every_counted_text_is_one_key_with_forms() -> None:
    """No count is left in a text that cannot agree with it ("1 møter",
    "problem(er)"): a text with {count} is a table of plural forms."""
    for lang in ("nb", "nn", "en"):
        for key, text in catalogue(lang).items():
            assert "(er)" not in text and "(ar)" not in text and "(s)" not in text, f"{lang} {key}: {text!r}"
            if "{count}" in text and key not in counted_keys(lang):
                assert key.rpartition(".")[2] in ("one", "other"), f"{lang} {key} counts without plural forms"


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_one_plan_date_on_a_holiday_is_one(lang: str) -> None:
    t = Translator(lang)
    one, two = t("errors.plan.all_skipped", count=1), t("errors.plan.all_skipped", count=2)
    assert "1" in one and "2" in two and one.split()[:3] != two.replace("2", "1").split()[:3]
    assert catalogue(lang)["errors.plan.all_skipped"] == catalogue(lang)["errors.plan.all_skipped.other"]


def test_a_counted_text_without_count_takes_the_other_form() -> None:
    assert Translator("en")("cli.check.cases") == "{count} cases"
    assert Translator("en")("cli.check.cases", count="many") == "many cases"


def test_a_missing_counted_key_still_shows_itself() -> None:
    assert Translator("nb")("cli.check.nothing", count=1) == "⟨cli.check.nothing⟩"
