"""The address a request came from, for throttling. Never logged or stored in clear."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address as the nearest trusted proxy saw it.

    Behind TRUSTED_PROXIES load balancers, REMOTE_ADDR is the nearest proxy's address, and the
    real client is the entry that many places from the end of X-Forwarded-For: entries
    further left were written by the client itself and cannot be trusted.
    """
    remote = str(request.META.get("REMOTE_ADDR", "unknown"))
    hops = settings.TRUSTED_PROXIES
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < hops:
        return remote
    return forwarded[-hops][:64]
