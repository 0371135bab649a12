"""The centre's residents: the list with status, one resident's page, adding one."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.centres import adding
from qualreg.centres.access import (
    centre_staff_required,
    my_centre_id,
    resident_of_my_centre,
    residents_of_my_centre,
    staff_member,
)
from qualreg.centres.forms import AddResidentForm, ListFilterForm, SearchForm
from qualreg.people.codes import login_locked_until
from qualreg.people.models import Person
from qualreg.privacy import audit
from qualreg.registration.status import Status, with_status

PER_PAGE = 25
MAX_SEARCH_RESULTS = 50
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@centre_staff_required
@require_http_methods(["GET", "POST"])
def residents(request: HttpRequest) -> HttpResponse:
    """GET lists and filters by status; POST searches by DUF number (kept out of the URL)."""
    filter_form = ListFilterForm(request.GET)
    search_form = SearchForm(request.POST if request.method == "POST" else None)
    people = with_status(residents_of_my_centre(request))
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    http_status = 200 if filter_form.is_valid() else 400
    counts = dict(people.order_by().values_list("status").annotate(n=Count("pk")))
    if status:
        people = people.filter(status=status)

    searched = ""
    page = None
    if search_form.is_bound and search_form.is_valid() and search_form.cleaned_data["duf"]:
        digits = re.sub(r"\D", "", search_form.cleaned_data["duf"].translate(_EASTERN_DIGITS))
        if not digits:
            search_form.add_error("duf", _("Enter the digits of a DUF number."))
            http_status = 400
        else:
            searched = digits
            found = list(people.filter(duf_number__contains=digits)[: MAX_SEARCH_RESULTS + 1])
            rows = found[:MAX_SEARCH_RESULTS]
    elif search_form.is_bound and not search_form.is_valid():
        http_status = 400
    if not searched:
        page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
        found = rows

    audit.record(
        "residents.listed",
        actor=request.user,
        status=status,
        searched=bool(searched),
        page=page.number if page else None,
    )
    filters = [("", _("All residents"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in Status.choices
    ]
    return render(
        request,
        "centres/residents.html",
        {
            "rows": rows,
            "page": page,
            "status": status,
            "filters": filters,
            "filter_form": filter_form,
            "search_form": search_form,
            "searched": searched,
            "too_many": searched and len(found) > MAX_SEARCH_RESULTS,
            "max_results": MAX_SEARCH_RESULTS,
        },
        status=http_status,
    )


@centre_staff_required
@require_GET
def resident(request: HttpRequest, person_id: int) -> HttpResponse:
    person = resident_of_my_centre(request, person_id)
    row = with_status(Person.objects.filter(pk=person.pk)).get()
    audit.record("resident.viewed", actor=request.user, person=person)
    return render(
        request,
        "centres/resident.html",
        {"person": row, "locked_until": login_locked_until(person)},
    )


@centre_staff_required
@require_http_methods(["GET", "POST"])
def add_resident(request: HttpRequest) -> HttpResponse:
    centre_id = my_centre_id(request)
    form = AddResidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added = adding.add_resident(
            form.cleaned_data["duf_number"],
            centre_id=centre_id,
            language=form.cleaned_data["preferred_language"],
            by=staff_member(request),
            via="form",
        )
        if added.person is None:
            form.add_error("duf_number", added.refusal)
        else:
            messages.success(
                request,
                _("Resident %(duf)s added. You can issue a login code now.")
                % {"duf": added.person.duf_display},
            )
            return redirect("centres:resident", person_id=added.person.pk)
    status = 400 if form.errors else 200
    return render(request, "centres/add_resident.html", {"form": form}, status=status)
