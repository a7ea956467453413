"""Meeting kinds and their agendas, as read from ``data/kinds/*.toml``.

Nothing here names a concrete kind: the kinds, their fixed participants and
their agenda steps are data, so a municipality edits a file, not the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bti_tui.model.case_life import Duty
from bti_tui.model.localized import Localized, pick


class Phase(StrEnum):
    """The four GROW phases of a case discussion."""

    G = "G"  # goal: the problem and the aim
    R = "R"  # reality: the situation and its causes
    O = "O"  # options: focus areas and possible measures  # noqa: E741
    W = "W"  # way forward: agreements, cooperation, stafettholder


class StepFeature(StrEnum):
    """Extra inputs an agenda step offers beside its notes."""

    AGREEMENTS = "agreements"
    COOPERATION = "cooperation"  # services in further cooperation
    STAFETTHOLDER = "stafettholder"
    NEXT_MEETING = "next_meeting"  # worded by the kind (MeetingKind.next_meeting)


@dataclass(frozen=True)
class AgendaStep:
    id: str
    phase: Phase
    minutes: int
    title: Localized
    prompt: Localized
    features: frozenset[StepFeature] = frozenset()

    def title_in(self, lang: str) -> str:
        return pick(self.title, lang)

    def prompt_in(self, lang: str) -> str:
        return pick(self.prompt, lang)


@dataclass(frozen=True)
class RoleSpec:
    """A participant role the kind expects: fixed, or invited when needed."""

    id: str
    role: Localized
    service: Localized
    fixed: bool = True
    # Shown beside a role the kind allows as an exception to its own rule
    # (PPT guidance in an internt arbeidsmøte, seed 000); empty = none.
    exception: Localized = field(default_factory=dict)


@dataclass(frozen=True)
class MeetingKind:
    id: str
    name: Localized
    purpose: tuple[Localized, ...]  # hensikt
    mandate: tuple[Localized, ...]
    working_form: tuple[Localized, ...]
    duration_minutes: int
    case_slots: int
    opening_minutes: int
    buffer_minutes: int
    roles: tuple[RoleSpec, ...]
    steps: tuple[AgendaStep, ...]
    leader_role: str | None = None
    guardians: Localized = field(default_factory=dict)
    # The children this kind is for, in whole years, both ends included
    # (``age_range = [0, 6]``); None: any age. A case queued for a meeting
    # is offered the kind whose range holds the child's age.
    age_range: tuple[int, int] | None = None
    # What the next meeting is called ("Neste arbeidsmøte", "Tverrfaglig
    # samarbeidsmøte"); empty: the referat's general wording.
    next_meeting: Localized = field(default_factory=dict)
    # False: no external partner may be added (an internt arbeidsmøte);
    # only the kind's own roles and the meeting's own service.
    external_partners: bool = True
    # The stafettholder's duties (seed 000), ticked on the case screen.
    duties: tuple[Duty, ...] = ()
    # Where the meeting is usually held (preset, changeable); empty: none.
    place: Localized = field(default_factory=dict)

    def next_meeting_in(self, lang: str) -> str:
        return pick(self.next_meeting, lang)

    def role(self, role_id: str) -> RoleSpec | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def fits_age(self, age: int) -> bool:
        return self.age_range is not None and self.age_range[0] <= age <= self.age_range[1]

    def name_in(self, lang: str) -> str:
        return pick(self.name, lang)

    @property
    def fixed_roles(self) -> tuple[RoleSpec, ...]:
        return tuple(r for r in self.roles if r.fixed)

    @property
    def invitable_roles(self) -> tuple[RoleSpec, ...]:
        return tuple(r for r in self.roles if not r.fixed)

    def step(self, step_id: str) -> AgendaStep:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def step_index(self, step_id: str) -> int:
        return [s.id for s in self.steps].index(step_id)

    @property
    def case_minutes(self) -> int:
        return sum(s.minutes for s in self.steps)

    def phase_minutes(self, phase: Phase) -> int:
        return sum(s.minutes for s in self.steps if s.phase is phase)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> MeetingKind:
        """Build a kind from a parsed data file; a missing key raises KeyError."""

        def texts(items: Any) -> tuple[Localized, ...]:
            return tuple(dict(item) for item in items or ())

        steps = tuple(
            AgendaStep(
                id=s["id"],
                phase=Phase(s["phase"]),
                minutes=int(s["minutes"]),
                title=dict(s["title"]),
                prompt=dict(s["prompt"]),
                features=frozenset(StepFeature(f) for f in s.get("features", ())),
            )
            for s in raw["steps"]
        )
        roles = tuple(
            RoleSpec(
                id=r["id"],
                role=dict(r["role"]),
                service=dict(r["service"]),
                fixed=bool(r.get("fixed", True)),
                exception=dict(r.get("exception", {})),
            )
            for r in raw.get("roles", ())
        )
        return cls(
            id=raw["id"],
            name=dict(raw["name"]),
            purpose=texts(raw.get("purpose")),
            mandate=texts(raw.get("mandate")),
            working_form=texts(raw.get("working_form")),
            duration_minutes=int(raw["duration_minutes"]),
            case_slots=int(raw["case_slots"]),
            opening_minutes=int(raw.get("opening_minutes", 0)),
            buffer_minutes=int(raw.get("buffer_minutes", 0)),
            roles=roles,
            steps=steps,
            leader_role=raw.get("leader_role"),
            guardians=dict(raw.get("guardians", {})),
            age_range=_age_range(raw.get("age_range")),
            next_meeting=dict(raw.get("next_meeting", {})),
            external_partners=bool(raw.get("external_partners", True)),
            duties=tuple(Duty(d["id"], dict(d["text"])) for d in raw.get("duties", ())),
            place=dict(raw.get("place", {})),
        )


def _age_range(raw: Any) -> tuple[int, int] | None:
    """``[low, high]`` from a data file; ValueError if it is not two whole
    numbers with low <= high."""
    if raw is None:
        return None
    low, high = (int(v) for v in raw)
    if low > high:
        raise ValueError(f"age_range {raw!r}: the first age is above the second")
    return (low, high)
