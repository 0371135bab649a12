"""The filters of "My people" on field of education, occupation group, a language with a
minimum level and wishes: each returns exactly the residents whose completed registration
says so, combined with AND, kept in the URL and audited; never a draft, never another
organisation's resident; a bad value is a translated 400."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup

from qualreg.advisers.models import Assignment
from qualreg.lib.collation import sort_key
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import ANSWERS, complete_registration, listed, today
from tests.centres.conftest import add_person

BASE = "2012 586975 61"  # the `completed` resident: Arabic at home, no education, no work
ENGINEER = "2019 111111 11"
AIDE = "2019 222222 22"
STUDENT = "2019 333333 33"

ENGINEER_ANSWERS: dict[str, Any] = {
    **ANSWERS,
    "school_ever": "yes",
    "school_years": "16",
    "educations": [
        {
            "id": "e1e1e1e1",
            "edu_level": "6",
            "edu_field": "07",
            "edu_country": "SY",
            "edu_outcome": "completed",
            "edu_proof": "copy",
        }
    ],
    "english_speak": "4",
    "other_languages_any": "yes",
    "other_languages": [{"id": "a1a1a1a1", "lang_code": "fra", "lang_speak": "4"}],
    "paid_work": "yes",
    "jobs": [
        {
            "id": "b1b1b1b1",
            "job_occupation": "2142",
            "job_work_type": "employee",
            "job_country": "SY",
            "job_years": "6",
        }
    ],
    "education_wish": "yes",
    "work_wish": "2142",
}

AIDE_ANSWERS: dict[str, Any] = {
    **ANSWERS,
    "school_ever": "yes",
    "school_years": "12",
    "educations": [
        {
            "id": "e2e2e2e2",
            "edu_level": "35",
            "edu_field": "09",
            "edu_country": "ER",
            "edu_outcome": "completed",
            "edu_proof": "lost",
        }
    ],
    "other_languages_any": "yes",
    # French poorly and Turkish very well: a level belongs to its own language only.
    "other_languages": [
        {"id": "a2a2a2a2", "lang_code": "fra", "lang_speak": "2"},
        {"id": "a3a3a3a3", "lang_code": "tur", "lang_speak": "5"},
    ],
    "paid_work": "yes",
    "jobs": [
        {"id": "b2b2b2b2", "job_occupation": "3221", "job_country": "TR", "job_years": "3"},
        {"id": "b3b3b3b3", "job_occupation": "5321", "job_country": "TR", "job_years": "1"},
    ],
    "education_wish": "no",
    "work_start_wish": "soon",
}

STUDENT_ANSWERS: dict[str, Any] = {
    **ANSWERS,
    "home_language": "prs",
    "education_wish": "maybe",
    "work_start_wish": "dont_know",
}


def _assigned(centre, organisation, duf: str, answers, **extra: Any) -> None:
    person = add_person(centre, duf.replace(" ", ""))
    complete_registration(person, answers, **extra)
    Assignment.objects.create(
        person=person, organisation=organisation, start_date=today() - datetime.timedelta(days=1)
    )


@pytest.fixture
def residents(centre, organisation, other_organisation, completed) -> None:
    """The base resident, an engineer, a nurse's aide and a student of the adviser's
    organisation; and, matching every filter, a draft of the organisation and a completed
    engineer of another organisation."""
    _assigned(centre, organisation, ENGINEER, ENGINEER_ANSWERS)
    _assigned(centre, organisation, AIDE, AIDE_ANSWERS)
    _assigned(centre, organisation, STUDENT, STUDENT_ANSWERS)
    _assigned(centre, organisation, "2019 444444 44", ENGINEER_ANSWERS, status="draft")
    _assigned(centre, other_organisation, "2019 555555 55", ENGINEER_ANSWERS)


def _found(client, query: str) -> set[str]:
    response = client.get(f"/en/advisers/?{query}")
    assert response.status_code == 200
    text = listed(response)
    return {
        duf
        for duf in (BASE, ENGINEER, AIDE, STUDENT, "2019 444444 44", "2019 555555 55")
        if duf in text
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("field=07", {ENGINEER}),
        ("field=09", {AIDE}),
        ("field=01", set()),
        ("occupation=2", {ENGINEER}),
        ("occupation=21", {ENGINEER}),
        ("occupation=22", set()),
        ("occupation=3", {AIDE}),
        ("occupation=32", {AIDE}),
        ("occupation=53", {AIDE}),
        ("language=fra", {ENGINEER, AIDE}),
        ("language=fra&language_level=3", {ENGINEER}),
        ("language=fra&language_level=5", set()),
        ("language=tur&language_level=5", {AIDE}),
        ("language=ara&language_level=5", {BASE, ENGINEER, AIDE}),  # the home language
        ("language=prs", {STUDENT}),
        ("language=eng&language_level=4", {ENGINEER}),
        ("language=eng", {BASE, ENGINEER, AIDE, STUDENT}),
        ("language=nob&language_level=2", set()),
        ("wish=education", {ENGINEER, STUDENT}),
        ("wish=work", {ENGINEER, AIDE}),
        ("wish=both", {ENGINEER}),
    ],
)
def test_each_filter_lists_exactly_the_residents_it_describes(
    adviser_client, residents, query, expected
) -> None:
    assert _found(adviser_client, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("field=09&language=fra", {AIDE}),
        ("field=07&language=fra&language_level=2", {ENGINEER}),
        ("occupation=2&wish=work", {ENGINEER}),
        ("occupation=3&wish=education", set()),
        ("language=ara&wish=education", {ENGINEER}),
        ("education=5&wish=work&occupation=5", set()),
        ("education=34&occupation=5", {AIDE}),
        ("licence=B&field=07", set()),
    ],
)
def test_filters_combine_with_and(adviser_client, residents, query, expected) -> None:
    assert _found(adviser_client, query) == expected


def test_a_level_without_a_language_is_a_clear_error(adviser_client, residents) -> None:
    response = adviser_client.get("/en/advisers/?language_level=3")
    assert response.status_code == 400
    assert "Choose the language the level is for." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "occupation=99",
        "occupation=2142",
        "occupation=other",
        "field=dont_know",
        "field=0",
        "language=other",
        "language=xx%00",
        "language=fra&language_level=9",
        "wish=neither",
        "wish=%ff%fe",
    ],
)
def test_a_value_that_is_no_choice_is_a_translated_400(adviser_client, residents, query) -> None:
    english = adviser_client.get(f"/en/advisers/?{query}")
    assert english.status_code == 400
    assert "Select a valid choice" in english.content.decode()
    norwegian = adviser_client.get(f"/nb/advisers/?{query}")
    assert norwegian.status_code == 400
    assert "Velg et gyldig valg" in norwegian.content.decode()


def test_the_filters_stay_in_the_form_and_the_page_links_and_are_audited(
    adviser_client, adviser, centre, organisation
) -> None:
    for number in range(26):
        _assigned(centre, organisation, f"2020 {number:06d} 00", ENGINEER_ANSWERS)
    response = adviser_client.get("/en/advisers/?occupation=21&language=fra&language_level=3")
    page = response.content.decode()
    assert '<option value="21" selected>' in page
    assert '<option value="fra" selected>' in page
    assert "occupation=21&amp;language=fra&amp;language_level=3&amp;page=2" in page
    rows = AuditEvent.objects.filter(action="adviser.listed")
    assert rows.count() == 25  # one per resident on the page
    assert {tuple(row.detail["filters"]) for row in rows} == {
        ("language", "language_level", "occupation")
    }


def _options(response, name: str) -> list[str]:
    select = BeautifulSoup(response.content, "html.parser").find("select", {"name": name})
    return [option.get_text() for option in select.find_all("option") if option["value"]]


def test_the_choice_lists_are_translated_and_in_the_readers_alphabetical_order(
    adviser_client,
) -> None:
    response = adviser_client.get("/nb/advisers/")
    fields = _options(response, "field")
    assert "Undervisning og pedagogikk" in fields
    assert fields == sorted(fields, key=sort_key("nb"))
    languages = _options(response, "language")
    assert languages == sorted(languages, key=sort_key("nb"))
    assert "Norsk bokmål" in languages


def test_occupations_are_offered_by_isco_major_group_then_sub_major_group(adviser_client) -> None:
    soup = BeautifulSoup(adviser_client.get("/en/advisers/").content, "html.parser")
    groups = soup.find("select", {"name": "occupation"}).find_all("optgroup")
    assert groups[1]["label"] == "Professionals (usually with university or college)"
    values = [option["value"] for option in groups[1].find_all("option")]
    assert values[0] == "2" and sorted(values[1:]) == ["21", "22", "23", "24", "25", "26"]
    assert groups[1].find("option", {"value": "23"}).get_text() == "Teachers"
