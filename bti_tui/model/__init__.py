"""The domain of a BTI meeting, in plain Python: no Textual, no TinyDB, no I/O.

Time is always passed in (``now``/``today``); nothing here reads the clock.
"""

from typing import TYPE_CHECKING

from bti_tui.lazy import lazy_names

# Each name is imported from its module when first asked for (PEP 562): the
# app's first screen needs a few model classes, not the whole domain, and
# importing every module here delayed its first frame (issue 20).
if TYPE_CHECKING:
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

_WHERE = {
    "Agreement": "agreement",
    "AgreementChange": "agreement",
    "AgreementStatus": "agreement",
    "FieldChange": "agreement",
    "Case": "case",
    "CaseReference": "case",
    "Consent": "case",
    "ConsentGiver": "case",
    "ConsentStatus": "case",
    "Documentation": "case",
    "StafettholderAssignment": "case",
    "initials_key": "case",
    "CaseOrigin": "case_life",
    "CaseStatus": "case_life",
    "CaseStatusChange": "case_life",
    "ClosingReason": "case_life",
    "Duty": "case_life",
    "Handover": "case_life",
    "Budget": "clock",
    "ClockEvent": "clock",
    "ClockEventKind": "clock",
    "MeetingClock": "clock",
    "Position": "clock",
    "ValidationError": "errors",
    "GUARDIANS": "informing",
    "YOUTH": "informing",
    "Informing": "informing",
    "UserPresence": "informing",
    "UserStatus": "informing",
    "AgendaStep": "kind",
    "MeetingKind": "kind",
    "Phase": "kind",
    "RoleSpec": "kind",
    "StepFeature": "kind",
    "Attendance": "meeting",
    "CaseSlot": "meeting",
    "Meeting": "meeting",
    "MeetingStatus": "status",
    "Participant": "meeting",
    "new_id": "meeting",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())


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
