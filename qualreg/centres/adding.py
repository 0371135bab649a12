"""Adding one resident to a centre: the only place that asks whether a DUF number is
registered anywhere in the service, and audits each asking.

Whether a number is registered elsewhere is itself something staff learn about a person who
is not theirs, so the question is asked only once the rest of the request is valid (so that
it ends in an addition or a refusal), and a refusal is audited with a pseudonym of the
number rather than a link to a resident of another centre.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from qualreg.accounts.models import User
from qualreg.centres.forms import already_registered
from qualreg.people.models import Person
from qualreg.privacy import audit


@dataclass(frozen=True)
class Added:
    person: Person | None
    refusal: str = ""  # the translated reason, when the number was registered already


def add_resident(duf_number: str, *, centre_id: int, language: str, by: User, via: str) -> Added:
    """Add the well-formed `duf_number` to the centre unless it is registered anywhere."""
    registered = Person.objects.filter(duf_number=duf_number).only("pk", "centre_id")
    owner = registered.first()
    if owner is None:
        try:
            with transaction.atomic():
                person = Person.objects.create(
                    duf_number=duf_number,
                    centre_id=centre_id,
                    preferred_language=language,
                    added_by=by,
                )
        except IntegrityError:  # the same number added a moment ago
            owner = registered.get()
        else:
            audit.record(audit.Action.RESIDENT_ADDED, actor=by, person=person, via=via)
            return Added(person)
    mine = owner.centre_id == centre_id
    if mine:
        audit.record(
            audit.Action.RESIDENT_ADD_REFUSED,
            actor=by,
            person=owner,
            via=via,
            outcome="at_this_centre",
        )
    else:
        audit.record(
            audit.Action.RESIDENT_ADD_REFUSED,
            actor=by,
            via=via,
            outcome="elsewhere",
            duf=audit.pseudonym(duf_number),
        )
    return Added(None, already_registered(mine))
