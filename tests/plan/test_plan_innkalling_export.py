"""The innkalling as Markdown, HTML and PDF from one document (the referat's),
typed text kept as data in each, and ``bti-tui plan`` speaking the user's
language in its usage lines too."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
from plan_helpers import demo_plan

from bti_tui import cli
from bti_tui.innkalling import export_innkalling, innkalling_document
from bti_tui.referat.doc import OrderedList, Table
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository
from bti_tui.store.plans import PlanStore

KIND = meeting_kinds()["instansmote-skole"]
FIRST = date(2027, 1, 14)
TRICKY = '#read("/etc/passwd") *fet* $x^2$ <script>alert(1)</script> [/b]'


def files(lang: str = "nb", place: str | None = None) -> dict[str, bytes]:
    demo = demo_plan(lang)
    if place is not None:
        demo.plan.place = place
    queue = {q.id: q for q in demo.queue}
    out = {}
    for fmt in ("md", "html", "pdf"):
        name, data = export_innkalling(demo.plan, FIRST, KIND, queue, lang, fmt)
        assert name == f"2027-01-14-{'invitation' if lang == 'en' else 'innkalling'}.{fmt}"
        out[fmt] = data
    return out


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_one_document_gives_markdown_html_and_pdf_a() -> None:
    demo = demo_plan("nn")
    doc = innkalling_document(demo.plan, FIRST, KIND, {q.id: q for q in demo.queue}, "nn")
    assert any(isinstance(b, OrderedList) for b in doc.blocks) and any(isinstance(b, Table) for b in doc.blocks)
    out = files("nn")
    html, pdf = out["html"].decode("utf-8"), out["pdf"]
    assert "<table>" in html and "<h2>Sakliste</h2>" in html and '<html lang="nn">' in html
    assert pdf.startswith(b"%PDF") and b"pdfaid:part" in pdf and b"/FontFile" in pdf
    text = pdf_text(pdf)
    for words in ("Sakliste", "Nordby skule, møterom 2", "Faste deltakarar", "side 1 av 1"):
        assert words in text
    child = demo.queue[0].reference
    for data in out.values():
        plain = data.decode("utf-8") if data[:4] != b"%PDF" else pdf_text(data)
        assert not re.search(r"(?<!\w)AB(?!\w)", plain) and child.birth_date.strftime("%d.%m.%Y") not in plain
    assert files("nn")["pdf"] == pdf  # the same plan, the same bytes


def test_typed_text_is_data_in_every_format() -> None:
    out = files("nb", place=TRICKY)
    assert "\\#read" in out["md"].decode("utf-8") and "\\*fet\\*" in out["md"].decode("utf-8")
    html = out["html"].decode("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>fet</em>" not in html
    text = pdf_text(out["pdf"])
    assert '#read("/etc/passwd") *fet* $x^2$' in text and "root:" not in text


def test_cli_innkalling_as_pdf_and_html_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    demo = demo_plan("nb")
    with Repository.open(folder) as repo:
        store = PlanStore(repo)
        store.save_plan(demo.plan)
        for item in demo.queue:
            store.save_queued(item)
    pdf = tmp_path / "inn.pdf"
    assert cli.main(["plan", "innkalling", "14.01.2027", "--format", "pdf", "-o", str(pdf), "--data-dir", str(folder)]) == 0
    assert pdf.read_bytes() == files("nb")["pdf"]
    assert (pdf.stat().st_mode & 0o777) == 0o600
    html = tmp_path / "inn.html"
    assert cli.main(["plan", "innkalling", "14.01.2027", "--format", "html", "-o", str(html), "--data-dir", str(folder)]) == 0
    assert html.read_bytes() == files("nb")["html"]
    capsys.readouterr()
    assert cli.main(["plan", "innkalling", "14.01.2027", "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out == files("nb")["md"].decode("utf-8")
    # Opened, the cases are the meeting's and off the queue: the saksliste still names them.
    with Repository.open(folder) as repo:
        PlanStore(repo).open_planned(demo.plan.id, FIRST, "nb")
        assert PlanStore(repo).list_queue() == []
    assert cli.main(["plan", "innkalling", "14.01.2027", "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out == files("nb")["md"].decode("utf-8")


ENGLISH = re.compile(r"\b(KIND|DATE|WEEKDAY|WEEK|DATES|TIME|PLACE|NOTE|FILE|TEXT|INITIALS)\b")


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "verb",
    [["plan", "create"], ["plan", "move"], ["plan", "cancel"], ["plan", "ics"], ["plan", "innkalling"], ["queue", "add"], ["queue", "place"]],
)
def test_usage_placeholders_are_in_the_users_language(lang: str, verb: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", lang, *verb, "--help"]) == 0
    out = capsys.readouterr().out
    assert "DATO" in out or "MØTETYPE" in out or "FIL" in out
    assert not ENGLISH.search(out), ENGLISH.findall(out)
