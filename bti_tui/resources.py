"""The files that ship with the app: ``data/`` (kinds, agendas, texts,
settings) and ``styles/`` (tcss): folders beside the code, or read through
``importlib.resources`` when the package is imported from a zip file.

In a built wheel both folders live inside the package (hatchling
``force-include``). In a source checkout with an editable install they stay at
the top of the repository, beside the package, so we fall back to that.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from bti_tui.model.kind import MeetingKind


def _root(name: str) -> Traversable:
    # An installed package is a folder on disk: its files are plain paths
    # (what importlib.resources would give too, after importing its readers
    # and zipfile, some 5 ms before the first frame, issue 20). A package
    # imported from a zip file has no folder: importlib.resources reads it.
    here = Path(__file__).resolve().parent
    if (here / name).is_dir():
        return here / name
    if here.is_dir():  # a source checkout: beside the package
        return here.parent / name
    from importlib.resources import files

    return files("bti_tui").joinpath(name)


def data_root() -> Traversable:
    return _root("data")


def styles_root() -> Traversable:
    return _root("styles")


def load_toml(resource: Traversable) -> dict[str, Any]:
    with resource.open("rb") as handle:
        return tomllib.load(handle)


@cache
def meeting_kinds() -> dict[str, MeetingKind]:
    """Every meeting kind in ``data/kinds``, by id, in file-name order."""
    from bti_tui.model.kind import MeetingKind  # not before the first frame (issue 20)

    agendas = data_root().joinpath("agendas")
    kinds: dict[str, MeetingKind] = {}
    for entry in sorted(data_root().joinpath("kinds").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        raw = load_toml(entry)
        raw["steps"] = load_toml(agendas.joinpath(f"{raw['agenda']}.toml"))["steps"]
        kind = MeetingKind.from_dict(raw)
        kinds[kind.id] = kind
    return kinds


def meeting_kind(kind_id: str) -> MeetingKind:
    return meeting_kinds()[kind_id]


@dataclass(frozen=True)
class MunicipalSettings:
    consent_own_age: int = 16
    consent_validity_months: int = 12  # a consent's default validity from the day given
    max_child_age: int = 18
    default_language: str = "nb"
    # The referat's header (see data/settings.toml).
    municipality: str = ""  # kommune
    unit: str = ""  # enhet
    exemption_marking: bool = True  # "Unntatt offentlighet, jf. offl. § 13 og fvl. § 13"
    case_referat_time_table: bool = False  # keep the time table in each case's referat
    # The largest data file read or written, in MB (the store refuses more).
    max_file_mb: float = 20
    wall_show_reference: bool = True  # bti-tui wall: initials and birth date while the case is discussed

    @property
    def max_file_bytes(self) -> int:
        """``max_file_mb`` in bytes, for ``Repository.open(max_bytes=...)``
        and ``check_data(max_bytes=...)``."""
        return max(1, int(self.max_file_mb * 1024 * 1024))


@cache
def municipal_settings() -> MunicipalSettings:
    raw = load_toml(data_root().joinpath("settings.toml"))
    return MunicipalSettings(**raw)


def stylesheet(name: str) -> str:
    """The path of one tcss file (``app.tcss``). A screen names its own
    file in ``CSS_PATH``: Textual reads it when the screen is first shown,
    so the first frame parses only what the home screen needs (issue 20)."""
    return str(styles_root().joinpath(name))


def stylesheets() -> list[str]:
    """Paths of the app's tcss files (Textual wants real file paths)."""
    root = styles_root()
    return [str(root.joinpath(e.name)) for e in sorted(root.iterdir(), key=lambda e: e.name) if e.name.endswith(".tcss")]
