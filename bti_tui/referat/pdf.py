"""The referat as PDF/A-2b, typeset by Typst (PyPI ``typst``).

The template ``referat.typ`` ships in this package. The document goes to it
as JSON in ``sys_inputs`` and is read there with
``json(bytes(sys.inputs.data))``: every text is a JSON string, shown as it
is, never Typst markup (STACK.md, "Typst markup is code"). The structure
(paragraphs, lists, quotes, tables) is data too, so a note keeps its shape
without any text being parsed.

The bytes are the same for the same meeting: a fixed timestamp (0), only
Typst's built-in fonts (system fonts are ignored, so another machine's fonts
cannot change the result), and no packages.

A character none of those fonts has (an emoji, Chinese) would make Typst
refuse the PDF/A (a PDF/A may not show a missing glyph). Typst names every
such text in its error; they are replaced by "�" (the replacement
character) and the PDF is made again. The Markdown and HTML keep them.

``typst`` is imported only when a PDF is made: it is not needed to run the
app, and importing it costs start-up time.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.referat.build import case_document, meeting_document
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import (
    Block,
    BulletList,
    Document,
    Fields,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Remark,
    Strong,
    Table,
)
from bti_tui.referat.escape import one_line
from bti_tui.referat.markup import EMPTY_CELL
from bti_tui.resources import MunicipalSettings

PDF_STANDARD = "a-2b"
TEMPLATE = "referat.typ"
REPLACEMENT = "\ufffd"
_UNDISPLAYABLE = re.compile(r'the text `"((?:[^"\\]|\\.)*)"` could not be displayed')
_TYPST_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]+)\}|\\(.)")


class PdfError(RuntimeError):
    """Typst could not make the PDF; ``key``/``params`` name the message."""

    def __init__(self, detail: str) -> None:
        self.key = "export.pdf_failed"
        self.params = {"detail": detail}
        super().__init__(detail)


def _cell(text: str) -> str:
    return one_line(text) or EMPTY_CELL


def _widths(table: Table) -> list[int]:
    """Relative column widths from the longest text in each column (0 =
    as wide as its content: the right-aligned number columns)."""
    widths = []
    for i in range(len(table.header)):
        if i in table.right:
            widths.append(0)
            continue
        longest = max(len(_cell(row[i])) for row in (table.header, *table.rows))
        widths.append(min(max(longest, 6), 40))
    return widths


def block_data(b: Block) -> dict[str, Any]:
    """One block as JSON-ready data: plain strings, lists and numbers."""
    match b:
        case Heading(level, text):
            return {"t": "heading", "level": level, "text": one_line(text)}
        case Fields(items):
            return {"t": "fields", "items": [[one_line(k), _cell(v)] for k, v in items]}
        case Remark(text):
            return {"t": "remark", "text": one_line(text)}
        case Strong(text):
            return {"t": "strong", "text": one_line(text)}
        case Table(header, rows, right):
            return {
                "t": "table",
                "header": [_cell(h) for h in header],
                "rows": [[_cell(c) for c in row] for row in rows],
                "right": list(right),
                "widths": _widths(b),
            }
        case Paragraph(lines):
            return {"t": "paragraph", "lines": list(lines)}
        case BulletList(items):
            return {"t": "bullets", "items": list(items)}
        case OrderedList(start, items):
            return {"t": "enum", "start": start, "items": list(items)}
        case Quote(paragraphs):
            return {"t": "quote", "paragraphs": [list(p) for p in paragraphs]}
    raise TypeError(f"not a referat block: {b!r}")


def _page_label(label: str) -> list[dict[str, str]]:
    """"side {page} av {total}" as parts: texts and the two numbers."""
    parts = []
    for text, field, _, _ in string.Formatter().parse(label):
        if text:
            parts.append({"field": "", "text": text})
        if field:
            parts.append({"field": field, "text": ""})
    return parts


def document_data(doc: Document) -> dict[str, Any]:
    """The whole document as the template reads it. Each case of the
    meeting's referat starts on a new page; the marking is atop every page,
    so it is not repeated under the title."""
    blocks: list[dict[str, Any]] = []
    for section in doc.sections:
        blocks.append({"t": "section", "page_break": section.name == "case"})
        blocks += [block_data(b) for b in section.blocks if not (isinstance(b, Strong) and b.text == doc.marking)]
    return {
        "lang": doc.lang,
        "title": one_line(doc.title),
        "running_head": one_line(doc.running_head),
        "marking": one_line(doc.marking),
        "footer": one_line(doc.footer),
        "page": _page_label(doc.page_label),
        "blocks": blocks,
    }


def undisplayable(diagnostic: str) -> set[str]:
    """The characters Typst's error says no font can show (the non-ASCII
    ones of each text it names; the names are Typst string literals)."""
    found: set[str] = set()
    for match in _UNDISPLAYABLE.finditer(diagnostic):
        text = _TYPST_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), match.group(1))
        found |= {ch for ch in text if ord(ch) > 0x7F and ch != REPLACEMENT}
    return found


def to_pdf(doc: Document) -> bytes:
    import typst  # here, not at import: only a PDF needs it

    template = files("bti_tui.referat").joinpath(TEMPLATE).read_bytes()
    # Non-ASCII characters are never JSON syntax, so replacing them in the
    # JSON text replaces them in the strings only.
    data = json.dumps(document_data(doc), ensure_ascii=False)
    for _ in range(3):  # Typst names every missing glyph at once; once is the rule
        try:
            pdf = typst.compile(
                template,
                sys_inputs={"data": data},
                pdf_standards=[PDF_STANDARD],
                timestamp=0,
                ignore_system_fonts=True,
            )
        except typst.TypstError as error:
            message = getattr(error, "message", None) or str(error)
            missing = undisplayable(getattr(error, "diagnostic", None) or message)
            if not missing:
                raise PdfError(message) from error
            data = "".join(REPLACEMENT if ch in missing else ch for ch in data)
            continue
        assert isinstance(pdf, bytes)
        return pdf
    raise PdfError("characters no built-in font can show")


def render_pdf(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    lang: str,
    settings: MunicipalSettings | None = None,
) -> bytes:
    """The meeting's referat for the participants, as PDF/A-2b."""
    return to_pdf(meeting_document(Referat.of(meeting, kind, cases, lang, settings)))


def render_case_pdf(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    slot_index: int,
    lang: str,
    settings: MunicipalSettings | None = None,
) -> bytes:
    """The referat of the case in ``slot_index`` alone, as PDF/A-2b, for the
    child's archive folder."""
    return to_pdf(case_document(Referat.of(meeting, kind, cases, lang, settings), slot_index))
