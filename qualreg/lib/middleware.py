"""Request-wide behaviour: a privacy-safe access log, the language a person asks for (from
the URL, a remembered choice or their phone's settings) and that sticks, idle sessions."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from qualreg.lib import languages
from qualreg.lib.logsafe import current_request, method_of, route_of

access_log = logging.getLogger("qualreg.access")


class RequestLogMiddleware:
    """One line per request: method, route (never the path), status and time.

    Errors are logged once, by Django's `django.request` logger, with the traceback that
    `logsafe` has stripped of every exception message; `logsafe` names this request's route
    in that line and in `django.security`'s.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        token = current_request.set(request)
        try:
            response = self.get_response(request)
            if access_log.isEnabledFor(logging.INFO):
                elapsed_ms = (time.perf_counter() - started) * 1000
                access_log.info(
                    "%s %s %s %.1fms",
                    method_of(request),
                    route_of(request),
                    response.status_code,
                    elapsed_ms,
                )
        finally:
            current_request.reset(token)
        return response


def language_from_request(request: HttpRequest) -> str:
    """The URL's language, else the one remembered in the cookie, else the first of the
    browser's languages (by quality) that we speak, else the default.

    Django's own matching reads `fa-AF` as Farsi and knows no `ku`; ours knows the tags that
    phones send for Dari, Kurmanji and Sorani.
    """
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if remembered in languages.BY_CODE:
        return remembered
    accepted = parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
    # Ordered by quality already (a stable sort, so ties keep the browser's order); q=0
    # means "not this one".
    wanted = (tag for tag, quality in accepted if quality > 0)
    return languages.best_match(wanted) or settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware (language prefixes, redirects, Vary) with our matching."""

    def process_request(self, request: HttpRequest) -> None:
        translation.activate(language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()


class LanguageCookieMiddleware:
    """Remembers the language of the page a person reads for their next visit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
                # The stubs type this setting as any str; ours is "Lax".
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
            )
        return response


class IdleSessionMiddleware:
    """Keeps a session alive while it is used: its expiry restarts on activity.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) would cost a database
    write per request; once a minute is enough for an idle timeout counted in minutes.
    """

    REFRESH_SECONDS = 60

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.modified or session.is_empty():
            return response
        now = int(time.time())
        if now - int(session.get("_active_at", 0)) >= self.REFRESH_SECONDS:
            session["_active_at"] = now  # marks the session modified: saved with a new expiry
        return response
