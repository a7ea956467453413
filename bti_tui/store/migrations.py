"""How documents of an older schema become today's (registered into
``documents.MIGRATIONS`` on import).

Schema 3 adds only fields with defaults (see the end of this module).

Schema 2 (issue "three languages"): a participant's role and service are
kept by the id of the kind's role, so every screen and document shows them
in its own language. A schema-1 meeting held the words of the language it
was made in ("Helsesykepleier | Skolehelsetjenesten"); they are matched to
the kind's roles in any language and replaced by the role's id. Words that
match no role of the kind stay as typed.
"""

from __future__ import annotations

from typing import Any

from bti_tui.store.documents import MIGRATIONS


def _kind_roles(kind_id: Any) -> list[Any]:
    from bti_tui.resources import meeting_kinds  # data files, read once

    kind = meeting_kinds().get(kind_id) if isinstance(kind_id, str) else None
    return list(kind.roles) if kind else []


def meeting_v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    roles = _kind_roles(doc.get("kind_id"))
    for person in doc.get("participants") or []:
        if not isinstance(person, dict) or "role_id" in person:
            continue
        role, service = person.get("role", ""), person.get("service", "")
        spec = next((r for r in roles if role and role in r.role.values()), None)
        if spec is None:
            continue
        person["role_id"] = spec.id
        person["role"] = ""
        if service in spec.service.values():
            person["service"] = ""
    return doc


def unchanged(doc: dict[str, Any]) -> dict[str, Any]:
    return doc


MIGRATIONS["meeting"][1] = meeting_v1_to_v2
for kind in ("case", "preferences", "plan", "queued"):
    MIGRATIONS[kind][1] = unchanged
# Schema 3 only adds fields with defaults (consent dates and scope, the
# consent decision, called_on ...): a file of schema 2 reads as it is. The
# number still goes up, so an older bti-tui says "made by a newer version"
# instead of calling today's files damaged.
for kind in ("meeting", "case", "preferences", "plan", "queued"):
    MIGRATIONS[kind][2] = unchanged
