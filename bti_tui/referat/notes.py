"""A note typed in the room, read into the few shapes it may keep.

The referent types plain text. Four shapes are recognised, line by line, and
nothing else becomes structure:

* a blank line ends a paragraph; lines inside one keep their line breaks;
* ``- ``, ``* `` or ``+ `` starts a bullet-list item;
* ``1. `` or ``1) `` starts a numbered list, and the next number continues it.
  A number out of line ("3." after "1.", or "2026. Året ...") is text, so
  what is shown is always the number typed: "1. a / 3. b" never reads
  "1. a / 2. b". (Lists start at 1 also because Markdown linters want them
  to, and CommonMark lets only "1." interrupt a paragraph.);
* ``>`` starts a quoted line; quoted lines separated by blank lines stay one
  quote of several paragraphs.

Everything else, "# heading" included, is text of a paragraph: each output
shows it literally (Markdown escapes it, Typst gets it as data).
"""

from __future__ import annotations

import re

from bti_tui.model.text import clean_text
from bti_tui.referat.doc import BulletList, NoteBlock, OrderedList, Paragraph, Quote

# Control characters, and lone surrogates (a damaged file may hold one; no
# UTF-8 file can).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(r"^[-*+][ \t]+(?=\S)")
_ORDERED = re.compile(r"^([1-9]\d{0,8})[.)][ \t]+(?=\S)")  # CommonMark allows 9 digits
_QUOTE = re.compile(r"^>[ \t]?")


def clean(text: str) -> str:
    """Tabs to spaces; escape sequences, control and invisible characters
    and lone surrogates out (line breaks stay): bti_tui.model.text is the
    one sanitiser, this adds the surrogates a damaged file may hold."""
    return clean_text(_CONTROL.sub("", text.replace("\t", " ")))


def lines_of(text: str) -> list[str]:
    """The typed lines, cleaned and stripped at both ends."""
    return [raw.strip() for raw in _LINE_BREAK.split(clean(text))]


def _kind(line: str) -> tuple[str, str, int]:
    """(shape, the line's text without its marker, the typed number)."""
    if bullet := _BULLET.match(line):
        return "bullet", line[bullet.end() :], 0
    if ordered := _ORDERED.match(line):
        return "ordered", line[ordered.end() :], int(ordered.group(1))
    if quote := _QUOTE.match(line):
        return "quote", line[quote.end() :].strip(), 0
    return "text", line, 0


def _add(blocks: list[NoteBlock], kind: str, content: str, number: int, gap: bool, line: str) -> None:
    """Put one typed line into the blocks: continue the last block or start one."""
    last = blocks[-1] if blocks else None
    continues = isinstance(last, OrderedList) and number == last.start + len(last.items)
    if kind == "ordered" and number != 1 and not continues:
        kind, content = "text", line  # a number out of line is text
    if kind == "bullet" and isinstance(last, BulletList):
        blocks[-1] = BulletList((*last.items, content))
    elif kind == "ordered" and isinstance(last, OrderedList) and number == last.start + len(last.items):
        blocks[-1] = OrderedList(last.start, (*last.items, content))
    elif kind == "quote" and isinstance(last, Quote):
        paragraphs = last.paragraphs
        if gap:
            paragraphs = (*paragraphs, (content,))
        else:
            paragraphs = (*paragraphs[:-1], (*paragraphs[-1], content))
        blocks[-1] = Quote(paragraphs)
    elif kind == "text" and isinstance(last, Paragraph) and not gap:
        blocks[-1] = Paragraph((*last.lines, content))
    elif kind == "bullet":
        blocks.append(BulletList((content,)))
    elif kind == "ordered":
        blocks.append(OrderedList(number, (content,)))
    elif kind == "quote":
        blocks.append(Quote(((content,),)))
    else:
        blocks.append(Paragraph((content,)))


def parse_note(text: str) -> list[NoteBlock]:
    """The note's blocks, in order; an empty note has none."""
    blocks: list[NoteBlock] = []
    gap = False  # a blank line (or a lone ">") since the last line
    for line in lines_of(text):
        kind, content, number = _kind(line) if line else ("blank", "", 0)
        if kind == "blank" or (kind == "quote" and not content):
            gap = True
            continue
        _add(blocks, kind, content, number, gap, line)
        gap = False
    return blocks
