"""The meeting clock as an event log.

Nothing counts while the app runs: the log holds ``started``, ``paused``,
``resumed``, ``step_entered`` and ``finished`` with their wall-clock times,
and every elapsed figure is computed from the log and a ``now`` passed in.
A restart after a crash therefore shows the right time, and tests pass a
fake now.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

OPENING = "opening"
CLOSING = "closing"


class ClockEventKind(StrEnum):
    STARTED = "started"
    PAUSED = "paused"
    RESUMED = "resumed"
    STEP_ENTERED = "step_entered"
    FINISHED = "finished"


@dataclass(frozen=True)
class Position:
    """Where the meeting is: the opening, a case's agenda step, or closing."""

    step: str  # OPENING, CLOSING or an agenda step id
    slot: int | None = None  # case slot index (0-based) for agenda steps

    def encode(self) -> str:
        return self.step if self.slot is None else f"case{self.slot}:{self.step}"

    @classmethod
    def decode(cls, raw: str) -> Position:
        if raw.startswith("case") and ":" in raw:
            slot, step = raw[4:].split(":", 1)
            return cls(step=step, slot=int(slot))
        return cls(step=raw)

    @classmethod
    def opening(cls) -> Position:
        return cls(OPENING)

    @classmethod
    def closing(cls) -> Position:
        return cls(CLOSING)


@dataclass(frozen=True)
class ClockEvent:
    kind: ClockEventKind
    at: datetime
    position: str | None = None  # Position.encode() for STEP_ENTERED


@dataclass
class MeetingClock:
    events: list[ClockEvent] = field(default_factory=list)

    # --- recording -------------------------------------------------------
    def _add(self, kind: ClockEventKind, now: datetime, position: str | None = None) -> None:
        if self.events and now < self.events[-1].at:
            now = self.events[-1].at  # a clock set back never makes time negative
        self.events.append(ClockEvent(kind, now, position))

    def start(self, now: datetime) -> None:
        if not self.started:
            self._add(ClockEventKind.STARTED, now)

    def pause(self, now: datetime) -> None:
        if self.running:
            self._add(ClockEventKind.PAUSED, now)

    def resume(self, now: datetime) -> None:
        if self.started and self.paused and not self.finished:
            self._add(ClockEventKind.RESUMED, now)

    def toggle_pause(self, now: datetime) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def enter(self, position: Position, now: datetime) -> None:
        encoded = position.encode()
        if self.position_code != encoded:
            self._add(ClockEventKind.STEP_ENTERED, now, encoded)

    def finish(self, now: datetime) -> None:
        if self.started and not self.finished:
            self._add(ClockEventKind.FINISHED, now)

    # --- state -------------------------------------------------------------
    def _last(self, *kinds: ClockEventKind) -> ClockEvent | None:
        for event in reversed(self.events):
            if event.kind in kinds:
                return event
        return None

    @property
    def started(self) -> bool:
        return self._last(ClockEventKind.STARTED) is not None

    @property
    def finished(self) -> bool:
        return self._last(ClockEventKind.FINISHED) is not None

    @property
    def paused(self) -> bool:
        last = self._last(ClockEventKind.PAUSED, ClockEventKind.RESUMED)
        return last is not None and last.kind is ClockEventKind.PAUSED

    @property
    def running(self) -> bool:
        return self.started and not self.paused and not self.finished

    @property
    def position_code(self) -> str | None:
        last = self._last(ClockEventKind.STEP_ENTERED)
        return last.position if last else None

    @property
    def position(self) -> Position | None:
        code = self.position_code
        return Position.decode(code) if code else None

    @property
    def started_at(self) -> datetime | None:
        event = self._last(ClockEventKind.STARTED)
        return event.at if event else None

    # --- computing -----------------------------------------------------------
    def _running_spans(self, now: datetime) -> Iterator[tuple[str | None, timedelta]]:
        """(position, length) of every stretch the clock ran, up to ``now``.
        The one walk over the log that every figure below is made from."""
        running = False
        position: str | None = None
        since: datetime | None = None
        for event in self.events:
            if running and since is not None:
                yield position, max(event.at - since, timedelta())
            if event.kind in (ClockEventKind.STARTED, ClockEventKind.RESUMED):
                running = True
            elif event.kind in (ClockEventKind.PAUSED, ClockEventKind.FINISHED):
                running = False
            elif event.kind is ClockEventKind.STEP_ENTERED:
                position = event.position
            since = event.at
        if running and since is not None:
            yield position, max(now - since, timedelta())

    def time_by_position(self, now: datetime) -> dict[str, timedelta]:
        """Running time spent at each position (encoded), up to ``now``."""
        spent: dict[str, timedelta] = defaultdict(timedelta)
        for position, span in self._running_spans(now):
            if position is not None:
                spent[position] += span
        return dict(spent)

    def elapsed(self, now: datetime) -> timedelta:
        """Running time of the whole meeting (pauses excluded)."""
        return sum((span for _position, span in self._running_spans(now)), timedelta())

    def at_position(self, position: Position, now: datetime) -> timedelta:
        return self.time_by_position(now).get(position.encode(), timedelta())

    def in_case(self, slot: int, now: datetime) -> timedelta:
        prefix = f"case{slot}:"
        return sum(
            (t for code, t in self.time_by_position(now).items() if code.startswith(prefix)),
            timedelta(),
        )


@dataclass(frozen=True)
class Budget:
    """Time used against time planned; overrun is shown, never blocks."""

    used: timedelta
    planned: timedelta

    @property
    def left(self) -> timedelta:
        return self.planned - self.used

    @property
    def over(self) -> bool:
        return self.used > self.planned

    @property
    def overrun(self) -> timedelta:
        return max(self.used - self.planned, timedelta())


def minutes(n: int) -> timedelta:
    return timedelta(minutes=n)
