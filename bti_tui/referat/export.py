"""What the app and ``bti-tui export`` call: one referat as a named file.

``export_files`` gives the file name and the bytes; writing them (0600, in
``<data>/referat/``) is the caller's business, so the referat stays pure.
Names go by the meeting's date and the case: ``2026-11-24-sak-AB.pdf``,
``2026-11-24-anonym-2.pdf``, ``2026-11-24-referat-deltakere.md`` (the words
in the referat's language).
"""

from __future__ import annotations

from collections.abc import Mapping

from bti_tui.i18n import Translator
from bti_tui.model import Case, Meeting, MeetingKind
from bti_tui.referat.build import case_document, meeting_document, slot_of_case
from bti_tui.referat.case import reference
from bti_tui.referat.context import Referat, named_as_discussed
from bti_tui.referat.doc import Document
from bti_tui.resources import MunicipalSettings

FORMATS = ("md", "html", "pdf")


def case_choices(meeting: Meeting, cases: Mapping[str, Case], lang: str) -> list[tuple[int, str]]:
    """(case number, "Sak 1: AB, født 14.03.2016") for each case of the
    meeting, numbered as the referat numbers them: what an export dialog offers."""
    t = Translator(lang)

    def text(key: str, **values: object) -> str:
        return t(f"referat.{key}", **values)

    found = []
    cases = named_as_discussed(meeting, cases)
    for number, slot in enumerate((s for s in meeting.slots if s.case_id), 1):
        case_id = slot.case_id or ""
        found.append((number, text("case.heading", number=number, reference=reference(text, cases.get(case_id), case_id))))
    return found


def _initials(case: Case | None) -> str:
    """The initials as they may stand in a file name (letters only)."""
    if case is None or case.anonymous:
        return ""
    return "".join(ch for ch in case.reference.initials or "" if ch.isalnum())


def file_stem(r: Referat, number: int) -> str:
    """"sak-AB", or "anonym-2" for an anonymous (or unknown) case. Two cases
    with the same initials in one meeting get their number too."""
    numbered = r.numbered_slots()
    initials = {n: _initials(r.cases.get(slot.case_id or "")) for n, _, slot in numbered}
    mine = initials.get(number, "")
    if not mine:
        return r.t("export.file_anonymous", number=number)
    stem = r.t("export.file_case", initials=mine)
    twins = [n for n, i in initials.items() if i == mine]
    return f"{stem}-{number}" if len(twins) > 1 else stem


def _bytes(doc: Document, fmt: str) -> bytes:
    if fmt == "md":
        from bti_tui.referat.markdown import to_markdown

        return to_markdown(doc).encode("utf-8")
    if fmt == "html":
        from bti_tui.referat.html import to_html

        return to_html(doc).encode("utf-8")
    from bti_tui.referat.pdf import to_pdf

    return to_pdf(doc)


def export_files(
    meeting: Meeting,
    kind: MeetingKind,
    cases: Mapping[str, Case],
    lang: str,
    settings: MunicipalSettings | None,
    fmt: str,
    case: int | None = None,
) -> tuple[str, bytes]:
    """(file name, content) of one referat in ``fmt`` (md, html or pdf):
    the meeting's, for the participants (``case`` None), or case number
    ``case`` alone (1, 2, ... as the referat numbers them), for the child's
    folder. An unknown number raises ``UnknownCase`` (its ``key`` and
    ``params`` name the message); a PDF Typst cannot make, ``PdfError``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    r = Referat.of(meeting, kind, cases, lang, settings)
    if case is None:
        doc, stem = meeting_document(r), r.t("export.file_meeting")
    else:
        doc, stem = case_document(r, slot_of_case(r, case)), file_stem(r, case)
    return f"{meeting.date.isoformat()}-{stem}.{fmt}", _bytes(doc, fmt)
