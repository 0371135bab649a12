"""Withdrawing consent: a confirmation page that says what happens, then the withdrawal."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from qualreg.people.session import resident_required
from qualreg.registration import journey, withdrawal
from qualreg.registration.remembered import forget_consent


@never_cache
@require_http_methods(["GET", "POST"])
@resident_required
def withdraw_consent(request: HttpRequest) -> HttpResponse:
    person = request.person  # type: ignore[attr-defined]
    mine = reverse("registration:my_registration") + "#consent"
    latest = journey.latest_standing_decision(person.pk)
    if not withdrawal.consent_stands(person) or latest is None:
        return redirect(mine)  # nothing to withdraw, or withdrawn already (a repeated post)
    if request.method == "POST":
        # The withdrawal names the text version the person had consented to.
        withdrawal.withdraw(person, translation.get_language(), latest.text_version)
        forget_consent(request)
        return redirect(mine)
    deleted_on = timezone.now() + withdrawal.grace_period()
    return render(request, "resident/withdraw_consent.html", {"deleted_on": deleted_on})
