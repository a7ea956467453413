"""Rewrapping a paragraph around an edit gives Textual's wrap of the whole
paragraph (bti_tui/ui/widgets/notes_wrap.py), and the wrapped document the
notes field keeps after edits is the one Textual builds from scratch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from bti_tui.ui.widgets.notes_wrap import NotesWrap, rewrap

# Words short and long (longer than a row: folded), several spaces, wide
# characters (two cells), a no-break space and a newline-free mix.
PIECES = ["ord", "en", "langtordsomikkegårpåénlinjeienskjerm", "  ", " ", "æøå", "漢字", "\u00a0", "7.", "x"]
text_st = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def after_edit(text: str, start: int, end: int, insert: str, width: int) -> tuple[str, list[int]]:
    new = text[:start] + insert + text[end:]
    offsets = rewrap(new, compute_wrap_offsets(text, width, 4), start, end, start + len(insert), width, 4)
    return new, offsets


@settings(max_examples=600, deadline=None)
@given(
    text=text_st,
    width=st.integers(min_value=3, max_value=40),
    where=st.tuples(st.floats(0, 1), st.floats(0, 1)),
    insert=st.lists(st.sampled_from(PIECES), max_size=3).map("".join),
)
def test_rewrap_is_textuals_wrap_of_the_whole_line(text: str, width: int, where: tuple[float, float], insert: str) -> None:
    a, b = sorted(round(f * len(text)) for f in where)
    new, offsets = after_edit(text, a, b, insert, width)
    assert offsets == compute_wrap_offsets(new, width, 4)


def test_typing_at_the_end_of_a_long_paragraph_key_by_key() -> None:
    text = "Eleven har hatt fravær i 7. klasse og får samtaler hver uke, mor ringer skolen ofte. " * 120
    offsets = compute_wrap_offsets(text, 60, 4)
    for n in range(300):
        key = "abcdefghi"[n % 10] if n % 10 < 9 else " "
        new = text + key
        offsets = rewrap(new, offsets, len(text), len(text), len(new), 60, 4)
        text = new
        assert offsets == compute_wrap_offsets(text, 60, 4)


def test_a_word_shortened_at_the_start_of_a_row_goes_back_up_a_row() -> None:
    text = "aaaa bbbb ccccc dd ee"
    assert compute_wrap_offsets(text, 10, 4) == [10, 19]  # "aaaa bbbb " / "ccccc dd " / "ee"
    start = text.index("ccccc")
    new, offsets = after_edit(text, start, start + 1, "", 10)  # "cccc " fits on the first row? no:
    assert offsets == compute_wrap_offsets(new, 10, 4)
    new, offsets = after_edit("aaaa bb ccccccccc", 8, 16, "", 10)  # "aaaa bb c": one row
    assert offsets == compute_wrap_offsets(new, 10, 4) == []


def wrapped(doc: WrappedDocument) -> tuple:
    return (doc._wrap_offsets, doc._offset_to_line_info, doc._line_index_to_offsets, doc._tab_width_cache, doc.height)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(text_st, min_size=1, max_size=4),
    edits=st.lists(
        st.tuples(st.integers(0, 3), st.floats(0, 1), st.integers(0, 4), st.sampled_from(["", "x", "  ", "ord ", "\n", "a\nb", "\t"])),
        max_size=6,
    ),
)
def test_the_wrapped_document_after_edits_is_the_one_wrapped_from_scratch(lines: list[str], edits: list) -> None:
    document = Document("\n".join(lines))
    ours = NotesWrap(document, width=20)
    for line_hint, where, length, insert in edits:
        line = min(line_hint, document.line_count - 1)
        text = document[line]
        column = round(where * len(text))
        end = (line, min(column + length, len(text)))
        result = document.replace_range((line, column), end, insert)
        ours.wrap_range((line, column), end, result.end_location)
        theirs = WrappedDocument(document, width=20)
        assert wrapped(ours) == wrapped(theirs)
        for index in range(document.line_count):
            assert ours.get_sections(index) == theirs.get_sections(index)
