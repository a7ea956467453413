"""How the wall looks, in both themes, at 120×40 and 200×50: a running
step, an overrun, the read-back and no meeting; and the step in nynorsk
and English. Update only after opening the report and looking:
``pytest tests/ui/test_ui_wall_snapshots.py --snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_support import START, FakeClock
from wall_support import demo_folder, run_at

from bti_tui.model import Position
from bti_tui.ui.wall.app import WallApp
from bti_tui.ui.wall.follow import Follower

SIZES = {"120x40": (120, 40), "200x50": (200, 50)}
THEMES = {"normal": False, "projector": True}
LAYOUTS = {
    "step": dict(position=Position("o-options", 0), minutes_here=3),
    "overrun": dict(position=Position("r-causes", 0), minutes_in=40, minutes_here=14),
    "read-back": dict(position=Position("w-next-meeting", 0), minutes_in=55, minutes_here=1),
    "no-meeting": None,
}


def wall(tmp_path: Path, layout: str, lang: str = "nb", projector: bool = True) -> WallApp:
    data = demo_folder(tmp_path / "data", START)
    if LAYOUTS[layout] is not None:
        run_at(data, now=START, **LAYOUTS[layout])
    clock = FakeClock(START)
    return WallApp(Follower(data, now=clock), lang, now=clock, projector=projector, poll=None)


async def settle(pilot) -> None:
    await pilot.pause()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_wall_layouts(snap_compare, tmp_path: Path, layout: str, size: str, theme: str) -> None:
    app = wall(tmp_path, layout, projector=THEMES[theme])
    assert snap_compare(app, terminal_size=SIZES[size], run_before=settle)


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_wall_languages(snap_compare, tmp_path: Path, lang: str) -> None:
    app = wall(tmp_path, "step", lang=lang)
    assert snap_compare(app, terminal_size=SIZES["200x50"], run_before=settle)
