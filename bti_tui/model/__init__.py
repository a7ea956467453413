"""The domain of a BTI meeting, in plain Python: no Textual, no TinyDB, no I/O.

Time is always passed in (``now``/``today``); nothing here reads the clock.
"""

from bti_tui.model.agreement import Agreement, AgreementChange, AgreementStatus, FieldChange
from bti_tui.model.case import (
    Case,
    CaseReference,
    Consent,
    ConsentGiver,
    ConsentStatus,
    Documentation,
    StafettholderAssignment,
    initials_key,
)
from bti_tui.model.case_life import (
    CaseOrigin,
    CaseStatus,
    CaseStatusChange,
    ClosingReason,
    Duty,
    Handover,
)
from bti_tui.model.clock import (
    Budget,
    ClockEvent,
    ClockEventKind,
    MeetingClock,
    Position,
)
from bti_tui.model.errors import ValidationError
from bti_tui.model.informing import GUARDIANS, YOUTH, Informing, UserPresence, UserStatus
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
    "GUARDIANS",
    "YOUTH",
    "AgendaStep",
    "Agreement",
    "AgreementChange",
    "AgreementStatus",
    "Attendance",
    "Budget",
    "Case",
    "CaseOrigin",
    "CaseReference",
    "CaseSlot",
    "CaseStatus",
    "CaseStatusChange",
    "ClockEvent",
    "ClockEventKind",
    "ClosingReason",
    "Consent",
    "ConsentGiver",
    "ConsentStatus",
    "Documentation",
    "Duty",
    "FieldChange",
    "Handover",
    "Informing",
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
    "UserPresence",
    "UserStatus",
    "ValidationError",
    "initials_key",
    "new_id",
]
