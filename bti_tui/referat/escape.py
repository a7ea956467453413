"""Make text typed in the room safe to put into Markdown.

markdown-it-py renders Markdown but has no function to *escape* text for it
(neither has CommonMark's reference implementation), so the few rules live
here. The aim is that nothing the referent types can change the document's
structure: no heading, list, table, block quote, code block, thematic break,
link, HTML or emphasis that the referent did not get from the referat itself.

The approach, and why it reads well:

* Characters that start inline markup anywhere in a line are backslash-escaped
  everywhere: ``\\ ` * _ [ ] < | ~ #``. ``&`` only where it would start an
  entity (``&amp;``), so "fysio & ergo" stays as typed.
* Characters that only mean something at the start of a line (``- + = : >``
  and ``1.``/``1)``) are escaped there, after leading whitespace is dropped
  (four spaces would otherwise make a code block).
* Tabs become spaces and other control characters are dropped; each line is
  stripped at both ends (two trailing spaces would be a hard break).
* A note keeps its shape: blank lines separate paragraphs, lines inside a
  paragraph end in a backslash hard break, and lines that start with ``- ``,
  ``* `` or ``+ `` become a real bullet list (``-``) whose items are escaped
  like any line. Numbered lines stay text ("1\\. …"): a line such as
  "2026. …" must not be renumbered into a list.
* Names, places, services and table cells are one line: line breaks typed
  into them become "; ".
"""

from __future__ import annotations

import re

from bti_tui.model.text import clean_text

_ALWAYS = re.compile(r"([\\`*_\[\]<|~#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^([-+=:>])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(r"^[-*+][ \t]+(?=\S)")

HARD_BREAK = "\\\n"


def clean(text: str) -> str:
    """Tabs to spaces; escape sequences, control and invisible characters
    out (line breaks stay): the one sanitiser, bti_tui.model.text."""
    return _CONTROL.sub("", clean_text(text.replace("\t", " ")))


def one_line(text: str) -> str:
    """Typed lines joined by "; ": for places that hold one line only."""
    parts = (p.strip() for p in _LINE_BREAK.split(clean(text)))
    return "; ".join(p for p in parts if p)


def escape_inline(text: str) -> str:
    """Typed text for a place inside a line that is never the start of a
    line, such as a table cell: one line, only the inline markers escaped."""
    line = _ALWAYS.sub(r"\\\1", one_line(text))
    return _ENTITY.sub(r"\\&", line)


def escape_line(text: str) -> str:
    """One line of typed text as inline Markdown that renders as typed, even
    at the start of a line."""
    line = _LINE_START.sub(r"\\\1", escape_inline(text))
    return _ORDERED_START.sub(r"\1\\\2", line)


def note_blocks(text: str) -> list[str]:
    """A multi-line note as Markdown blocks (paragraphs and bullet lists)."""
    blocks: list[str] = []
    run: list[str] = []
    run_is_list = False

    def flush() -> None:
        if run:
            blocks.append("\n".join(run) if run_is_list else HARD_BREAK.join(run))
            run.clear()

    for raw in _LINE_BREAK.split(clean(text)):
        line = raw.strip()
        if not line:
            flush()
            continue
        bullet = _BULLET.match(line)
        if bullet is not None and not run_is_list:
            flush()
        elif bullet is None and run_is_list:
            flush()
        run_is_list = bullet is not None
        run.append("- " + escape_line(line[bullet.end() :]) if bullet else escape_line(line))
    flush()
    return blocks
