"""One referat per case, for the child's archive folder: that case only,
with the archive's header, approval and distribution."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from referat_helpers import LANGS, archive_args, demo_args, headings

from bti_tui.referat import UnknownCase, render_case_html, render_case_markdown, render_html, render_markdown

# What identifies each demo case: reference, submitter, notes, agreements,
# stafettholder, cooperation, consent scope, archive references.
CASE_1 = ["AB", "14.03.2016", "Meldt av:** Nordby skole", "Eleven har høyt fravær", "Søvn og rutiner",
          "Samtaler hver uke med eleven", "Veiledning til foresatte", "Fast voksen i friminuttene",
          "Helsesykepleier tar stafetten", "Kari Nordmann (Skolehelsetjenesten)", "ESA elevmappe",
          "26/01234", "01.12.2026", "09:57", "Foresatte"]
CASE_2 = ["Solsikken", "barnehage", "Råd om språkutvikling", "Barnet bruker få ord", "Barnehagen ber PPT",
          "Pedagogisk leder", "20.11.2026", "anonym"]


def test_the_first_case_holds_nothing_of_the_second() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    for text in (render_case_markdown(meeting, kind, cases, 0, lang, settings), render_case_html(meeting, kind, cases, 0, lang, settings)):
        assert [s for s in CASE_2 if s.lower() in text.lower()] == []
        assert "Eleven har høyt fravær" in text and "14.03.2016" in text


def test_the_second_case_holds_nothing_of_the_first() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    for text in (render_case_markdown(meeting, kind, cases, 1, lang, settings), render_case_html(meeting, kind, cases, 1, lang, settings)):
        # "Nordby skole" is also where the meeting was held (a meeting fact);
        # as the first case's submitter it must not appear.
        assert [s for s in CASE_1 if s in text.replace("Meldt av:</strong>", "Meldt av:**")] == []
        assert "Barnet bruker få ord" in text


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("nb", "*1 annen sak ble drøftet i møtet.", "*2 andre saker ble drøftet i møtet."),
        ("nn", "*1 anna sak vart drøfta i møtet.", "*2 andre saker vart drøfta i møtet."),
        ("en", "*1 other case was discussed in the meeting.", "*2 other cases were discussed in the meeting."),
    ],
)
def test_the_other_cases_are_only_counted(lang: str, one: str, two: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    assert one in render_case_markdown(meeting, kind, cases, 0, lang, settings)
    meeting.slots.append(dataclasses.replace(meeting.slots[1]))
    assert two in render_case_markdown(meeting, kind, cases, 0, lang, settings)
    meeting.slots[1:] = []
    alone = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert one[2:] not in alone and two[2:] not in alone


def test_the_case_has_the_archives_header() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    text = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert text.startswith(
        "# Referat: Instansmøte skole – 10.11.2026\n\n"
        "**Unntatt offentlighet, jf. offl. § 13 og fvl. § 13.**\n\n"
        "*Referat for én sak, til barnets mappe.*\n\n"
        "- **Kommune:** Nordby kommune\n- **Enhet:** Oppvekst og utdanning\n"
        "- **Arkivsak:** 26/01234\n- **Dokumentnummer:** 26/01234-3\n- **Dokumentdato:** 10.11.2026\n"
        "- **Møtedato:** 10.11.2026\n- **Planlagt tid:** 09:00–11:00\n"
        "- **Faktisk tid:** Møtet startet 09:00, slutt 10:59\n"
    )


def test_unknown_archive_numbers_and_kommune_are_left_out() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    text = render_case_markdown(meeting, kind, cases, 0, lang)
    assert "Arkivsak" not in text and "Dokumentnummer" not in text and "**Kommune:**" not in text
    assert "- **Dokumentdato:** 10.11.2026\n" in text


@pytest.mark.parametrize(
    ("lang", "marking"),
    [
        ("nb", "Unntatt offentlighet, jf. offl. § 13 og fvl. § 13"),
        ("nn", "Unnateke offentlegheit, jf. offl. § 13 og fvl. § 13"),
        ("en", "Exempt from public access, cf. offl. § 13 and fvl. § 13"),
    ],
)
def test_the_marking_is_on_by_default_and_a_setting(lang: str, marking: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    assert f"**{marking}.**" in render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert f"**{marking}.**" in render_markdown(meeting, kind, cases, lang, settings)
    off = dataclasses.replace(settings, exemption_marking=False)
    assert marking not in render_case_markdown(meeting, kind, cases, 0, lang, off)


@pytest.mark.parametrize(
    ("lang", "approved", "not_approved"),
    [
        ("nb", "Lest opp og godkjent i møtet kl. 09:57", "Ikke godkjent i møtet"),
        ("nn", "Lese opp og godkjent i møtet kl. 09:57", "Ikkje godkjent i møtet"),
        ("en", "Read back and approved in the meeting at 09:57", "Not approved in the meeting"),
    ],
)
def test_approval_and_its_time_or_its_absence(lang: str, approved: str, not_approved: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    first = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    second = render_case_markdown(meeting, kind, cases, 1, lang, settings)
    assert approved in first and not_approved not in first
    assert not_approved in second and approved not in second
    both = render_markdown(meeting, kind, cases, lang, settings)
    assert both.count(approved) == 1 and both.count(not_approved) == 1


def test_approval_on_another_day_gives_the_date_and_the_document_date() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    meeting.slots[0].approved_at = datetime(2026, 11, 11, 8, 30)
    text = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert "Lest opp og godkjent 11.11.2026 kl. 08:30" in text and "i møtet kl. 11.11" not in text
    assert "- **Dokumentdato:** 11.11.2026\n" in text


def test_the_distribution_is_printed() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    text = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert "- **Mottakere av referatet:** Kari Nordmann (Skolehelsetjenesten), Ingrid Berg (Familiehjelpen), Foresatte\n" in text
    assert "- **Mottakere av referatet:** Ingen registrert\n" in render_case_markdown(meeting, kind, cases, 1, lang, settings)


def test_the_time_table_leaves_the_case_unless_a_setting_keeps_it() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    without = render_case_markdown(meeting, kind, cases, 0, lang, settings)
    assert "Tidsbruk" not in without and "Planlagt (min)" not in without
    kept = render_case_markdown(meeting, kind, cases, 0, lang, dataclasses.replace(settings, case_referat_time_table=True))
    assert "### 10 Tidsbruk\n" in kept and "| Sum for saken    |             50 |          52 |               +2 |" in kept
    assert "Sak 2" not in kept and "Tidsbruk for møtet" not in kept
    assert "## Tidsbruk for møtet" in render_markdown(meeting, kind, cases, lang, settings)


def test_the_meeting_referat_is_labelled_for_the_participants() -> None:
    text = render_markdown(*demo_args("nb"))
    assert "*Referat for deltakerne, med alle sakene i møtet." in text
    assert "Referat for én sak" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_referat_has_one_case_heading_and_no_numbers_of_others(lang: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    for slot in (0, 1):
        text = render_case_markdown(meeting, kind, cases, slot, lang, settings)
        h2 = [h for tag, h in headings(text) if tag == "h2"]
        assert len(h2) == 2 and h2[1].split(":")[0] in ("Sak", "Case")
        assert [tag for tag, _ in headings(text)].count("h1") == 1


def test_an_empty_slot_has_no_case_referat() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[1].case_id = None
    with pytest.raises(UnknownCase) as caught:
        render_case_markdown(meeting, kind, cases, 1, lang)
    assert caught.value.key == "export.unknown_case"


def test_a_case_referat_and_the_meeting_referat_agree_on_the_case() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    whole = render_html(meeting, kind, cases, lang, settings)
    one = render_case_html(meeting, kind, cases, 0, lang, settings)
    for phrase in ("Eleven har høyt fravær siden høsten.", "<li>Søvn og rutiner</li>", "Fast voksen i friminuttene"):
        assert phrase in whole and phrase in one


@pytest.mark.parametrize(
    ("lang", "holder", "checklist"),
    [
        ("nb", "Ingen – anonym sak, bare råd og veiledning", "*Sjekklisten gjelder ikke: anonym sak, bare råd og veiledning.*"),
        ("nn", "Ingen – anonym sak, berre råd og rettleiing", "*Sjekklista gjeld ikkje: anonym sak, berre råd og rettleiing.*"),
        ("en", "None – anonymous case, advice only", "*The checklist does not apply: anonymous case, advice only.*"),
    ],
)
def test_an_anonymous_advice_case_has_no_stafettholder_and_no_checklist(lang: str, holder: str, checklist: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    meeting.slots[1].advice_only = True
    cases["demo-sak-2"].stafettholders.clear()
    text = render_case_markdown(meeting, kind, cases, 1, lang, settings)
    assert f":** {holder}\n" in text and checklist in text
    assert "Stafettlogg" not in text
