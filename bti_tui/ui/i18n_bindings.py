"""Bindings whose descriptions are catalogue keys, shown in the user's language.

Textual keeps a node's bindings in ``_bindings``, copied per instance from
the class's merged ``BINDINGS`` (``_merged_bindings``), and offers no public
hook to translate them, so we rebuild that copy from the class's keys; doing
it again after a language switch starts from the keys, not old texts. Textual 8.2; covered by
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
    for bindings in (type(node)._merged_bindings or BindingsMap()).key_to_bindings.values():
        OURS.update((b.key, b.action) for b in bindings if b.description.startswith("keys."))
    translated = {
        key: [
            replace(b, description=t(b.description)) if b.description.startswith("keys.") else b
            for b in bindings
        ]
        for key, bindings in (type(node)._merged_bindings or BindingsMap()).key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(translated)
