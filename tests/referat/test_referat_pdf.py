"""The PDF/A-2b referat, read back by an independent reader (pypdf): its
text, its PDF/A identification, embedded fonts only, A4, "side X av Y",
the same bytes for the same meeting, and typed text shown literally."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from typing import Any

import pytest
from pypdf import PdfReader
from referat_helpers import LANGS, archive_args, demo_args
from test_referat_case import CASE_2

from bti_tui.referat import PdfError, render_case_pdf, render_pdf
from bti_tui.referat.pdf import document_data, undisplayable

A4 = (595.28, 841.89)  # points


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def case_pdf(lang: str = "nb", slot: int = 0) -> bytes:
    meeting, kind, cases, _, settings = archive_args(lang)
    return render_case_pdf(meeting, kind, cases, slot, lang, settings)


@pytest.fixture(scope="module")
def first_case() -> bytes:
    return case_pdf("nb", 0)


def test_the_text_reads_back(first_case: bytes) -> None:
    text = text_of(first_case)
    for phrase in (
        "Referat: Instansmøte skole – 10.11.2026",
        "Nordby kommune – Oppvekst og utdanning",
        "Unntatt offentlighet, jf. offl. § 13 og fvl. § 13",
        "Sak: AB, født 14.03.2016",
        "Eleven har høyt fravær siden høsten.",
        "Lest opp og godkjent i møtet kl. 09:57",
        "26/01234-3",
        "Samtaler hver uke med eleven",
        "1 annen sak ble drøftet i møtet.",
    ):
        assert phrase in text, phrase


def test_the_case_pdf_holds_nothing_of_the_other_case(first_case: bytes) -> None:
    text = text_of(first_case).lower()
    assert [s for s in CASE_2 if s.lower() in text] == []


def test_pdfa_2b_is_declared_in_the_xmp(first_case: bytes) -> None:
    reader = read(first_case)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    part = re.search(r"pdfaid:part(?:>|=\")(\d)", xmp)
    conformance = re.search(r"pdfaid:conformance(?:>|=\")([A-Za-z])", xmp)
    assert part and part.group(1) == "2"
    assert conformance and conformance.group(1) == "B"
    assert "/Encrypt" not in reader.trailer


def _fonts(resources: Any, found: list[Any]) -> None:
    resources = resources.get_object() if resources is not None else None
    if not resources:
        return
    for font in (resources.get("/Font") or {}).values():
        found.append(font.get_object())
    for xobject in (resources.get("/XObject") or {}).values():
        _fonts(xobject.get_object().get("/Resources"), found)


def test_every_font_is_embedded(first_case: bytes) -> None:
    fonts: list[Any] = []
    for page in read(first_case).pages:
        _fonts(page.get("/Resources"), fonts)
    assert fonts
    for font in fonts:
        described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
        descriptor = described["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")


@pytest.mark.parametrize(("lang", "label"), [("nb", "side {} av {}"), ("nn", "side {} av {}"), ("en", "page {} of {}")])
def test_page_numbers_x_of_y_on_a4(lang: str, label: str) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    reader = read(render_pdf(meeting, kind, cases, lang, settings))
    total = len(reader.pages)
    assert total >= 3  # the head, and each case on its own page
    for number, page in enumerate(reader.pages, 1):
        assert label.format(number, total) in page.extract_text()
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4


def test_each_case_of_the_meeting_starts_a_page() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    pages = [p.extract_text() for p in read(render_pdf(meeting, kind, cases, lang, settings)).pages]
    starts = [i for i, text in enumerate(pages) if re.search(r"^Sak \d: ", text, re.MULTILINE)]
    assert len(starts) == 2
    for i in starts:
        body = pages[i].split("Unntatt offentlighet, jf. offl. § 13 og fvl. § 13", 1)[1].lstrip()
        assert re.match(r"Sak \d: ", body)


def test_the_same_meeting_gives_the_same_bytes() -> None:
    assert case_pdf("nn", 1) == case_pdf("nn", 1)
    assert render_pdf(*demo_args("en")) == render_pdf(*demo_args("en"))


def test_typst_and_markdown_syntax_come_out_literally() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    typst_note = '#read("/etc/passwd") *fet* $x^2$ = x <lbl> @ref #set page(paper: "a5") // ikke kommentar'
    markdown_note = "**fet** _kursiv_ # overskrift [lenke](http://x.no) <b>html</b> `kode` \\ \\\\"
    meeting.slots[0].notes["g-problem"] = typst_note + "\n" + markdown_note
    meeting.place = "#place *x* ]"
    text = text_of(render_case_pdf(meeting, kind, cases, 0, lang, settings))
    squashed = re.sub(r"\s+", "", text)
    for typed in (typst_note, markdown_note, "#place *x* ]"):
        assert re.sub(r"\s+", "", typed) in squashed, typed
    assert "root:" not in text  # /etc/passwd was not read


def test_norwegian_letters_and_quotes() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    meeting.slots[0].notes["g-problem"] = "«Sitat» og „sitat“ – ÆØÅ æøå é ü § 13 ½ 30 % 'enkle' \"doble\""
    text = text_of(render_case_pdf(meeting, kind, cases, 0, lang, settings))
    assert "«Sitat» og „sitat“ – ÆØÅ æøå é ü § 13 ½ 30 % 'enkle' \"doble\"" in text


def test_note_shapes_survive_in_the_pdf() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    meeting.slots[0].notes["g-problem"] = "Innledning\nlinje to\n\n- punkt a\n- punkt b\n1. første\n2. andre\n> sitert\n\nSlutt"
    data = document_data_of(meeting, kind, cases, lang, settings)
    kinds = [b["t"] for b in data]
    at = kinds.index("paragraph")
    assert kinds[at : at + 5] == ["paragraph", "bullets", "enum", "quote", "paragraph"]
    text = text_of(render_case_pdf(meeting, kind, cases, 0, lang, settings))
    assert re.search(r"Innledning\s*\nlinje to\s*\n•\s*punkt a\s*\n•\s*punkt b\s*\n1\.\s*første\s*\n2\.\s*andre\s*\nsitert\s*\nSlutt", text)


def document_data_of(*args: Any) -> list[dict[str, Any]]:
    from bti_tui.referat.build import case_document
    from bti_tui.referat.context import Referat

    meeting, kind, cases, lang, settings = args
    return document_data(case_document(Referat.of(meeting, kind, cases, lang, settings), 0))["blocks"]


def test_characters_no_font_has_are_replaced_not_fatal() -> None:
    meeting, kind, cases, lang, settings = archive_args("nb")
    meeting.slots[0].notes["g-problem"] = "Smil 🙂, 漢字 og \U0010ffff – resten står"
    text = text_of(render_case_pdf(meeting, kind, cases, 0, lang, settings))
    assert "Smil \ufffd, \ufffd\ufffd og \ufffd – resten står" in text


def test_typst_errors_name_the_characters() -> None:
    diagnostic = 'error: the text `"🙂"` could not be displayed\nerror: the text `"\\u{10ffff}\\"漢"` could not be displayed'
    assert undisplayable(diagnostic) == {"🙂", "\U0010ffff", "漢"}


def test_another_typst_error_is_a_pdf_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import typst

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise typst.TypstError("unexpected", "error: unexpected", [], [])

    monkeypatch.setattr(typst, "compile", broken)
    with pytest.raises(PdfError) as caught:
        render_pdf(*demo_args("nb"))
    assert caught.value.key == "export.pdf_failed"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_makes_a_pdf(lang: str) -> None:
    text = text_of(case_pdf(lang, 1))
    assert {"nb": "Sak: anonym", "nn": "Sak: anonym", "en": "Case: anonymous"}[lang] in text


def test_typst_is_imported_only_for_a_pdf() -> None:
    code = "import sys, bti_tui.referat, bti_tui.cli; print('typst' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
