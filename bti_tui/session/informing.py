"""Who tells whom, per case (both seeds): who informs the guardians and the
youth of the outcome, who tells each absent participant given a task; the
guardians and the youth recorded as present, informed, or not informed
(with the reason). Shown on the closing screen and in the referat.
Methods of :class:`~bti_tui.session.meeting.MeetingSession` (through
:class:`InformingRules`); the list itself is the model's
(:func:`bti_tui.model.informing.inform_list`), so the referat shows the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bti_tui.model import Case, UserPresence, ValidationError
from bti_tui.model.informing import USERS, InformItem, Informing, inform_list
from bti_tui.model.privacy import guard_text

if TYPE_CHECKING:
    from concurrent.futures import Future

    from bti_tui.model import Meeting, MeetingKind


class InformingRules:
    """Mixed into MeetingSession."""

    if TYPE_CHECKING:
        meeting: Meeting
        kind: MeetingKind

        def _writable(self) -> None: ...
        def case(self, slot: int | None) -> Case | None: ...
        def save(self, cases: list[Case] | None = None, all_cases: bool = False, scrub: bool = False, typing: Any = None) -> Future[Any]: ...

    def informing(self, slot: int) -> Informing:
        return self.meeting.slots[slot].informing

    def inform_list(self, slot: int) -> list[InformItem]:
        """The guardians, the youth, then every participant not present who
        was given a task in this meeting: whom to tell and who tells them."""
        return inform_list(self.meeting, slot, self.case(slot), self.kind)

    def informing_missing(self, slot: int) -> list[InformItem]:
        """Whom no one has been chosen to tell yet (the closing screen asks)."""
        return [item for item in self.inform_list(slot) if item.missing]

    def inform(self, slot: int, whom: str, teller: str) -> None:
        """``teller`` tells ``whom`` (GUARDIANS, YOUTH or a participant id)
        the outcome; an empty teller takes the choice back."""
        self._writable()
        if whom not in USERS and self.meeting.participant(whom) is None:
            raise LookupError(whom)
        teller = guard_text(teller).strip()
        tellers = self.informing(slot).tellers
        if teller:
            tellers[whom] = teller
        else:
            tellers.pop(whom, None)
        self.save()

    def set_user_presence(self, slot: int, who: str, presence: UserPresence | str, reason: str = "") -> None:
        """The guardians' or the youth's part: present, informed (that the
        meeting takes place), or not informed (a reason is needed)."""
        self._writable()
        presence = UserPresence(presence)
        reason = guard_text(reason).strip()
        if presence is UserPresence.NOT_INFORMED and not reason:
            raise ValidationError("cases.not_informed_reason")
        status = self.informing(slot).user(who)
        status.presence = presence
        status.reason = reason if presence is UserPresence.NOT_INFORMED else ""
        self.save()
