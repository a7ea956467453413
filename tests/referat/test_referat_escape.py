"""Typed text renders as typed and never as structure."""

from __future__ import annotations

import pytest
from referat_helpers import block_types, inline_text, parser

from bti_tui.referat.doc import Paragraph
from bti_tui.referat.escape import escape_inline, escape_line
from bti_tui.referat.markup import document


def rendered_text(markdown: str) -> str:
    return "".join(inline_text(t) for t in parser().parse(markdown) if t.type == "inline")


@pytest.mark.parametrize(
    "line",
    [
        "# not a heading",
        "## Sak 3",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "3) not a list",
        "> not a quote",
        "```python",
        "~~~",
        "---",
        "***",
        "___",
        "===",
        "    four spaces",
        "<script>alert(1)</script>",
        "<div>",
        "[link](http://example.com)",
        "[ref]: http://example.com",
        "![img](x.png)",
        "<http://example.com>",
        "a | b | c",
        "*emphasis* and __strong__ and ~~struck~~",
        "`code`",
        "back\\slash \\",
        "&amp; &#35; &copy;",
        "fysio & ergo",
        "ends with #",
        ": colon first",
    ],
)
def test_a_line_stays_one_paragraph_of_the_same_text(line: str) -> None:
    markdown = document([Paragraph((line.strip(),))])
    assert block_types(markdown) == ["paragraph_open", "paragraph_close"]
    assert rendered_text(markdown) == line.strip()


def test_readable_text_is_left_alone() -> None:
    text = "Mål: stabilt oppmøte (30 %), fysio & ergo – 1.5 timer! Hvorfor? 2026."
    assert escape_line(text) == text


def test_table_cell_escapes_pipes_and_joins_lines() -> None:
    assert escape_inline("a | b\nc\r\nd") == "a \\| b; c; d"
    assert escape_inline("- 5 grader") == "- 5 grader"  # a cell is never a line start


def test_whitespace_and_control_characters() -> None:
    assert escape_line("   innrykk  \t") == "innrykk"
    assert escape_inline("tab\tmellom\x00null\x1b") == "tab mellomnull"
