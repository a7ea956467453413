"""Bindings whose descriptions are catalogue keys, shown in the user's language.

Textual keeps a node's bindings in ``_bindings`` (per instance) and offers
no public hook to translate them, so we replace that map with a translated
copy; doing it again after a language switch starts from the untranslated
keys, not from old texts. Textual 8.2; covered by
``tests/ui/test_ui_language.py``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.binding import BindingsMap
from textual.dom import DOMNode

if TYPE_CHECKING:
    from bti_tui.i18n import Translator


# (key, action) of every binding described from our catalogue: the help
# screen and the palette list these, and not Textual's own English ones.
OURS: set[tuple[str, str]] = set()


def translate_bindings(node: DOMNode, t: Translator) -> None:
    # Start from the node's bindings as they were before any translation
    # (kept on the node), not from the class: Textual adds some per instance,
    # like the command palette's Ctrl+P in App.__init__.
    original: BindingsMap = node.__dict__.setdefault("_bti_untranslated", node._bindings.copy())
    for bindings in original.key_to_bindings.values():
        OURS.update((b.key, b.action) for b in bindings if b.description.startswith("keys."))
    translated = {
        key: [
            replace(b, description=t(b.description)) if b.description.startswith("keys.") else b
            for b in bindings
        ]
        for key, bindings in original.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(translated)
