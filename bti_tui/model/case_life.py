"""A case's life beyond one meeting: how it began, hand-overs of the
stafettholder, closing and reopening, and the stafettholder's duties ticked.

The pieces are plain records kept on :class:`bti_tui.model.case.Case`; the
rules that change them are methods there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bti_tui.model.localized import Localized, pick


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ClosingReason(StrEnum):
    """Why a case was closed (the closing screen's choices)."""

    GOAL_REACHED = "goal_reached"
    GUARDIANS_WISH = "guardians_wish"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LEVEL_3_IP = "level_3_ip"  # handed to level 3 / individual plan (IP)
    MOVED_AWAY = "moved_away"
    OTHER = "other"  # with a text


@dataclass(frozen=True)
class CaseStatusChange:
    """The case was closed (``reason``, ``text`` for OTHER or a remark) or
    reopened (``text`` is the reason) on ``on``; in ``meeting_id`` if it
    happened in a meeting."""

    on: date
    status: CaseStatus
    reason: ClosingReason | None = None
    text: str = ""
    meeting_id: str | None = None


@dataclass
class CaseOrigin:
    """How the case began (seed 000): who first noticed the need, the leader
    they told, and that the initiative to cooperate with the guardians was
    taken (and when)."""

    noticed_by: str = ""
    told_leader: str = ""
    guardians_initiative: bool = False
    initiative_on: date | None = None


@dataclass(frozen=True)
class Handover:
    """The stafettholder changed on ``on``: from ``before`` (None: the first
    one) to ``name``/``service``, in ``meeting_id``."""

    on: date
    before_name: str | None
    before_service: str | None
    name: str
    service: str
    meeting_id: str
    named_by: str = ""
    note: str = ""

    @property
    def first(self) -> bool:
        return self.before_name is None


@dataclass(frozen=True)
class Duty:
    """One of the stafettholder's duties (seed 000), from the meeting kind's
    data file: ``id`` is stable, ``text`` in each language."""

    id: str
    text: Localized

    def text_in(self, lang: str) -> str:
        return pick(self.text, lang)
