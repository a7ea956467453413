"""The referat of a meeting that follows a case up: the review of earlier
agreements under its own heading, the stafettholder's hand-over and
naming, the case closed, who tells whom, and an internt arbeidsmøte's next
meeting worded by its kind with time and place."""

from __future__ import annotations

from datetime import date, time

import pytest
from referat_helpers import LANGS, TODAY, demo_args, headings

from bti_tui.model import (
    GUARDIANS,
    YOUTH,
    AgreementStatus,
    ClosingReason,
    Meeting,
    UserPresence,
)
from bti_tui.referat import render_case_markdown, render_html, render_markdown
from bti_tui.resources import meeting_kinds


def followed_up(lang: str = "nb"):
    """The upcoming demo meeting held: its review marked, the stafett handed
    over, the guardians not informed, the case closed."""
    meeting, kind, cases, lang = demo_args(lang, "demo-neste")
    case = cases["demo-sak-1"]
    a1, a2, a3 = case.agreements
    a1.mark(AgreementStatus.DONE, meeting.date, meeting.id, note="Gjennomført")
    a2.mark(AgreementStatus.CONTINUED, meeting.date, meeting.id, new_due=date(2027, 1, 15))
    a3.mark(AgreementStatus.DROPPED, meeting.date, meeting.id)
    case.assign_stafettholder("Ola Hansen", "Barneverntjenesten", meeting.id, meeting.date, note="Barnevernet følger opp")
    slot = meeting.slots[0]
    slot.informing.guardians.presence = UserPresence.NOT_INFORMED
    slot.informing.guardians.reason = "Ikke nådd på telefon"
    slot.informing.tellers[GUARDIANS] = "Ola Hansen"
    case.close(meeting.date, ClosingReason.LEVEL_3_IP, meeting_id=meeting.id)
    return meeting, kind, cases, lang


def test_the_review_has_its_own_heading_first_with_each_outcome() -> None:
    text = render_markdown(*followed_up())
    assert ("h3", "1.1 Gjennomgang av avtaler fra tidligere møter") in headings(text)
    assert ("h3", "1.2 G – Mål") in headings(text)
    assert "| Samtaler hver uke med eleven          | Kari Nordmann | Skolehelsetjenesten | 17.11.2026 – forfalt | Utført" in text
    assert "Videreført, ny frist 15.01.2027" in text and "Droppet" in text and "Gjennomført" in text
    # The pointers from the agenda steps follow the new numbering.
    assert "*Se 1.6 Avtaler.*" in text and "*Se 1.7 Videre oppfølging.*" in text


def test_a_case_without_earlier_agreements_has_no_review() -> None:
    text = render_markdown(*demo_args("nb"))
    assert "Gjennomgang av avtaler" not in text


def test_the_handover_and_closing_in_the_follow_up() -> None:
    text = render_markdown(*followed_up())
    assert "- **Stafettholder overlevert:** Fra Kari Nordmann (Skolehelsetjenesten) til Ola Hansen (Barneverntjenesten). Begrunnelse: Barnevernet følger opp" in text
    assert "- **Saken lukket:** " in text and "overført til nivå 3 / individuell plan (IP)" in text


def test_who_tells_whom_and_the_guardians_part() -> None:
    text = render_markdown(*followed_up())
    assert "### 1.8 Hvem gir beskjed" in text
    assert "- **Foresatte:** Ikke orientert: Ikke nådd på telefon. Ola Hansen gir beskjed om utfallet" in text


def test_the_youth_shows_once_recorded() -> None:
    meeting, kind, cases, lang = followed_up()
    assert "Ungdommen" not in render_markdown(meeting, kind, cases, lang)
    meeting.slots[0].informing.youth.presence = UserPresence.PRESENT
    assert "- **Ungdommen:** Til stede" in render_markdown(meeting, kind, cases, lang)
    meeting.slots[0].informing.tellers[YOUTH] = "Kari"
    assert "- **Ungdommen:** Til stede. Kari gir beskjed om utfallet" in render_markdown(meeting, kind, cases, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_the_new_sections(lang: str) -> None:
    text = render_markdown(*followed_up(lang))
    assert "⟨" not in text
    h3 = [h for tag, h in headings(text) if tag == "h3" and h[0].isdigit()]
    assert h3[0].startswith("1.1 ") and any(h.startswith("1.8 ") for h in h3)
    html = render_html(*followed_up(lang))
    assert "⟨" not in html


def test_an_internal_meeting_names_its_next_meeting_and_the_naming() -> None:
    meeting, _, cases, lang = demo_args("nn", "demo-neste")
    kind = meeting_kinds()["internt-arbeidsmote"]
    internal = Meeting.plan(kind, TODAY, time(14, 0), "Nordby skule", "nn", "m-int")
    internal.slots[0].case_id = "demo-sak-3"
    internal.slots[0].next_meeting = date(2026, 12, 8)
    internal.slots[0].next_meeting_time = time(14, 0)
    internal.slots[0].next_meeting_place = "Møterom 2"
    case = cases["demo-sak-3"]
    case.assign_stafettholder("Siri Lærar", "Nordby skule", "m-int", date(2026, 11, 10), named_by="Rektor Moe")
    case.origin.noticed_by, case.origin.told_leader = "Kontaktlærar Nils", "Rektor Moe"
    case.origin.guardians_initiative, case.origin.initiative_on = True, date(2026, 11, 3)
    text = render_case_markdown(internal, kind, cases, 0, "nn")
    assert "- **Neste arbeidsmøte:** 08.12.2026 kl. 14:00, Møterom 2" in text
    assert "- **Stafetthaldar peika ut:** Av Rektor Moe, 10.11.2026" in text
    assert "- **Behovet først meldt av:** Kontaktlærar Nils, til Rektor Moe" in text
    assert "- **Initiativ til samarbeid med føresette:** Teke 03.11.2026" in text
