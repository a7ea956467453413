"""The innkalling: the demo plan's text byte for byte in nb, nn and en, no
initials or birth date in it, and typed text that cannot change its
structure.

Regenerate the golden files after an intended change with

    BTI_UPDATE_GOLDEN=1 pytest tests/plan

and read the diff of ``tests/plan/golden/`` before committing it.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from plan_helpers import LANGS, demo_plan

from bti_tui.innkalling import render_innkalling
from bti_tui.model.errors import ValidationError
from bti_tui.resources import meeting_kinds

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BTI_UPDATE_GOLDEN") == "1"
KIND = meeting_kinds()["instansmote-skole"]
FIRST = date(2027, 1, 14)  # the demo plan's first meeting: second Thursday of January


def innkalling(lang: str, day: date = FIRST, **changes: object) -> str:
    demo = demo_plan(lang)
    for name, value in changes.items():
        setattr(demo.plan, name, value)
    return render_innkalling(demo.plan, day, KIND, {q.id: q for q in demo.queue}, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_innkalling_matches_golden(lang: str) -> None:
    text = innkalling(lang)
    path = GOLDEN / f"demo-plan-innkalling.{lang}.md"
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run BTI_UPDATE_GOLDEN=1 pytest tests/plan"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_innkalling_holds_the_meeting_and_no_child_data(lang: str) -> None:
    demo = demo_plan(lang)
    text = innkalling(lang)
    assert "14.01.2027" in text and "13:00–15:00" in text and demo.plan.place in text
    for item in demo.queue:
        assert item.submitted_by in text and item.question in text
    child = demo.queue[0].reference
    assert child.initials == "AB" and child.birth_date is not None
    assert not re.search(r"(?<!\w)AB(?!\w)", text)
    assert child.birth_date.strftime("%d.%m.%Y") not in text and child.birth_date.isoformat() not in text
    for part in (KIND.purpose[0], KIND.mandate[0]):
        assert part[lang] in text


def test_an_empty_slot_a_moved_date_and_a_cancelled_one() -> None:
    demo = demo_plan("nb")
    kind, queue = KIND, {q.id: q for q in demo.queue}
    demo.plan.move(date(2027, 2, 11), date(2027, 2, 18), "Vinterferie i uke 7")
    text = render_innkalling(demo.plan, date(2027, 2, 18), kind, queue, "nb")
    assert "1. Åpning" in text and "2. Sak 1: ledig plass" in text and "3. Sak 2: ledig plass" in text
    assert "- **Flyttet fra:** 11.02.2027 – Vinterferie i uke 7\n" in text
    demo.plan.cancel(date(2027, 3, 11))
    with pytest.raises(ValidationError) as info:
        render_innkalling(demo.plan, date(2027, 3, 11), kind, queue, "nb")
    assert info.value.key == "plan.date_cancelled"


def test_typed_text_cannot_change_the_structure() -> None:
    demo = demo_plan("nb")
    evil = "# Overskrift <script>alert(1)</script> [lenke](http://x) | a |"
    demo.plan.place = evil
    demo.queue[1].question = "- ikke en liste *fet*"
    demo.queue[1].submitted_by = "## PPT"
    text = render_innkalling(demo.plan, FIRST, KIND, {q.id: q for q in demo.queue}, "nb")
    tokens = MarkdownIt("commonmark", {"html": False}).enable(["table"]).parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Innkalling: Instansmøte skole torsdag 14.01.2027", "Saksliste", "Faste deltakere",
                        "Inviteres ved behov", "Ta med", "Hensikt", "Mandat"]
    inline = [c for t in tokens if t.type == "inline" for c in (t.children or [])]
    assert not any(t.type == "html_block" for t in tokens)
    assert not any(c.type in ("html_inline", "link_open") for c in inline)
    assert [c.type for c in inline].count("em_open") == 1  # the privacy line, nothing typed
    plain = "".join(c.content for c in inline if c.type == "text")
    for typed in ("# Overskrift <script>alert(1)</script> [lenke](http://x) | a |", "- ikke en liste *fet*", "## PPT"):
        assert typed in plain
