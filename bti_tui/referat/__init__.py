"""The referat (minutes) of a meeting: Markdown, and HTML through markdown-it-py.

Pure: no I/O and no clock reading; the same meeting gives the same bytes.
"""

from bti_tui.referat.html import render_html
from bti_tui.referat.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
