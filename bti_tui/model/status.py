"""A meeting's status alone: the meeting list and the store's index need it,
not the rest of the model (issue 20: the first frame imports no more)."""

from __future__ import annotations

from enum import StrEnum


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"
