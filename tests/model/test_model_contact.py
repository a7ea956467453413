"""Contact details in notes (issue 18): phone numbers, e-mail addresses and
street addresses are hints in every case; times, dates, years, amounts and
the numbers the fødselsnummer guard deals with are not phone numbers."""

from __future__ import annotations

from datetime import date

import pytest
from fnr_helpers import date_part, valid_numbers
from hypothesis import given
from hypothesis import strategies as st

from bti_tui.model.anonymity import Hint, HintKind
from bti_tui.model.contact import contact_hints


def found(text: str) -> list[tuple[str, str]]:
    return [(h.kind.value, h.excerpt(text)) for h in contact_hints(text)]


def kinds(text: str) -> set[str]:
    return {h.kind.value for h in contact_hints(text)}


# --- phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Ring mor på 41234567 etter kl. 15.", "41234567"),
        ("Tlf. 412 34 567.", "412 34 567"),
        ("Tlf 41 23 45 67", "41 23 45 67"),
        ("Sentralbord 22 33 44 55.", "22 33 44 55"),
        ("Mobil: 41-23-45-67", "41-23-45-67"),
        ("Ring +47 412 34 567 i dag", "+47 412 34 567"),
        ("Ring +4741234567", "+4741234567"),
        ("Far: 0047 41234567", "0047 41234567"),
        ("Far: 0047 41 23 45 67", "0047 41 23 45 67"),
        ("Telefon\u00a0412\u00a034\u00a0567", "412\u00a034\u00a0567"),
        ("Mor i Sverige: +46 70 123 45 67.", "+46 70 123 45 67"),
        ("(92345678)", "92345678"),
    ],
)
def test_phone_numbers_are_found(text: str, phone: str) -> None:
    assert found(text) == [("phone", phone)]


def test_several_phone_numbers() -> None:
    assert found("Mor 41234567, far 92345678 og 22 33 44 55") == [
        ("phone", "41234567"),
        ("phone", "92345678"),
        ("phone", "22 33 44 55"),
    ]
    assert found("41234567 92345678") == [("phone", "41234567"), ("phone", "92345678")]


FNR = valid_numbers(date_part(date(2012, 3, 15)))[0]


@pytest.mark.parametrize(
    "text",
    [
        "Møte kl. 13:00, ferdig 14.30.",
        "Født 15.03.2012, møte 22.03.2026 og 22-03-2026.",
        "Skoleåret 2025-2026, i 2026.",
        "Beløp 1 500 kr, 12 000 kr, 2 500 000 kr og 22 500 kroner.",
        "Saksnr 2026/12345, arkiv 2026/00123-4.",
        "Konto 1503.40.12345 og 1503 40 12345.",
        f"Fnr {FNR[:6]} {FNR[6:]} og {FNR}.",
        "15032012 er en dato uten punktum.",
        "Tallet 41234567,5 og 412345678 og 123456789.",
        "Trinn 1 2 3 4 5 6 7 8.",
        "Postnummer 0150, 7 elever, 300 elever.",
        "Et +-tegn: +1 og +12.",
    ],
)
def test_other_numbers_are_not_phone_numbers(text: str) -> None:
    assert "phone" not in kinds(text)


# --- e-mail ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Skriv til ola.nordmann@example.no.", "ola.nordmann@example.no"),
        ("Send til kari+bti@skole.oslo.kommune.no, takk", "kari+bti@skole.oslo.kommune.no"),
        ("E-post: per_hansen-2@firma-navn.com", "per_hansen-2@firma-navn.com"),
        ("mail: blåbær@bø.no", "blåbær@bø.no"),
        ("<post@nav.no>", "post@nav.no"),
    ],
)
def test_email_addresses_are_found(text: str, email: str) -> None:
    assert found(text) == [("email", email)]


@pytest.mark.parametrize(
    "text",
    ["a@b", "ola@localhost", "@ola på Twitter", "Møte @ 10", "ola@ example.no", "epost mangler (@)"],
)
def test_other_at_signs_are_not_email_addresses(text: str) -> None:
    assert "email" not in kinds(text)


# --- street address -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Familien bor i Storgata 12.", "Storgata 12"),
        ("Adresse: Kirkeveien 3B, 0150 Oslo.", "Kirkeveien 3B, 0150 Oslo"),
        ("Kirkeveien 3 B", "Kirkeveien 3 B"),
        ("Flyttet til Karl Johans gate 1.", "Karl Johans gate 1"),
        ("Møte på Ole Bulls plass 3.", "Ole Bulls plass 3"),
        ("Storgt. 5", "Storgt. 5"),
        ("Nedre Slottsgate 4", "Slottsgate 4"),
        ("Bor i Granvegen 7 på Hamar.", "Granvegen 7"),
        ("Solbakken 7-9", "Solbakken 7-9"),
        ("Kongens allé 2", "Kongens allé 2"),
        ("Bryggeveien 10, 5003 Bergen", "Bryggeveien 10, 5003 Bergen"),
        ("Fjellstien 4a", "Fjellstien 4a"),
        ("Bor i Eikelia 3", None),  # "lia" only as a word of its own
        ("Bor i Øvre Lia 3", "Øvre Lia 3"),
        ("Karl Johans Gate 1", "Karl Johans Gate 1"),
    ],
)
def test_street_addresses_are_found(text: str, address: str | None) -> None:
    expected = [] if address is None else [("address", address)]
    assert [f for f in found(text) if f[0] == "address"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Han gikk på veien hjem. Veien 3 uker fram er lang.",
        "Storgata er stengt. Gata 2 er feil.",
        "gata 2 og veien 3",
        "Nordhaugen 12 år, Natalia 10 år.",
        "Alle 3 barna er med. Plass 3 er ledig.",
        "Skolen har 300 elever i 7. klasse.",
        "Nordby skole 2026.",
        "Gate 12 på Gardermoen? nei.",
    ],
)
def test_other_words_are_not_addresses(text: str) -> None:
    assert "address" not in kinds(text)


def test_digits_inside_an_email_address_are_not_a_phone_number() -> None:
    assert found("Skriv til ola41234567@example.no") == [("email", "ola41234567@example.no")]
    assert found("Storgata 2, tlf 41234567") == [("address", "Storgata 2"), ("phone", "41234567")]


# --- together ------------------------------------------------------------------------------


def test_hints_are_sorted_with_exact_offsets() -> None:
    text = "Mor: ola@example.no, 412 34 567, Storgata 12."
    assert contact_hints(text) == [
        Hint(HintKind.EMAIL, 5, 19),
        Hint(HintKind.PHONE, 21, 31),
        Hint(HintKind.ADDRESS, 33, 44),
    ]


def test_plain_notes_have_no_contact_details() -> None:
    text = (
        "Problemstilling: uro i timene og mye fravær i 7. klasse. Foresatte er bekymret.\n"
        "Avtale: PPT kartlegger innen 01.12.2026 kl. 09:00. Budsjett 12 000 kr.\n"
        "Neste møte 15.01.2027 på skolen, rom 2. Saksnr 2026/1234."
    )
    assert contact_hints(text) == []


@given(st.text(max_size=200))
def test_contact_hints_are_well_formed_for_any_text(text: str) -> None:
    hints = contact_hints(text)
    assert hints == sorted(hints, key=lambda h: (h.start, h.end))
    for hint in hints:
        assert 0 <= hint.start < hint.end <= len(text)
        assert hint.kind in (HintKind.PHONE, HintKind.EMAIL, HintKind.ADDRESS)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_contact_kind_has_a_name_and_the_hint_a_text(lang: str) -> None:
    from bti_tui.i18n import Translator

    t = Translator(lang)
    for kind in (HintKind.PHONE, HintKind.EMAIL, HintKind.ADDRESS):
        assert not t(f"privacy.contact.{kind.value}").startswith("⟨")
    assert "«Storgata 12»" in t("privacy.contact.hint", found="«Storgata 12»")
