"""Agreements made about a case: what, who, by when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AgreementStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass
class Agreement:
    """One concrete agreement. It belongs to a case and remembers the meeting
    that made it, so a later meeting can show the open ones first."""

    id: str
    what: str
    responsible: str
    service: str
    due: date | None
    meeting_id: str
    status: AgreementStatus = AgreementStatus.OPEN

    @property
    def is_open(self) -> bool:
        return self.status is AgreementStatus.OPEN
