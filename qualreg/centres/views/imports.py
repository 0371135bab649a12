"""Adding many residents at once by pasting a list or uploading a CSV file."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from qualreg.centres.access import centre_staff_required, my_centre, staff_member
from qualreg.centres.forms import ImportResidentsForm
from qualreg.centres.importing import import_residents


@centre_staff_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    form = ImportResidentsForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = import_residents(
            form.cleaned_data["text"],
            centre=my_centre(request),
            default_language=form.cleaned_data["default_language"],
            by=staff_member(request),
        )
        accepted = [line for line in report if line.accepted]
        return render(
            request,
            "centres/import_report.html",
            {"report": report, "accepted": len(accepted), "refused": len(report) - len(accepted)},
        )
    status = 400 if form.errors else 200
    return render(request, "centres/import.html", {"form": form}, status=status)
