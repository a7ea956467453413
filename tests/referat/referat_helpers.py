"""Helpers shared by the referat tests: the demo meeting, and the structure
of a referat as markdown-it-py sees it. A plain module with a unique name,
not a conftest, so it cannot clash with other test folders' helpers."""

from __future__ import annotations

from datetime import date, datetime

from markdown_it import MarkdownIt
from markdown_it.token import Token

from bti_tui.demo import DemoData, build_demo
from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.resources import MunicipalSettings, meeting_kinds

TODAY = date(2026, 11, 24)  # fixed: the demo dates follow "today"
LANGS = ("nb", "nn", "en")


def demo(lang: str = "nb") -> DemoData:
    return build_demo(meeting_kinds(), TODAY, lang)


def demo_args(lang: str = "nb", meeting_id: str = "demo-ferdig") -> tuple[Meeting, MeetingKind, dict[str, Case], str]:
    data = demo(lang)
    meeting = next(m for m in data.meetings if m.id == meeting_id)
    return meeting, meeting_kinds()[meeting.kind_id], {c.id: c for c in data.cases}, lang


SETTINGS = MunicipalSettings(municipality="Nordby kommune", unit="Oppvekst og utdanning")


def archive_args(lang: str = "nb") -> tuple[Meeting, MeetingKind, dict[str, Case], str, MunicipalSettings]:
    """The demo's finished meeting as it leaves the room for the archive:
    the first case read back and approved at 09:57 with its distribution and
    archive references, the second not approved; a kommune and unit set."""
    meeting, kind, cases, _ = demo_args(lang)
    meeting.slots[0].approved_at = datetime(2026, 11, 10, 9, 57)
    meeting.slots[0].distribution = ["Kari Nordmann (Skolehelsetjenesten)", "Ingrid Berg (Familiehjelpen)", "Foresatte"]
    cases["demo-sak-1"].archive_case_number = "26/01234"
    cases["demo-sak-1"].archive_document_number = "26/01234-3"
    return meeting, kind, cases, lang, SETTINGS


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def inline_text(token: Token) -> str:
    """The plain text of an inline token (what a reader sees)."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = parser().parse(markdown)
    return [(t.tag, inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def table_shapes(markdown: str) -> list[list[int]]:
    """Per table: the number of cells in each row."""
    shapes: list[list[int]] = []
    for token in parser().parse(markdown):
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


def block_types(markdown: str) -> list[str]:
    return [t.type for t in parser().parse(markdown) if t.type != "inline"]
