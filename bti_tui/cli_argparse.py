"""argparse's own words ("usage:", "options", its error messages) in the
user's language.

argparse has no translation setting of its own: it looks each of its texts up
through the names ``_`` (gettext) and ``ngettext`` in its module namespace
(``from gettext import gettext as _, ngettext`` in Python 3.11 to 3.14), at
the moment it builds a parser, prints help or reports an error. Installing a
gettext ``.mo`` file would mean a second catalogue format beside our TOML, so
:func:`argparse_in` puts two functions of ours under those names for the
time of a ``with`` block and puts the originals back after. They read
``data/i18n/<lang>/argparse.toml``, keyed by argparse's msgid; a msgid with no
text there (a programmer's error such as a conflicting option, or a newer
Python's wording) stays English. ``tests/cli/test_cli_argparse_i18n.py`` lists
the msgids of the running Python and fails on a user-facing one we miss.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from bti_tui.i18n import plural_rule, section

PREFIX = "argparse."


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse speaks ``lang`` inside the block (build the parser inside it too:
    argparse translates its group titles when a parser is made)."""
    # argparse's section alone: reading the whole catalogue delayed the first frame (issue 20).
    texts, counted = section(lang, PREFIX.rstrip("."))

    def gettext(message: str) -> str:
        # argparse 3.11 also passes None (a subparser group without description).
        if not isinstance(message, str):
            return message
        return texts.get(PREFIX + message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        key = PREFIX + singular
        if key not in counted:
            return singular if n == 1 else plural
        return texts.get(f"{key}.{plural_rule(lang)(n)}") or texts[f"{key}.other"]

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
