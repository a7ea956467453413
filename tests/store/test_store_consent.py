"""Consent in full is stored without a migration (issue 18): today's files
(schema 1 and 2) load with the new fields empty, and the new fields and the
room's decision go to disk and back."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from bti_tui.model import ConsentStatus
from bti_tui.model.consent_check import ConsentCheck, ConsentDecision, ConsentProblem
from bti_tui.store import Repository

FORMATS = Path(__file__).parent / "data"


@pytest.mark.parametrize("schema", ["schema1", "schema2"])
def test_todays_files_load_with_the_new_consent_fields_empty(tmp_path: Path, schema: str) -> None:
    folder = tmp_path / "old"
    shutil.copytree(FORMATS / schema, folder)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    with Repository.open(folder) as repo:
        consent = repo.load_case("demo-sak-1").consent
        assert consent.status is ConsentStatus.GIVEN and consent.services
        assert (consent.given_on, consent.valid_until, consent.withdrawn_on, consent.information) == (None, None, None, "")
        assert all(slot.consent_check is None for slot in repo.load_meeting("demo-neste").slots)


def test_consent_in_full_and_the_decision_round_trip(demo_repo: Repository) -> None:
    repo = demo_repo
    case = repo.load_case("demo-sak-1")
    case.consent.given_on, case.consent.valid_until = date(2025, 9, 1), date(2026, 8, 31)
    case.consent.withdrawn_on, case.consent.information = date(2026, 1, 5), "Fravær"
    repo.save_case(case)
    meeting = repo.load_meeting("demo-neste")
    check = ConsentCheck(ConsentProblem.OUT_OF_SCOPE, ConsentDecision.SERVICES_LEAVE, ["PPT"], datetime(2026, 3, 16, 9, 5))
    meeting.slots[0].consent_check = check
    repo.save_meeting(meeting)
    assert repo.load_case("demo-sak-1").consent == case.consent
    assert repo.load_meeting("demo-neste").slots[0].consent_check == check
