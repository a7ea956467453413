"""``export_files``: what the app and the CLI call to get one referat as a
named file, and ``case_choices`` for an export dialog."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from referat_helpers import archive_args, demo_args

from bti_tui.model import CaseReference
from bti_tui.referat import FORMATS, UnknownCase, case_choices, export_files, render_case_markdown, render_html


@pytest.mark.parametrize(
    ("lang", "case", "fmt", "name"),
    [
        ("nb", None, "md", "2026-11-10-referat-deltakere.md"),
        ("nb", 1, "pdf", "2026-11-10-sak-AB.pdf"),
        ("nb", 2, "pdf", "2026-11-10-anonym-2.pdf"),
        ("nn", None, "html", "2026-11-10-referat-deltakarar.html"),
        ("nn", 1, "md", "2026-11-10-sak-AB.md"),
        ("en", 1, "html", "2026-11-10-case-AB.html"),
        ("en", 2, "md", "2026-11-10-anonymous-2.md"),
        ("en", None, "pdf", "2026-11-10-minutes-participants.pdf"),
    ],
)
def test_file_names_by_date_and_case(lang: str, case: int | None, fmt: str, name: str) -> None:
    meeting, kind, cases, _, settings_ = archive_args(lang)
    found, content = export_files(meeting, kind, cases, lang, settings_, fmt, case)
    assert found == name
    assert content.startswith({"md": b"# ", "html": b"<!doctype html>", "pdf": b"%PDF-"}[fmt])


def test_the_content_is_the_rendered_referat() -> None:
    meeting, kind, cases, lang, settings_ = archive_args("nb")
    assert export_files(meeting, kind, cases, lang, settings_, "md", 2)[1] == render_case_markdown(meeting, kind, cases, 1, lang, settings_).encode()
    assert export_files(meeting, kind, cases, lang, settings_, "html")[1] == render_html(meeting, kind, cases, lang, settings_).encode()


def test_case_numbers_skip_empty_slots() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].case_id = None  # the anonymous case is now case 1
    assert export_files(meeting, kind, cases, lang, None, "md", 1)[0] == "2026-11-10-anonym-1.md"
    with pytest.raises(UnknownCase) as caught:
        export_files(meeting, kind, cases, lang, None, "md", 2)
    assert (caught.value.key, caught.value.params) == ("export.unknown_case", {"number": 2, "count": 1})


def test_a_meeting_without_cases_says_so() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    for slot in meeting.slots:
        slot.case_id = None
    with pytest.raises(UnknownCase) as caught:
        export_files(meeting, kind, cases, lang, None, "pdf", 1)
    assert caught.value.key == "export.no_cases"


def test_two_cases_with_the_same_initials_get_their_numbers() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    cases["demo-sak-2"].reference = CaseReference("AB", cases["demo-sak-1"].reference.birth_date)
    cases["demo-sak-2"].consent = cases["demo-sak-1"].consent  # named only with consent
    names = [export_files(meeting, kind, cases, lang, None, "md", n)[0] for n in (1, 2)]
    assert names == ["2026-11-10-sak-AB-1.md", "2026-11-10-sak-AB-2.md"]


def test_initials_from_a_damaged_file_cannot_make_a_path() -> None:
    meeting, kind, cases, lang = demo_args("nb")
    cases["demo-sak-1"].reference = CaseReference("../Æ/", cases["demo-sak-1"].reference.birth_date)
    assert export_files(meeting, kind, cases, lang, None, "md", 1)[0] == "2026-11-10-sak-Æ.md"
    cases["demo-sak-1"].reference = CaseReference("/.", cases["demo-sak-1"].reference.birth_date)
    assert export_files(meeting, kind, cases, lang, None, "md", 1)[0] == "2026-11-10-anonym-1.md"


def test_an_unknown_format_is_refused() -> None:
    assert FORMATS == ("md", "html", "pdf")
    with pytest.raises(ValueError, match="docx"):
        export_files(*demo_args("nb"), None, "docx")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", [(1, "Sak 1: AB, født 14.03.2016"), (2, "Sak 2: anonym")]),
        ("en", [(1, "Case 1: AB, born 14.03.2016"), (2, "Case 2: anonymous")]),
    ],
)
def test_case_choices_for_an_export_dialog(lang: str, expected: list[tuple[int, str]]) -> None:
    meeting, _, cases, _ = demo_args(lang)
    assert case_choices(meeting, cases, lang) == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60) | st.sampled_from(['#read("/etc/passwd")', "$x$ *a* _b_ <l> @r", "]", "\\", "🙂漢\u0301"]))
def test_any_typed_text_makes_a_pdf(value: str) -> None:
    meeting, kind, cases, lang, settings_ = archive_args("nb")
    meeting.slots[0].notes["g-problem"] = value
    meeting.place = value
    cases["demo-sak-1"].agreements[0].what = value
    name, pdf = export_files(meeting, kind, cases, lang, settings_, "pdf", 1)
    assert pdf.startswith(b"%PDF-") and name.endswith(".pdf")
