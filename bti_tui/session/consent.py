"""The consent at the start of a named case (issue 18): methods of
:class:`~bti_tui.session.meeting.MeetingSession` through :class:`ConsentRules`.

Before the room enters a named case, the session compares the consent with
the meeting: missing, refused, withdrawn or expired (valid until before the
meeting's date), or services present in the room it does not cover (named).
``next_step`` answers ``NEEDS_CONSENT`` until the room decides; the decision
is kept on the case slot (so a restart does not ask again) and the referat
records the warning and the decision. A consent that no longer holds leaves
one choice: the case is discussed anonymously.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bti_tui.model import ValidationError
from bti_tui.model.consent import discussed_anonymously, problem_on, uncovered_services
from bti_tui.model.consent_check import ConsentCheck, ConsentDecision, ConsentProblem, allowed_decisions

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from bti_tui.model import Case, Meeting, MeetingKind


@dataclass(frozen=True)
class ConsentWarning:
    """What the room is told before a named case, and what it may decide."""

    slot: int
    problem: ConsentProblem
    uncovered: tuple[str, ...]  # services present that the consent does not cover, by name
    choices: tuple[ConsentDecision, ...]

    @property
    def anonymous_only(self) -> bool:
        return self.problem.forces_anonymity


class ConsentRules:
    meeting: Meeting
    kind: MeetingKind
    now: Callable[[], datetime]
    consent_acknowledged: set[int]

    if TYPE_CHECKING:

        def case(self, slot: int | None) -> Case | None: ...
        def next_step(self) -> Any: ...
        def save(self, *args: Any, **kwargs: Any) -> Any: ...
        def _writable(self) -> None: ...

    def consent_warning(self, slot: int) -> ConsentWarning | None:
        """The warning for the named case in ``slot`` (None: anonymous, no
        case, or a consent that holds and covers every service present)."""
        case = self.case(slot)
        if case is None or case.anonymous:
            return None
        problem = problem_on(case.consent, self.meeting.date)
        uncovered = uncovered_services(case, self.meeting.participants, self.kind, self.meeting.language)
        if problem is None:
            if not uncovered:
                return None
            problem = ConsentProblem.OUT_OF_SCOPE
        elif problem is ConsentProblem.MISSING:
            uncovered = []  # nothing is covered: the services are not the point
        return ConsentWarning(slot, problem, tuple(uncovered), allowed_decisions(problem, uncovered))

    def needs_consent_warning(self, slot: int) -> bool:
        """Warn before the case unless the room has decided already."""
        if slot in self.consent_acknowledged or not 0 <= slot < len(self.meeting.slots):
            return False
        return self.meeting.slots[slot].consent_check is None and self.consent_warning(slot) is not None

    def decide_consent(self, slot: int, decision: ConsentDecision) -> Any:
        """Record the room's decision (with the warning) and move on.
        ValidationError, nothing recorded, for a choice the consent does not
        allow (only anonymity when it is withdrawn, expired or refused)."""
        self._writable()
        warning = self.consent_warning(slot)
        if warning is None:
            self.consent_acknowledged.add(slot)
            return self.next_step()
        if decision not in warning.choices:
            raise ValidationError(f"consent.only_anonymous_{warning.problem.value}" if warning.anonymous_only else "consent.not_a_choice")
        self.meeting.slots[slot].consent_check = ConsentCheck(
            warning.problem, ConsentDecision(decision), list(warning.uncovered), self.now().replace(microsecond=0)
        )
        self.consent_acknowledged.add(slot)
        self.save()
        return self.next_step()

    def acknowledge_consent(self, slot: int) -> Any:
        """The room was warned and goes on with the consent as it is."""
        return self.decide_consent(slot, ConsentDecision.AS_IS)

    def discussed_anonymously(self, slot: int) -> bool:
        """Shown without its name: the room's decision, or a consent that
        no longer holds (then before the room has said it, too)."""
        case = self.case(slot)
        if case is None or not 0 <= slot < len(self.meeting.slots):
            return False
        return discussed_anonymously(case, self.meeting.slots[slot], self.meeting.date)
