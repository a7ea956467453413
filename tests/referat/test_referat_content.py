"""What the referat says: empty steps, anonymity, consent, determinism, and
an HTML file that stands alone and lets no script through."""

from __future__ import annotations

import re

import pytest
from referat_helpers import LANGS, demo_args, headings, parser

from bti_tui.model import Consent, ConsentGiver, ConsentStatus, MeetingStatus
from bti_tui.referat import render_html, render_markdown


def test_render_twice_gives_same_bytes() -> None:
    assert render_markdown(*demo_args()) == render_markdown(*demo_args())
    assert render_html(*demo_args()) == render_html(*demo_args())


def test_an_empty_step_says_so() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].notes.pop("r-causes")
    text = render_markdown(meeting, kind, cases, lang)
    section = text.split("#### 1.2.2 Årsakssammenhenger\n\n", 1)[1]
    assert section.startswith("*Ingen notater.*\n\n### 1.3")


@pytest.mark.parametrize(
    ("lang", "word", "agreements", "follow_up"),
    [
        ("nb", "Ingen notater.", "Se 2.5 Avtaler.", "Se 2.6 Videre oppfølging."),
        ("nn", "Ingen notat.", "Sjå 2.5 Avtalar.", "Sjå 2.6 Vidare oppfølging."),
        ("en", "No notes.", "See 2.5 Agreements.", "See 2.6 Follow-up."),
    ],
)
def test_every_step_is_listed_even_without_notes(lang: str, word: str, agreements: str, follow_up: str) -> None:
    meeting, kind, cases, _ = demo_args(lang)
    text = render_markdown(meeting, kind, cases, lang)
    titles = [h for tag, h in headings(text) if tag == "h4"]
    assert len(titles) == 2 * len(kind.steps)
    second_case = text.split("## ", 3)[3]
    # The demo's 2nd case has notes in 2 of 9 steps. Of the 7 empty ones, 5
    # have their content in a field (agreements, cooperation, stafettholder,
    # next meeting): they point to the section that shows it.
    assert second_case.count(f"*{word}*") == 2
    assert second_case.count(f"*{agreements}*") == 2
    assert second_case.count(f"*{follow_up}*") == 3


def test_an_empty_step_with_a_field_is_not_said_to_have_no_notes() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].notes.pop("w-stafettholder")
    text = render_markdown(meeting, kind, cases, lang)
    step = text.split("#### 1.4.3 Stafettholder\n\n", 1)[1]
    assert step.startswith("*Se 1.6 Videre oppfølging.*\n\n#### 1.4.4")
    assert "- **Stafettholder:** Kari Nordmann (Skolehelsetjenesten)\n" in text


@pytest.mark.parametrize(("lang", "word"), [("nb", "anonym"), ("nn", "anonym"), ("en", "anonymous")])
def test_an_anonymous_case_says_anonym(lang: str, word: str) -> None:
    text = render_markdown(*demo_args(lang))
    assert [h for tag, h in headings(text) if tag == "h2"][2].endswith(f": {word}")


def test_the_identified_case_shows_initials_and_birth_date() -> None:
    assert "## Sak 1: AB, født 14.03.2016\n" in render_markdown(*demo_args("nb"))
    assert "## Sak 1: AB, fødd 14.03.2016\n" in render_markdown(*demo_args("nn"))


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        (Consent(ConsentStatus.GIVEN, ["PPT"], ConsentGiver.GUARDIANS), "Gitt av foresatte"),
        (Consent(ConsentStatus.GIVEN, ["PPT"], ConsentGiver.YOUTH), "Gitt av ungdommen selv"),
        (Consent(ConsentStatus.GIVEN, ["PPT"]), "Gitt"),
        (Consent(ConsentStatus.MISSING), "Mangler"),
        (Consent(ConsentStatus.REFUSED), "Nektet"),
        (Consent(ConsentStatus.WITHDRAWN), "Trukket tilbake"),
        (Consent(ConsentStatus.NOT_NEEDED_ANONYMOUS), "Ikke nødvendig – saken er drøftet anonymt"),
    ],
)
def test_consent_statuses_render(consent: Consent, expected: str) -> None:
    meeting, kind, cases, lang = demo_args("nb")
    cases["demo-sak-1"].consent = consent
    text = render_markdown(meeting, kind, cases, lang)
    assert f"- **Samtykke:** {expected}\n" in text
    assert ("- **Samtykket gjelder:** PPT\n" in text) == bool(consent.services)


@pytest.mark.parametrize("lang", LANGS)
def test_every_consent_status_has_a_text(lang: str) -> None:
    for status in ConsentStatus:
        meeting, kind, cases, _ = demo_args(lang)
        cases["demo-sak-1"].consent = Consent(status)
        assert "⟨" not in render_markdown(meeting, kind, cases, lang)


def test_no_text_key_is_missing_in_any_language() -> None:
    for lang in LANGS:
        for meeting_id in ("demo-ferdig", "demo-neste"):
            assert "⟨" not in render_markdown(*demo_args(lang, meeting_id))


def test_agreements_table_with_dash_for_no_due_date() -> None:
    text = render_markdown(*demo_args("nb"))
    assert "| Fast voksen i friminuttene            | Nils Moen     | Nordby skole        | —          |" in text


def test_documentation_checklist_uses_words_not_colour() -> None:
    text = render_markdown(*demo_args("nb"))
    assert "- **Stafettlogg opprettet:** Ja\n- **Samtykke arkivert:** Ja, i ESA elevmappe\n" in text
    assert "- **Andre dokumenter arkivert:** Nei\n" in text


def test_time_used_comes_from_the_meetings_clock_not_the_wall() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    finished = render_markdown(meeting, kind, cases, lang)
    assert "| Hele møtet          |            120 |         114 |               -6 |" in finished
    assert "- **Faktisk tid:** Møtet startet 09:00, slutt 10:59\n" in finished
    # Unfinished: the last event is "now", whenever the referat is rendered.
    # Unfinished (closing entered, not finished): used time runs to the last
    # event, so the closing shows 0 of its 10 minutes, on any day it is rendered.
    meeting.clock.events.pop()
    meeting.status = MeetingStatus.RUNNING
    running = render_markdown(meeting, kind, cases, lang)
    assert "- **Planlagt tid:** 09:00–11:00\n" in running
    assert "- **Faktisk tid:** Møtet startet 09:00, pågår fortsatt\n" in running
    assert "- **Status:** Pågår – foreløpig referat\n" in running
    assert "| Avslutning (buffer) |             10 |           0 |              -10 |" in running


def test_a_missing_case_file_still_shows_the_notes() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    del cases["demo-sak-1"]
    text = render_markdown(meeting, kind, cases, lang)
    assert "## Sak 1: ukjent sak (demo-sak-1)\n" in text
    assert "Eleven har høyt fravær" in text


def test_empty_slots_are_left_out_and_cases_numbered_in_order() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].case_id = None
    text = render_markdown(meeting, kind, cases, lang)
    assert [h for tag, h in headings(text) if tag == "h2"] == ["Deltakere", "Sak 1: anonym", "Tidsbruk for møtet"]


# --- HTML --------------------------------------------------------------------


def test_html_escapes_a_script_in_a_note() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].notes["g-problem"] = "<script>alert(1)</script>\n<img src=x onerror=alert(2)>"
    meeting.place = "<b>Rom</b>"
    html = render_html(meeting, kind, cases, lang)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_one_self_contained_document(lang: str) -> None:
    html = render_html(*demo_args(lang))
    assert html.startswith("<!doctype html>\n")
    assert f'<html lang="{lang}">' in html
    assert '<meta charset="utf-8">' in html
    assert "<style>" in html and "@media print" in html
    assert not re.search(r"<link\b|<script\b|\bsrc=|\bhref=|@import|url\(|https?://", html)
    assert html.count('<section class="case">') == 2


def test_html_renders_the_tables_and_headings_of_the_markdown() -> None:
    args = demo_args("nb")
    html = render_html(*args)
    tokens = parser().parse(render_markdown(*args))
    assert html.count("<table>") == sum(t.type == "table_open" for t in tokens)
    assert html.count("<h4>") == sum(t.tag == "h4" and t.type == "heading_open" for t in tokens)
    assert html.count("<h1>") == 1

