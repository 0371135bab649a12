"""Lock out a key after too many failed tries, counted in the database for every process."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import math

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from qualreg.lib.models import Throttle


def _hashed(scope: str, key: str) -> str:
    secret = settings.LOGIN_CODE_HASH_KEY.encode()
    return hmac.new(secret, f"throttle:{scope}:{key}".encode(), hashlib.sha256).hexdigest()


def seconds_locked(scope: str, key: str) -> int:
    """How many seconds `key` must still wait; 0 when it may try."""
    now = timezone.now()
    locked_until = (
        Throttle.objects.filter(scope=scope, key=_hashed(scope, key), locked_until__gt=now)
        .values_list("locked_until", flat=True)
        .first()
    )
    if locked_until is None:
        return 0
    return max(1, math.ceil((locked_until - now).total_seconds()))


def register_failure(scope: str, key: str, *, limit: int, lockout_minutes: int) -> int:
    """Count one failure; returns the seconds to wait if this failure locked the key, else 0.

    Failures are counted within a window as long as the lockout; the count starts again
    after a lockout or after a quiet window.
    """
    now = timezone.now()
    window = datetime.timedelta(minutes=lockout_minutes)
    with transaction.atomic():
        row, _created = Throttle.objects.select_for_update().get_or_create(
            scope=scope, key=_hashed(scope, key), defaults={"window_started_at": now}
        )
        if row.window_started_at <= now - window:
            row.failures = 0
            row.window_started_at = now
        row.failures += 1
        locked = row.failures >= limit
        if locked:
            row.locked_until = now + window
            row.failures = 0
            row.window_started_at = now
        row.save()
    return math.ceil(window.total_seconds()) if locked else 0


def clear(scope: str, key: str) -> None:
    Throttle.objects.filter(scope=scope, key=_hashed(scope, key)).delete()
