"""The live meeting and the rules of running it (DESIGN "Layers").

Plain Python between the screens and the store: screens ask, the session
answers and saves. Nothing here imports Textual.
"""

from typing import TYPE_CHECKING

from bti_tui.lazy import lazy_names

# The names below are imported when first asked for (PEP 562): the app's
# first screen needs only the autosaver, and importing every session module
# (and the whole model with them) delayed the first frame (issue 20).
if TYPE_CHECKING:
    from bti_tui.session.autosave import SAVE_MAX_WAIT, SAVE_PAUSE, Autosaver, TypingSaves
    from bti_tui.session.cases import CaseBook, CaseHistory, CaseRow, MeetingRef, stafettholder_duties
    from bti_tui.model.informing import InformItem
    from bti_tui.session.intake import CaseForm, build_case, form_of
    from bti_tui.session.internal import check_addition, exception_label
    from bti_tui.session.meeting import MeetingSession, Move, MoveResult
    from bti_tui.session.opening import UnknownKind, open_meeting
    from bti_tui.session.review import ReviewItem
    from bti_tui.session.setup import SetupEdits, new_meeting_session

_WHERE = {
    "SAVE_MAX_WAIT": "bti_tui.session.autosave",
    "SAVE_PAUSE": "bti_tui.session.autosave",
    "Autosaver": "bti_tui.session.autosave",
    "TypingSaves": "bti_tui.session.autosave",
    "CaseBook": "bti_tui.session.cases",
    "CaseHistory": "bti_tui.session.cases",
    "CaseRow": "bti_tui.session.cases",
    "MeetingRef": "bti_tui.session.cases",
    "stafettholder_duties": "bti_tui.session.cases",
    "InformItem": "bti_tui.model.informing",
    "CaseForm": "bti_tui.session.intake",
    "build_case": "bti_tui.session.intake",
    "form_of": "bti_tui.session.intake",
    "check_addition": "bti_tui.session.internal",
    "exception_label": "bti_tui.session.internal",
    "MeetingSession": "bti_tui.session.meeting",
    "Move": "bti_tui.session.meeting",
    "MoveResult": "bti_tui.session.meeting",
    "UnknownKind": "bti_tui.session.opening",
    "open_meeting": "bti_tui.session.opening",
    "ReviewItem": "bti_tui.session.review",
    "SetupEdits": "bti_tui.session.setup",
    "new_meeting_session": "bti_tui.session.setup",
}


__getattr__, __dir__ = lazy_names(__name__, _WHERE, globals())


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
