"""A session ends after SESSION_IDLE_MINUTES without activity, and activity keeps it alive."""

import time

import pytest
from django.contrib.sessions.models import Session

pytestmark = pytest.mark.django_db


def stored_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_activity_after_a_minute_moves_the_expiry_on(client, staff):
    client.force_login(staff)
    session = client.session
    session["_active_at"] = int(time.time()) - 120
    session.save()
    before = stored_expiry(client)
    client.get("/en/")
    assert stored_expiry(client) > before


def test_activity_within_the_minute_writes_nothing(client, staff):
    client.force_login(staff)
    client.get("/en/")  # stamps the activity
    before = stored_expiry(client)
    client.get("/en/privacy/")
    assert stored_expiry(client) == before


def test_an_idle_session_is_gone(client, staff):
    client.force_login(staff)
    Session.objects.update(expire_date="2000-01-01T00:00:00Z")
    response = client.get("/en/staff/")
    assert response.status_code == 302
    assert "/staff/login/" in response["Location"]
