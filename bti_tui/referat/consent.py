"""The consent in a case's referat (issue 18): its dates and the
information it covers, and what the room was warned about at the case's
start and decided. Service names and typed text go through ``one_line``
like every user text of the referat."""

from __future__ import annotations

from bti_tui.model import Case, CaseSlot
from bti_tui.model.consent_check import ConsentProblem
from bti_tui.referat.context import Referat
from bti_tui.referat.escape import one_line
from bti_tui.referat.format import fmt_date


def consent_facts(r: Referat, case: Case) -> list[tuple[str, str]]:
    """Date given, valid until, withdrawn and the information covered,
    where known (files from before issue 18 know none of them)."""
    consent = case.consent
    facts: list[tuple[str, str]] = []
    for key, day in (("given_on", consent.given_on), ("valid_until", consent.valid_until), ("withdrawn_on", consent.withdrawn_on)):
        if day is not None:
            facts.append((r.t(f"consent.referat.{key}"), fmt_date(day)))
    if one_line(consent.information):
        facts.append((r.t("consent.referat.information"), one_line(consent.information)))
    return facts


def consent_check_fact(r: Referat, slot: CaseSlot) -> list[tuple[str, str]]:
    """"Samtykke i møtet": the warning and the decision, when there was one."""
    check = slot.consent_check
    if check is None:
        return []
    services = ", ".join(s for s in (one_line(x) for x in check.uncovered) if s)
    problem = ConsentProblem(check.problem)
    warned = r.t(f"consent.referat.warned_{problem.value}", services=services)
    decided = r.t(f"consent.referat.decided_{check.decision.value}", services=services)
    return [(r.t("consent.referat.label"), f"{warned} {decided}")]
