"""Replies that only a page's script reads (an answer save's JSON): as few bytes as can be.

A resident on a prepaid phone pays for every byte, and such a reply is small, so what goes
around it counts. It answers only a same-origin POST that carries the CSRF token, so no other
site can load, frame or embed it: the headers that guard a document (framing, content
security, referrer, opener, language) and those that guide caches (Vary, Expires) are left
off; `Cache-Control: no-store` keeps it out of every cache and nosniff stays. The body is
compressed without the random padding that guards pages carrying a secret against BREACH
(these replies carry none: no CSRF token, no session data, only what the page shows).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware

# Headers a script's reply does without (see above).
LEFT_OFF = (
    "Expires",
    "Vary",
    "X-Frame-Options",
    "Content-Security-Policy",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "Content-Language",
)


class _UnpaddedGZip(GZipMiddleware):
    max_random_bytes = 0


_GZIP = _UnpaddedGZip(lambda request: HttpResponse())


def script_reply(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """The reply, compressed (when the browser accepts it and it is worth it) and marked
    for `ScriptReplyMiddleware`."""
    response.for_script = True  # type: ignore[attr-defined]
    _GZIP.process_response(request, response)  # in place
    return response


class ScriptReplyMiddleware:
    """Leaves the headers a script's reply does without off a reply `script_reply` made. It
    comes before the middleware that add them (security, CSP, sessions, locale, clickjacking)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, "for_script", False):
            for header in LEFT_OFF:
                del response[header]
            response["Cache-Control"] = "no-store"
        return response
