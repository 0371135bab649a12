"""The registration history and what changed between two registrations, question by question,
read through the same access check as the registration page, and refused the same way."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from qualreg.advisers.changes import changes
from qualreg.advisers.models import Assignment
from qualreg.privacy.models import AuditEvent
from qualreg.registration.models import Registration
from tests.advisers.conftest import (
    ANSWERS,
    FREE_TEXT,
    complete_registration,
    refusals,
    signed_in,
    today,
)
from tests.centres.conftest import add_person

NURSE = {"id": "a1a1a1a1", "job_occupation": "2221", "job_work_type": "employee",
         "job_country": "SY", "job_years": "6"}  # fmt: skip
MASON = {"id": "b2b2b2b2", "job_occupation": "7112", "job_work_type": "employee",
         "job_country": "TR", "job_years": "2"}  # fmt: skip
WORKED = {**ANSWERS, "paid_work": "yes"}


def _found(earlier, later) -> list[tuple[str, str, str, str, str]]:
    """The changes as (kind, group, question, before, after), in English."""
    with translation.override("en"):
        parts = changes(earlier, later)
    return [
        (change.kind, change.group, change.question, change.before, change.after)
        for part in parts
        for change in part.changes
    ]


def test_identical_answers_have_no_changes() -> None:
    assert changes(ANSWERS, dict(ANSWERS)) == []


def test_a_changed_answer_shows_old_and_new_in_the_active_language() -> None:
    found = _found(ANSWERS, {**ANSWERS, "birth_country": "AF"})
    assert found == [("changed", "", "In which country were you born?", "Syria", "Afghanistan")]


def test_an_answer_that_no_longer_applies_is_removed_and_a_new_one_added() -> None:
    later = {**ANSWERS, "licence": "yes", "licence_categories": ["B"]}
    found = _found(ANSWERS, later)
    kinds = {(kind, question) for kind, _group, question, _before, _after in found}
    licence = "Do you have a driving licence from your home country or another country"
    assert ("changed", f"{licence} (not from Norway)?") in kinds
    assert any(kind == "added" for kind, *_ in found)
    back = _found(later, ANSWERS)
    assert any(kind == "removed" for kind, *_ in back)


def test_a_repeat_group_item_is_matched_by_its_id_and_compared_field_by_field() -> None:
    before = {**WORKED, "jobs": [NURSE, MASON]}
    after = {**WORKED, "jobs": [MASON, {**NURSE, "job_years": "7"}]}  # reordered, one edit
    assert _found(before, after) == [
        (
            "changed",
            "Your jobs: Nurse",
            "About how many years did you do this job in all?",
            "6",
            "7",
        )
    ]


def test_items_added_anew_are_matched_by_content_and_otherwise_added_or_removed() -> None:
    before = {**WORKED, "jobs": [NURSE, MASON]}
    same_content = {**NURSE, "id": "c3c3c3c3"}
    after = {
        **WORKED,
        "jobs": [same_content, {**MASON, "id": "d4d4d4d4", "job_occupation": "2211"}],
    }
    found = _found(before, after)
    assert [(kind, group, question) for kind, group, question, *_ in found] == [
        ("added", "Your jobs", "Doctor (general practitioner)"),
        ("removed", "Your jobs", "Bricklayer or mason"),
    ]
    added_text = found[0][4]
    assert "Turkey" in added_text or "Türkiye" in added_text


def _two_registrations(resident, *, second=None):
    first = complete_registration(
        resident,
        completed_at=datetime.datetime(2026, 3, 1, 10, tzinfo=datetime.UTC),
    )
    later = complete_registration(
        resident,
        second
        or {
            **ANSWERS,
            "birth_country": "AF",
            "paid_work": "yes",
            "jobs": [{**NURSE, "job_tasks": FREE_TEXT}],
        },  # fmt: skip
    )
    return first, later


def _changes_url(shown, other, language="en") -> str:
    return f"/{language}/advisers/registrations/{shown.pk}/changes/{other.pk}/"


def test_the_registration_page_shows_the_history_and_links_to_what_changed(
    adviser_client, resident
) -> None:
    first, later = _two_registrations(resident)
    page = BeautifulSoup(
        adviser_client.get(f"/en/advisers/registrations/{later.pk}/").content, "html.parser"
    )
    history = page.find("nav", attrs={"aria-labelledby": "history-title"})
    assert "Registration history" in history.get_text()
    link = history.find("a", string="What changed since registration 1")
    assert link["href"] == _changes_url(later, first)


def test_a_correction_in_the_history_names_what_it_corrects_and_why(
    adviser_client, resident
) -> None:
    first, _later = _two_registrations(resident)
    correction = Registration.objects.create(
        person=resident,
        sequence=3,
        definition_version="test",
        language="ar",
        status=Registration.Status.COMPLETED,
        answers={**ANSWERS, "birth_year": "1991"},
        completed_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
        origin=Registration.Origin.CORRECTION,
        supersedes=first,
        reason="Birth year typed wrong",
    )
    page = adviser_client.get(f"/en/advisers/registrations/{correction.pk}/").content.decode()
    assert "A correction of registration 1: Birth year typed wrong" in page


def test_what_changed_shows_each_change_in_the_advisers_language(adviser_client, resident) -> None:
    first, later = _two_registrations(resident)
    response = adviser_client.get(_changes_url(later, first))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(" ", strip=True).startswith("What changed from registration 1 to 2")
    rows = [" ".join(tr.get_text(" ").split()) for tr in page.select("tbody tr")]
    assert "In which country were you born? Changed Syria Afghanistan" in rows
    assert any(row.startswith("Your jobs Nurse Added") and FREE_TEXT in row for row in rows)
    typed = [span for span in page.select("tbody span[lang]") if FREE_TEXT in span.get_text()]
    assert [span["lang"] for span in typed] == [resident.preferred_language]

    nb = adviser_client.get(_changes_url(later, first, "nb")).content.decode()
    assert "I hvilket land er du født?" in nb and "In which country" not in nb


def test_the_order_of_the_link_does_not_matter_and_both_reads_are_audited(
    adviser_client, resident
) -> None:
    first, later = _two_registrations(resident)
    page = adviser_client.get(_changes_url(first, later)).content.decode()
    assert "What changed from registration 1 to 2" in page
    reads = AuditEvent.objects.filter(action="adviser.read_registration")
    assert sorted(read.registration_id for read in reads) == sorted([first.pk, later.pk])
    assert {read.reason for read in reads} == {"guidance"}


def test_no_difference_says_so(adviser_client, resident) -> None:
    first, later = _two_registrations(resident, second=dict(ANSWERS))
    page = adviser_client.get(_changes_url(later, first)).content.decode()
    assert "No answer differs between these two registrations." in page


def test_without_a_purpose_the_adviser_is_asked_first(adviser, resident, assignment) -> None:
    first, later = _two_registrations(resident)
    response = signed_in(adviser).get(_changes_url(later, first))
    assert response["Location"] == f"/en/advisers/registrations/{later.pk}/purpose/"
    assert not AuditEvent.objects.filter(action="adviser.read_registration").exists()


def test_an_adviser_of_another_organisation_is_refused(other_adviser, resident, assignment):
    first, later = _two_registrations(resident)
    client = signed_in(other_adviser, purpose_for=resident)
    response = client.get(_changes_url(later, first))
    assert response.status_code == 404
    assert "Syria" not in response.content.decode()
    assert [refusal.detail["why"] for refusal in refusals()] == ["not_readable"]
    assert not AuditEvent.objects.filter(action="adviser.read_registration").exists()


def test_another_residents_registration_cannot_be_compared(
    adviser_client, resident, organisation, centre
) -> None:
    first, later = _two_registrations(resident)
    neighbour = add_person(centre, "201912345678")
    Assignment.objects.create(person=neighbour, organisation=organisation, start_date=today())
    theirs = complete_registration(neighbour)
    response = adviser_client.get(_changes_url(later, theirs))
    assert response.status_code == 404
    assert refusals()[0].registration_id == theirs.pk
    assert not AuditEvent.objects.filter(
        action="adviser.read_registration", registration=theirs
    ).exists()


def test_a_draft_cannot_be_compared(adviser_client, resident) -> None:
    first = complete_registration(resident)
    draft = complete_registration(resident, status="draft")
    assert adviser_client.get(_changes_url(first, draft)).status_code == 404
    assert [refusal.detail["why"] for refusal in refusals()] == ["not_readable"]


@pytest.mark.parametrize("ended", [True, False])
def test_after_the_assignment_ends_or_before_it_starts_nothing_is_compared(
    adviser_client, resident, assignment, ended
) -> None:
    first, later = _two_registrations(resident)
    if ended:
        assignment.end_date = today()
    else:
        assignment.start_date = today() + datetime.timedelta(days=2)
    assignment.save()
    assert adviser_client.get(_changes_url(later, first)).status_code == 404
    assert len(refusals()) == 1


def test_centre_staff_and_anonymous_are_refused(client, staff, resident, assignment) -> None:
    first, later = _two_registrations(resident)
    anonymous = client.get(_changes_url(later, first))
    assert anonymous.status_code == 302 and "/advisers/login/" in anonymous["Location"]
    assert signed_in(staff).get(_changes_url(later, first)).status_code == 404
    assert sorted(refusal.detail["why"] for refusal in refusals()) == [
        "not_an_adviser",
        "signed_out",
    ]
