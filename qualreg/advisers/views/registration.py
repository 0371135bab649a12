"""One registration: the purpose question first, then every answer in the adviser's
language (optionally beside the resident's), the history, and the remarks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qualreg.advisers import access, purposes
from qualreg.advisers.answers import answer_sections
from qualreg.advisers.forms import PurposeForm, RemarkForm
from qualreg.advisers.models import RECOGNITION_URL, NextStep, Remark
from qualreg.lib import languages


@require_http_methods(["GET", "POST"])
@access.adviser_required
def purpose(request: HttpRequest, registration_id: int) -> HttpResponse:
    """Why the adviser opens this resident's registration, asked once per session."""
    registration = access.readable_or_404(request, registration_id)
    form = PurposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        purposes.remember(
            request, registration.person_id, form.cleaned_data["purpose"], form.cleaned_data["note"]
        )
        return redirect("advisers:registration", registration.pk)
    return render(
        request,
        "advisers/purpose.html",
        {"form": form, "registration": registration},
        status=400 if form.errors else 200,
    )


@require_GET
@access.adviser_required
@access.purpose_required
def registration(request: HttpRequest, registration_id: int) -> HttpResponse:
    shown = access.read_registration(request, registration_id, request.purpose)  # type: ignore[attr-defined]
    return _render(request, shown, RemarkForm(), status=200)


@require_POST
@access.adviser_required
@access.purpose_required
def add_remark(request: HttpRequest, registration_id: int) -> HttpResponse:
    reason = request.purpose  # type: ignore[attr-defined]
    form = RemarkForm(request.POST)
    if not form.is_valid():
        shown = access.read_registration(request, registration_id, reason)
        return _render(request, shown, form, status=400)
    access.add_remark(
        request,
        registration_id,
        text=form.cleaned_data["text"],
        next_step=form.cleaned_data["next_step"],
        purpose=reason,
    )
    messages.success(request, _("Your remark is saved. The resident can read it."))
    return redirect(reverse("advisers:registration", args=[registration_id]) + "#remarks")


def _render(request: HttpRequest, shown: Any, remark_form: RemarkForm, status: int) -> HttpResponse:
    side_by_side = request.GET.get("side") == "1" and shown.language != translation.get_language()
    history = list(access.history(request, shown))
    previous = next((r for r in history if r.sequence < shown.sequence), None)
    remarks = (
        Remark.objects.filter(person=shown.person, organisation=request.adviser.organisation)  # type: ignore[attr-defined]
        .select_related("organisation", "author")
        .order_by("-written_at", "-id")
    )
    return render(
        request,
        "advisers/registration.html",
        {
            "registration": shown,
            "written_in": languages.get(shown.language),
            "sections": answer_sections(shown, shown.language if side_by_side else None),
            "side_by_side": side_by_side,
            "history": history,
            "previous": previous,
            "remarks": remarks,
            "remark_form": remark_form,
            "recognition_step": NextStep.RECOGNITION,
            "recognition_url": RECOGNITION_URL,
        },
        status=status,
    )
