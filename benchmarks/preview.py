"""How long the referat preview (F10) takes to show, against Textual's own
Markdown widget showing the same text in the same run.

The preview draws the referat with Rich's Markdown renderable in one Static
(``ui/screens/referat_preview.py``); Textual's Markdown widget builds a
widget per block and per table cell. Each is shown N times (default 5) in
the running app (headless, 120×40) on the demo's finished meeting, timed
from the call until the app is idle again: median and worst.

Run: ``.venv/bin/python benchmarks/preview.py [N]``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from bti_tui.session.demo import write_demo
from bti_tui.session.exports import render_referat
from bti_tui.store import Repository
from bti_tui.ui.app import BtiApp


class TextualMarkdownScreen(Screen):
    """The baseline: the same referat in Textual's Markdown widget."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        with VerticalScroll():
            yield Markdown(self.text)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times: dict[str, list[float]] = {"preview (Rich Markdown in a Static)": [], "Textual Markdown widget (baseline)": []}

    async def measure(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        session = app.session_for("demo-ferdig")
        text = render_referat(session, app.lang)
        for _ in range(runs):
            for label, show in zip(times, (lambda: app.show_preview(session), lambda: app.push_screen(TextualMarkdownScreen(text))), strict=True):
                start = time.perf_counter()
                show()
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                times[label].append(time.perf_counter() - start)
                app.pop_screen()
                await pilot.pause()
        app.exit()

    with tempfile.TemporaryDirectory(prefix="bti-preview-") as tmp, Repository.open(Path(tmp) / "data") as repo:
        write_demo(repo, date.today(), "nb")
        app = BtiApp(repo, "nb")
        app.run(headless=True, size=(120, 40), auto_pilot=measure)
        app.saver.close()
    base = statistics.median(times["Textual Markdown widget (baseline)"])
    print(f"the demo meeting's referat shown, median of {runs} (ms)")
    for label, values in times.items():
        m = statistics.median(values)
        print(f"  {label:38} {m * 1000:7.0f}   worst {max(values) * 1000:7.0f}   ratio {m / base:5.2f}")


if __name__ == "__main__":
    main()
