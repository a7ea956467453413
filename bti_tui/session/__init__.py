"""The live meeting and the rules of running it (DESIGN "Layers").

Plain Python between the screens and the store: screens ask, the session
answers and saves. Nothing here imports Textual.
"""

from bti_tui.session.autosave import SAVE_MAX_WAIT, SAVE_PAUSE, Autosaver, TypingSaves
from bti_tui.session.cases import CaseBook, CaseHistory, CaseRow, MeetingRef, stafettholder_duties
from bti_tui.model.informing import InformItem
from bti_tui.session.intake import CaseForm, build_case, form_of
from bti_tui.session.internal import check_addition, exception_label
from bti_tui.session.meeting import MeetingSession, Move, MoveResult
from bti_tui.session.opening import UnknownKind, open_meeting
from bti_tui.session.review import ReviewItem
from bti_tui.session.setup import SetupEdits, new_meeting_session

__all__ = [
    "SAVE_MAX_WAIT",
    "SAVE_PAUSE",
    "Autosaver",
    "CaseBook",
    "CaseForm",
    "CaseHistory",
    "CaseRow",
    "InformItem",
    "MeetingRef",
    "MeetingSession",
    "Move",
    "MoveResult",
    "ReviewItem",
    "SetupEdits",
    "TypingSaves",
    "UnknownKind",
    "build_case",
    "check_addition",
    "exception_label",
    "form_of",
    "new_meeting_session",
    "open_meeting",
    "stafettholder_duties",
]
