"""One place for paths and user settings.

The data folder is, in order: ``--data-dir``, the ``BTI_TUI_DATA_DIR``
environment variable, the platform's user data folder (platformdirs).
Nothing is created at import time: the CLI creates the folder on first use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "BTI_TUI_DATA_DIR"
ENV_LANG = "BTI_TUI_LANG"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("bti-tui", appauthor=False)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


@dataclass
class Settings:
    """What the app is started with; the UI's own choices (theme, language)
    are remembered in the data folder by the store's preferences."""

    data_dir: Path
    language: str | None = None  # None: the remembered or municipal default
