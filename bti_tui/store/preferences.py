"""What ``preferences.json`` may hold, and how a damaged one is read.

Preferences are not worth refusing to start for: a damaged file, a newer
schema, an unknown key or an unknown value leave those preferences out; the
app starts with its defaults and says why (``Problem`` list).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bti_tui.model.localized import LANGUAGES
from bti_tui.store.documents import Problem

# Each known preference and the values it may take.
PREFERENCE_VALUES: dict[str, tuple[Any, ...]] = {
    "language": LANGUAGES,
    "projector": (True, False),
}


def _known(value: Any, allowed: tuple[Any, ...]) -> bool:
    # type() too: True == 1 and "nb" must not be matched by a number.
    return any(type(value) is type(ok) and value == ok for ok in allowed)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def clean_preferences(path: Path, doc: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The known preferences with known values, and a problem for each other
    entry (``store.preference_unknown``, ``store.preference_value``)."""
    good: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, value in doc.items():
        allowed = PREFERENCE_VALUES.get(name)
        if allowed is None:
            problems.append(Problem(path, "store.preference_unknown", {"path": str(path), "name": _shown(name)}))
        elif not _known(value, allowed):
            params = {"path": str(path), "name": name, "value": _shown(value)}
            problems.append(Problem(path, "store.preference_value", params))
        else:
            good[name] = value
    return good, problems
