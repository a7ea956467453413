"""One word per concept in each language: the screens, the referat and the
CLI use the words of ``data/i18n/<lang>/glossary.toml`` ([terms]) for the
møteleder, the referent, the stafettholder, til stede and forfall, the
document, and for finishing the meeting; and quitting the app has a verb of
its own that names nothing else."""

from __future__ import annotations

import re

import pytest

from bti_tui.i18n import catalogue
from bti_tui.model.localized import LANGUAGES

# term -> catalogue keys whose text IS the term, and keys whose text USES it
# (as a word or the start of one: "stafettholderen" uses "stafettholder").
SAME = {
    "leader": ["keys.set_leader", "ui.setup.leader", "referat.meeting.leader", "plan.innkalling.leader"],
    "referent": ["keys.set_referent", "ui.setup.referent", "referat.meeting.referent"],
    "stafettholder": ["ui.meeting.stafettholder", "referat.follow_up.stafettholder"],
    "present": ["ui.attendance.present", "referat.participants.present"],
    "absent": ["ui.attendance.absent", "referat.participants.absent"],
    "minutes": ["keys.preview", "ui.referat.title"],
    "finish": ["keys.finish_meeting", "ui.closing.finish_yes"],
    "finished": ["ui.status.finished", "referat.meeting.status_finished", "cli.status.finished"],
    "quit": ["keys.quit"],
}
USES = {
    "leader": ["ui.opening.roles", "ui.setup.participants_help", "ui.setup.roles_missing"],
    "referent": ["ui.opening.roles", "ui.setup.participants_help", "ui.setup.roles_missing"],
    "stafettholder": ["ui.closing.stafettholder", "ui.closing.stafettholder_missing", "ui.meeting.stafettholder_required", "errors.form.stafettholder_name"],
    "present": ["ui.opening.present", "keys.attendance", "ui.setup.participants_help"],
    "absent": ["ui.opening.absent", "keys.attendance", "ui.setup.participants_help"],
    "minutes": ["referat.title", "ui.closing.finish_hint"],
}

# Every form of the verb that quits the app, and of the one that finishes the meeting.
QUIT_VERB = {"nb": r"avslutt(?:e|er|es|et)?", "nn": r"avslutt(?:e|ar|ast|a)?", "en": r"quit(?:s|ting)?"}
FINISH_VERB = {"nb": r"fullfør(?:e|er|es|t)?", "nn": r"fullfør(?:e|er|ast|t)?", "en": r"finish(?:es|ed|ing)?"}


def terms(lang: str) -> dict[str, str]:
    texts = catalogue(lang)
    return {key.removeprefix("glossary.terms."): text for key, text in texts.items() if key.startswith("glossary.terms.")}


def uses(text: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term)}", text, re.IGNORECASE) is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_glossary_names_every_concept(lang: str) -> None:
    assert set(terms(lang)) == set(SAME)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screens_referat_and_cli_use_the_glossarys_words(lang: str) -> None:
    texts, words = catalogue(lang), terms(lang)
    problems = [
        f"{key} = {texts[key]!r}, glossary says {words[term]!r}"
        for term, keys in SAME.items()
        for key in keys
        if texts[key].casefold() != words[term].casefold()
    ]
    problems += [
        f"{key} = {texts[key]!r} does not use {words[term]!r}"
        for term, keys in USES.items()
        for key in keys
        if not uses(texts[key], words[term])
    ]
    assert problems == []


def test_english_says_meeting_leader_not_chair() -> None:
    texts = catalogue("en")
    assert not [key for key, text in texts.items() if re.search(r"\bchair", text, re.IGNORECASE)]
    assert catalogue("en")["referat.meeting.leader"] == "Meeting leader"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quitting_the_app_and_finishing_the_meeting_never_share_a_verb(lang: str) -> None:
    """The quit verb names only quitting (the app's key, the app's "quit
    anyway?" questions, argparse's "… and exit"); the meeting is finished
    with another verb, which never quits."""
    quit_verb = re.compile(rf"(?<!\w){QUIT_VERB[lang]}(?!\w)", re.IGNORECASE)
    finish_verb = re.compile(rf"(?<!\w){FINISH_VERB[lang]}(?!\w)", re.IGNORECASE)
    texts = catalogue(lang)
    quitting = {key for key, text in texts.items() if quit_verb.search(text)}
    allowed = {"keys.quit", "glossary.terms.quit"}
    assert {key for key in quitting if not key.startswith(("argparse.", "ui.app."))} <= allowed
    assert not [key for key in quitting if finish_verb.search(texts[key])]
    assert finish_verb.search(texts["keys.finish_meeting"]) and finish_verb.search(texts["ui.closing.finish_hint"])


# nynorsk: one form each where the norm allows two, held everywhere.
NYNORSK_CHOSEN = {
    "gitt": "gjeve",  # gje/gjeve, as in "gje fila namnet"
    "valt": "vald",
    "valte": "valde",
    "blir": "vert",
    "blei": "vart",
    "pågår": "held på",
    "avklåre": "avklare",
    "kalla inn": "innkalla",
}


def test_nynorsk_holds_one_form_each() -> None:
    from test_i18n_catalogues import _nynorsk_in_data

    texts = [(f"nn {key}", text) for key, text in catalogue("nn").items() if not key.startswith("argparse.")]
    texts += list(_nynorsk_in_data("kinds")) + list(_nynorsk_in_data("agendas"))
    problems = [
        f"{where}: {other!r} (we write {chosen!r}) in {text!r}"
        for where, text in texts
        for other, chosen in NYNORSK_CHOSEN.items()
        if re.search(rf"(?<!\w){other}(?!\w)", text, re.IGNORECASE)
    ]
    assert problems == []
    assert "uttalar" in " ".join(text for _, text in _nynorsk_in_data("kinds"))
