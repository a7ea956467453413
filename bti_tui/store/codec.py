"""The model as plain JSON-ready dicts and back (cattrs).

Dates are ISO strings (``2026-03-14``), times ``HH:MM[:SS]``, datetimes ISO,
enums their value strings. Structuring is strict: a key the model does not
know, or a value of the wrong type, raises ``DocumentError`` with a readable
list of what is wrong and where (``$.slots[0].notes``).
"""

from __future__ import annotations

from datetime import time
from enum import Enum
from typing import Any, TypeVar

import cattrs
from cattrs.preconf.json import make_converter

from bti_tui.model import Case, Meeting

T = TypeVar("T")


class DocumentError(ValueError):
    """A document that does not map to the model."""

    def __init__(self, details: list[str]) -> None:
        self.details = details
        super().__init__("; ".join(details))


def _time_text(value: time) -> str:
    """``09:00`` for whole minutes (what people type), full ISO otherwise."""
    whole_minute = not value.second and not value.microsecond
    return value.isoformat(timespec="minutes" if whole_minute else "auto")


def _strict(raw: Any, target: type) -> Any:
    """bool, int and str exactly (and str enums by value): cattrs would
    otherwise turn "maybe" into True and 3 into "3", hiding a damaged
    document."""
    base = next(kind for kind in (bool, int, str) if issubclass(target, kind))
    if type(raw) is not base:
        raise TypeError(f"expected {base.__name__}, got {type(raw).__name__}")
    return target(raw) if issubclass(target, Enum) else raw


def _make() -> cattrs.Converter:
    converter = make_converter(forbid_extra_keys=True)
    for kind in (bool, int, str):
        converter.register_structure_hook(kind, _strict)
    converter.register_unstructure_hook(time, _time_text)
    converter.register_structure_hook(time, lambda raw, _: time.fromisoformat(raw))
    return converter


converter = _make()


def unstructure(obj: Any) -> dict[str, Any]:
    return converter.unstructure(obj)


def structure(raw: Any, cls: type[T]) -> T:
    try:
        return converter.structure(raw, cls)
    except (cattrs.BaseValidationError, cattrs.errors.ForbiddenExtraKeysError) as exc:
        raise DocumentError(cattrs.transform_error(exc)) from exc
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise DocumentError([f"{type(exc).__name__}: {exc}"]) from exc
    except RecursionError:
        raise DocumentError(["nested too deeply"]) from None


def meeting_to_doc(meeting: Meeting) -> dict[str, Any]:
    return unstructure(meeting)


def meeting_from_doc(doc: Any) -> Meeting:
    return structure(doc, Meeting)


def case_to_doc(case: Case) -> dict[str, Any]:
    return unstructure(case)


def case_from_doc(doc: Any) -> Case:
    return structure(doc, Case)
