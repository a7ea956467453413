"""The referat's archive fields (approval, distribution, archive references)
are additive: files written before them still load, and they survive JSON."""

from __future__ import annotations

import json
from datetime import datetime

from conftest import TODAY

from bti_tui.demo import build_demo
from bti_tui.resources import meeting_kinds
from bti_tui.store.codec import case_from_doc, case_to_doc, meeting_from_doc, meeting_to_doc


def test_documents_without_the_new_fields_still_load() -> None:
    demo = build_demo(meeting_kinds(), TODAY, "nb")
    meeting_doc = meeting_to_doc(demo.meetings[0])
    for slot in meeting_doc["slots"]:
        del slot["approved_at"], slot["distribution"]
    case_doc = case_to_doc(demo.cases[0])
    del case_doc["archive_case_number"], case_doc["archive_document_number"]
    meeting = meeting_from_doc(json.loads(json.dumps(meeting_doc)))
    case = case_from_doc(json.loads(json.dumps(case_doc)))
    assert meeting.slots[0].approved_at is None and meeting.slots[0].distribution == []
    assert (case.archive_case_number, case.archive_document_number) == ("", "")


def test_the_new_fields_survive_json() -> None:
    demo = build_demo(meeting_kinds(), TODAY, "nb")
    meeting, case = demo.meetings[0], demo.cases[0]
    meeting.slots[0].approved_at = datetime(2026, 11, 10, 9, 57, 30)
    meeting.slots[0].distribution = ["Kari Nordmann (Skolehelsetjenesten)", "Foresatte"]
    case.archive_case_number, case.archive_document_number = "26/01234", "26/01234-3"
    assert meeting_from_doc(json.loads(json.dumps(meeting_to_doc(meeting)))) == meeting
    assert case_from_doc(json.loads(json.dumps(case_to_doc(case)))) == case
