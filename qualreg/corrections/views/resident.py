"""The resident's side: "This is wrong" beside an answer opens a short form; the request goes
to the administrators' queue. URLs name the person's own registration by its number and the
question by its key, and are looked up among the logged-in person's registrations only."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.corrections import requests
from qualreg.corrections.forms import AskForm
from qualreg.lib.forms import error_summary
from qualreg.people.session import resident_required
from qualreg.questionnaire import answers
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration.models import Registration


@never_cache
@require_http_methods(["GET", "POST"])
@resident_required
def ask(request: HttpRequest, sequence: int, question: str) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    registration = person.registrations.filter(
        sequence=sequence, status=Registration.Status.COMPLETED
    ).first()
    if registration is None:
        raise Http404
    rows = answers.answer_rows(QUESTIONNAIRE, registration.answers)
    lines = [(a, text) for part in rows for a, text in part.lines if a.question.key == question]
    if not lines:
        raise Http404  # no such question in this registration
    form = AskForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        requests.ask(person, registration, question, form.cleaned_data["text"])
        return redirect("corrections:sent")
    context = {
        "registration": registration,
        "question": lines[0][0].question,
        "lines": [text for _answer, text in lines],
        "form": form,
        "errors": error_summary(form) if form.is_bound else [],
        "contact_email": settings.CONTACT_EMAIL,
    }
    return render(request, "corrections/ask.html", context, status=400 if form.is_bound else 200)


@never_cache
@require_GET
@resident_required
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "corrections/sent.html")
