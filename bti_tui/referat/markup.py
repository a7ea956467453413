"""The structured referat (``doc``) as Markdown: CommonMark with GFM tables.

Every block becomes one Markdown block without surrounding blank lines; the
document joins blocks with exactly one blank line, so the rules "blank lines
around headings, lists and tables" and "no multiple blank lines" hold by
construction. All text is escaped here, at the last step.
"""

from __future__ import annotations

from collections.abc import Sequence

from bti_tui.referat.doc import (
    Block,
    BulletList,
    Fields,
    Heading,
    OrderedList,
    Paragraph,
    Quote,
    Remark,
    Strong,
    Table,
)
from bti_tui.referat.escape import HARD_BREAK, escape_inline, escape_line

EMPTY_CELL = "—"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A GFM table from raw (unescaped) texts; columns in ``right`` are
    right-aligned (numbers). Columns are padded so the source reads as a
    table too."""
    cells = [[escape_inline(c) or EMPTY_CELL for c in row] for row in [header, *rows]]
    widths = [max(3, *(len(row[i]) for row in cells)) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (w - 1) + ":" if i in right else "-" * w for i, w in enumerate(widths)]
    return "\n".join([line(cells[0]), line(rule), *(line(r) for r in cells[1:])])


def _lines(lines: Sequence[str]) -> str:
    """Typed lines of one paragraph, a hard line break between each."""
    return HARD_BREAK.join(escape_line(line) for line in lines)


def block(b: Block, delimiter: str = ".") -> str:
    """One block as Markdown. ``delimiter`` ("." or ")") of a numbered list:
    two numbered lists in a row need different ones to stay two lists."""
    match b:
        case Heading(level, text):
            return f"{'#' * level} {escape_inline(text)}"
        case Fields(items):
            return "\n".join(f"- **{escape_inline(k)}:** {escape_inline(v) or EMPTY_CELL}" for k, v in items)
        case Remark(text):
            # A whole-paragraph remark ends in a full stop, so linters do not
            # take it for a heading.
            return f"*{escape_inline(text)}*"
        case Strong(text):
            # The marking has no full stop of its own (it heads PDF pages);
            # here one is added, or linters take the bold line for a heading.
            text = escape_inline(text)
            return f"**{text}{'' if text.endswith(('.', '!', '?', ':')) else '.'}**"
        case Table(header, rows, right):
            return table(header, rows, right)
        case Paragraph(lines):
            return _lines(lines)
        case BulletList(items):
            return "\n".join(f"- {escape_line(i)}" for i in items)
        case OrderedList(start, items):
            return "\n".join(f"{n}{delimiter} {escape_line(i)}" for n, i in enumerate(items, start))
        case Quote(paragraphs):
            return "\n>\n".join("\n".join(f"> {line}" for line in _lines(p).split("\n")) for p in paragraphs)
    raise TypeError(f"not a referat block: {b!r}")


def document(blocks: Sequence[Block]) -> str:
    """Blocks joined by one blank line, ending in exactly one newline."""
    out: list[str] = []
    delimiter = "."
    previous: Block | None = None
    for b in blocks:
        if isinstance(b, OrderedList):
            delimiter = (")" if delimiter == "." else ".") if isinstance(previous, OrderedList) else "."
        out.append(block(b, delimiter))
        previous = b
    return "\n\n".join(t for t in out if t) + "\n"
