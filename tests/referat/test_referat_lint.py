"""The referat is clean under a common Markdown linter (pymarkdown, the
``pymarkdownlnt`` package) with its default rules.

One default rule is switched off: MD013 (line length 80). A referat's lines
are notes typed in the room and table rows; wrapping them at 80 columns would
need hard breaks the referent never typed (or soft breaks that a plain-text
reader sees as line ends), and a table row cannot be wrapped at all.

The linter runs twice: as installed (its table extension is off, so tables
are read as paragraphs) and with the GFM table extension on, so the table
rules (MD055, MD056, MD058, MD060) check the tables too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pymarkdown.api import PyMarkdownApi
from referat_helpers import LANGS, archive_args, demo_args

from bti_tui.referat import render_case_markdown, render_markdown

HOSTILE = "# H\n===\n- a\n* b\n\n1. c\n3. d\n5) e\n> q\n>\n> r\n\n> s\n2026. x\n```\n| x | y |\n| - | - |\n<script>x</script>\n\\\n---\n    code  \n\n\n\ttab"


def scan(path: Path, tables: bool) -> list[str]:
    api = PyMarkdownApi().disable_rule_by_identifier("md013")
    if tables:
        api = api.enable_extension_by_identifier("markdown-tables")
    result = api.scan_path(str(path))
    return [f"{f.line_number}:{f.column_number} {f.rule_id} {f.rule_description} {f.extra_error_information}" for f in result.scan_failures]


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
@pytest.mark.parametrize(("lang", "meeting_id"), [(lang, "demo-ferdig") for lang in LANGS] + [("nb", "demo-neste")])
def test_demo_referat_is_lint_clean(tmp_path: Path, lang: str, meeting_id: str, tables: bool) -> None:
    path = tmp_path / "referat.md"
    path.write_text(render_markdown(*demo_args(lang, meeting_id)), encoding="utf-8")
    assert scan(path, tables) == []


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_case_referat_is_lint_clean(tmp_path: Path, lang: str, tables: bool) -> None:
    meeting, kind, cases, _, settings = archive_args(lang)
    for slot in (0, 1):
        path = tmp_path / f"sak-{slot}.md"
        path.write_text(render_case_markdown(meeting, kind, cases, slot, lang, settings), encoding="utf-8")
        assert scan(path, tables) == []


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
def test_hostile_notes_stay_lint_clean(tmp_path: Path, tables: bool) -> None:
    meeting, kind, cases, lang = demo_args("nb")
    meeting.slots[0].notes = {step.id: HOSTILE for step in kind.steps}
    meeting.place = "  | Rom |  "
    cases["demo-sak-1"].agreements[0].what = "a | b\nc"
    path = tmp_path / "referat.md"
    path.write_text(render_markdown(meeting, kind, cases, lang), encoding="utf-8")
    assert scan(path, tables) == []
    path.write_text(render_case_markdown(meeting, kind, cases, 0, lang), encoding="utf-8")
    assert scan(path, tables) == []


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
def test_the_linter_does_find_problems(tmp_path: Path, tables: bool) -> None:
    path = tmp_path / "bad.md"
    path.write_text("# One\n### Skipped a level \n# Two\n| a |\n| - |\n| 1 | 2 |\ntext\n", encoding="utf-8")
    rules = {line.split()[1].lower() for line in scan(path, tables)}
    assert {"md001", "md009", "md022", "md025"} <= rules
    assert ("md056" in rules) == tables  # column count: only with the table extension
