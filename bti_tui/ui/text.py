"""The one way typed text reaches a widget: as data, never as markup.

Textual parses strings given to ``Static``, ``Label``, table cells and
``notify`` as content markup: a place named "Rom [/b] 2" raised MarkupError
and closed the app, "[red]" vanished, "[@click=app.quit]" became a live
action. :func:`plain` turns user text into a ``rich.text.Text`` (shown
literally), with terminal escape sequences, control and invisible
characters removed (:func:`bti_tui.model.text.clean_text`), so nothing
typed can reach the terminal as a control sequence either.

Bold headings and the like are styles on a ``Text``, never markup strings
with values pasted into them.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from bti_tui.model.text import clean_text


def safe(value: Any, *, multiline: bool = True) -> str:
    """User text as a clean string (for a field's value or a key)."""
    return clean_text(str(value), multiline=multiline)


def plain(value: Any, style: str = "", *, multiline: bool = True) -> Text:
    """User text (or text with user text in it), shown exactly as typed."""
    return Text(safe(value, multiline=multiline), style=style)


def join(*parts: Text | str, sep: str = "") -> Text:
    """Pieces of Text (and plain strings, taken literally) in a row."""
    return Text(sep).join(p if isinstance(p, Text) else plain(p) for p in parts)


def lines(items: list[Text | str]) -> Text:
    return join(*items, sep="\n")
