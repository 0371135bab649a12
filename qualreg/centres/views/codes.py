"""Issuing login codes, one or many, and the page that shows them once, as printable slips.

The plain codes travel from the POST that issues them to the next page in the session and
are removed from it as that page is shown: a reload, the back button or another tab shows
only when each code expires.
"""

from __future__ import annotations

import time

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from qualreg.centres.access import (
    centre_staff_required,
    resident_of_my_centre,
    residents_of_my_centre,
)
from qualreg.centres.codes import issue_login_code
from qualreg.centres.models import LoginCode
from qualreg.centres.slips import render_slip
from qualreg.privacy import audit

SHOWN_ONCE_KEY = "centres.codes_to_show"
SHOWN_ONCE_SECONDS = 10 * 60
MAX_BULK = 100
LAYOUTS = ("one", "several")


def _remember_once(request: HttpRequest, issued: list[tuple[int, int, str]], layout: str) -> None:
    request.session[SHOWN_ONCE_KEY] = {"codes": issued, "layout": layout, "at": time.time()}


def _issue(request: HttpRequest, people: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    issued = []
    for person in people:
        login_code, plain = issue_login_code(person, issued_by=request.user)
        issued.append((person.pk, login_code.pk, plain))
    return issued


@centre_staff_required
@require_POST
def issue_code(request: HttpRequest, person_id: int) -> HttpResponse:
    person = resident_of_my_centre(request, person_id)
    _remember_once(request, _issue(request, [person]), "one")
    return redirect("centres:slips")


@centre_staff_required
@require_POST
def bulk_issue(request: HttpRequest) -> HttpResponse:
    raw_ids = request.POST.getlist("person")
    layout = request.POST.get("layout", "several")
    try:
        ids = {int(value) for value in raw_ids}
    except ValueError:
        raise Http404 from None
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
        raise Http404
    issued = _issue(request, people)
    audit.record("login_code.bulk_issued", actor=request.user, count=len(issued))
    _remember_once(request, issued, layout)
    return redirect("centres:slips")


@centre_staff_required
@require_GET
def slips(request: HttpRequest) -> HttpResponse:
    shown_once = request.session.pop(SHOWN_ONCE_KEY, None)
    if not shown_once or time.time() - shown_once.get("at", 0) > SHOWN_ONCE_SECONDS:
        return render(request, "centres/slips_gone.html", status=410)
    codes = {person_id: (code_id, plain) for person_id, code_id, plain in shown_once["codes"]}
    people = residents_of_my_centre(request).filter(pk__in=codes).order_by("duf_number")
    login_codes = LoginCode.objects.in_bulk([code_id for code_id, _plain in codes.values()])
    slips_to_print = [
        render_slip(person, login_codes[codes[person.pk][0]], codes[person.pk][1])
        for person in people
    ]
    audit.record("login_code.slips_shown", actor=request.user, count=len(slips_to_print))
    return render(
        request,
        "centres/slips.html",
        {
            "slips": slips_to_print,
            "layout": shown_once["layout"],
            "single": slips_to_print[0].person if len(slips_to_print) == 1 else None,
        },
    )
