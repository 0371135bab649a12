"""Pages that belong to no single part of the service: front page, about, errors, health."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from qualreg.lib import buttons, language_links

log = logging.getLogger("qualreg.health")


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {"start_url": reverse("registration:about"), "buttons": buttons.JOURNEY}
    return render(request, "home.html", context)


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy.html", {"contact_email": settings.CONTACT_EMAIL})


@require_GET
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "contact.html", {"contact_email": settings.CONTACT_EMAIL})


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever a page links to: send them to the icon among
    the static files, which are served with a far-future expiry under a hashed name."""
    response = redirect(static("qualreg/favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        log.warning("database unreachable: %s", type(error).__name__)
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def _error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    # An error page has no page of its own to offer in other languages: the route may be
    # half-resolved (a part that does not exist) with the sender's text in its arguments.
    context = {"title": title, "message": message, "language_links": language_links.front_pages()}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        400,
        _("The request could not be understood"),
        _("Something in what was sent was not right. Go back and try again."),
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        403,
        _("You do not have access to this page"),
        _("If you think you should have access, contact the person who gave you your login."),
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request,
        404,
        _("Page not found"),
        _("If you typed the web address, check it is correct."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return _error_page(
            request,
            500,
            _("Sorry, there is a problem with the service"),
            # Never claim the request that failed saved anything: it may not have.
            _(
                "Something went wrong on our side. What you saved before is kept, but your "
                "last change may not have been saved. Try again in a little while."
            ),
        )
    except Exception:  # the error page must never fail itself
        log.exception("error page failed")
        return HttpResponse(
            "Sorry, there is a problem with the service.", status=500, content_type="text/plain"
        )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error_page(
        request,
        403,
        _("Your session has expired"),
        _("The page was open too long or was sent twice. Go back, reload the page and try again."),
    )
