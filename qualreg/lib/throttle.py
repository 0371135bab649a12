"""Lock out a key after too many failed tries, counted in the database for every process."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import math
import unicodedata

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


def normalised_name(typed: str) -> str:
    """A typed name as every throttle and audit row keys it: NFKC-normalised and case-folded.

    Django's sign-in NFKC-normalises the username before looking up the account, so
    fullwidth (ｓｔａｆｆ) or mathematical (𝐬𝐭𝐚𝐟𝐟) letters reach the same account as `staff`;
    keying on the name as typed would give each spelling its own allowance.
    """
    folded = unicodedata.normalize("NFKC", str(typed)).casefold()
    return unicodedata.normalize("NFKC", folded)[:150]


def keyed_hash(purpose: str, value: str) -> str:
    """A short keyed hash that links rows about the same value without storing it."""
    secret = settings.LOGIN_CODE_HASH_KEY.encode()
    return hmac.new(secret, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def minutes_to_wait(seconds: int) -> int:
    """Whole minutes to tell a person to wait: never "0 minutes"."""
    return max(1, math.ceil(seconds / 60))


def clear(scope: str, key: str) -> None:
    Throttle.objects.filter(scope=scope, key=_hashed(scope, key)).delete()


def locked_until(scope: str, key: str) -> datetime.datetime | None:
    """When the key's lockout ends, or None when it is not locked now."""
    rows = Throttle.objects.filter(
        scope=scope, key=_hashed(scope, key), locked_until__gt=timezone.now()
    )
    return rows.values_list("locked_until", flat=True).first()


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


# Counting distinct members: one address may be shared by a whole reception centre, so what
# marks a sweep is how many different DUF numbers failed from it, not how many tries did.


def _seen_row(scope: str, key: str, member: str) -> tuple[str, str]:
    seen_scope = f"{scope}-seen"
    return seen_scope, _hashed(seen_scope, f"{key}\x1f{member}")


def reserve_distinct(
    scope: str, key: str, member: str, *, limit: int, lockout_minutes: int
) -> tuple[int, bool]:
    """Like `reserve_attempt`, but the key's allowance counts distinct members that failed.

    A member that already failed for this key in the window takes no new place: its own
    throttle bounds its retries. Returns the seconds to wait (0 when allowed) and whether
    this try took a place, which the caller hands back to `confirm_distinct_failure` or
    `release_distinct`.
    """
    now = timezone.now()
    window = datetime.timedelta(minutes=lockout_minutes)
    with transaction.atomic():
        row = _row_for_update(scope, key, now)
        if row.locked_until is not None and row.locked_until > now:
            return max(1, math.ceil((row.locked_until - now).total_seconds())), False
        if row.window_started_at <= now - window:
            row.failures = 0
            row.window_started_at = now
            row.save()
        seen_scope, seen_key = _seen_row(scope, key, member)
        if Throttle.objects.filter(
            scope=seen_scope, key=seen_key, window_started_at__gte=row.window_started_at
        ).exists():
            return 0, False
        if row.failures >= limit:
            return math.ceil(window.total_seconds()), False
        row.failures += 1
        row.save(update_fields=["failures"])
    return 0, True


def confirm_distinct_failure(
    scope: str, key: str, member: str, *, took_place: bool, limit: int, lockout_minutes: int
) -> int:
    """The member's reserved try failed: remember it as failed for the key; returns the
    seconds to wait if this locked the key."""
    if not took_place:
        return 0
    seen_scope, seen_key = _seen_row(scope, key, member)
    with transaction.atomic():
        # The key's row lock orders this after every reservation of the same key.
        key_rows = Throttle.objects.select_for_update().filter(scope=scope, key=_hashed(scope, key))
        if key_rows.first() is None:
            return 0
        Throttle.objects.update_or_create(
            scope=seen_scope, key=seen_key, defaults={"window_started_at": timezone.now()}
        )
        return confirm_failure(scope, key, limit=limit, lockout_minutes=lockout_minutes)


def release_distinct(scope: str, key: str, member: str, *, took_place: bool) -> None:
    """The member's try succeeded: it is a person's own, so neither this try nor the
    member's earlier failures count against the key any more."""
    seen_scope, seen_key = _seen_row(scope, key, member)
    with transaction.atomic():
        row = (
            Throttle.objects.select_for_update()
            .filter(scope=scope, key=_hashed(scope, key))
            .first()
        )
        if row is None:
            return
        seen = Throttle.objects.filter(scope=seen_scope, key=seen_key).first()
        give_back = int(took_place)
        if seen is not None:
            give_back += int(seen.window_started_at >= row.window_started_at)
            seen.delete()
        if give_back and row.failures > 0:
            row.failures = max(0, row.failures - give_back)
            row.save(update_fields=["failures"])
