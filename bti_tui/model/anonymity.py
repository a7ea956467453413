"""Hints that an anonymous case's notes identify the child after all.

Helsepersonelloven § 23 nr. 2: information is anonymous only if nobody can
tell who it is about, directly or indirectly. Age, school and class add up
fast, so an anonymous case warns when its notes name a school, a class or an
age (and, as everywhere, a fødselsnummer). These are *hints*: the app shows
them, the people in the room decide. Nothing is blocked.

The rules aim at few false alarms, in bokmål, nynorsk and English:

- school: a name in capitals before a school word ("Nordby skole", "Nordby
  skule", "Solsikken barnehage", "Nordby ungdomsskole", "Oslo katedralskole",
  "Nordby vgs", "Nordby Primary School") or a compound name ("Nordbyskolen",
  "Solsikkebarnehagen"). A school word alone ("skolen", "på skulen", "Skolen
  melder ...", "i barnehagen") is a common noun and does not count, nor does a
  capital that is only a sentence start ("Ny skole", "På skolen", "Byttet
  skole"), nor a common compound ("Ungdomsskolen", "Kulturskolen").
  A school name written in small letters ("nordby skole") is not caught.
- class: "7. klasse", "7 klasse", "7.kl.", "klasse 3", "klasse 3B", "3. trinn",
  "7. årstrinn", "7B"/"7b" (not after "§", "punkt" and the like, not in a street
  address "Storgata 7B", not "3D"), "Vg2", "sjuande klasse", "year 7",
  "grade 3", "class 4B", "3rd grade", "third grade". Not "trinn 2" (a step in a
  plan), not "3 trinn" without the dot, not a range's bare start ("1.-4.").
- age: "10 år gammel/gamal/gammal/gml.", "8 måneder gammel", "10-åring",
  "tiåringen", "10-årig gutt", "jente på 7 år", "er 10 år", "fyller 10",
  "fylte ti", "10-årsdag", "alder 10", "aged 10", "age of 10", "10 years old",
  "10-year-old", "10 y/o", and a birth date or year ("født 2015",
  "fødd 03.05.2015", "born in 2015", "fødselsdato 03.05.2015").
  An age set off on its own, the way notes are written, counts too: "10 år"
  or "elleve år" at a line start, after a comma, semicolon, spaced dash or a
  person word, and ending at punctuation or the line's end ("Gutt, 10 år,",
  "Jente 10 år.", "Boy, 10 years,"); "gutten (10)", "jenta (10 år)"; "han er
  14." A duration does not count: "2 år siden", "er 2 år sidan", "i 3 år",
  "etter 2 år, ...", "Tiltak (2 år)", nor a range "alderen 6-12 år". A name
  before "(10)" is not caught ("Kari (10)"): an anonymous case names no one.
- fodselsnummer: as found by :func:`bti_tui.model.privacy.find_fodselsnummer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from bti_tui.model.privacy import find_fodselsnummer


class HintKind(StrEnum):
    SCHOOL = "school"
    CLASS = "class"
    AGE = "age"
    FODSELSNUMMER = "fodselsnummer"
    # Contact details (bti_tui.model.contact.contact_hints), warned about in every case.
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"


@dataclass(frozen=True)
class Hint:
    """``text[start:end]`` may identify the child, as a ``kind``."""

    kind: HintKind
    start: int
    end: int

    def excerpt(self, text: str) -> str:
        return text[self.start : self.end]


# --- building blocks --------------------------------------------------------------

_UPPER = "A-ZÆØÅÄÖÜÉÈÁÓ"
_LETTER = r"[^\W\d_]"
_NOT_LETTER_AFTER = rf"(?!{_LETTER})"
_NAME_WORD = rf"[{_UPPER}]{_LETTER}*(?:[-'’]{_LETTER}+)*"


def _words(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Capitalised words that are not names: a sentence start before a school word.
_NOT_A_NAME = _words(
    # nb/nn determiners, pronouns, prepositions, conjunctions, adverbs
    "den det denne dette disse dei de ein en et eit ei min mi mitt mine din di",
    "ditt dine hans hennes hennar sin si sitt sine vår vårt våre deres dykkar",
    "deira samme same annen annan anna annet andre ny nytt nye gammel gamal",
    "gamle egen eigen eige eget egne eigne hvilken hvilket hvilke kva kvar hver",
    "hvert ingen inga noen nokon nokre noka all alle enhver på i til fra frå ved",
    "hos med uten utan om for før etter mot av under over mellom og eller men at",
    "som når da då så der her hvor kor også ikke ikkje heller enn bare berre",
    # nb/nn verbs and adjectives that start a note
    "ble vart blei er var har hadde går gikk gjekk begynte byrja begynner byrjar",
    "starter startet starta bytter byttet bytta bytte skifte skiftet skifta",
    "valgte valde velger vel søker søkte ønsker ønskjer liker likar trives",
    "trivst mistrives mistrivst skulker skulkar sluttet slutta mangler manglar",
    "flyttet flytta privat kommunal kommunale offentlig offentleg vanlig vanleg",
    "ordinær ordinært spesial alternativ lokal lokale nærmeste næraste stor store",
    "liten lita lite små god godt gode dårlig dårleg videregående vidaregåande",
    "kristen kristne tidligere tidlegare forrige førre neste nåværende noverande",
    "første fyrste tredje fjerde femte sjette sjuende sjuande syvende",
    # en
    "the a an this that these those his her their our my your its same another",
    "other new old which what any every each no some at in to from after before",
    "during about for of with without and or but not also attends attended",
    "started starts changed changes left leaves joined joins moved goes went",
    "likes hates avoids skipped skips misses missed high primary secondary",
    "elementary middle junior senior nursery grammar public private state",
    "boarding local special summer sunday driving art music language day night",
    "pre free international community comprehensive preparatory prep",
)

_SCHOOL_NOUN = (
    r"(?:(?i:"
    r"(?:barne-\s+og\s+ungdoms|barne|ungdoms|fri|montessori|steiner|katedral)?(?:skole|skule)"
    r"|(?:videregående|vidaregåande)\s+(?:skole|skule)|vgs"
    r"|(?:familie)?barnehage|oppvekstsenter|oppvekstsenteret"
    r"|(?:(?:primary|elementary|secondary|middle|high|junior|senior|infant|nursery|grammar"
    r"|community|international|free|comprehensive|preparatory|prep)\s+)?"
    r"(?:school|academy|kindergarten|nursery|pre-?school|college)"
    r")|SFO)"
)

_NAMED_SCHOOL = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,2}})\s+{_SCHOOL_NOUN}{_NOT_LETTER_AFTER}"
)

# "Nordbyskolen", "Solsikkebarnehagen": a capitalised compound whose first
# part is not a common word ("Ungdomsskolen", "Kulturskolen", "Barnehagen").
_COMPOUND_SCHOOL = re.compile(
    rf"\b(?P<name>[{_UPPER}]{_LETTER}{{2,}}?)-?(?i:skolen?|skulen?|barnehagen?){_NOT_LETTER_AFTER}"
)
_COMMON_SCHOOL_PREFIXES = _words(
    "barne ungdoms grunn fri privat natur musikk kultur sommer nær høy høg fag",
    "folkehøy folkehøg yrkes real kunst bibel heim hjemme leir spesial alternativ",
    "familie gårds friluft idretts fotball dans språk voksenopplærings mottaks",
    "innførings nabo steiner montessori sentrum bygde grende trafikk kjøre",
    "søndags dag kveld natt nett ny nye gamle forrige førre neste gammel gamal",
    "egen eigen same samme annen annan den denne vår våre hans hennes hennar",
    "deres sin sine kommunal kommunale offentlig offentleg privat nærmeste",
    "næraste lokal ordinær vanlig vanleg kristen kristne katedral",
    "med ved til fra frå på og utan uten for",
)

# --- classes -------------------------------------------------------------------------

_CLASS_NUMBER = r"(?<![\d.,])(?:1[0-3]|[1-9])"
_ORDINALS_NO = (
    "første fyrste andre tredje fjerde femte sjette sjuende syvende sjuande "
    "åttende åttande niende niande tiende tiande"
)
_ORDINALS_EN = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
_NUMBERS_EN = "one two three four five six seven eight nine ten eleven twelve thirteen"


def _alternation(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_CLASS_PATTERNS = [
    # 7. klasse, 7 klasse, 7.kl. (not "7. kl. 10", a time)
    rf"{_CLASS_NUMBER}\.?\s?(?i:klasse|klassetrinn|kl\b\.?(?![.\s]*\d)){_NOT_LETTER_AFTER}",
    # 3. trinn, 7. årstrinn: the dot is required ("3 trinn" are three steps)
    rf"{_CLASS_NUMBER}\.\s?(?i:trinn|årstrinn|klassetrinn|steg){_NOT_LETTER_AFTER}",
    # klasse 3, klasse 3B, årstrinn 7
    rf"\b(?i:klasse|klassetrinn|årstrinn)\s?{_CLASS_NUMBER}[a-hA-H]?(?![\w])",
    # sjuande klasse, tredje trinn ("andre trinn" is "other steps")
    rf"\b(?i:{_alternation(_ORDINALS_NO)})\s+(?i:klasse|klassetrinn|årstrinn){_NOT_LETTER_AFTER}",
    rf"\b(?i:{_alternation(_ORDINALS_NO.replace('andre ', ''))})\s+(?i:trinn){_NOT_LETTER_AFTER}",
    # Vg1-Vg3 (videregående)
    r"\b(?i:vg)\s?[1-3](?!\d)",
    # year 7, grade 3, class 4B
    rf"\b(?i:year|grade|class)\s?{_CLASS_NUMBER}[a-hA-H]?(?![\w])",
    rf"\b(?i:year)\s+(?i:{_alternation(_NUMBERS_EN)}){_NOT_LETTER_AFTER}",
    # 3rd grade, third grade
    rf"{_CLASS_NUMBER}(?i:st|nd|rd|th)\s+(?i:grade){_NOT_LETTER_AFTER}",
    rf"\b(?i:{_alternation(_ORDINALS_EN)})\s+(?i:grade){_NOT_LETTER_AFTER}",
]
_CLASS = [re.compile(p) for p in _CLASS_PATTERNS]

# 7B / 7b on its own: checked against its context in _letter_classes().
_LETTER_CLASS = re.compile(rf"{_CLASS_NUMBER}[a-fA-F](?![\w\-/])(?!\.\d)")
_NOT_A_CLASS_BEFORE = re.compile(
    r"(?:§|(?i:\b(?:paragraf|punkt|pkt|kapittel|kap|ledd|nr|side|s|vedlegg|bokstav|tabell"
    rf"|figur|oppgave|oppgåve|tiltak|steg|trinn|section|item|page|room|rom))\.?|\b[{_UPPER}]{_LETTER}+)"
    r"\s*$"
)
_NOT_A_CLASS = {"2d", "3d", "4d"}
_LIST_GLUE = re.compile(r"\s*(?:,|/|&|-|–|(?i:og|eller|and|or))?\s*")

# --- ages -------------------------------------------------------------------------------

_AGE_NUMBER = r"(?<![\d.,])\d{1,2}(?:[.,]5)?(?![\d])"
_NUMBER_WORDS_NO = (
    "ett eitt ein en to tre fire fem seks sju syv åtte ni ti elleve tolv tretten "
    "fjorten femten seksten sytten atten nitten"
)
_NUMBER_WORDS_EN = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_AGE_NO = rf"(?:{_AGE_NUMBER}|\b(?i:{_alternation(_NUMBER_WORDS_NO)}))"
_AGE_EN = rf"(?:{_AGE_NUMBER}|\b(?i:{_alternation(_NUMBER_WORDS_EN)}))"
_OLD_NO = r"(?i:gammel|gamal|gammal|gamle|gml\.?|gl\.)"
_MONTHS_NO = r"(?i:måneder|månader|mnd\.?|uker|veker)"
_PERSON_WORDS = (
    "gutt gutten gut guten jente jenta jenten barn barnet elev eleven ungdom ungdommen "
    "sønn sønnen son sonen datter dattera datteren dotter dottera bror broren søster "
    "søsteren syster systera pasient pasienten"
)
_PERSON_NO = rf"(?i:{_alternation(_PERSON_WORDS)})"
# Who "er 10 år": a pronoun, a person, or a capitalised word (a name, or
# initials) that is not a common sentence start ("Det er 2 år ...").
_SUBJECT_NO = (
    rf"(?i:han|hun|ho|hen|som|{_alternation(_PERSON_WORDS)})|[{_UPPER}]{_LETTER}*"
)
_DATE = r"(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\w+\s+\d{4}|\d{4})(?!\d)"
# Words after "er N år" that make it a duration: "er 2 år siden".
_DURATION_AFTER = (
    r"(?!\s+(?i:siden|sidan|sida|til|tilbake|att|igjen|etter|fram|frem|før|framover"
    r"|fremover|inn|i\b|på\s+rad|med\b|ventetid|venting))"
)

_YEARLING = r"åring(?:en|er|ene|ar|ane)?|årsdag(?:en)?"
_AGE_SET_OFF = (
    rf"{_AGE_NO}\s*(?i:år|years?)(?:\s+(?i:og|and)\s+{_AGE_NUMBER}\s*(?:{_MONTHS_NO}|(?i:months?)))?"
)
_SET_OFF_END = r"(?=[ \t]*(?:[,.;:!?)\]\n]|$|\s[–—]))"
# Who may be "14." without "år": "Eleven er 14." (not "Antallet er 14.").
_BARE_AGE_SUBJECTS = _words("han hun ho hen som", _PERSON_WORDS)

_AGE_PATTERNS = [
    # 10 år gammel / gamal / gammal, 2 år og 3 måneder gammel
    rf"{_AGE_NO}\s*(?i:år)(?:\s+og\s+{_AGE_NUMBER}\s*{_MONTHS_NO})?\s+{_OLD_NO}{_NOT_LETTER_AFTER}",
    rf"{_AGE_NO}\s*{_MONTHS_NO}\s+{_OLD_NO}{_NOT_LETTER_AFTER}",
    # 10-åring, 10 åringen, tiåringen; 10-årsdag, tiårsdagen (a birthday gives the age)
    rf"{_AGE_NUMBER}\s?-?\s?(?i:{_YEARLING}){_NOT_LETTER_AFTER}",
    rf"\b(?i:{_alternation(_NUMBER_WORDS_NO)})-?(?i:{_YEARLING}){_NOT_LETTER_AFTER}",
    # A line "10 år", "Gutt, 10 år, ...", "..., elleve år.", "gutt – 10 år –": an
    # age set off on its own (at a line start, after a comma or semicolon or a
    # spaced dash) and ending at punctuation. Not "i 3 år", "for 2 år siden",
    # "6–12 år" (a range). The hint is the age itself.
    rf"(?:(?m:^)|[,;]|\s[–—])[ \t]*(?P<hint>{_AGE_SET_OFF}){_SET_OFF_END}",
    # en 10-årig gutt
    rf"{_AGE_NO}-?(?i:årig|årige|års)\s+{_PERSON_NO}{_NOT_LETTER_AFTER}",
    # After a person word: jente på 7 år; gutten (10), jenta (10 år); "Jente 10 år."
    rf"\b{_PERSON_NO}(?:\s+(?i:på)\s+{_AGE_NO}\s*(?:(?i:år)|{_MONTHS_NO}){_NOT_LETTER_AFTER}"
    rf"|\s*\(\s*{_AGE_NUMBER}(?:\s*(?i:år|years?))?\s*\)"
    rf"|,?[ \t]+(?P<hint>{_AGE_SET_OFF}){_SET_OFF_END})",
    # han er 10 år, Kari blir 10 år, som nå er 10 år (not "det er 2 år siden");
    # without "år" only after a pronoun or a person word: "Eleven er 14."
    rf"\b(?P<subject>{_SUBJECT_NO})(?:\s+(?i:nå|no|snart|bare|berre|allerede|alt|akkurat))?"
    rf"\s+(?i:er|var|blir|ble|blei|vart)\s+{_AGE_NO}"
    rf"(?:\s*(?i:år){_NOT_LETTER_AFTER}{_DURATION_AFTER}|(?P<bare>)(?=\s*(?:[.,;!?)]|$)))",
    # ved 5 års alder, i 5-årsalderen, femårsalderen
    rf"{_AGE_NO}\s*-?\s*(?i:års)\s?-?(?i:alder|alderen){_NOT_LETTER_AFTER}",
    # fyller 10 år, fylte 9 (i mars)
    rf"\b(?i:fyller|fylte|fyllte|fyllar)\s+{_AGE_NO}\s*(?i:år){_NOT_LETTER_AFTER}",
    rf"\b(?i:fyller|fylte|fyllte|fyllar)\s+{_AGE_NO}(?=\s*(?:[.,;!?)]|$|(?i:i|på|om|neste|til)\b))",
    # alder 10, alderen: 10 (not "alderen 6-12 år", a range)
    rf"\b(?i:alder|alderen)\s*:?\s*{_AGE_NUMBER}(?!\s*[-–]\s*\d)",
    # aged 10, age of 10, age: 10
    rf"\b(?i:aged?|age\s+of)\s*:?\s*{_AGE_EN}(?!\s*[-–]\s*\d){_NOT_LETTER_AFTER}",
    # 10 years old, 10-year-old, ten months old, 10 y/o
    rf"{_AGE_EN}[\s-]?(?i:years?|yrs?|months?|weeks?)[\s-]old{_NOT_LETTER_AFTER}",
    rf"{_AGE_NUMBER}\s?(?i:y/o|yo){_NOT_LETTER_AFTER}",
    # født 2015, fødd 03.05.2015, born in 2015, fødselsdato 03.05.2015, f. 03.05.15
    rf"\b(?i:født|fødd|fødselsdato|fødselsår|born|date\s+of\s+birth|dob)(?:\s+(?i:i|in|on|den))?\s*:?\s*{_DATE}",
    r"\b(?i:f)\.\s?\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)",
]
_AGE = [re.compile(p) for p in _AGE_PATTERNS]


# --- finding ------------------------------------------------------------------------------


def _schools(text: str) -> Iterator[Hint]:
    for match in _NAMED_SCHOOL.finditer(text):
        start = match.start("name")
        for word in match["name"].split():
            if word.lower() not in _NOT_A_NAME:
                yield Hint(HintKind.SCHOOL, start, match.end())
                break
            start += len(word)
            start += len(text[start:]) - len(text[start:].lstrip())
    for match in _COMPOUND_SCHOOL.finditer(text):
        if match["name"].lower() not in _COMMON_SCHOOL_PREFIXES:
            yield Hint(HintKind.SCHOOL, match.start(), match.end())


def _letter_classes(text: str) -> Iterator[Hint]:
    previous_end, previous_was_class = -1, True
    for match in _LETTER_CLASS.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _LIST_GLUE.fullmatch(text, previous_end, match.start()) and not previous_was_class:
            is_class = False  # "punkt 2a og 2b": the second one follows the first
        else:
            is_class = match[0].lower() not in _NOT_A_CLASS and not _NOT_A_CLASS_BEFORE.search(before)
        previous_end, previous_was_class = match.end(), is_class
        if is_class:
            yield Hint(HintKind.CLASS, match.start(), match.end())


def _matches(patterns: Iterable[re.Pattern[str]], kind: HintKind, text: str) -> Iterator[Hint]:
    for pattern in patterns:
        for match in pattern.finditer(text):
            subject = match.groupdict().get("subject")
            if subject and subject[0].isupper() and subject.lower() in _NOT_A_NAME:
                continue
            if match.groupdict().get("bare") is not None and (subject or "").lower() not in _BARE_AGE_SUBJECTS:
                continue
            start, end = match.span("hint") if match.groupdict().get("hint") is not None else match.span()
            yield Hint(kind, start, end)


def _merged(hints: Iterable[Hint]) -> list[Hint]:
    """Sorted by position; overlapping hints of one kind become one."""
    merged: list[Hint] = []
    last: dict[HintKind, int] = {}  # kind -> index in merged of its last hint
    for hint in sorted(hints, key=lambda h: (h.start, h.end)):
        index = last.get(hint.kind)
        if index is not None and hint.start < merged[index].end:
            previous = merged[index]
            merged[index] = Hint(hint.kind, previous.start, max(previous.end, hint.end))
            continue
        last[hint.kind] = len(merged)
        merged.append(hint)
    return merged


def identifying_hints(text: str) -> list[Hint]:
    """Every place in ``text`` that names a school, a class, an age or holds a
    fødselsnummer, sorted by position."""
    hints: list[Hint] = []
    hints += _schools(text)
    hints += _matches(_CLASS, HintKind.CLASS, text)
    hints += _letter_classes(text)
    hints += _matches(_AGE, HintKind.AGE, text)
    hints += (Hint(HintKind.FODSELSNUMMER, f.start, f.end) for f in find_fodselsnummer(text))
    return _merged(hints)
