"""Consent: asked once per registration; a refusal ends the session and stores only itself."""

import pytest

from qualreg.privacy.models import AuditEvent
from qualreg.registration.consent import CONSENT_VERSION
from qualreg.registration.models import ConsentRecord, Registration
from tests.registration.conftest import text_of

pytestmark = pytest.mark.django_db


def test_login_leads_to_the_consent_declaration(client, resident, log_in):
    log_in(resident)
    response = client.get("/en/start/")
    assert response["Location"] == "/en/consent/"
    page = text_of(client.get("/en/consent/"))
    assert "Consent declaration" in page
    assert "never used when your application for protection" in page
    assert CONSENT_VERSION in page


def test_refusing_ends_the_session_and_records_only_the_refusal(client, resident, log_in):
    log_in(resident)
    response = client.post("/en/consent/", {"decision": "refuse"})
    assert response["Location"] == "/en/consent/refused/"
    assert "You did not consent" in text_of(client.get(response["Location"]))
    assert not Registration.objects.filter(person=resident).exists()
    refusal = ConsentRecord.objects.get(person=resident)
    assert (refusal.decision, refusal.text_version, refusal.registration) == (
        "refused",
        CONSENT_VERSION,
        None,
    )
    assert AuditEvent.objects.filter(person=resident, action="consent.refused").count() == 1
    # The session is over: the form is out of reach.
    assert client.get("/en/form/personal/")["Location"] == "/en/login/"


def test_consenting_records_version_language_and_time_and_opens_part_one(client, resident, log_in):
    log_in(resident, language="ar")
    response = client.post("/ar/consent/", {"decision": "consent"})
    assert response["Location"] == "/ar/start/"
    assert client.get("/ar/start/")["Location"] == "/ar/form/personal/"
    consent = ConsentRecord.objects.get(person=resident)
    assert (consent.decision, consent.text_version, consent.language) == (
        "consented",
        CONSENT_VERSION,
        "ar",
    )
    assert consent.at is not None
    assert consent.registration == Registration.objects.get(person=resident, status="draft")
    assert AuditEvent.objects.filter(person=resident, action="consent.given").exists()


def test_consent_is_not_asked_twice_in_the_same_registration(client, consented, log_in):
    assert client.get("/en/consent/")["Location"] == "/en/start/"
    client.post("/en/consent/", {"decision": "consent"})
    log_in(consented)  # a new session, the same registration
    assert client.get("/en/start/")["Location"] == "/en/form/personal/"
    assert ConsentRecord.objects.filter(person=consented).count() == 1


def test_a_post_without_a_decision_is_refused_with_a_message(client, resident, log_in):
    log_in(resident)
    response = client.post("/en/consent/", {"decision": "maybe"})
    assert response.status_code == 400
    assert "Choose one of the two buttons" in text_of(response)
    assert not ConsentRecord.objects.exists()
