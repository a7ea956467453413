"""User text made safe to show and export (provisional; replaced by the
privacy work): terminal escape sequences, control and invisible characters
removed, NFC."""

from __future__ import annotations

import re
import unicodedata

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")


def clean_text(text: str, *, multiline: bool = True) -> str:
    text = _ESCAPES.sub("", unicodedata.normalize("NFC", text))
    text = _INVISIBLE.sub("", text.replace("\t", "    ").replace("\r\n", "\n").replace("\r", "\n"))
    return text if multiline else text.replace("\n", " ")
