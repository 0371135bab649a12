"""'My people': the residents assigned to the adviser's organisation, filtered and sorted
through the URL; one resident found by exact DUF number (posted, so it stays out of URLs)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from qualreg.advisers import access, planning
from qualreg.advisers.forms import FindForm, ListForm
from qualreg.advisers.people_list import DEFAULT_SORT, people_rows

PER_PAGE = 25


@require_http_methods(["GET", "POST"])
@access.adviser_required
def people(request: HttpRequest) -> HttpResponse:
    find_form = FindForm(request.POST if request.method == "POST" else None)
    if find_form.is_bound and find_form.is_valid():
        found = access.find_by_duf(request, find_form.cleaned_data["duf"])
        if found is not None:
            return redirect("advisers:registration", found.pk)
        find_form.add_error(
            "duf", _("No resident assigned to your organisation has this DUF number.")
        )

    list_form = ListForm(request.GET)
    valid = list_form.is_valid()
    data = list_form.cleaned_data if valid else {}
    rows = people_rows(request.adviser, data)  # type: ignore[attr-defined]
    sort = data.get("sort") or DEFAULT_SORT
    # The ids of the whole list at once (a few thousand at most): the page is cut from them,
    # with no second query to count.
    page = Paginator(list(rows.values_list("pk", flat=True)), PER_PAGE).get_page(
        request.GET.get("page")
    )
    on_page = rows.in_bulk(list(page.object_list))
    shown = [on_page[pk] for pk in page.object_list]
    access.record_list(
        request,
        shown,
        page=page.number,
        sort=sort,
        filters=sorted(key for key, value in data.items() if value and key != "sort"),
    )
    query = request.GET.copy()
    query.pop("page", None)
    status = 400 if (find_form.errors or list_form.errors) else 200
    return render(
        request,
        "advisers/people.html",
        {
            "find_form": find_form,
            "list_form": list_form,
            "page": page,
            "rows": shown,
            "columns": planning.columns_for(shown),
            "sort": sort,
            "query": query.urlencode(),
        },
        status=status,
    )
