"""The domain of a BTI meeting, in plain Python: no Textual, no TinyDB, no I/O.

Time is always passed in (``now``/``today``); nothing here reads the clock.
"""

from bti_tui.model.agreement import Agreement, AgreementStatus
from bti_tui.model.case import (
    Case,
    CaseReference,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Documentation,
    StafettholderAssignment,
)
from bti_tui.model.clock import (
    Budget,
    ClockEvent,
    ClockEventKind,
    MeetingClock,
    Position,
)
from bti_tui.model.errors import ValidationError
from bti_tui.model.kind import AgendaStep, MeetingKind, Phase, RoleSpec, StepFeature
from bti_tui.model.meeting import (
    Attendance,
    CaseSlot,
    Meeting,
    MeetingStatus,
    Participant,
    new_id,
)

__all__ = [
    "AgendaStep",
    "Agreement",
    "AgreementStatus",
    "Attendance",
    "Budget",
    "Case",
    "CaseReference",
    "CaseSlot",
    "ClockEvent",
    "ClockEventKind",
    "Consent",
    "ConsentGiver",
    "ConsentStatus",
    "Documentation",
    "Meeting",
    "MeetingClock",
    "MeetingKind",
    "MeetingStatus",
    "Participant",
    "Phase",
    "Position",
    "RoleSpec",
    "StafettholderAssignment",
    "StepFeature",
    "ValidationError",
    "new_id",
]
