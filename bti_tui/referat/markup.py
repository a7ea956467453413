"""Small builders for the Markdown the referat is made of.

Every builder returns one block without surrounding blank lines; the document
joins blocks with exactly one blank line, so the rules "blank lines around
headings, lists and tables" and "no multiple blank lines" hold by construction.
Values passed in are already-escaped inline Markdown unless a name says "raw".
"""

from __future__ import annotations

from collections.abc import Sequence

from bti_tui.referat.escape import escape_inline

EMPTY_CELL = "—"


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def emphasis(text: str) -> str:
    """A whole-paragraph remark such as "Ingen notater." (ends in a full stop,
    so linters do not take it for a heading)."""
    return f"*{text}*"


def field(label: str, value: str) -> str:
    """"**Label:** value"; an empty value shows as a dash."""
    return f"**{label}:** {value or EMPTY_CELL}"


def bullet_list(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


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


def document(blocks: Sequence[str]) -> str:
    """Blocks joined by one blank line, ending in exactly one newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"
