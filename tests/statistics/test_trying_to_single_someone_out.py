"""Attempts to single a person out of the statistics, as an analyst might try them: a small
centre, a table subtracted from another, a period inside a year, a rare gender. Each fails,
both when the numbers are counted on the request and when they are read from the stored
counts (refreshed just before each request here)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from qualreg.people.models import Centre
from qualreg.statistics import report
from qualreg.statistics.refresh import refresh
from tests.statistics.conftest import register, table_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["counted now", "stored counts"])
def counts(request, monkeypatch):
    if request.param == "stored counts":
        stored_scope = report.stored_scope

        def refreshed(filters, **kwargs):
            refresh()
            return stored_scope(filters, **kwargs)

        monkeypatch.setattr(report, "stored_scope", refreshed)


FEWER_THAN_20 = "This filter leaves fewer than 20 registrations"
DIFFERENCING = "its numbers could be worked out by subtracting"


def shows_no_numbers(response) -> bool:
    page = BeautifulSoup(response.content, "html.parser")
    return not page.select("table.stat-table") and not page.select("svg.chart")


def test_a_centre_with_6_residents_shows_only_that_it_is_too_small(analyst_client, centre):
    small = Centre.objects.create(name="Lille mottak", municipality="Vardø")
    register(centre, 30)
    register(small, 6, gender="man", licence="yes", licence_country="SY", licence_categories=["D"])
    response = analyst_client.get(f"/en/statistics/?centre={small.pk}")
    assert FEWER_THAN_20 in text_of(response) and shows_no_numbers(response)
    csv = analyst_client.get(f"/en/statistics/tables/driving.csv?centre={small.pk}")
    assert FEWER_THAN_20 in csv.content.decode() and "D – bus" not in csv.content.decode()
    # Nor can it be had as everyone minus the large centre: that filter is refused too.
    response = analyst_client.get(f"/en/statistics/?centre={centre.pk}")
    assert DIFFERENCING in text_of(response) and shows_no_numbers(response)
    # The same through the municipality of the small centre.
    response = analyst_client.get("/en/statistics/?municipality=Vard%C3%B8")
    assert FEWER_THAN_20 in text_of(response) and shows_no_numbers(response)


def test_subtracting_one_centre_s_table_from_everyone_s_gives_no_hidden_number(
    analyst_client, centre, other_centre
):
    """Bus licences: 10 at the first centre, 3 at the second. Everyone's table shows 13; if
    the first centre's showed its 10, 13 - 10 would give the second centre's 3."""
    bus = {"licence": "yes", "licence_country": "SY", "licence_categories": ["D"]}
    register(centre, 10, **bus)
    register(centre, 30)
    register(other_centre, 3, **bus)
    register(other_centre, 22)
    everyone = table_of(analyst_client.get("/en/statistics/"), "driving")
    first = table_of(analyst_client.get(f"/en/statistics/?centre={centre.pk}"), "driving")
    second = table_of(analyst_client.get(f"/en/statistics/?centre={other_centre.pk}"), "driving")
    assert everyone["D – bus"] == ["13"]
    assert second["D – bus"] == ["fewer than 5"]
    assert first["D – bus"] == ["hidden"]
    # And the column's other hidden cell is the same at both centres, so neither centre's
    # total minus its shown cells isolates the bus licences.
    hidden_first = {row for row, cells in first.items() if cells[0] in ("hidden", "fewer than 5")}
    hidden_second = {row for row, cells in second.items() if cells[0] in ("hidden", "fewer than 5")}
    assert hidden_first == hidden_second and len(hidden_first) >= 2
    for row, cells in everyone.items():
        if row not in hidden_first and cells[0].isdigit():
            assert int(first[row][0]) + int(second[row][0]) == int(cells[0])


def test_a_quarter_beside_a_small_quarter_is_refused_and_the_year_is_shown(analyst_client, centre):
    oslo = ZoneInfo("Europe/Oslo")
    register(centre, 30, completed_at=datetime.datetime(2025, 2, 10, 12, tzinfo=oslo))
    register(centre, 4, completed_at=datetime.datetime(2025, 5, 10, 12, tzinfo=oslo))
    response = analyst_client.get("/en/statistics/?period=2025-Q1")
    assert DIFFERENCING in text_of(response) and shows_no_numbers(response)
    response = analyst_client.get("/en/statistics/?period=2025-Q2")
    assert FEWER_THAN_20 in text_of(response)
    response = analyst_client.get("/en/statistics/?period=2025")
    assert "Registrations counted 34" in text_of(response)
    # A period is a whole quarter or year: a free range cannot be asked for.
    assert analyst_client.get("/en/statistics/?period=2025-01-01..2025-05-09").status_code == 400


def test_a_rare_gender_cannot_be_had_by_subtracting_the_others(analyst_client, centre):
    register(centre, 30, gender="woman")
    register(centre, 30, gender="man")
    register(centre, 2, gender="other")
    response = analyst_client.get("/en/statistics/?gender=woman")
    assert DIFFERENCING in text_of(response) and shows_no_numbers(response)
    everyone = table_of(analyst_client.get("/en/statistics/"), "gender")
    assert everyone["Other"] == ["fewer than 5"]


def test_two_filters_are_refused_when_any_crossed_group_is_small(
    analyst_client, centre, other_centre
):
    register(centre, 25, gender="woman")
    register(centre, 25, gender="man")
    register(other_centre, 25, gender="woman")
    register(other_centre, 3, gender="man")
    # The centre alone is fine (28 and 50) and so is a gender alone (50 and 28) ...
    assert "Registrations counted 50" in text_of(
        analyst_client.get(f"/en/statistics/?centre={centre.pk}")
    )
    # ... but with both, the 3 men of the other centre would be 'everyone - centre - women + both'.
    response = analyst_client.get(f"/en/statistics/?centre={centre.pk}&gender=woman")
    assert DIFFERENCING in text_of(response) and shows_no_numbers(response)
