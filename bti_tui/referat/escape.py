"""Make text typed in the room safe to put into Markdown.

markdown-it-py renders Markdown but has no function to *escape* text for it
(neither has CommonMark's reference implementation), so the few rules live
here. The aim is that nothing the referent types can change the document's
structure: no heading, list, table, block quote, code block, thematic break,
link, HTML or emphasis that the referent did not get from the referat itself
(the shapes a note may keep are read by ``notes.parse_note`` first, and only
their text comes here).

The approach, and why it reads well:

* Characters that start inline markup anywhere in a line are backslash-escaped
  everywhere: ``\\ ` * _ [ ] < | ~ #``. ``&`` only where it would start an
  entity (``&amp;``), so "fysio & ergo" stays as typed.
* Characters that only mean something at the start of a line (``- + = : >``
  and ``1.``/``1)``) are escaped there, after leading whitespace is dropped
  (four spaces would otherwise make a code block).
* Tabs become spaces and other control characters are dropped; each line is
  stripped at both ends (two trailing spaces would be a hard break).
* Names, places, services and table cells are one line: line breaks typed
  into them become "; ".
"""

from __future__ import annotations

import re

from bti_tui.referat.notes import lines_of

_ALWAYS = re.compile(r"([\\`*_\[\]<|~#])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^([-+=:>])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")

HARD_BREAK = "\\\n"


def one_line(text: str) -> str:
    """Typed lines joined by "; ": for places that hold one line only."""
    return "; ".join(line for line in lines_of(text) if line)


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
