"""What the room was warned about at the start of a named case, and what it
decided (kept on the meeting's case slot, so the referat can say so).

The rules that produce a warning are in :mod:`bti_tui.model.consent`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ConsentProblem(StrEnum):
    """Why the room is warned before a named case."""

    MISSING = "missing"  # no consent (yet)
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # withdrawn on or before the meeting
    EXPIRED = "expired"  # valid until a day before the meeting
    OUT_OF_SCOPE = "out_of_scope"  # services in the room it does not cover

    @property
    def forces_anonymity(self) -> bool:
        """No consent, or one withdrawn, expired or refused: the case may
        only be discussed anonymously (DOMAIN: "obtain consent from the
        guardians, or mark the case anonymous")."""
        return self in (ConsentProblem.MISSING, ConsentProblem.WITHDRAWN, ConsentProblem.EXPIRED, ConsentProblem.REFUSED)


class ConsentDecision(StrEnum):
    """What the room decided after the warning."""

    SERVICES_LEAVE = "services_leave"  # the services outside the consent leave for this case
    ANONYMOUS = "anonymous"  # discussed anonymously (advice, no name)
    AS_IS = "as_is"  # went on with the consent as it is


def allowed_decisions(problem: ConsentProblem, uncovered: list[str]) -> tuple[ConsentDecision, ...]:
    """The choices the room has: only anonymity when the consent no longer
    holds; "services leave" only when some service is outside it."""
    if problem.forces_anonymity:
        return (ConsentDecision.ANONYMOUS,)
    if uncovered:
        return (ConsentDecision.SERVICES_LEAVE, ConsentDecision.ANONYMOUS, ConsentDecision.AS_IS)
    return (ConsentDecision.AS_IS, ConsentDecision.ANONYMOUS)


@dataclass
class ConsentCheck:
    """The warning shown at a case's start and the room's decision."""

    problem: ConsentProblem
    decision: ConsentDecision
    uncovered: list[str] = field(default_factory=list)  # services by name, as warned
    decided_at: datetime | None = None

    @property
    def anonymous(self) -> bool:
        return self.decision is ConsentDecision.ANONYMOUS
