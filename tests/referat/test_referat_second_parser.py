"""A second, independent CommonMark parser (marko, with its GFM extension)
reads the referat into the same sections and tables as markdown-it-py."""

from __future__ import annotations

import pytest
from marko import inline
from marko.block import Heading
from marko.element import Element
from marko.ext.gfm import elements as gfm_elements
from marko.ext.gfm import gfm
from referat_helpers import LANGS, demo_args, headings, table_shapes

from bti_tui.referat import render_markdown


def text_of(element: Element) -> str:
    if isinstance(element, inline.RawText | inline.Literal):
        return str(element.children)
    if isinstance(element, inline.LineBreak):
        return "\n"
    children = getattr(element, "children", [])
    return "".join(text_of(c) for c in children) if isinstance(children, list) else ""


def walk(element: Element) -> list[Element]:
    found = [element]
    children = getattr(element, "children", [])
    if isinstance(children, list):
        for child in children:
            found += walk(child)
    return found


def marko_headings(markdown: str) -> list[tuple[str, str]]:
    return [(f"h{e.level}", text_of(e)) for e in walk(gfm.parse(markdown)) if isinstance(e, Heading)]


def marko_tables(markdown: str) -> list[list[int]]:
    return [
        [len(row.children) for row in e.children]
        for e in walk(gfm.parse(markdown))
        if isinstance(e, gfm_elements.Table)
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("meeting_id", ["demo-ferdig", "demo-neste"])
def test_marko_reads_the_same_sections_and_tables(lang: str, meeting_id: str) -> None:
    text = render_markdown(*demo_args(lang, meeting_id))
    assert marko_headings(text) == headings(text)
    assert marko_tables(text) == table_shapes(text)


def test_marko_agrees_on_hostile_notes() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    hostile = "# H\n===\n- a\n1. b\n> q\n```\n| x | y |\n| - | - |\n<script>x</script>\n\\\n---"
    meeting.slots[0].notes = {step.id: hostile for step in kind.steps}
    text = render_markdown(meeting, kind, cases, lang)
    assert marko_headings(text) == headings(text)
    assert marko_tables(text) == table_shapes(text)
