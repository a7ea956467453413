"""One place for the data folder's path.

The data folder is, in order: ``--data-dir``, the ``BTI_TUI_DATA_DIR``
environment variable, the platform's user data folder (platformdirs).
Nothing is created at import time: the CLI creates the folder on first use.
"""

from __future__ import annotations

import os
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

