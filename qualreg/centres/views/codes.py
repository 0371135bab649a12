"""Issuing login codes, one or many, on the page that shows them once, as printable slips.

A plain code exists only in the response that shows it: it is never written to the session
or the database (the database keeps its keyed hash). The POST checks who may have codes and
leaves in the session only whom it is for; the slips page that the POST redirects to issues
the codes and shows them, and removes that note as it does. A reload, the back button or
another tab then finds nothing to show, and the residents' pages tell when each code expires.
(Issuing in the POST's own response would keep the codes out of the session too, but a
reload would post again and silently replace codes that may already be printed.)
"""

from __future__ import annotations

import time

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qualreg.centres.access import (
    centre_staff_required,
    refuse,
    resident_of_my_centre,
    residents_of_my_centre,
)
from qualreg.centres.slips import render_slip
from qualreg.people.codes import issue_login_code
from qualreg.people.models import Person
from qualreg.privacy import audit

PENDING_KEY = "centres.slips_pending"
PENDING_SECONDS = 10 * 60
MAX_BULK = 100
LAYOUTS = ("one", "several")


def _to_issue(request: HttpRequest, people: list[Person], layout: str) -> HttpResponse:
    """Note whom the slips page is to issue codes for (no code, nothing secret)."""
    request.session[PENDING_KEY] = {
        "people": [person.pk for person in people],
        "layout": layout,
        "at": time.time(),
    }
    return redirect("centres:slips")


@centre_staff_required
@require_POST
def issue_code(request: HttpRequest, person_id: int) -> HttpResponse:
    return _to_issue(request, [resident_of_my_centre(request, person_id)], "one")


@centre_staff_required
@require_POST
def bulk_issue(request: HttpRequest) -> HttpResponse:
    raw_ids = request.POST.getlist("person")
    layout = request.POST.get("layout", "several")
    try:
        ids = {int(value) for value in raw_ids}
    except ValueError:
        raise refuse(request) from None
    if not ids or len(ids) > MAX_BULK or layout not in LAYOUTS:
        message = (
            # The button's own msgid, so that the message names it as the list shows it.
            _("Select at least one resident, then choose “%(button)s”.")
            % {"button": _("Issue codes and print slips")}
            if not ids
            else _("Issue codes for at most %(max)d residents at a time.") % {"max": MAX_BULK}
            if len(ids) > MAX_BULK
            else _("Choose how many slips to print on each page.")
        )
        return render(request, "centres/bulk_refused.html", {"message": message}, status=400)
    people = list(residents_of_my_centre(request).filter(pk__in=ids).order_by("duf_number"))
    if len(people) != len(ids):  # an id of another centre's resident, or of nobody
        raise refuse(request, resident_ids=sorted(ids - {person.pk for person in people}))
    audit.record("login_code.bulk_issued", actor=request.user, count=len(people))
    return _to_issue(request, people, layout)


@centre_staff_required
@require_GET
def slips(request: HttpRequest) -> HttpResponse:
    pending = request.session.pop(PENDING_KEY, None)
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return render(request, "centres/slips_gone.html", status=410)
    # Still this centre's residents: one may have moved since the POST.
    people = list(
        residents_of_my_centre(request).filter(pk__in=pending["people"]).order_by("duf_number")
    )
    if not people:
        return render(request, "centres/slips_gone.html", status=410)
    with transaction.atomic():
        issued = [(person, *issue_login_code(person, issued_by=request.user)) for person in people]
    slips_to_print = [render_slip(person, code, plain) for person, code, plain in issued]
    audit.record("login_code.slips_shown", actor=request.user, count=len(slips_to_print))
    return render(
        request,
        "centres/slips.html",
        {
            "slips": slips_to_print,
            "layout": pending["layout"],
            "single": people[0] if len(people) == 1 else None,
        },
    )
