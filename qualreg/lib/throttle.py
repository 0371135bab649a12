"""Lock out a key after too many failed tries, counted in the database for every process."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import math

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from qualreg.lib.models import Throttle


def _hashed(scope: str, key: str) -> str:
    secret = settings.LOGIN_CODE_HASH_KEY.encode()
    return hmac.new(secret, f"throttle:{scope}:{key}".encode(), hashlib.sha256).hexdigest()


def _row_for_update(scope: str, key: str, now: datetime.datetime) -> Throttle:
    """The key's row, locked until the surrounding transaction ends; created when missing.

    Two processes may create the same row at once, and another may delete it (`clear`) in
    between: try again until one row is found or made.
    """
    hashed = _hashed(scope, key)
    for _attempt in range(10):
        row = Throttle.objects.select_for_update().filter(scope=scope, key=hashed).first()
        if row is not None:
            return row
        try:
            with transaction.atomic():
                return Throttle.objects.create(scope=scope, key=hashed, window_started_at=now)
        except IntegrityError:
            continue
    raise RuntimeError("throttle row could not be created or found")


def minutes_to_wait(seconds: int) -> int:
    """Whole minutes to tell a person to wait: never "0 minutes"."""
    return max(1, math.ceil(seconds / 60))


def clear(scope: str, key: str) -> None:
    Throttle.objects.filter(scope=scope, key=_hashed(scope, key)).delete()


def reserve_attempt(scope: str, key: str, *, limit: int, lockout_minutes: int) -> int:
    """Count a try *before* it is checked; returns the seconds to wait if it is refused, else 0.

    Counting first means that many simultaneous tries cannot slip past the limit between
    the check and the count: only `limit` tries per window are ever evaluated. A try that
    fails is then confirmed with `confirm_failure`; one that succeeds gives its place back
    with `release`.
    """
    now = timezone.now()
    window = datetime.timedelta(minutes=lockout_minutes)
    with transaction.atomic():
        row = _row_for_update(scope, key, now)
        if row.locked_until is not None and row.locked_until > now:
            return max(1, math.ceil((row.locked_until - now).total_seconds()))
        if row.window_started_at <= now - window:
            row.failures = 0
            row.window_started_at = now
        if row.failures >= limit:
            # Every allowed try of this window is still being checked elsewhere.
            return math.ceil(window.total_seconds())
        row.failures += 1
        row.save()
    return 0


def confirm_failure(scope: str, key: str, *, limit: int, lockout_minutes: int) -> int:
    """The reserved try failed; returns the seconds to wait if this failure locked the key."""
    now = timezone.now()
    window = datetime.timedelta(minutes=lockout_minutes)
    with transaction.atomic():
        row = (
            Throttle.objects.select_for_update()
            .filter(scope=scope, key=_hashed(scope, key))
            .first()
        )
        if row is None or row.failures < limit:
            return 0
        row.locked_until = now + window
        row.failures = 0
        row.window_started_at = now
        row.save()
    return math.ceil(window.total_seconds())


def release(scope: str, key: str) -> None:
    """The reserved try succeeded: it no longer counts against the key."""
    with transaction.atomic():
        row = (
            Throttle.objects.select_for_update()
            .filter(scope=scope, key=_hashed(scope, key))
            .first()
        )
        if row is not None and row.failures > 0:
            row.failures -= 1
            row.save(update_fields=["failures"])
