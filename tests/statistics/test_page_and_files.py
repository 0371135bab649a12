"""The statistics page, its CSV and XLSX files: the numbers, the charts with their titles,
the filter and the moment written in every file, the audit row of every view and download,
and no way from there to a person."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from qualreg.privacy.models import AuditEvent
from tests.statistics.conftest import register, table_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def population(centre, other_centre):
    """45 residents: 25 at the first centre (22 women, 3 men), 20 at the other (all men)."""
    register(
        centre, 22, gender="woman", licence="yes", licence_country="SY", licence_categories=["B"]
    )
    register(centre, 3, gender="man")
    register(other_centre, 20, gender="man", birth_country="ER", home_language="tir")


def test_the_page_shows_each_table_with_a_chart_titled_as_the_table(analyst_client, population):
    response = analyst_client.get("/en/statistics/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Statistics"
    assert table_of(response, "gender")["Woman"] == ["22"]
    assert table_of(response, "gender")["Man"] == ["23"]
    charts = page.select("svg.chart")
    assert len(charts) == len(page.select("table.stat-table")) >= 20
    for chart in charts:
        assert chart["role"] == "img"
        title = chart.find("title")
        assert page.find(id=chart["aria-labelledby"]) is title and title.get_text().strip()
    countries = table_of(response, "birth_country")
    assert countries["Syria"] == ["25"] and countries["Eritrea"] == ["20"]


def test_codes_are_shown_with_their_labels(analyst_client, population):
    response = analyst_client.get("/en/statistics/")
    page = BeautifulSoup(response.content, "html.parser")
    table = page.find("table", attrs={"aria-labelledby": "t-driving"})
    row = next(r for r in table.find_all("tr") if "B – car" in r.get_text())
    assert row.find("td", class_="code").get_text() == "B"


def test_a_line_shows_the_months(analyst_client, population):
    response = analyst_client.get("/en/statistics/")
    page = BeautifulSoup(response.content, "html.parser")
    line = page.select_one("svg.chart--line path.line")
    assert line is not None and line["d"].startswith("M ")


def test_filtering_by_centre_shows_that_centre_only(analyst_client, population, centre):
    response = analyst_client.get(f"/en/statistics/?centre={centre.pk}")
    assert "Registrations counted 25" in text_of(response)
    assert "Reception centre: Fjellheim mottak" in text_of(response)
    gender = table_of(response, "gender")
    # 3 men: fewer than 5; and the other centre's 20 men are no reason to hide more here.
    assert gender["Man"] == ["fewer than 5"]
    assert gender["Woman"] == ["hidden"]  # else 25 - 22 would give the men


def test_a_bad_filter_is_a_clear_error_not_a_500(analyst_client, population):
    response = analyst_client.get("/en/statistics/?centre=999999&period=2026-01-01")
    assert response.status_code == 400
    assert "Choose one of the values in the list." in text_of(response)
    assert analyst_client.get("/en/statistics/tables/nothing.csv").status_code == 404
    assert analyst_client.get("/en/statistics/tables/gender.csv?gender=x").status_code == 400


def test_a_csv_has_the_filter_the_moment_and_the_protected_numbers(
    analyst_client, population, centre
):
    response = analyst_client.get(f"/en/statistics/tables/gender.csv?centre={centre.pk}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    lines = {row[0]: row[1:] for row in rows if row}
    assert lines["Filter"] == ["Reception centre: Fjellheim mottak"]
    assert lines["Made"][0]  # the moment, in words
    assert "fewer than 5" in lines["Hidden numbers"][0]
    assert lines["woman"] == ["Woman", "hidden"]
    assert lines["man"] == ["Man", "fewer than 5"]


def test_the_workbook_has_every_table_and_says_what_it_is(analyst_client, population):
    response = analyst_client.get("/en/statistics/statistics.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    assert about["Filter"] == "No filter"
    assert about["Registrations counted"] == "45"
    assert "fewer than 5" in about["Hidden numbers"]
    assert about["Made"]
    gender = next(sheet for sheet in book.worksheets if sheet.title == "Gender")
    values = list(gender.iter_rows(values_only=True))
    assert ("woman", "Woman", 22) in values
    assert len(book.worksheets) >= 20


def test_every_view_and_download_is_audited_with_its_filter(
    analyst_client, analyst, population, centre
):
    analyst_client.get(f"/en/statistics/?centre={centre.pk}")
    analyst_client.get(f"/en/statistics/tables/gender.csv?centre={centre.pk}")
    analyst_client.get("/en/statistics/statistics.xlsx")
    rows = list(AuditEvent.objects.order_by("pk").values_list("action", "actor", "detail"))
    assert rows == [
        ("statistics.viewed", analyst.pk, {"centre": str(centre.pk), "outcome": "shown"}),
        (
            "statistics.downloaded",
            analyst.pk,
            {"centre": str(centre.pk), "file": "csv", "table": "gender", "outcome": "shown"},
        ),
        ("statistics.downloaded", analyst.pk, {"file": "xlsx", "outcome": "shown"}),
    ]


def test_no_duf_number_and_no_link_to_a_person_anywhere(analyst_client, population):
    from qualreg.people.models import Person

    numbers = list(Person.objects.values_list("duf_number", flat=True))
    page = analyst_client.get("/en/statistics/")
    files = [analyst_client.get("/en/statistics/tables/birth_country.csv").content]
    book = load_workbook(io.BytesIO(analyst_client.get("/en/statistics/statistics.xlsx").content))
    cells = " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
    )
    for number in numbers:
        assert number not in page.content.decode()
        assert all(number.encode() not in content for content in files)
        assert number not in cells
    links = [a["href"] for a in BeautifulSoup(page.content, "html.parser").select("main a[href]")]
    assert all(link.startswith(("/en/statistics/", "#")) for link in links)
