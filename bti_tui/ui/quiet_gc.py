"""The garbage collector kept out of a keystroke's way while notes are typed.

Python's collector runs when enough objects were made, so at any moment:
mostly a young-generation pass (under a millisecond), but now and then a
full one, which walks every object the app holds. Even with what the
meeting screen is made of frozen (:func:`gc.freeze`), a full pass took
26–45 ms, once in some 150 keys: that key missed two frames
(benchmarks/typing_cost.py). While the screen is shown, the full pass is
not left to chance: it is run when typing pauses (the save after a pause),
and what survives it is frozen, so the next one has little to walk. The
young passes still run as they come.
"""

from __future__ import annotations

import gc

#: Younger-generation passes before a full one: never, in effect.
_NEVER = 1_000_000


class QuietCollector:
    def __init__(self) -> None:
        self._thresholds: tuple[int, int, int] | None = None

    @property
    def holding(self) -> bool:
        return self._thresholds is not None

    def hold(self) -> None:
        """The screen is shown: what exists now is frozen, and no full
        pass runs on its own."""
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, _NEVER)
        gc.freeze()

    def pause(self) -> None:
        """Typing paused: the full pass now, and what survives it frozen."""
        if self._thresholds is None:
            return
        gc.collect()
        gc.freeze()

    def release(self) -> None:
        """The screen went: the collector as it was, and everything frozen
        collected again when it is garbage."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
        gc.unfreeze()
