"""The referat (minutes) of a meeting: Markdown, HTML and PDF/A-2b.

Two kinds of document: the meeting's referat for the participants (every
case), and one referat per case for the child's archive folder (that case
only; of the others it says only how many there were). Pure: no I/O and no
clock reading; the same meeting gives the same bytes.

Typst (for the PDF) is imported when a PDF is made, not with this package.
"""

from bti_tui.referat.build import UnknownCase
from bti_tui.referat.export import FORMATS, case_choices, export_files
from bti_tui.referat.html import render_case_html, render_html
from bti_tui.referat.markdown import render_case_markdown, render_markdown
from bti_tui.referat.pdf import PdfError, render_case_pdf, render_pdf

__all__ = [
    "FORMATS",
    "PdfError",
    "UnknownCase",
    "case_choices",
    "export_files",
    "render_case_html",
    "render_case_markdown",
    "render_case_pdf",
    "render_html",
    "render_markdown",
    "render_pdf",
]
