"""The end of a load: every resident's saved answers against what the load sent them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration.models import Registration


def saved_answers_differ(sent: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """One line per registration whose saved answers are not what was sent, for `sent`:
    DUF number → the answers documents the load sent, one per registration in order. A
    completed registration must hold exactly the sent answers as completion prunes them; a
    draft the sent answers that still apply (the load may end in the middle of a part)."""
    saved: dict[str, list[Registration]] = {}
    rows = Registration.objects.filter(person__duf_number__in=list(sent)).select_related("person")
    for registration in rows.order_by("person__duf_number", "sequence"):
        saved.setdefault(registration.person.duf_number, []).append(registration)
    problems = []
    for duf_number, documents in sorted(sent.items()):
        registrations = saved.get(duf_number, [])
        who = f"resident {duf_number[-5:]}"
        if len(registrations) != len(documents):
            problems.append(f"{who}: {len(registrations)} registrations, {len(documents)} sent")
            continue
        for registration, document in zip(registrations, documents, strict=True):
            stored = registration.answers
            if not registration.is_completed:
                stored = engine.prune(QUESTIONNAIRE, stored)
            expected = engine.prune(QUESTIONNAIRE, document)
            if stored != expected:
                keys = sorted(k for k in {*stored, *expected} if stored.get(k) != expected.get(k))
                problems.append(
                    f"{who}: registration {registration.sequence} differs in {', '.join(keys)}"
                )
    return problems
