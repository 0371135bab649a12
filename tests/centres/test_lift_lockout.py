"""Staff see when a resident of their centre is locked out after wrong codes, and may lift it."""

from __future__ import annotations

import pytest

from qualreg.lib.models import Throttle
from qualreg.people.codes import LoginRefused, Refusal, redeem_login_code
from qualreg.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db


def _lock_out(person) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises(LoginRefused):
            redeem_login_code(person.duf_number, "ABCD-EFGH", client="203.0.113.9")


def test_the_residents_page_says_when_their_lockout_ends(staff_client, resident):
    page = staff_client.get(f"/en/staff/residents/{resident.pk}/").content.decode()
    assert "Logging in is locked" not in page
    _lock_out(resident)
    page = staff_client.get(f"/en/staff/residents/{resident.pk}/").content.decode()
    assert "Logging in is locked until" in page
    assert "a wrong code was typed too many times for this DUF number" in page
    assert "Lift the lockout" in page


def test_staff_lift_the_lockout_and_the_resident_logs_in_at_once(
    staff_client, staff, resident, code_for
):
    code = code_for(resident)
    _lock_out(resident)
    response = staff_client.post(f"/en/staff/residents/{resident.pk}/lift-lockout/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/residents/{resident.pk}/"
    page = staff_client.get(response["Location"]).content.decode()
    assert "The lockout is lifted. The resident can log in now." in page
    assert "Logging in is locked" not in page
    assert redeem_login_code(resident.duf_number, code, client="203.0.113.10") == resident
    lifted = AuditEvent.objects.get(action="login.lockout_lifted")
    assert (lifted.actor, lifted.person, lifted.detail) == (staff, resident, {"was_locked": True})


def test_staff_of_another_centre_cannot_lift_it_and_the_try_is_audited(
    other_staff_client, other_staff, resident, code_for
):
    code = code_for(resident)
    _lock_out(resident)
    response = other_staff_client.post(f"/en/staff/residents/{resident.pk}/lift-lockout/")
    assert response.status_code == 404
    with pytest.raises(LoginRefused) as refused:
        redeem_login_code(resident.duf_number, code, client="203.0.113.10")
    assert refused.value.reason is Refusal.LOCKED
    assert not AuditEvent.objects.filter(action="login.lockout_lifted").exists()
    refusal = AuditEvent.objects.get(action="access.refused")
    assert refusal.actor == other_staff and refusal.person is None
    assert refusal.detail == {"view": "centres:lift_lockout", "resident_ids": [resident.pk]}
    page = other_staff_client.get(f"/en/staff/residents/{resident.pk}/")
    assert page.status_code == 404


def test_lifting_needs_post_and_signed_in_staff(staff_client, client, resident):
    _lock_out(resident)
    assert staff_client.get(f"/en/staff/residents/{resident.pk}/lift-lockout/").status_code == 405
    response = client.post(f"/en/staff/residents/{resident.pk}/lift-lockout/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
    assert Throttle.objects.filter(scope="duf", locked_until__isnull=False).exists()


def test_lifting_when_not_locked_says_so_and_is_audited(staff_client, staff, resident):
    response = staff_client.post(f"/en/staff/residents/{resident.pk}/lift-lockout/", follow=True)
    assert "This resident was not locked out." in response.content.decode()
    assert AuditEvent.objects.get(action="login.lockout_lifted").detail == {"was_locked": False}
