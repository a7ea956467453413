"""Typed text renders as typed and never as structure."""

from __future__ import annotations

import pytest
from referat_helpers import block_types, inline_text, parser

from bti_tui.referat.escape import escape_inline, escape_line, note_blocks
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
    markdown = document([escape_line(line)])
    assert block_types(markdown) == ["paragraph_open", "paragraph_close"]
    assert rendered_text(markdown) == line.strip()


def test_readable_text_is_left_alone() -> None:
    text = "Mål: stabilt oppmøte (30 %), fysio & ergo – 1.5 timer! Hvorfor? 2026."
    assert escape_line(text) == text


def test_table_cell_escapes_pipes_and_joins_lines() -> None:
    assert escape_inline("a | b\nc\r\nd") == "a \\| b; c; d"
    assert escape_inline("- 5 grader") == "- 5 grader"  # a cell is never a line start


def test_note_keeps_paragraphs_line_breaks_and_simple_lists() -> None:
    note = "Første linje\nandre linje\n\n\n- punkt én\n* punkt to\n+ punkt tre\nEtter listen\n1. ikke en liste"
    blocks = note_blocks(note)
    assert blocks == [
        "Første linje\\\nandre linje",
        "- punkt én\n- punkt to\n- punkt tre",
        "Etter listen\\\n1\\. ikke en liste",
    ]
    types = block_types(document(blocks))
    assert types.count("bullet_list_open") == 1 and types.count("list_item_open") == 3
    html = parser().render(document(blocks))
    assert "Første linje<br />\nandre linje" in html
    assert "1. ikke en liste" in html


def test_list_items_are_escaped_too() -> None:
    blocks = note_blocks("- # heading?\n- > quote?\n- 1. nested?")
    assert blocks == ["- \\# heading?\n- \\> quote?\n- 1\\. nested?"]
    assert block_types(document(blocks)).count("heading_open") == 0


def test_whitespace_and_control_characters() -> None:
    assert note_blocks("   innrykk  \t\n\t tab\x00null\x1b  ") == ["innrykk\\\ntabnull"]
    assert note_blocks(" \n\n \t ") == []


def test_setext_underline_after_a_line_does_not_make_a_heading() -> None:
    blocks = note_blocks("Overskrift?\n===\nOgså?\n---")
    assert "heading_open" not in block_types(document(blocks))
