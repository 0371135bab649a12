"""The administrators' correction queue: the requests residents sent with "This is wrong"
(qualreg.corrections), and one request with the form that corrects the answers (a new
registration) or refuses with a reason for the resident."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from qualreg.corrections import editing, requests
from qualreg.corrections.for_resident import question_label
from qualreg.corrections.forms import CorrectionReasonForm, RefusalForm
from qualreg.corrections.models import CorrectionRequest
from qualreg.directorate.access import administrator_required
from qualreg.lib.forms import error_summary
from qualreg.privacy import audit
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration import journey, rendering
from qualreg.registration.models import Registration

DECIDED_SHOWN = 50
NOTHING_CHANGED = _("Nothing was changed. Change an answer, or refuse the request with a reason.")
ANSWERS_INCOMPLETE = _("Some answers are missing or need to be corrected. See the list.")
ALREADY_DECIDED = _("This request has already been decided.")


@administrator_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    requests_ = CorrectionRequest.objects.select_related("person__centre", "registration")
    open_requests = list(
        requests_.filter(state=CorrectionRequest.State.RECEIVED).order_by("asked_at")
    )
    decided = list(
        requests_.exclude(state=CorrectionRequest.State.RECEIVED).order_by("-decided_at")[
            :DECIDED_SHOWN
        ]
    )
    audit.record(
        audit.Action.CORRECTIONS_LISTED,
        actor=request.user,
        open=len(open_requests),
        decided=len(decided),
    )
    return render(
        request,
        "directorate/corrections.html",
        {
            "open_requests": [(r, question_label(r.question)) for r in open_requests],
            "decided": [(r, question_label(r.question)) for r in decided],
        },
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def request_page(request: HttpRequest, request_id: int) -> HttpResponse:
    correction_request = (
        CorrectionRequest.objects.select_related("person__centre", "registration", "decided_by")
        .filter(pk=request_id)
        .first()
    )
    if correction_request is None:
        raise Http404
    latest = journey.last_completed(correction_request.person)
    if request.method == "GET":
        audit.record(
            audit.Action.CORRECTION_OPENED,
            actor=request.user,
            person=correction_request.person,
            registration=latest,
            request=correction_request.pk,
        )
    page = _Page(request, correction_request, latest)
    if not correction_request.is_open or latest is None:
        if request.method == "POST":
            return page.render(status=409, problem=ALREADY_DECIDED)
        return page.render()
    if request.method == "GET":
        return page.render()
    return page.post()


class _Page:
    """One request's page: what the resident asked, the part form and the refusal form."""

    def __init__(
        self,
        request: HttpRequest,
        correction_request: CorrectionRequest,
        latest: Registration | None,
    ) -> None:
        self.request = request
        self.correction_request = correction_request
        self.latest = latest
        data = request.POST if request.method == "POST" else request.GET
        self.part = editing.chosen_part(
            data.get("part"), editing.part_of(correction_request.question)
        )
        self.answers = editing.working_answers(
            request.POST.get("working"), correction_request.pk, latest.answers if latest else {}
        )
        self.reason_form = CorrectionReasonForm(prefix="correction")
        self.refusal_form = RefusalForm(prefix="refusal")

    def post(self) -> HttpResponse:
        post = self.request.POST
        if post.get("action") == "refuse":
            self.refusal_form = RefusalForm(post, prefix="refusal")
            if not self.refusal_form.is_valid():
                return self.render(status=400, errors=error_summary(self.refusal_form))
            return self._decided(
                lambda: requests.refuse(
                    self.correction_request.pk,
                    self.request.user,
                    self.refusal_form.cleaned_data["refusal_reason"],
                ),
                _("The request is refused. The resident sees your reason."),
            )
        data = {key: post.getlist(key) for key in post}
        self.answers = editing.apply_post(self.part, self.answers, data)
        goto = post.get("goto")
        if goto:
            self.part = editing.chosen_part(goto, self.part)
            return self.render()
        if post.get("action") != "correct":
            return self.render()  # an item added or removed
        self.reason_form = CorrectionReasonForm(post, prefix="correction")
        errors = error_summary(self.reason_form) if not self.reason_form.is_valid() else []
        views = editing.question_views(self.part, self.answers, tried=True)
        errors = rendering.error_summary(views) + errors
        elsewhere = editing.problems_elsewhere(self.answers, self.part)
        if errors or elsewhere:
            return self.render(status=400, errors=errors, views=views, elsewhere=elsewhere)
        reason = self.reason_form.cleaned_data["reason"]
        return self._decided(
            lambda: requests.correct(
                self.correction_request.pk, self.request.user, self.answers, reason
            ),
            _("The registration is corrected. The resident sees the new registration."),
        )

    def _decided(self, decide: Any, done: Any) -> HttpResponse:
        try:
            decide()
        except requests.AlreadyDecided:
            return self.render(status=409, problem=ALREADY_DECIDED)
        except requests.NothingChanged:
            return self.render(status=400, problem=NOTHING_CHANGED)
        except requests.AnswersIncomplete:
            return self.render(status=400, problem=ANSWERS_INCOMPLETE)
        messages.success(self.request, done)
        return redirect("directorate:corrections")

    def render(
        self,
        status: int = 200,
        errors: list[tuple[str, str]] | None = None,
        views: list[rendering.QuestionView] | None = None,
        elsewhere: list[Any] | None = None,
        problem: Any = None,
    ) -> HttpResponse:
        correction_request = self.correction_request
        context = {
            "correction_request": correction_request,
            "label": question_label(correction_request.question),
            "latest": self.latest,
            "problem": problem,
            "errors": errors or [],
        }
        if correction_request.is_open and self.latest is not None:
            context.update(
                {
                    "parts": QUESTIONNAIRE.parts,
                    "part": self.part,
                    "questions": views
                    or editing.question_views(self.part, self.answers, tried=False),
                    "elsewhere": elsewhere or [],
                    "working": editing.sign(self.answers, correction_request.pk),
                    "reason_form": self.reason_form,
                    "refusal_form": self.refusal_form,
                }
            )
        return render(self.request, "directorate/correction.html", context, status=status)
