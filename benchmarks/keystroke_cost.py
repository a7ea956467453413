"""What typing in the notes costs on the UI thread, as the note grows.

Every keystroke runs the fødselsnummer guard over the whole note; the
anonymity hints (many patterns) run once per typing pause, before the save,
not per keystroke; the write itself is on the autosave thread. This prints
both for notes from 100 characters (the baseline) to 50,000 (a very long
meeting), and the ratios. Run: ``.venv/bin/python benchmarks/keystroke_cost.py``.
"""

from __future__ import annotations

import statistics
import time

from bti_tui.model.anonymity import identifying_hints
from bti_tui.model.privacy import guard_text

SENTENCE = "Eleven har hatt fravær i 7. klasse og får samtaler hver uke, tlf 12345678. "


def median_ms(check, size: int, repeats: int = 100) -> float:
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
    times = []
    for index in range(repeats):
        typed = text + "abcdefghij"[index % 10]
        start = time.perf_counter()
        check(typed)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    sizes = (100, 1_000, 10_000, 50_000)
    guard = {n: median_ms(guard_text, n) for n in sizes}
    hints = {n: median_ms(identifying_hints, n, 20) for n in sizes}
    print("UI-thread work while typing notes, median ms (ratio to a 100-character note)")
    print(f"{'note length':>12} {'per keystroke: guard':>22} {'per pause: hints':>18}")
    for n in sizes:
        print(f"{n:>12,} {guard[n]:13.3f} ({guard[n] / guard[100]:5.1f}) {hints[n]:9.3f} ({hints[n] / hints[100]:5.1f})")
    print("(a keystroke should stay well under 16 ms, one frame at 60 Hz)")


if __name__ == "__main__":
    main()
