"""The demo meeting's referat, byte for byte, in bokmål, nynorsk and English.

Regenerate after an intended change with

    BTI_UPDATE_GOLDEN=1 pytest tests/referat

and read the diff of ``tests/referat/golden/`` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from referat_helpers import LANGS, archive_args, demo_args

from bti_tui.referat import render_case_markdown, render_html, render_markdown

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BTI_UPDATE_GOLDEN") == "1"

CASES = [(lang, "demo-ferdig") for lang in LANGS] + [("nb", "demo-neste")]


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing; run BTI_UPDATE_GOLDEN=1 pytest tests/referat"
    assert text == path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("lang", "meeting_id"), CASES)
def test_markdown_matches_golden(lang: str, meeting_id: str) -> None:
    check_golden(f"{meeting_id}.{lang}.md", render_markdown(*demo_args(lang, meeting_id)))


@pytest.mark.parametrize("lang", LANGS)
def test_html_matches_golden(lang: str) -> None:
    check_golden(f"demo-ferdig.{lang}.html", render_html(*demo_args(lang)))


@pytest.mark.parametrize("slot", [0, 1])
@pytest.mark.parametrize("lang", LANGS)
def test_case_markdown_matches_golden(lang: str, slot: int) -> None:
    """Each case's own referat, for the child's folder (approved, with
    distribution and archive references in the first; neither in the second)."""
    meeting, kind, cases, _, settings = archive_args(lang)
    check_golden(f"demo-ferdig-sak-{slot + 1}.{lang}.md", render_case_markdown(meeting, kind, cases, slot, lang, settings))
