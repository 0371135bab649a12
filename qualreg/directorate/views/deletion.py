"""Deleting a resident on request: find them by exact DUF number, see what will go, and
confirm by typing the number again. people.deletion.delete_person does the deleting; the
audit log keeps one pseudonymous row "deleted on request"."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from qualreg.directorate.access import administrator_required
from qualreg.directorate.forms import ConfirmDeletionForm, FindPersonForm
from qualreg.lib.forms import error_summary
from qualreg.people.deletion import delete_person
from qualreg.people.models import Person
from qualreg.privacy import audit

REASON = "deleted on request"


@require_http_methods(["GET", "POST"])
@administrator_required
def delete_on_request(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _render(request, {"find": FindPersonForm()})
    if request.POST.get("step") != "delete":
        return _find(request)
    form = ConfirmDeletionForm(request.POST)
    if not form.is_valid():
        person = _person(form.cleaned_data.get("duf_number") or form.data.get("duf_number"))
        if person is None:
            return _render(request, {"find": FindPersonForm()}, status=400)
        return _confirm_page(request, person, form, status=400)
    person = _person(form.cleaned_data["duf_number"])
    if person is None:  # deleted meanwhile, e.g. from a second tab
        return redirect("directorate:delete_person")
    reference = form.cleaned_data["reference"]
    subject = delete_person(
        person,
        actor=request.user,
        reason=f"{REASON} ({reference})" if reference else REASON,
    )
    messages.success(
        request,
        _(
            "The resident and everything registered about them have been deleted. The audit "
            "log keeps its rows about them under the pseudonym %(pseudonym)s."
        )
        % {"pseudonym": subject},
    )
    return redirect("directorate:delete_person")


def _find(request: HttpRequest) -> HttpResponse:
    form = FindPersonForm(request.POST)
    if not form.is_valid():
        return _render(request, {"find": form, "errors": error_summary(form)}, status=400)
    person = _person(form.cleaned_data["duf_number"])
    if person is None:
        form.add_error("duf_number", _("No resident has this DUF number."))
        return _render(request, {"find": form, "errors": error_summary(form)}, status=400)
    audit.record(audit.Action.PERSON_LOOKED_UP, actor=request.user, person=person)
    initial = {"duf_number": person.duf_number}
    return _confirm_page(request, person, ConfirmDeletionForm(initial=initial))


def _person(duf_number: object) -> Person | None:
    if not isinstance(duf_number, str) or not duf_number:
        return None
    return Person.objects.select_related("centre").filter(duf_number=duf_number).first()


def _confirm_page(
    request: HttpRequest, person: Person, form: ConfirmDeletionForm, status: int = 200
) -> HttpResponse:
    counts = Person.objects.filter(pk=person.pk).aggregate(
        completed=Count(
            "registrations", filter=Q(registrations__status="completed"), distinct=True
        ),
        drafts=Count("registrations", filter=Q(registrations__status="draft"), distinct=True),
        consents=Count("consents", distinct=True),
    )
    context = {
        "person": person,
        "counts": counts,
        "confirm": form,
        "errors": error_summary(form) if form.is_bound else [],
    }
    return _render(request, context, status=status)


def _render(request: HttpRequest, context: dict[str, object], status: int = 200) -> HttpResponse:
    return render(
        request,
        "directorate/delete_person.html",
        {**admin.site.each_context(request), "title": _("Delete a resident on request"), **context},
        status=status,
    )
