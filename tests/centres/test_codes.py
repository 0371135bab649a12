"""The one-time codes themselves: shape, storage, expiry, single use and revocation."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from qualreg.people.codes import (
    ALPHABET,
    LoginRefused,
    Refusal,
    format_code,
    generate_code,
    hash_code,
    issue_login_code,
    normalise_code,
    redeem_login_code,
)
from qualreg.people.models import LoginCode
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db
CLIENT = "198.51.100.7"


def test_codes_use_8_characters_without_look_alikes():
    for _ in range(200):
        code = generate_code()
        assert len(code) == 8
        assert not set(code) & set("0O1IL")
        assert set(code) <= set(ALPHABET)
    assert format_code("K7QMX3HP") == "K7QM-X3HP"


@pytest.mark.parametrize(
    "typed",
    ["K7QM-X3HP", "k7qm-x3hp", "K7QMX3HP", "k7qm x3hp", " K7QM – X3HP ", "ｋ７ｑｍ－ｘ３ｈｐ"],
)
def test_a_code_may_be_typed_in_any_case_with_or_without_dash_or_spaces(typed):
    assert normalise_code(typed) == "K7QMX3HP"


def test_digits_typed_on_an_arabic_keyboard_count():
    assert normalise_code("K٧QM-X٣HP") == "K7QMX3HP"


@pytest.mark.parametrize(
    "typed", ["K7QM-X3H", "K7QM-X3HPP", "K0QM-X3HP", "KIQM-X3HP", "", "x" * 50]
)
def test_malformed_codes_are_not_codes(typed):
    assert normalise_code(typed) is None


def test_only_a_keyed_hash_of_the_code_is_stored(resident, staff):
    login_code, plain = issue_login_code(resident, issued_by=staff)
    stored = LoginCode.objects.values().get(pk=login_code.pk)
    assert plain not in str(stored) and format_code(plain) not in str(stored)
    assert stored["code_hash"] == hash_code(resident.duf_number, plain)
    import hashlib

    assert stored["code_hash"] != hashlib.sha256(plain.encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM centres_logincode")
        assert plain not in str(cursor.fetchall())


def test_the_hash_depends_on_the_secret_key(resident, settings):
    before = hash_code(resident.duf_number, "K7QMX3HP")
    settings.LOGIN_CODE_HASH_KEY = "another-key-" * 4
    assert hash_code(resident.duf_number, "K7QMX3HP") != before


def test_a_code_is_valid_for_the_configured_days(resident, staff, settings):
    settings.LOGIN_CODE_DAYS = 3
    login_code, _ = issue_login_code(resident, issued_by=staff)
    assert abs(login_code.expires_at - (timezone.now() + datetime.timedelta(days=3))) < (
        datetime.timedelta(minutes=1)
    )


def test_a_code_logs_in_once(resident, code_for):
    code = code_for(resident)
    assert redeem_login_code("2012 586975 61", code.lower(), client=CLIENT) == resident
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code("201258697561", code, client=CLIENT)
    assert refused.value.reason is Refusal.USED


def test_an_expired_code_is_refused(resident, code_for):
    code = code_for(resident)
    LoginCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(resident.duf_number, code, client=CLIENT)
    assert refused.value.reason is Refusal.EXPIRED


def test_issuing_a_new_code_revokes_the_older_unused_one(resident, code_for):
    old = code_for(resident)
    new = code_for(resident)
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(resident.duf_number, old, client=CLIENT)
    assert refused.value.reason is Refusal.REVOKED
    assert redeem_login_code(resident.duf_number, new, client=CLIENT) == resident
    assert LoginCode.objects.usable().count() == 0


def test_a_code_works_only_with_its_own_duf_number(resident, other_resident, code_for):
    code = code_for(resident)
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(other_resident.duf_number, code, client=CLIENT)
    assert refused.value.reason is Refusal.WRONG


def test_an_unknown_duf_number_gets_the_same_answer_as_a_wrong_code(resident, code_for):
    code_for(resident)
    reasons = []
    for duf in (resident.duf_number, "202011111111"):
        with pytest.raises(LoginRefused) as refused:
            redeem_login_code(duf, "ABCD-EFGH", client=CLIENT)
        reasons.append(refused.value.reason)
    assert reasons == [Refusal.WRONG, Refusal.WRONG]


def test_a_malformed_duf_number_is_refused_without_counting_a_guess(resident):
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code("12345", "ABCD-EFGH", client=CLIENT)
    assert refused.value.reason is Refusal.BAD_DUF


def test_issuing_and_using_and_failing_are_audited_without_the_code(resident, staff, code_for):
    code = code_for(resident)
    with pytest.raises(LoginRefused):
        redeem_login_code(resident.duf_number, "ABCD-EFGH", client=CLIENT)
    redeem_login_code(resident.duf_number, code, client=CLIENT)
    with pytest.raises(LoginRefused):
        redeem_login_code(resident.duf_number, code, client=CLIENT)
    events = list(AuditEvent.objects.order_by("id").values_list("action", "actor", "detail"))
    assert [(action, detail.get("outcome")) for action, _actor, detail in events] == [
        ("login_code.issued", None),
        ("login.failed", "wrong"),
        ("login_code.used", None),
        ("login.failed", "used"),
    ]
    assert events[0][1] == staff.pk
    dumped = str(list(AuditEvent.objects.values()))
    assert code not in dumped and resident.duf_number not in dumped
    assert AuditEvent.objects.filter(action="login.failed", person=resident).count() == 2


def test_two_quick_clicks_on_issue_leave_one_usable_code(resident, staff):
    for _ in range(3):
        issue_login_code(resident, issued_by=staff)
    assert LoginCode.objects.usable().filter(person=resident).count() == 1
    assert LoginCode.objects.filter(person=resident, revoked_at__isnull=False).count() == 2


def test_the_code_alphabet_has_no_look_alikes():
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]+", ALPHABET)
    assert len(set(ALPHABET)) == 31
