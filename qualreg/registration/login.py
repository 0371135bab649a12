"""Resident login with DUF number and one-time code, and logout."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from qualreg.lib import buttons, throttle
from qualreg.lib.net import client_address
from qualreg.people.codes import LoginRefused, Refusal, redeem_login_code
from qualreg.people.session import current_person, login_resident, logout_resident

REFUSAL_MESSAGES = {
    Refusal.BAD_DUF: (
        "duf_number",
        _("Enter your DUF number: 12 digits, for example 2012 586975 61."),
    ),
    Refusal.WRONG: (
        "code",
        _("The DUF number or the code is wrong. Check both and try again."),
    ),
    Refusal.USED: (
        "code",
        _(
            "This code has already been used. "
            "Ask the staff at your reception centre for a new code."
        ),
    ),
    Refusal.EXPIRED: (
        "code",
        _("This code has expired. Ask the staff at your reception centre for a new code."),
    ),
    Refusal.REVOKED: (
        "code",
        _("This code has been replaced by a newer one. Use the newest code you were given."),
    ),
}


class LoginForm(forms.Form):
    duf_number = forms.CharField(
        label=_("DUF number"),
        help_text=_("12 digits. You find it on your papers from the immigration authorities."),
        max_length=40,
        error_messages={"required": _("Enter your DUF number.")},
    )
    code = forms.CharField(
        label=_("Your code"),
        help_text=_("8 letters and numbers from the staff at your reception centre."),
        max_length=40,
        error_messages={"required": _("Enter the code you were given.")},
    )


def _wait_message(seconds: int) -> str:
    minutes = throttle.minutes_to_wait(seconds)
    return ngettext(
        "Too many wrong tries. Wait %(minutes)d minute and try again.",
        "Too many wrong tries. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = redeem_login_code(
                form.cleaned_data["duf_number"],
                form.cleaned_data["code"],
                client=client_address(request),
            )
        except LoginRefused as refused:
            if refused.reason is Refusal.LOCKED:
                form.add_error(None, _wait_message(refused.wait_seconds))
            else:
                field, message = REFUSAL_MESSAGES[refused.reason]
                form.add_error(field, message)
        else:
            login_resident(request, person)
            return redirect("registration:start")
    status = 400 if form.errors else 200
    context = {"form": form, "buttons": buttons.JOURNEY}
    return render(request, "resident/login.html", context, status=status)


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    was_resident = current_person(request) is not None
    logout_resident(request)
    if was_resident:
        return redirect("registration:logged_out")
    return redirect("home")


def logged_out(request: HttpRequest) -> HttpResponse:
    return render(request, "resident/logged_out.html")
