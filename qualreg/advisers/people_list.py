"""The rows of "My people" for the filters and order chosen: the page shows them 25 at a
time, and a list export writes them all, so both read this one list."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from qualreg.advisers import access, filters
from qualreg.advisers.forms import SORTS
from qualreg.advisers.models import Adviser
from qualreg.registration.models import Registration

DEFAULT_SORT = "-completed"


def people_rows(adviser: Adviser, data: dict[str, Any]) -> QuerySet[Registration]:
    """Each assigned resident's latest completed registration that the cleaned filters of
    `ListForm` let through, in the chosen order."""
    rows = filters.among(access.latest_registrations(adviser), data)
    return rows.order_by(*SORTS[data.get("sort") or DEFAULT_SORT])
