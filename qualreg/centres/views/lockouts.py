"""Lifting a resident's login lockout, for staff of the resident's centre only."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qualreg.centres.access import centre_staff_required, resident_of_my_centre
from qualreg.people.codes import lift_login_lockout


@centre_staff_required
@require_POST
def lift_lockout(request: HttpRequest, person_id: int) -> HttpResponse:
    """After too many wrong codes a resident waits; staff beside them may end the wait."""
    person = resident_of_my_centre(request, person_id)  # another centre's: 404, audited
    if lift_login_lockout(person, lifted_by=request.user):
        messages.success(request, _("The lockout is lifted. The resident can log in now."))
    else:
        messages.success(request, _("This resident was not locked out."))
    return redirect("centres:resident", person_id=person.pk)
