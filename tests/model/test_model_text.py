"""clean_text: user text made safe to show and export — no terminal escapes,
no controls, no invisible format characters, NFC, idempotent."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bti_tui.model.text import FORMAT_CHARACTERS, clean_text

ESC = "\x1b"

# The code points that must never come out (besides ESC, which is C0).
BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
ZERO_WIDTH = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
C0 = [c for c in range(0x20) if c not in (0x09, 0x0A)]
C1 = list(range(0x80, 0xA0))
FORBIDDEN = {chr(c) for c in [*C0, 0x7F, *C1, *BIDI, *ZERO_WIDTH]}


def forbidden_in(text: str) -> set[str]:
    return {
        c
        for c in text
        if c in FORBIDDEN or unicodedata.category(c) in ("Cf", "Cs") or c in "\r\x0b\x0c\u2028\u2029"
    }


# --- escape sequences ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{ESC}[31mrød{ESC}[0m tekst", "rød tekst"),
        (f"{ESC}[1;38;2;255;0;0mfet{ESC}[m", "fet"),
        (f"før{ESC}[2J{ESC}[Hetter", "føretter"),  # clear screen, cursor home
        (f"a{ESC}[?1049hb{ESC}[?25l", "ab"),  # alternate screen, hide cursor
        ("\x9b31mC1-CSI\x9b0m", "C1-CSI"),
        # OSC 8 hyperlink, terminated by ST and by BEL
        (f"{ESC}]8;;file:///etc/passwd{ESC}\\klikk{ESC}]8;;{ESC}\\", "klikk"),
        (f"{ESC}]8;;https://x.example\x07lenke{ESC}]8;;\x07", "lenke"),
        # OSC 52: write to the clipboard; OSC 0: window title
        (f"x{ESC}]52;c;cm0gLXJmIH4K\x07y", "xy"),
        (f"{ESC}]0;Tittel{ESC}\\notat", "notat"),
        ("\x9d0;tittel\x9cnotat", "notat"),  # C1 OSC ... C1 ST
        (f"{ESC}P1$r0m{ESC}\\dcs", "dcs"),  # DCS
        (f"{ESC}_apc{ESC}\\ok", "ok"),  # APC
        (f"{ESC}^pm{ESC}\\ok", "ok"),  # PM
        (f"{ESC}Xsos{ESC}\\ok", "ok"),  # SOS
        (f"{ESC}creset", "reset"),  # RIS: full reset
        (f"{ESC}7lagre{ESC}8", "lagre"),  # save / restore cursor
        (f"{ESC}(0linjer{ESC}(B", "linjer"),  # character sets
        (f"{ESC}#8test", "test"),
        # unfinished sequences: the introducer goes, the rest is plain text
        (f"{ESC}]8;;http://x", "8;;http://x"),
        (f"slutt{ESC}[31", "slutt31"),
        (f"slutt{ESC}", "slutt"),
        (f"{ESC}{ESC}[31mx", "x"),
    ],
)
def test_escape_sequences_are_removed(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_many_unterminated_introducers_are_cleaned_in_linear_time() -> None:
    # 20,000 "ESC ]" without an end: each match attempt stops at the next ESC.
    raw = (f"{ESC}]" + "x") * 20_000
    assert clean_text(raw) == "x" * 20_000


# --- controls, line breaks, invisible characters --------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\x0bb\x0cc", "a\nb\nc"),
        ("a\x85b", "a\nb"),  # NEL is a line break, not a stray C1
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("bell\x07 back\x08space nul\x00", "bell backspace nul"),
        ("del\x7fete", "delete"),
        ("c1\x80\x8d\x9f", "c1"),
        ("tab\there", "tab    here"),
        # Trojan-source style: RLO makes "txt.exe" read "exe.txt"
        ("fil\u202etxt.exe", "filtxt.exe"),
        ("\u2066isolert\u2069 \u200eltr\u200f \u061cal", "isolert ltr al"),
        ("null\u200bbredde\u200c\u200d\u2060", "nullbredde"),
        ("\ufeffBOM først", "BOM først"),
        ("myk\u00adbinde\u00adstrek", "mykbindestrek"),
        ("tag\U000e0041\U000e007f", "tag"),
        ("a\udcffb", "a\ufffdb"),  # an undecodable byte kept by surrogateescape
    ],
)
def test_controls_and_invisible_characters(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_nfc() -> None:
    assert clean_text("a\u030a e\u0301") == "å é"
    assert clean_text("A\u030a") == "Å"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Rom 2\nBygg B", "Rom 2 Bygg B"),
        ("a\r\n\r\nb", "a b"),
        ("a\tb", "a b"),
        ("a\u2028b", "a b"),
        (f"navn{ESC}[2K\rfalsk", "navn falsk"),  # a carriage return cannot overwrite
    ],
)
def test_single_line(raw: str, expected: str) -> None:
    assert clean_text(raw, multiline=False) == expected


def test_markup_like_text_is_left_alone() -> None:
    # Markup is the renderers' business (they get the text as data); only
    # what the terminal itself would act on is removed.
    text = "Ring skolen [/b] i morgen [@click=app.quit] #read(\"x\") *fet* <b>"
    assert clean_text(text) == text


# --- properties ----------------------------------------------------------------------------

NORWEGIAN = (
    "Møte på Østre Åsen skole § 12 – «Barnet» trives, men æ, ø og å … "
    "Ærlig, Øystein? Å ja! 5 % – 10 € ½ ° 13:00 — “sitat” ‘x’ 🙂\n"
    "Neste linje, English too."
)


def test_plain_norwegian_text_passes_unchanged() -> None:
    assert clean_text(NORWEGIAN) == NORWEGIAN
    assert clean_text("Æ Ø Å æ ø å « » – §", multiline=False) == "Æ Ø Å æ ø å « » – §"


nasty = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from(sorted(FORBIDDEN | {ESC, "[", "]", "\\", "\x07", "\x9c", "\r", "\n", "\t"})),
        st.sampled_from(["\x1b[31m", "\x1b]8;;http://x\x1b\\", "\x9b", "\x1b]52;c;", "\x85", "\u2028"]),
        st.sampled_from(list("æøåÆØÅ«»–§0123456789 ;:m")),
    ),
    max_size=60,
).map("".join)


@given(nasty, st.booleans())
def test_output_holds_no_escape_control_or_invisible_character(raw: str, multiline: bool) -> None:
    cleaned = clean_text(raw, multiline=multiline)
    assert ESC not in cleaned
    assert not forbidden_in(cleaned)
    assert "\t" not in cleaned
    if not multiline:
        assert "\n" not in cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    cleaned.encode("utf-8")  # every export can write it


@given(nasty, st.booleans())
def test_clean_text_is_idempotent(raw: str, multiline: bool) -> None:
    once = clean_text(raw, multiline=multiline)
    assert clean_text(once, multiline=multiline) == once


safe = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp")) | st.just("\n"),
    max_size=80,
).map(lambda s: unicodedata.normalize("NFC", s))


@given(safe)
def test_safe_text_passes_unchanged(text: str) -> None:
    assert clean_text(text) == text


def test_format_character_class_covers_every_cf_code_point() -> None:
    pattern = re.compile(f"[{FORMAT_CHARACTERS}]")
    missing = [
        f"U+{c:04X}"
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf" and not pattern.match(chr(c))
    ]
    assert not missing, f"add to FORMAT_CHARACTERS (Unicode {unicodedata.unidata_version}): {missing}"
    # ... and nothing that is not Cf in some Unicode version: only the 15.0 additions.
    extra = [
        c
        for c in range(sys.maxunicode + 1)
        if pattern.match(chr(c)) and unicodedata.category(chr(c)) != "Cf"
    ]
    assert set(extra) <= set(range(0x13439, 0x13440))
