"""My registration shows everything: every completed registration, each consent decision with
the text agreed to in the language it was read in, the advisers' remarks and who read it; and
nothing of anyone else."""

from __future__ import annotations

import pytest
from django.test import Client

from qualreg.advisers.models import Organisation, Remark
from qualreg.privacy import audit
from qualreg.registration.models import Registration
from tests.advisers.conftest import complete_registration, make_adviser
from tests.registration.conftest import COMPLETE_ANSWERS, soup, text_of

pytestmark = pytest.mark.django_db


def test_every_completed_registration_is_shown_not_only_the_last(client, consented):
    Registration.objects.filter(person=consented).delete()
    complete_registration(consented, {**COMPLETE_ANSWERS, "birth_year": "1988"})
    complete_registration(consented, {**COMPLETE_ANSWERS, "birth_year": "1989"})
    page = text_of(client.get("/en/my-registration/"))
    assert "Registration 1 : Completed" in page and "Registration 2 : Completed" in page
    assert "1988" in page and "1989" in page


def test_the_consent_text_is_shown_in_the_language_it_was_agreed_in(client, resident, log_in):
    log_in(resident, language="prs")
    client.post("/prs/consent/", {"decision": "consent"})
    page = soup(client.get("/en/my-registration/"))
    text = page.select_one("details div[lang=prs]")
    assert text is not None and text["dir"] == "rtl"
    summary = text.find_parent("details").summary.get_text(" ")
    assert "Consented" in summary and "2026-1" in summary and "دری" in summary
    # The declaration itself, as the resident read it (in Dari), not in the page's English.
    assert "asylum" not in text.get_text()
    assert "Who can see it" not in text.get_text()
    assert len(text.select("h3")) == 3 and len(text.select("p")) == 6


def test_a_refusal_shows_the_text_that_was_refused(client, resident, log_in):
    log_in(resident)
    client.post("/en/consent/", {"decision": "refuse"})
    log_in(resident)
    page = text_of(client.get("/en/my-registration/"))
    assert "Did not consent" in page
    assert "It is never used when your application for protection (asylum) is considered." in page


def test_remarks_and_the_organisations_that_read_it_are_shown(client, consented):
    registration = complete_registration(consented)
    nav = Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Bergen")
    Remark.objects.create(
        person=consented, registration=registration, organisation=nav,
        author=make_adviser("nora", nav), text="Vi ser på norskkurs.",
    )  # fmt: skip
    audit.record(
        audit.Action.ADVISER_READ_REGISTRATION, person=consented, registration=registration,
        organisation=nav.pk,
    )  # fmt: skip
    page = text_of(client.get("/en/my-registration/"))
    assert "Vi ser på norskkurs." in page
    assert "Who has read your registration" in page and "NAV Bergen" in page


def test_a_resident_sees_nothing_of_another_resident(client, consented, other_resident, log_in):
    theirs = complete_registration(other_resident, {**COMPLETE_ANSWERS, "birth_year": "1977"})
    nav = Organisation.objects.create(kind=Organisation.Kind.NAV_OFFICE, name="NAV Tromsø")
    Remark.objects.create(
        person=other_resident, registration=theirs, organisation=nav,
        author=make_adviser("per", nav), text="Ikke din merknad.",
    )  # fmt: skip
    audit.record(audit.Action.ADVISER_READ_REGISTRATION, person=other_resident, organisation=nav.pk)
    for url in (
        "/en/my-registration/",
        f"/en/my-registration/?person={other_resident.pk}",
        f"/en/my-registration/?registration={theirs.pk}",
    ):
        page = text_of(client.get(url))
        assert "1977" not in page and "Ikke din merknad." not in page and "NAV Tromsø" not in page
        assert "2019 123456 78" not in page
    # And a browser without a resident session sees nothing at all.
    assert Client().get("/en/my-registration/").status_code == 302


def test_an_export_by_an_adviser_counts_as_a_read(client, consented):
    registration = complete_registration(consented)
    career = Organisation.objects.create(
        kind=Organisation.Kind.CAREER_CENTRE, name="Karrieresenteret Vestland"
    )
    audit.record(
        audit.Action.ADVISER_EXPORTED, person=consented, registration=registration,
        organisation=career.pk, format="xlsx", count=1,
    )  # fmt: skip
    reads = (
        soup(client.get("/en/my-registration/"))
        .find("h2", string="Who has read your registration")
        .find_next("ul")
    )
    assert "Karrieresenteret Vestland" in reads.get_text()
