"""Where the logged-in resident's consent stands, for the pages that show it: the way to
withdraw it, or the withdrawal, when the registrations will be deleted and how to undo it."""

from __future__ import annotations

from typing import Any

from django import template

from qualreg.registration import journey, withdrawal

register = template.Library()


@register.inclusion_tag("resident/includes/consent_standing.html", takes_context=True)
def consent_standing(context: Any, place: str = "my_registration") -> dict[str, Any]:
    """`place`: "my_registration" (with the buttons), "notice" (a withdrawal only) or
    "consent_page" (what consenting again does)."""
    person = context["request"].person
    withdrawn = journey.withdrawal_of(person.pk)
    return {
        "place": place,
        "withdrawal": withdrawn,
        "deleted_on": withdrawal.deletion_due(withdrawn) if withdrawn else None,
        "has_registrations": person.registrations.exists() if withdrawn else False,
        "can_withdraw": withdrawn is None and withdrawal.consent_stands(person),
    }
