"""One real way to raise each ValidationError of a case across meetings
(agreements followed up, closing and reopening), used by
test_model_error_messages, which checks every message formats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bti_tui.model import Agreement, AgreementStatus, Case, CaseReference, ClosingReason

DAY = date(2026, 11, 24)


def _agreement() -> Agreement:
    return Agreement("a1", "Kartlegge", "Kari", "PPT", date(2026, 12, 1), "m0")


def _closed() -> Case:
    case = Case("c1", CaseReference("AB", date(2016, 3, 14)))
    case.close(DAY, ClosingReason.GOAL_REACHED)
    return case


CASE_TRIGGERS: dict[str, Callable[[], object]] = {
    "cases.nothing_to_undo": lambda: _agreement().mark(AgreementStatus.OPEN, DAY, "m1"),
    "cases.continue_needs_due": lambda: _agreement().mark(AgreementStatus.CONTINUED, DAY, "m1"),
    "form.due_before_meeting": lambda: _agreement().mark(AgreementStatus.CONTINUED, DAY, "m1", date(2026, 11, 1)),
    "cases.already_closed": lambda: _closed().close(DAY, ClosingReason.MOVED_AWAY),
    "cases.other_needs_text": lambda: Case("c1", CaseReference.anonymized()).close(DAY, ClosingReason.OTHER, "  "),
    "cases.not_closed": lambda: Case("c1", CaseReference.anonymized()).reopen(DAY, "Ny bekymring"),
    "cases.reopen_needs_reason": lambda: _closed().reopen(DAY, " "),
    "cases.date_before_last": lambda: _closed().reopen(date(2026, 11, 1), "Ny bekymring"),
}
