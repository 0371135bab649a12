"""Withdrawing consent: a confirmation that says what happens, advisers refused at once,
consenting again restores, and purge deletes the registrations after the grace period."""

from __future__ import annotations

import datetime

import pytest

from qualreg.corrections.models import CorrectionRequest
from qualreg.privacy import purge
from qualreg.privacy.models import AuditEvent
from qualreg.registration import withdrawal
from qualreg.registration.models import AnswerFact, ConsentRecord, Registration
from tests.advisers.conftest import complete_registration, listed, signed_in
from tests.corrections.conftest import consent_of
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
ADVISER_URL = "/en/advisers/registrations/{}/"


def test_the_confirmation_says_what_happens(resident_client, settings):
    page = text_of(resident_client.get("/en/my-registration/"))
    assert "You can withdraw your consent at any time." in page
    response = resident_client.get("/en/consent/withdraw/")
    page = text_of(response)
    assert soup(response).h1.get_text() == "Withdraw your consent"
    assert "can no longer read your registration, from this moment" in page
    assert "Your registration will be deleted on" in page
    assert "consent again. Then nothing is deleted." in page
    assert not ConsentRecord.objects.filter(decision="withdrawn").exists()  # GET changes nothing


def test_withdrawing_is_a_consent_decision_and_the_adviser_gets_404_at_once(
    resident_client, resident, completed, adviser, assignment
):
    adviser_browser = signed_in(adviser, purpose_for=resident)
    assert adviser_browser.get(ADVISER_URL.format(completed.pk)).status_code == 200
    assert "2012 586975 61" in listed(adviser_browser.get("/en/advisers/"))
    response = resident_client.post("/en/consent/withdraw/")
    assert response.status_code == 302
    withdrawn = ConsentRecord.objects.get(decision="withdrawn")
    assert withdrawn.person == resident and withdrawn.text_version == "2026-1"
    assert AuditEvent.objects.filter(action="consent.withdrawn", person=resident).exists()
    assert adviser_browser.get(ADVISER_URL.format(completed.pk)).status_code == 404
    people = adviser_browser.get("/en/advisers/")
    assert listed(people) == ""
    assert "No resident assigned to your organisation matches." in text_of(people)
    refused = AuditEvent.objects.filter(action="access.refused").last()
    assert refused.detail["why"] == "not_readable"
    page = text_of(resident_client.get("/en/my-registration/"))
    assert "Withdrew consent" in page
    assert "Advisers can no longer read your registration." in page
    assert "will be deleted on" in page and "Consent again" in page
    # Withdrawing twice records one withdrawal.
    resident_client.post("/en/consent/withdraw/")
    assert ConsentRecord.objects.filter(decision="withdrawn").count() == 1


def test_consenting_again_restores_without_starting_a_new_registration(
    resident_client, resident, completed, adviser, assignment
):
    resident_client.post("/en/consent/withdraw/")
    page = text_of(resident_client.get("/en/consent/"))
    assert "If you consent again, your registration is kept" in page
    response = resident_client.post("/en/consent/", {"decision": "consent"})
    assert response["Location"].startswith("/en/my-registration/")
    assert list(Registration.objects.values_list("status", flat=True)) == ["completed"]
    adviser_browser = signed_in(adviser, purpose_for=resident)
    assert adviser_browser.get(ADVISER_URL.format(completed.pk)).status_code == 200
    assert "You can withdraw your consent at any time." in text_of(
        resident_client.get("/en/my-registration/")
    )


def test_a_draft_takes_no_answers_after_a_withdrawal_until_consent_is_given_again(
    client, log_in, resident
):
    log_in(resident)
    client.post("/en/consent/", {"decision": "consent"})
    client.post("/en/consent/withdraw/")
    response = client.post("/en/form/personal/", {"shown": ["birth_year"], "q-birth_year": "1980"})
    assert response.status_code == 302
    assert "birth_year" not in Registration.objects.get().answers
    assert client.get("/en/start/")["Location"] == "/en/consent/"
    client.post("/en/consent/", {"decision": "consent"})
    client.post("/en/form/personal/", {"shown": ["birth_year"], "q-birth_year": "1980"})
    assert Registration.objects.get().answers["birth_year"] == "1980"


def test_without_consent_there_is_nothing_to_withdraw(client, log_in, resident):
    log_in(resident)
    response = client.post("/en/consent/withdraw/")
    assert response.status_code == 302
    assert not ConsentRecord.objects.exists()


def _withdraw(person, at: datetime.datetime) -> None:
    record = withdrawal.withdraw(person, "en", "2026-1")
    ConsentRecord.objects.filter(pk=record.pk).update(at=at)


def test_purge_deletes_registrations_once_the_grace_period_has_passed(
    settings, resident, other_resident, completed
):
    settings.CONSENT_WITHDRAWAL_GRACE_DAYS = 30
    now = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    draft = complete_registration(resident, status="draft")
    CorrectionRequest.objects.create(
        person=resident, registration=completed, question="gender", text="x"
    )
    kept = complete_registration(other_resident)  # consented, never withdrawn
    consent_of(other_resident, kept)
    _withdraw(resident, now - 30 * DAY + datetime.timedelta(seconds=1))
    assert purge.RULES["registrations after withdrawn consent"] is (
        withdrawal.registrations_after_withdrawal
    )
    assert withdrawal.registrations_after_withdrawal(now) == 0  # a second short
    assert withdrawal.registrations_after_withdrawal(now + DAY) == 2
    assert list(Registration.objects.all()) == [kept]
    assert not AnswerFact.objects.filter(registration_id__in=[completed.pk, draft.pk]).exists()
    assert not CorrectionRequest.objects.exists()
    # The withdrawal stays, as the record of why the registrations went; again: nothing more.
    assert ConsentRecord.objects.filter(person=resident, decision="withdrawn").count() == 1
    assert withdrawal.registrations_after_withdrawal(now + DAY) == 0
    assert Registration.objects.count() == 1


def test_purge_keeps_registrations_of_who_consented_again_within_the_grace_period(
    settings, resident, completed
):
    settings.CONSENT_WITHDRAWAL_GRACE_DAYS = 30
    now = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
    _withdraw(resident, now - 40 * DAY)
    consent = withdrawal.consent_again(resident, "en", "2026-1")
    ConsentRecord.objects.filter(pk=consent.pk).update(at=now - 35 * DAY)
    assert withdrawal.registrations_after_withdrawal(now) == 0
    assert Registration.objects.count() == 1


def test_the_purge_command_counts_the_deleted_registrations(settings, resident, completed):
    settings.CONSENT_WITHDRAWAL_GRACE_DAYS = 1
    ConsentRecord.objects.update(at=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC))
    _withdraw(resident, datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    counts = purge.run(datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC))
    assert counts["registrations after withdrawn consent"] == 1
    run = AuditEvent.objects.get(action="privacy.purged")
    assert run.detail["registrations_after_withdrawn_consent"] == 1
