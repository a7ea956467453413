"""Every benchmark, one after the other: ``make bench``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent

# history.py is the data the others stand beside (startup, typing, first frame).
for script in ("save_cost.py", "startup.py", "first_frame_tmux.py", "keystroke_cost.py", "typing_cost.py", "case_lookup.py", "wall.py"):
    print(f"\n=== {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script)], check=True)
