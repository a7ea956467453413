"""Every meeting kind in data/kinds loads, speaks nb, nn and en, and the
instansmøte keeps the seed's agenda and the default time budget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bti_tui.model import MeetingKind, Phase
from bti_tui.model.localized import LANGUAGES, Localized
from bti_tui.resources import data_root, load_toml, meeting_kinds

KIND_FILES = sorted(e.name for e in data_root().joinpath("kinds").iterdir() if e.name.endswith(".toml"))
INSTANSMOTE = ["instansmote-0-6", "instansmote-skole"]


def test_every_kind_file_loads() -> None:
    kinds = meeting_kinds()
    assert len(KIND_FILES) >= 4
    ids = [load_toml(data_root().joinpath("kinds", name))["id"] for name in KIND_FILES]
    assert list(kinds) == ids
    for kind in kinds.values():
        assert isinstance(kind, MeetingKind)
        assert kind.steps and kind.case_slots >= 1 and kind.duration_minutes > 0
        assert len({s.id for s in kind.steps}) == len(kind.steps)
        assert len({r.id for r in kind.roles}) == len(kind.roles)
        if kind.leader_role is not None:
            assert kind.leader_role in {r.id for r in kind.roles}


def texts(kind: MeetingKind) -> Iterator[tuple[str, Localized]]:
    """Every localized text of a kind, with a label saying where it is."""
    yield "name", kind.name
    yield "guardians", kind.guardians
    for field in ("purpose", "mandate", "working_form"):
        for index, text in enumerate(getattr(kind, field)):
            yield f"{field}[{index}]", text
    for role in kind.roles:
        yield f"roles.{role.id}.role", role.role
        yield f"roles.{role.id}.service", role.service
    for step in kind.steps:
        yield f"steps.{step.id}.title", step.title
        yield f"steps.{step.id}.prompt", step.prompt
    # Optional texts: checked where a kind has them.
    for field in ("next_meeting", "place"):
        if getattr(kind, field):
            yield field, getattr(kind, field)
    for role in kind.roles:
        if role.exception:
            yield f"roles.{role.id}.exception", role.exception
    for duty in kind.duties:
        yield f"duties.{duty.id}", duty.text


@pytest.mark.parametrize("kind_id", sorted(meeting_kinds()))
def test_every_text_exists_in_every_language(kind_id: str) -> None:
    kind = meeting_kinds()[kind_id]
    assert kind.purpose and kind.mandate and kind.working_form
    for where, text in texts(kind):
        assert set(text) == set(LANGUAGES), f"{kind_id} {where}: languages {sorted(text)}"
        values = [text[lang] for lang in LANGUAGES]
        assert all(isinstance(v, str) and v == v.strip() for v in values), f"{kind_id} {where}"
        if where.endswith(".service") and not all(values):
            # A role without a service (guardians, stafettholder): empty on
            # purpose, and then empty in every language.
            assert values == ["", "", ""], f"{kind_id} {where}: {values}"
        else:
            assert all(values), f"{kind_id} {where}: {values}"


def test_intentionally_empty_services_are_guardians_or_stafettholder() -> None:
    for kind in meeting_kinds().values():
        for role in kind.roles:
            if not role.service["nb"]:
                assert role.id in {"foresatte", "stafettholder"}, (kind.id, role.id)


@pytest.mark.parametrize("kind_id", INSTANSMOTE)
def test_instansmote_agenda_follows_the_seed(kind_id: str) -> None:
    kind = meeting_kinds()[kind_id]
    assert "".join(s.phase for s in kind.steps) == "GRROOWWWW"
    assert len(kind.steps) == 9


@pytest.mark.parametrize("kind_id", INSTANSMOTE)
def test_instansmote_default_budget(kind_id: str) -> None:
    kind = meeting_kinds()[kind_id]
    assert {p: kind.phase_minutes(p) for p in Phase} == {
        Phase.G: 7,
        Phase.R: 18,
        Phase.O: 13,
        Phase.W: 12,
    }
    assert kind.case_minutes == 50
    assert kind.case_slots == 2
    assert (kind.opening_minutes, kind.buffer_minutes, kind.duration_minutes) == (5, 10, 120)


@pytest.mark.parametrize("kind_id", sorted(meeting_kinds()))
def test_planned_parts_fit_the_meeting(kind_id: str) -> None:
    kind = meeting_kinds()[kind_id]
    parts = kind.opening_minutes + kind.case_slots * kind.case_minutes + kind.buffer_minutes
    # The instansmøte leaves 5 of its 120 minutes unplanned (5 + 2 × 50 + 10).
    assert kind.duration_minutes - 5 <= parts <= kind.duration_minutes
