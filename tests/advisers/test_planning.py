"""'My people' shows what advisers plan with and filters on it, from the facts table:
highest education, Norwegian and English level, years of work, driving licence; filters
combine with AND and stay in the URL."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from qualreg.advisers.models import Assignment
from tests.advisers.conftest import ANSWERS, complete_registration, listed, today
from tests.centres.conftest import add_person

NURSE = {
    **ANSWERS,
    "school_ever": "yes",
    "educations": [{"id": "e1e1e1e1", "edu_level": "6"}, {"id": "e2e2e2e2", "edu_level": "34"}],
    "norwegian_speak": "3",
    "licence": "yes",
    "licence_categories": ["B", "C"],
    "paid_work": "yes",
    "jobs": [{"id": "a1a1a1a1", "job_years": "4"}, {"id": "b2b2b2b2", "job_years": "3"}],
}


def _assigned(centre, organisation, duf: str, answers) -> None:
    person = add_person(centre, duf)
    complete_registration(person, answers)
    Assignment.objects.create(
        person=person, organisation=organisation, start_date=today() - datetime.timedelta(days=1)
    )


def _row_of(response, duf: str) -> list[str]:
    for row in BeautifulSoup(response.content, "html.parser").select("tbody tr"):
        cells = [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        if cells and cells[0] == duf:
            return cells
    raise AssertionError(f"{duf} not listed")


def test_the_planning_columns_come_from_the_answers(adviser_client, organisation, centre):
    _assigned(centre, organisation, "201911111111", NURSE)
    cells = _row_of(adviser_client.get("/en/advisers/"), "2019 111111 11")
    assert cells[4] == "University, bachelor's degree"  # the highest of the two
    assert cells[5] == "Neither good nor bad"  # Norwegian
    assert cells[6] == "Poor"  # English
    assert cells[7] == "7"  # 4 + 3 years of work
    assert cells[8] == "B, C"


def test_filters_on_structured_answers_combine_with_and(
    adviser_client, organisation, centre, completed
):
    _assigned(centre, organisation, "201911111111", NURSE)
    _assigned(centre, organisation, "201922222222", {**NURSE, "norwegian_speak": "1"})
    both = listed(adviser_client.get("/en/advisers/?education=5"))
    assert "2019 111111 11" in both and "2019 222222 22" in both
    assert "2012 586975 61" not in both  # no education at all
    narrowed = listed(adviser_client.get("/en/advisers/?education=5&norwegian=3"))
    assert "2019 111111 11" in narrowed and "2019 222222 22" not in narrowed
    assert "2019 111111 11" in listed(adviser_client.get("/en/advisers/?licence=C"))
    assert not listed(adviser_client.get("/en/advisers/?licence=D&education=5"))


def test_a_filter_keeps_its_value_in_the_form_and_the_page_links(
    adviser_client, organisation, centre
):
    for number in range(26):
        _assigned(centre, organisation, f"2020{number:08d}", NURSE)
    page = adviser_client.get("/en/advisers/?licence=B").content.decode()
    assert '<option value="B" selected>' in page
    assert "licence=B&amp;page=2" in page


def test_an_unknown_filter_value_is_a_clear_error(adviser_client, completed):
    response = adviser_client.get("/en/advisers/?education=99")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
