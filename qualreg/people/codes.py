"""One-time login codes: issuing, and redeeming them with lockouts against guessing.

A code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
`K7QM-3XHP`. Only a keyed hash of (DUF number, code) is stored. Issuing a code revokes the
person's older unused codes; using one is atomic, so it logs in exactly once.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from qualreg.lib import throttle
from qualreg.lib.duf import InvalidDufNumber, normalise_duf
from qualreg.people.models import LoginCode, Person
from qualreg.privacy import audit

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
_TYPED_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212.]+")
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class Refusal(enum.Enum):
    """Why a login was refused. The journey turns each into a translated message."""

    BAD_DUF = "bad_duf"  # not a well-formed DUF number; not counted as a guess
    WRONG = "wrong"  # unknown DUF number or wrong code: the same answer for both
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"
    LOCKED = "locked"  # too many wrong codes for this DUF number, or from this client


@dataclass(frozen=True)
class LoginRefused(Exception):
    reason: Refusal
    wait_seconds: int = 0


def generate_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise_code(raw: str) -> str | None:
    """The code's 8 characters as typed in any case, with or without dash or spaces."""
    if not isinstance(raw, str) or len(raw) > 40:
        return None
    # Full-width forms and digits typed on an Arabic or Persian keyboard count as typed.
    typed = unicodedata.normalize("NFKC", raw).translate(_EASTERN_DIGITS)
    code = _TYPED_SEPARATORS.sub("", typed).upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def hash_code(duf_number: str, code: str) -> str:
    key = settings.LOGIN_CODE_HASH_KEY.encode()
    return hmac.new(key, f"login-code:{duf_number}:{code}".encode(), hashlib.sha256).hexdigest()


def issue_login_code(person: Person, *, issued_by: object = None) -> tuple[LoginCode, str]:
    """A new code for `person`, revoking their older unused ones. The plain code is
    returned once, to be shown to staff and printed; it is never stored."""
    now = timezone.now()
    with transaction.atomic():
        # Lock the person first: two clicks at once must not leave two usable codes.
        Person.objects.select_for_update().filter(pk=person.pk).first()
        revoked = person.login_codes.filter(used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=now
        )
        code = generate_code()
        login_code = LoginCode.objects.create(
            person=person,
            code_hash=hash_code(person.duf_number, code),
            issued_by=issued_by if isinstance(issued_by, get_user_model()) else None,
            expires_at=now + datetime.timedelta(days=settings.LOGIN_CODE_DAYS),
        )
        audit.record("login_code.issued", actor=issued_by, person=person, revoked=revoked)
    # Staff hand the new code over in person; a lockout from the resident's typing ends here.
    throttle.clear("duf", person.duf_number)
    return login_code, code


def login_locked_until(person: Person) -> datetime.datetime | None:
    """When the lockout of the person's DUF number after wrong codes ends, if it is locked."""
    return throttle.locked_until("duf", person.duf_number)


def lift_login_lockout(person: Person, *, lifted_by: object) -> bool:
    """Staff of the person's centre let them try their code again at once (audited);
    whether a lockout was in force."""
    was_locked = login_locked_until(person) is not None
    throttle.clear("duf", person.duf_number)
    audit.record(
        audit.Action.LOGIN_LOCKOUT_LIFTED, actor=lifted_by, person=person, was_locked=was_locked
    )
    return was_locked


def redeem_login_code(raw_duf: str, raw_code: str, *, client: str) -> Person:
    """The person whose code this is, marking the code used; otherwise LoginRefused.

    Every try is counted before it is checked (see `throttle.reserve_attempt`), so even
    many simultaneous tries evaluate at most LOGIN_CODE_MAX_FAILURES codes per DUF number,
    and LOGIN_CLIENT_MAX_FAILURES different DUF numbers per address, per lockout window.
    A used, expired or replaced code is refused and audited but is not
    counted as a guess: whoever sends it knows a real code.
    """
    try:
        duf_number = normalise_duf(raw_duf)
    except InvalidDufNumber:
        raise LoginRefused(Refusal.BAD_DUF) from None

    lockout_minutes = settings.LOGIN_CODE_LOCKOUT_MINUTES
    # An address counts the distinct DUF numbers that failed from it, not tries: a whole
    # centre may share one Wi-Fi, and a resident retyping their own code is not a sweep.
    wait, took_place = throttle.reserve_distinct(
        "client",
        client,
        duf_number,
        limit=settings.LOGIN_CLIENT_MAX_FAILURES,
        lockout_minutes=lockout_minutes,
    )
    if not wait:
        wait = throttle.reserve_attempt(
            "duf",
            duf_number,
            limit=settings.LOGIN_CODE_MAX_FAILURES,
            lockout_minutes=lockout_minutes,
        )
        if wait and took_place:
            throttle.release("client", client)
    if wait:
        person = Person.objects.filter(duf_number=duf_number).first()
        audit.record("login.failed", person=person, outcome=Refusal.LOCKED.value)
        raise LoginRefused(Refusal.LOCKED, wait)

    code = normalise_code(raw_code)
    person = Person.objects.filter(duf_number=duf_number).first()
    login_code = None
    if code is not None and person is not None:
        login_code = person.login_codes.filter(code_hash=hash_code(duf_number, code)).first()

    now = timezone.now()
    if login_code is None:
        refusal: Refusal | None = Refusal.WRONG
    elif login_code.revoked_at is not None:
        refusal = Refusal.REVOKED
    elif login_code.used_at is not None:
        refusal = Refusal.USED
    elif login_code.expires_at <= now:
        refusal = Refusal.EXPIRED
    else:
        # The row is claimed only if still unused at the moment of the update: of two
        # simultaneous tries with the same code, exactly one wins.
        claimed = LoginCode.objects.filter(
            pk=login_code.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        refusal = None if claimed else Refusal.USED
    if refusal is not None:
        _fail(duf_number, client, person, refusal, took_place=took_place)
        raise LoginRefused(refusal)

    throttle.clear("duf", duf_number)
    throttle.release_distinct("client", client, duf_number, took_place=took_place)
    audit.record("login_code.used", person=person, by_resident=True)
    return person  # type: ignore[return-value]


def _fail(
    duf_number: str, client: str, person: Person | None, refusal: Refusal, *, took_place: bool
) -> None:
    audit.record("login.failed", person=person, outcome=refusal.value)
    if refusal is not Refusal.WRONG:
        throttle.release("duf", duf_number)
        if took_place:
            throttle.release("client", client)
        return
    lockout_minutes = settings.LOGIN_CODE_LOCKOUT_MINUTES
    locked_for = max(
        throttle.confirm_distinct_failure(
            "client",
            client,
            duf_number,
            took_place=took_place,
            limit=settings.LOGIN_CLIENT_MAX_FAILURES,
            lockout_minutes=lockout_minutes,
        ),
        throttle.confirm_failure(
            "duf",
            duf_number,
            limit=settings.LOGIN_CODE_MAX_FAILURES,
            lockout_minutes=lockout_minutes,
        ),
    )
    if locked_for:
        raise LoginRefused(Refusal.LOCKED, locked_for)
