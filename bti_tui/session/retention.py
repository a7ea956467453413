"""Retention from the app (issue 18): what ``bti-tui purge`` and
``bti-tui archived`` do, for the purge screen.

The rule the screen relies on: the removal removes exactly what was listed
last. A new date or the "archived only" choice needs a new listing first
(:meth:`RetentionDesk.remove` refuses otherwise), so nothing goes that the
user has not seen. The app holds the folder's lock the whole time, so the
list cannot go stale behind its back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bti_tui.model import ValidationError
from bti_tui.model.dates import format_date, parse_date
from bti_tui.model.text import clean_text
from bti_tui.store import Repository
from bti_tui.store.purge import PurgePlan, plan_purge, purge
from bti_tui.store.retention import ArchiveMark, mark_archived


if TYPE_CHECKING:
    from bti_tui.i18n import Translator


def purge_listing(t: Translator, plan: PurgePlan, full_paths: bool = True) -> str:
    """What a purge removes, as the command line and the purge screen list
    it: ids, dates and kinds, no names (exports by path, or by file name
    on the screen)."""
    from bti_tui.resources import meeting_kinds

    kinds = meeting_kinds()
    lines = [t("purge.will_remove", date=format_date(plan.before))]
    if plan.meetings:
        lines.append(t("purge.meetings", count=len(plan.meetings)))
        for m in plan.meetings:
            kind = kinds.get(m.kind_id)
            lines.append(f"  {m.id}  {format_date(m.date)}  {kind.name_in(t.lang) if kind else m.kind_id}")
    if plan.cases:
        lines.append(t("purge.cases", count=len(plan.cases)))
        for case in plan.cases:
            when = t("purge.last_met", date=format_date(case.last_met)) if case.last_met else ""
            if case.closed_on:
                when = t("purge.closed_on", date=format_date(case.closed_on))
            lines.append(f"  {case.id}  {when}".rstrip())
    if plan.exports:
        lines.append(t("purge.exports", count=len(plan.exports)))
        lines += [f"  {path if full_paths else path.name}" for path in plan.exports]
    lines.append(t("purge.with_backups"))
    return clean_text("\n".join(lines))


class RetentionDesk:
    def __init__(self, repo: Repository, today: date) -> None:
        self.repo = repo
        self.today = today
        self.listed: PurgePlan | None = None

    def list(self, before: str, archived_only: bool) -> PurgePlan:
        """What a purge before ``before`` (as typed) would remove; reads only.
        ValidationError for a date that is not one; ``PurgeBlocked`` when a
        file cannot be read."""
        self.listed = None
        day = parse_date(before)
        self.listed = plan_purge(self.repo, day, archived_only=archived_only)
        return self.listed

    def matches(self, before: str, archived_only: bool) -> bool:
        """The listing shown is for these choices."""
        if self.listed is None:
            return False
        try:
            day = parse_date(before)
        except ValidationError:
            return False
        return (self.listed.before, self.listed.archived_only) == (day, archived_only)

    def remove(self, before: str, archived_only: bool) -> PurgePlan:
        """Remove what was listed for exactly these choices
        (``retention.list_first`` otherwise: nothing is removed)."""
        if self.listed is None or self.listed.empty or not self.matches(before, archived_only):
            raise ValidationError("retention.list_first")
        plan, self.listed = self.listed, None
        return purge(self.repo, plan)

    def mark(self, doc_id: str, on: str, ref: str) -> ArchiveMark:
        """Mark a meeting or a case "archived in ESA" (today when no date);
        a date in the future is refused."""
        day = parse_date(on) if on.strip() else self.today
        if day > self.today:
            raise ValidationError("retention.mark_future", value=day.strftime("%d.%m.%Y"))
        return mark_archived(self.repo, doc_id.strip(), day, ref)
