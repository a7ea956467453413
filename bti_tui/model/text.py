"""User text made safe to show on a terminal and to put into an export.

One sanitiser, :func:`clean_text`, for the UI helper that turns user text
into widgets and for every export (Markdown, HTML, PDF, stdout). What it does,
in this order:

1. Removes terminal escape sequences as ECMA-48 defines them: CSI
   (``ESC [`` or U+009B, parameters, intermediates, a final byte: colours,
   cursor moves, screen clears), the string sequences OSC, DCS, SOS, PM and
   APC (``ESC ]``, ``ESC P``, ``ESC X``, ``ESC ^``, ``ESC _`` or their C1
   forms, up to BEL or ST: OSC 8 hyperlinks, OSC 52 clipboard writes, window
   titles) and the short ``ESC`` + intermediates + final sequences
   (``ESC c`` resets the terminal, ``ESC ( 0`` switches to line drawing). An
   introducer without its end is removed on its own; what followed it stays,
   as plain text, so a stray ``ESC ]`` cannot swallow a note.
2. Turns line breaks into ``\\n``: CR LF, CR, VT, FF, NEL (U+0085), LINE
   SEPARATOR and PARAGRAPH SEPARATOR (U+2028/U+2029).
3. Removes the C0 controls except ``\\n`` and ``\\t``, DEL, the C1 controls
   (U+0080-U+009F) and every Unicode *format* character (category Cf). Cf is
   where the characters that make text seem to say something else live: the
   bidi embeddings, overrides, isolates and marks (U+202A-U+202E,
   U+2066-U+2069, U+200E/U+200F, U+061C), the zero-width space, joiners and
   word joiner (U+200B-U+200D, U+2060), the BOM (U+FEFF), the invisible math
   operators, the interlinear annotation marks and the tag characters.
   The soft hyphen (U+00AD) is Cf too and is removed: it is invisible except
   at a line break, terminals disagree on whether it takes a cell, it can
   hide inside a number, and the HTML and PDF exports hyphenate on their own.
   The cost of the rule: an emoji joined with U+200D (a family, a flag of a
   region) is shown as its parts.
4. Replaces unpaired surrogates (left by a ``surrogateescape`` decode of bytes
   that were not UTF-8) with U+FFFD, so every export can be encoded.
5. Turns a tab into four spaces (a terminal cell grid has no tab stops a
   widget could keep, and a raw tab would move the terminal's cursor); with
   ``multiline=False`` each run of line breaks and each tab becomes one space
   (a name, a place, a table cell).
6. Normalises to NFC, so "å" typed as "a" + combining ring is one letter.

Plain text (Norwegian letters, «», –, §, emoji and line breaks) passes
unchanged; the result is idempotent. Why not a library: the ANSI strippers on
PyPI (``strip-ansi``, ``ansi2txt`` and the like) know CSI and sometimes OSC but
not the C1 forms, the string sequences or the bidi and format characters; Rich
parses only what it can render. The grammar is small and tested here.
"""

from __future__ import annotations

import re
import unicodedata

# Every code point of Unicode's general category Cf (format), as a regex class
# body. Written out because computing it means a walk over all 1.1 million
# code points at start; tests/model/test_model_text.py checks that it covers
# every Cf character of the running Python's Unicode database (14.0 in 3.11,
# 13439-1343F were added as Cf in 15.0 and are listed already).
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)

_ESCAPE_SEQUENCE = re.compile(
    # CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    # OSC, DCS, SOS, PM, APC up to BEL or ST. The body stops at the next ESC,
    # BEL or ST, so a text full of unterminated introducers stays linear.
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    # ESC + intermediates + final: nF, Fp, Fe and Fs sequences (and a lone
    # "ESC [" or "ESC ]" whose sequence did not finish).
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_REMOVED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{FORMAT_CHARACTERS}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SINGLE_LINE = re.compile("\n+|\t")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """``text`` without terminal escapes, controls and invisible format
    characters, in NFC; with ``multiline=False`` on one line."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub("\n", text)
    text = _REMOVED.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _SINGLE_LINE.sub(" ", text) if not multiline else text.replace("\t", "    ")
    return unicodedata.normalize("NFC", text)
