"""The referat as one self-contained HTML file, to print to PDF for the archive.

The Markdown is rendered by markdown-it-py with raw HTML *off*: the
``gfm-like`` preset would turn it on and let a note's ``<script>`` through.
Each top-level section is rendered on its own and wrapped in ``<section>``, so
the print stylesheet can start each case on a new page and keep it together;
the sections begin with a heading and are separated by blank lines, so
rendering them apart gives the same HTML as rendering the whole text.
For the archive, prefer the PDF (``pdf.py``): PDF/A, with page numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.referat.build import case_document, meeting_document
from bti_tui.referat.context import Referat
from bti_tui.referat.doc import Document
from bti_tui.referat.markup import document
from bti_tui.resources import MunicipalSettings

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  line-height: 1.45; color: #111; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.12rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; width: 100%; }
th, td { border: 1px solid #777; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eee; }
th[style*="right"], td[style*="right"] { text-align: right; font-variant-numeric: tabular-nums; }
ul, ol { padding-left: 1.4rem; }
blockquote { margin: .6rem 0; padding-left: .9rem; border-left: 3px solid #999; color: #333; }
p, li { overflow-wrap: anywhere; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, tr, ul, ol, blockquote { break-inside: avoid; page-break-inside: avoid; }
  section.case { break-before: page; page-break-before: always;
    break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


def to_html(doc: Document) -> str:
    """The document as a complete HTML file (no external resources)."""
    from markdown_it import MarkdownIt  # here, not at import: keeps app start-up fast

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    body = "".join(f'<section class="{s.name}">\n{md.render(document(s.blocks))}</section>\n' for s in doc.sections)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(doc.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


def render_html(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    lang: str,
    settings: MunicipalSettings | None = None,
) -> str:
    """The meeting's referat for the participants, as one HTML file."""
    return to_html(meeting_document(Referat.of(meeting, kind, cases, lang, settings)))


def render_case_html(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    slot_index: int,
    lang: str,
    settings: MunicipalSettings | None = None,
) -> str:
    """The referat of the case in ``slot_index`` alone, as one HTML file."""
    return to_html(case_document(Referat.of(meeting, kind, cases, lang, settings), slot_index))
