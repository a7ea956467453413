"""Property tests: whatever the referent types into notes, agreements, names,
places and services, the referat keeps its headings and its table shapes, and
what was typed comes out as text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referat_helpers import demo_args, headings, inline_text, parser, table_shapes

from bti_tui.model import Agreement, Case, Meeting, MeetingKind
from bti_tui.referat import render_html, render_markdown
from bti_tui.referat.escape import escape_inline, escape_line, one_line

# Pieces that mean something to Markdown (or to HTML), mixed with letters,
# spaces and every kind of line break, so hypothesis reaches the tricky cases
# far more often than with uniform text.
MARKERS = [
    "#", "##", "-", "+", "*", "_", "1.", "2)", ">", "```", "~~~", "---", "===", "***",
    "|", "\\", "`", "[", "]", "(", ")", "!", "<", ">", "&", "&amp;", "&#35;", ":",
    "<script>", "</script>", "<div>", "-->", "<!--", "http://x.no", "[a]: /u",
    "\n", "\n\n", "\r", "\r\n", "\t", " ", "    ", "a", "Æøå", "1", "x|y", "\u00a0", "\x00",
]
typed = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(MARKERS), max_size=25).map("".join),
)

Args = tuple[Meeting, MeetingKind, dict[str, Case], str]


def filled(value: str | None) -> Args:
    """The demo meeting with ``value`` typed into every free-text field
    (``None``: the demo as it is)."""
    meeting, kind, cases, lang = demo_args("nb")
    if value is None:
        return meeting, kind, cases, lang
    meeting.place = value
    for person in meeting.participants:
        person.name = person.role = person.service = value
    for slot in meeting.slots:
        slot.notes = {step.id: value for step in kind.steps}
        slot.cooperation = [value, value]
    for case in cases.values():
        case.submitted_by = value
        case.consent.services = [value]
        case.documentation.consent_archived_in = value
        case.documentation.firfoting_archived_in = value
        case.agreements = [
            Agreement(a.id, value, value, value, a.due, a.meeting_id) for a in case.agreements
        ]
        case.assign_stafettholder(value or "x", value, meeting.id, date(2026, 11, 10))
    return meeting, kind, cases, lang


BASELINE = render_markdown(*filled("plain text"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed)
def test_typed_text_never_changes_headings_or_tables(value: str) -> None:
    text = render_markdown(*filled(value))
    assert headings(text) == headings(BASELINE)
    assert table_shapes(text) == table_shapes(BASELINE)
    tokens = parser().parse(text)
    # Notes may keep lists and quotes (typed "- ", "1. ", "> "); nothing
    # typed becomes raw HTML, code, a rule, a link or an image.
    assert not [t for t in tokens if t.type in ("html_block", "code_block", "fence", "hr")]
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inline if c.type in ("html_inline", "link_open", "image", "code_inline")]
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not any(line != line.rstrip() for line in text.splitlines())
    assert "\n\n\n" not in text


@settings(max_examples=150, deadline=None)
@given(typed)
def test_html_never_carries_typed_tags(value: str) -> None:
    html = render_html(*filled(value))
    body = html.split("<main>", 1)[1]
    for tag in ("<script", "<div", "<!--", "<a ", "<img"):
        assert tag not in body


@settings(max_examples=300, deadline=None)
@given(typed)
def test_a_typed_line_renders_as_exactly_that_text(value: str) -> None:
    expected = one_line(value)
    for markdown in (escape_line(value), f"| h |\n| --- |\n| {escape_inline(value)} |"):
        tokens = [t for t in parser().parse(markdown + "\n") if t.type == "inline"]
        shown = inline_text(tokens[-1]) if tokens else ""
        # markdown-it turns NUL into U+FFFD; clean() already dropped it.
        assert shown == expected


def test_baseline_has_the_expected_shape() -> None:
    tags = [tag for tag, _ in headings(BASELINE)]
    assert tags.count("h1") == 1
    assert len(table_shapes(BASELINE)) == 7  # present, absent, 2 x (agreements, time), meeting time
