"""Hints that an anonymous case's notes identify the child: school, class,
age, fødselsnummer — in bokmål, nynorsk and English, with few false alarms."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from fnr_helpers import date_part, valid_numbers
from hypothesis import given
from hypothesis import strategies as st

from bti_tui.model.anonymity import Hint, HintKind, identifying_hints


def hints(text: str) -> list[tuple[str, str]]:
    return [(h.kind.value, h.excerpt(text)) for h in identifying_hints(text)]


def kinds(text: str) -> set[str]:
    return {h.kind.value for h in identifying_hints(text)}


# --- school ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Eleven går på Nordby skole.", "Nordby skole"),
        ("Guten går på Nordby skule.", "Nordby skule"),
        ("Solsikken barnehage melder bekymring.", "Solsikken barnehage"),
        ("Hun gikk i Solsikken Barnehage før.", "Solsikken Barnehage"),
        ("Han går på Nordby ungdomsskole.", "Nordby ungdomsskole"),
        ("Ho går på Nordby ungdomsskule.", "Nordby ungdomsskule"),
        ("Barnet går på Nordby barneskole.", "Nordby barneskole"),
        ("Eleven går på Nordby barne- og ungdomsskole.", "Nordby barne- og ungdomsskole"),
        ("Han går på Oslo katedralskole.", "Oslo katedralskole"),
        ("Hun går på Nordby videregående skole.", "Nordby videregående skole"),
        ("Ho går på Nordby vidaregåande skule.", "Nordby vidaregåande skule"),
        ("Eleven går på Nordby vgs.", "Nordby vgs"),
        ("Nordby oppvekstsenter har meldt saken.", "Nordby oppvekstsenter"),
        ("Han går på Nordby SFO etter skolen.", "Nordby SFO"),
        ("Hun går på Øvre Nordby skole.", "Øvre Nordby skole"),
        ("Han går på Nord-Fron skule.", "Nord-Fron skule"),
        ("Nordby skole melder bekymring.", "Nordby skole"),  # a name at sentence start
        ("NORDBY SKOLE", "NORDBY SKOLE"),
        ("Hun begynte på Nordbyskolen i fjor.", "Nordbyskolen"),
        ("Han går i Solsikkebarnehagen.", "Solsikkebarnehagen"),
        ("Ho går på Nordbyskulen.", "Nordbyskulen"),
        ("She attends Nordby School.", "Nordby School"),
        ("He goes to Nordby school.", "Nordby school"),
        ("The Nordby Primary School has called.", "Nordby Primary School"),
        ("She was at Sunflower Kindergarten.", "Sunflower Kindergarten"),
        ("He is at St Mary's Academy.", "St Mary's Academy"),
    ],
)
def test_school_names_are_found(text: str, excerpt: str) -> None:
    assert ("school", excerpt) in hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Skolen melder at eleven er mye borte.",
        "På skolen er det uro. I barnehagen går det bra.",
        "Skulen har meldt saka. Barnehagen er uroa.",
        "Ny skole fra høsten.",
        "Byttet skole i fjor.",
        "Annen skole er vurdert. Samme skule som bror.",
        "Privat barnehage er et alternativ.",
        "Ungdomsskolen har gitt beskjed.",
        "Kulturskolen og Barneskolen samarbeider.",
        "Nærskolen er vurdert.",
        "Hun går på skolen og i barnehagen.",
        "nordby skole (small letters are not caught)",
        "Skoleveien er lang. Skoleåret starter. Skolefritidsordningen er stengt.",
        "School is hard. At school she is quiet. High school is far away.",
        "The school called. A new school is an option. Primary school was fine.",
        "The kindergarten reports concern.",
        "Møtet var på skolen i Nordby kommune.",
        "Skolens ledelse er informert.",
    ],
)
def test_school_words_without_a_name_are_not_hints(text: str) -> None:
    assert "school" not in kinds(text)


# --- class ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Eleven går i 7. klasse.", "7. klasse"),
        ("Han går i 7 klasse.", "7 klasse"),
        ("Han går i 7.klasse.", "7.klasse"),
        ("Hun går i 10. klasse.", "10. klasse"),
        ("Eleven (7. kl.) har fravær.", "7. kl."),
        ("Hun går i klasse 3.", "klasse 3"),
        ("Han er elev i klasse 3B.", "klasse 3B"),
        ("Eleven går på 3. trinn.", "3. trinn"),
        ("Eleven går på 3.trinn.", "3.trinn"),
        ("Ho går på 7. årstrinn.", "7. årstrinn"),
        ("Han går i 7B.", "7B"),
        ("Hun går i 7b og trives.", "7b"),
        ("Elev i 10C, fravær.", "10C"),
        ("Elevar frå 7A og 7B.", "7B"),
        ("Hun går på Vg2.", "Vg2"),
        ("Han går VG1 studiespesialisering.", "VG1"),
        ("Ho går i sjuande klasse.", "sjuande klasse"),
        ("Han går i første klasse.", "første klasse"),
        ("Hun går på tredje trinn.", "tredje trinn"),
        ("She is in year 7.", "year 7"),
        ("He is in Year 10.", "Year 10"),
        ("She is in grade 3.", "grade 3"),
        ("He is in class 4B.", "class 4B"),
        ("She is in 3rd grade.", "3rd grade"),
        ("He is in third grade.", "third grade"),
        ("She is in year seven.", "year seven"),
    ],
)
def test_classes_are_found(text: str, excerpt: str) -> None:
    assert ("class", excerpt) in hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Klassen har mye uro. Klasse og trinn er ikke avklart.",
        "Det er 3 klasser på trinnet.",
        "Vi tar det i 3 trinn.",
        "Trinn 2 i planen er kartlegging.",
        "Andre trinn i prosessen er tiltak.",
        "Møtet er 7. kl. 10.00 i 2. etasje.",
        "Møte kl. 10.",
        "Storgata 7B er adressen.",
        "§ 4A gjelder. Se paragraf 4A og punkt 2a.",
        "Tiltak 2a og 2b er avtalt. Se punkt 3a, 3b og 3c.",
        "Vi brukte en 3D-printer og så en 3D film.",
        "The year 2020 was hard. In year 2021 things improved.",
        "Grade A work. Class action.",
        "Møte 12.03.2026, 14 deltakere.",
        "Det er 7 elever og 2 barn.",
    ],
)
def test_other_numbers_are_not_classes(text: str) -> None:
    assert "class" not in kinds(text)


# --- age -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Gutten er 10 år gammel.", "Gutten er 10 år gammel"),
        ("Guten er 10 år gamal.", "Guten er 10 år gamal"),
        ("Jenta er 10 år gammal.", "Jenta er 10 år gammal"),
        ("Ein gut, 10 år gammal, går der.", "10 år gammal"),
        ("Barnet er 2 år og 3 måneder gammelt? Nei: 2 år og 3 måneder gammel.", "2 år og 3 måneder gammel"),
        ("Barnet er 8 måneder gammel.", "8 måneder gammel"),
        ("Ei jente, ti år gammel.", "ti år gammel"),
        ("En 10-åring med mye fravær.", "10-åring"),
        ("Ein 10 åring med mykje fråvær.", "10 åring"),
        ("10-åringen har fått hjelp.", "10-åringen"),
        ("Tiåringen har fått hjelp.", "Tiåringen"),
        ("Ein femåring.", "femåring"),
        ("En 10-årig gutt.", "10-årig gutt"),
        ("Ei jente på 7 år.", "jente på 7 år"),
        ("Ein gut på 7 år.", "gut på 7 år"),
        ("Han er 10 år.", "Han er 10 år"),
        ("Ho er 10 år.", "Ho er 10 år"),
        ("Gutten, som nå er 10 år, går på skolen.", "som nå er 10 år"),
        ("AB er 10 år.", "AB er 10 år"),
        ("Han fyller 10 i mars.", "fyller 10"),
        ("Ho fyller ti år.", "fyller ti år"),
        ("Hun fylte 9 år i fjor.", "fylte 9 år"),
        ("Ved 5 års alder flyttet familien.", "5 års alder"),
        ("I 5-årsalderen flytta familien.", "5-årsalderen"),
        ("Alder: 10", "Alder: 10"),
        ("Alder 10 år.", "Alder 10"),
        ("The child, aged 10, moved here.", "aged 10"),
        ("At age 10 she moved.", "age 10"),
        ("At the age of 10 she moved.", "age of 10"),
        ("He is 10 years old.", "10 years old"),
        ("A 10-year-old boy.", "10-year-old"),
        ("A ten-year-old girl.", "ten-year-old"),
        ("She is 9 months old.", "9 months old"),
        ("Boy, 10 y/o.", "10 y/o"),
        ("Eleven er født 2015.", "født 2015"),
        ("Eleven er født i 2015.", "født i 2015"),
        ("Guten er fødd 03.05.2015.", "fødd 03.05.2015"),
        ("Fødselsdato: 03.05.2015", "Fødselsdato: 03.05.2015"),
        ("Eleven (f. 03.05.15) har fått vedtak.", "f. 03.05.15"),
        ("She was born in 2015.", "born in 2015"),
        ("Date of birth: 2015-05-03", "Date of birth: 2015-05-03"),
        # Issue 13 part 3: an age set off on its own, as notes are written
        ("10 år", "10 år"),
        ("Gutt, 10 år, har mye fravær.", "10 år"),
        ("Jente 10 år.", "10 år"),
        ("Jente, elleve år.", "elleve år"),
        ("elleve år", "elleve år"),
        ("Sak 2:\n14 år\nUro i timene.", "14 år"),
        ("Eleven, 14 år og 3 mnd, har fravær.", "14 år og 3 mnd"),
        ("Gut, 10 år, bur hjå mor.", "10 år"),
        ("Sak: gutt – 10 år – fravær.", "10 år"),
        ("Boy, 10 years, moved here.", "10 years"),
        ("Gutten (10) har fravær.", "Gutten (10)"),
        ("Jenta (10 år) har fravær.", "Jenta (10 år)"),
        ("Eleven er 14.", "Eleven er 14"),
        ("Ho er elleve.", "Ho er elleve"),
        ("Han er 10 år gml.", "Han er 10 år gml."),
        ("Ein gut, 10 år gl., går der.", "10 år gl."),
        ("Hun hadde 10-årsdag i går.", "10-årsdag"),
        ("Etter tiårsdagen ble det verre.", "tiårsdagen"),
        ("Jenta fylte ti i fjor.", "fylte ti"),
        ("Eleven er ein tolvåring.", "tolvåring"),
        ("Guten er 10-åring.", "10-åring"),
    ],
)
def test_ages_are_found(text: str, excerpt: str) -> None:
    assert ("age", excerpt) in hints(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det skjedde for 2 år siden.",
        "Det er 2 år siden sist.",
        "Det er 2 år sidan sist.",
        "Det er 2 år sida sist.",
        "Han har bodd her i 3 år.",
        "Vi har møte hvert år. Om 2 år er han ferdig.",
        "Det er 2 år med venting.",
        "Tiltaket varer i 2 år. Planen gjelder 3 år fram.",
        "BTI gjelder barn i alderen 0-18 år. Aldersgruppen 6–12 år.",
        "Children aged 6-12 are covered. Age 0–6.",
        "År for år. Året var tungt. I år går det bedre.",
        "Møtet varte 2 timer. Det var 10 deltakere.",
        "The building is 100 years old.",
        "Kl. 10 år",
        "De siste 3 årene.",
        "Hun fyller ut skjemaet.",
        "Etter 2 år, ble det bedre. Om 3 år, kanskje.",
        "Vi har jobbet med saken i 2 år. Avtalen gjelder for 1 år.",
        "Tiltak (2 år) er vurdert. Plan: 3 år.",
        "Aldersgruppen 6 – 12 år er målgruppen.",
        "Det er 14. gang. Antallet er 14.",
        "Møtet er 10. mars. Hun er 100 % sikker.",
        "Skolen feiret 100-årsdag.",
    ],
)
def test_durations_and_ranges_are_not_ages(text: str) -> None:
    assert "age" not in kinds(text)


# --- fødselsnummer, offsets, several hints ---------------------------------------------


def test_a_fodselsnummer_is_a_hint() -> None:
    number = valid_numbers(date_part(date(2015, 5, 3)))[0]
    text = f"Nummer: {number[:6]} {number[6:]}."
    assert hints(text) == [("fodselsnummer", f"{number[:6]} {number[6:]}")]


def test_hints_are_sorted_with_exact_offsets() -> None:
    text = "Han er 10 år, og går i 5. klasse på Nordby skole."
    found = identifying_hints(text)
    assert found == [
        Hint(HintKind.AGE, 0, 12),
        Hint(HintKind.CLASS, 23, 32),
        Hint(HintKind.SCHOOL, 36, 48),
    ]
    assert [h.excerpt(text) for h in found] == ["Han er 10 år", "5. klasse", "Nordby skole"]


def test_overlapping_hints_of_one_kind_merge() -> None:
    # "er 10 år" and "10 år gammel" overlap: one hint covering both.
    text = "Han er 10 år gammel."
    assert hints(text) == [("age", "Han er 10 år gammel")]


def test_hint_kinds_are_the_seven_strings() -> None:
    # school, class, age and fødselsnummer from identifying_hints; phone,
    # email and address from bti_tui.model.contact.contact_hints.
    assert {k.value for k in HintKind} == {
        "school", "class", "age", "fodselsnummer", "phone", "email", "address"
    }
    assert HintKind.SCHOOL == "school"
    hint = Hint(HintKind.AGE, 1, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hint.start = 2  # type: ignore[misc]


def test_plain_notes_give_no_hints() -> None:
    text = (
        "Problemstilling: uro i timene og mye fravær. Foresatte er bekymret.\n"
        "Skolen har prøvd tilpasset opplæring i to måneder. Helsesykepleier har hatt samtaler.\n"
        "Avtale: PPT kartlegger innen 01.12.2026. Neste møte kl. 09:00 på skolen.\n"
        "The school reports absence; the family has been offered support for 2 years."
    )
    assert identifying_hints(text) == []


@given(st.text(max_size=200))
def test_hints_are_well_formed_for_any_text(text: str) -> None:
    found = identifying_hints(text)
    assert found == sorted(found, key=lambda h: (h.start, h.end))
    for hint in found:
        assert 0 <= hint.start < hint.end <= len(text)
        assert hint.kind in HintKind
    for a, b in zip(found, found[1:]):
        if a.kind is b.kind:
            assert a.end <= b.start
