"""The innkalling is clean under the same Markdown linter as the referat
(pymarkdown with its default rules, MD013 line length off; once as
installed and once with GFM tables), also with hostile typed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_helpers import LANGS, demo_plan
from pymarkdown.api import PyMarkdownApi

from bti_tui.innkalling import render_innkalling
from bti_tui.resources import meeting_kinds

KIND = meeting_kinds()["instansmote-skole"]
HOSTILE = "# H\n===\n- a\n* b\n\n1. c\n> q\n```\n| x | y |\n<script>x</script>\n\\\n---\n    code  \n\ttab"


def scan(path: Path, tables: bool) -> list[str]:
    api = PyMarkdownApi().disable_rule_by_identifier("md013")
    if tables:
        api = api.enable_extension_by_identifier("markdown-tables")
    result = api.scan_path(str(path))
    return [f"{f.line_number}:{f.column_number} {f.rule_id} {f.rule_description}" for f in result.scan_failures]


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
@pytest.mark.parametrize("lang", LANGS)
def test_demo_innkalling_is_lint_clean(tmp_path: Path, lang: str, tables: bool) -> None:
    demo = demo_plan(lang)
    path = tmp_path / "innkalling.md"
    path.write_text(render_innkalling(demo.plan, demo.plan.dates[0].date, KIND, {q.id: q for q in demo.queue}, lang), "utf-8")
    assert scan(path, tables) == []


@pytest.mark.parametrize("tables", [False, True], ids=["default", "gfm-tables"])
def test_hostile_typed_text_stays_lint_clean(tmp_path: Path, tables: bool) -> None:
    demo = demo_plan("nb")
    demo.plan.place = HOSTILE
    demo.plan.names = {"barnevern": HOSTILE, "helsesykepleier": "a | b"}
    for item in demo.queue:
        item.question, item.submitted_by = HOSTILE, HOSTILE
    demo.plan.move(demo.plan.dates[0].date, demo.plan.dates[0].date.replace(day=21), HOSTILE.replace("\n", " "))
    day = demo.plan.dates[0].date
    path = tmp_path / "innkalling.md"
    path.write_text(render_innkalling(demo.plan, day, KIND, {q.id: q for q in demo.queue}, "nb"), "utf-8")
    assert scan(path, tables) == []
