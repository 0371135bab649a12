"""The lead adviser's page: the organisation's advisers, adding one (who gets a set-up link
by e-mail), deactivating and reactivating; and the new adviser's set-up page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.advisers import access, team
from qualreg.advisers.team_forms import AddAdviserForm, SetUpPasswordForm
from qualreg.privacy import audit

BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_http_methods(["GET", "POST"])
@access.lead_required
def team_page(request: HttpRequest) -> HttpResponse:
    organisation = request.adviser.organisation  # type: ignore[attr-defined]
    form = AddAdviserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = team.add_adviser(organisation, **form.cleaned_data)
        access.record_team_change(request, audit.Action.ADVISER_ADDED, user.pk)
        team.send_setup_link(user, organisation)
        messages.success(
            request,
            _("%(name)s is added. A set-up link has been sent to %(email)s.")
            % {"name": user.get_full_name(), "email": user.email},
        )
        return redirect("advisers:team")
    members = sorted(
        access.team(request), key=lambda member: member.user.get_full_name().casefold()
    )
    return render(
        request,
        "advisers/team.html",
        {
            "form": form,
            "members": [(member, team.is_set_up(member.user)) for member in members],
            "days": team.setup_days(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@access.lead_required
def deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    return _set_active(request, user_id, active=False)


@require_POST
@access.lead_required
def reactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    return _set_active(request, user_id, active=True)


def _set_active(request: HttpRequest, user_id: int, *, active: bool) -> HttpResponse:
    action = audit.Action.ADVISER_REACTIVATED if active else audit.Action.ADVISER_DEACTIVATED
    member = access.colleague(request, user_id, action)
    member.user.is_active = active
    member.user.save(update_fields=["is_active"])
    done = _("%(name)s can sign in again.") if active else _("%(name)s can no longer sign in.")
    messages.success(request, done % {"name": _name(member)})
    return redirect("advisers:team")


@require_POST
@access.lead_required
def resend_link(request: HttpRequest, user_id: int) -> HttpResponse:
    """A new set-up link, for an adviser who has not used theirs; never a password reset."""
    member = access.colleague(request, user_id, audit.Action.ADVISER_SETUP_LINK_SENT)
    if team.is_set_up(member.user) or not member.user.is_active:
        messages.error(
            request, _("%(name)s has already set up the account.") % {"name": _name(member)}
        )
    else:
        team.send_setup_link(member.user, member.organisation)
        messages.success(
            request,
            _("A new set-up link has been sent to %(email)s.") % {"email": member.user.email},
        )
    return redirect("advisers:team")


def _name(member: object) -> str:
    user = member.user  # type: ignore[attr-defined]
    return str(user.get_full_name() or user.get_username())


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The new adviser chooses a password, is signed in with it, and goes on to set up the
    second factor. A used, expired or unknown link is a clear error."""
    user = team.user_for_setup(uidb64, token)
    if user is None:
        return render(request, "advisers/setup_invalid.html", status=400)
    form = SetUpPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["password1"])
        user.save(update_fields=["password"])
        request.session.flush()  # a resident's session on this device ends here
        auth_login(request, user, backend=BACKEND)
        audit.record(audit.Action.ADVISER_ACCOUNT_SET_UP, actor=user)
        return redirect("advisers:verify")
    return render(
        request,
        "advisers/setup.html",
        {"form": form, "account": user},
        status=400 if form.errors else 200,
    )
