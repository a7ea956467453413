"""A note keeps the shapes typed in the room (paragraphs, bullet lists,
numbered lists, quotes) and nothing else becomes structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from referat_helpers import block_types, demo_args, headings, inline_text, parser

from bti_tui.referat import render_markdown
from bti_tui.referat.doc import BulletList, OrderedList, Paragraph, Quote
from bti_tui.referat.markup import document
from bti_tui.referat.notes import parse_note


def html_of(note: str) -> str:
    return parser().render(document(parse_note(note)))


def test_paragraphs_lists_numbers_and_quotes() -> None:
    note = (
        "Første linje\nandre linje\n\n\n- punkt én\n* punkt to\n+ punkt tre\nEtter listen\n"
        "1. første\n2) andre\n> sitert\n> videre\n\n> nytt avsnitt i sitatet\nslutt"
    )
    assert parse_note(note) == [
        Paragraph(("Første linje", "andre linje")),
        BulletList(("punkt én", "punkt to", "punkt tre")),
        Paragraph(("Etter listen",)),
        OrderedList(1, ("første", "andre")),
        Quote((("sitert", "videre"), ("nytt avsnitt i sitatet",))),
        Paragraph(("slutt",)),
    ]
    types = block_types(document(parse_note(note)))
    assert types.count("bullet_list_open") == 1 and types.count("ordered_list_open") == 1
    assert types.count("blockquote_open") == 1 and types.count("list_item_open") == 5
    html = html_of(note)
    assert "Første linje<br />\nandre linje" in html
    assert "<blockquote>\n<p>sitert<br />\nvidere</p>\n<p>nytt avsnitt i sitatet</p>\n</blockquote>" in html


def test_numbers_are_the_numbers_typed() -> None:
    # A list starts at 1 and goes on one by one; a number out of line is text.
    assert parse_note("1. a\n2. b\n\n3. c\n5. e\n6. f") == [OrderedList(1, ("a", "b", "c")), Paragraph(("5. e", "6. f"))]
    html = html_of("1. a\n2. b\n\n3. c\n5. e\n6. f")
    assert html.count("<ol>") == 1 and "<p>5. e<br />\n6. f</p>" in html
    assert html_of("2026. Året startet godt") == "<p>2026. Året startet godt</p>\n"


def test_two_numbered_lists_in_a_row_stay_two_lists() -> None:
    text = document(parse_note("1. a\n2. b\n1. c\n2) d"))
    assert text == "1. a\n2. b\n\n1) c\n2) d\n"
    assert block_types(text).count("ordered_list_open") == 2


@pytest.mark.parametrize(
    "line",
    ["# heading", "## Sak 3", "01. leading zero", "0. zero", "3. not first", "1.5 timer", "```python", "---", "<div>", "| a | b |", "    kode", "[lenke](http://x.no)"],
)
def test_other_lines_are_text(line: str) -> None:
    blocks = parse_note(line)
    assert blocks == [Paragraph((line.strip(),))]
    assert block_types(document(blocks)) == ["paragraph_open", "paragraph_close"]


def test_markers_inside_items_are_text() -> None:
    blocks = parse_note("- # heading?\n- > quote?\n- 1. nested?\n> - in a quote\n> # heading")
    text = document(blocks)
    assert text == "- \\# heading?\n- \\> quote?\n- 1\\. nested?\n\n> \\- in a quote\\\n> \\# heading\n"
    types = block_types(text)
    assert types.count("heading_open") == 0 and types.count("bullet_list_open") == 1


def test_whitespace_and_control_characters() -> None:
    assert parse_note("   innrykk  \t\n\t tab\x00null\x1b  ") == [Paragraph(("innrykk", "tabnull"))]
    assert parse_note(" \n\n \t \n>\n") == []


def test_setext_underline_after_a_line_does_not_make_a_heading() -> None:
    assert "heading_open" not in block_types(document(parse_note("Overskrift?\n===\nOgså?\n---")))


def test_a_heading_typed_in_a_note_is_no_heading_of_the_referat() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    before = headings(render_markdown(meeting, kind, cases, lang))
    meeting.slots[0].notes["g-problem"] = "# Ny sak\n## Sak 3: XY\n1. punkt\n> sitat"
    text = render_markdown(meeting, kind, cases, lang)
    assert headings(text) == before
    assert "\\# Ny sak\\\n\\#\\# Sak 3: XY\n\n1. punkt\n\n> sitat\n" in text


# --- whatever is typed: markdown-it reads back exactly the shapes and texts ------------
MARKERS = ["- ", "* ", "+ ", "1. ", "2) ", "10. ", "01. ", "> ", ">", "# ", "```", "---", "|", "\\", "`", "*", "_",
           "[a](b)", "<b>", "&amp;", "\n", "\n\n", "\r\n", "\t", "    ", "a", "Æøå", "1", " "]
notes = st.one_of(st.text(max_size=80), st.lists(st.sampled_from(MARKERS), max_size=30).map("".join))


def read_back(markdown: str) -> list[object]:
    """The blocks markdown-it sees, in the note model's terms."""
    blocks: list[object] = []
    tokens = parser().parse(markdown)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "paragraph_open" and t.level == 0:
            blocks.append(Paragraph(tuple(inline_text(tokens[i + 1]).split("\n"))))
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            close = t.type.replace("open", "close")
            j = next(k for k in range(i, len(tokens)) if tokens[k].type == close and tokens[k].level == t.level)
            items = tuple(inline_text(x) for x in tokens[i:j] if x.type == "inline")
            start = int(t.attrGet("start") or 1) if t.type == "ordered_list_open" else 0
            blocks.append(OrderedList(start, items) if start else BulletList(items))
            i = j
        elif t.type == "blockquote_open":
            j = next(k for k in range(i, len(tokens)) if tokens[k].type == "blockquote_close" and tokens[k].level == t.level)
            blocks.append(Quote(tuple(tuple(inline_text(x).split("\n")) for x in tokens[i:j] if x.type == "inline")))
            i = j
        i += 1
    return blocks


@settings(max_examples=400, deadline=None)
@given(notes)
def test_a_note_reads_back_as_parsed(note: str) -> None:
    blocks = parse_note(note)
    markdown = document(blocks) if blocks else ""
    assert read_back(markdown) == blocks
    types = block_types(markdown)
    assert not {"heading_open", "table_open", "hr", "code_block", "fence", "html_block"} & set(types)
