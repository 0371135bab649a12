"""The stored counts (docs/statistics.md, "Speed"): the page and the files read grouped
counts kept by `manage.py purge`'s hourly run instead of counting the facts on every request.
They must give the very tables the live count gives, follow new completions and deletions
at the next refresh, and hold nothing that leads to a person."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

from qualreg.demo.population import populate
from qualreg.lib import languages
from qualreg.people.deletion import delete_person
from qualreg.people.models import Centre, Person
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration.models import Registration
from qualreg.statistics.filters import BIRTH_BANDS, Filters, parse_period, periods
from qualreg.statistics.models import StoredCount
from qualreg.statistics.refresh import refresh
from qualreg.statistics.report import build
from tests.statistics.conftest import register, text_of


@pytest.fixture
def spread(db: object) -> None:
    """The demo's spread: 400 residents of five centres, about 84 % completed."""
    populate(400, prefix="2021", templates=120)
    refresh()


def _single_filters() -> list[Filters]:
    """No filter, and every value of every filter, one at a time."""
    every = [Filters()]
    every += [Filters(period=parse_period(p.code)) for p in periods("year") + periods("quarter")]
    for centre in Centre.objects.all():
        every += [Filters(centre=centre.pk), Filters(municipality=centre.municipality)]
    every += [Filters(language=language.code) for language in languages.LANGUAGES]
    every += [Filters(gender=c.code) for c in QUESTIONNAIRE.question("gender").choices]
    every += [Filters(birth=code) for code, _low, _high in BIRTH_BANDS]
    return every


def test_stored_counts_give_the_same_tables_as_counting_now(spread):
    shown = 0
    for filters in _single_filters():
        stored, live = build(filters), build(filters, live=True)
        assert stored.counted_at < live.counted_at  # it did read the stored counts
        assert stored.groups == live.groups, filters
        assert stored.median_days == live.median_days, filters
        assert stored.tables == live.tables, filters
        shown += bool(stored.tables)
    assert shown > 10  # most of them are large enough to be shown: the tables were compared


def test_one_csv_from_stored_counts_is_the_live_one(spread):
    centre = Centre.objects.get(name="Demo mottak")
    for key in ("completed_by_month", "languages", "education_level", "flow"):
        stored = build(Filters(centre=centre.pk), only=key)
        assert stored.tables == build(Filters(centre=centre.pk), only=key, live=True).tables
        assert len(stored.tables) == 1


def test_two_filters_at_once_are_counted_live(spread):
    centre = Centre.objects.get(name="Demo mottak")
    statistics = build(Filters(centre=centre.pk, gender="woman"))
    assert statistics.counted_at == statistics.generated_at


def test_the_page_says_as_of_when_its_numbers_are(analyst_client, spread):
    response = analyst_client.get("/en/statistics/")
    text = text_of(response)
    assert "Numbers as of" in text
    assert "The numbers are counted again every hour." in text
    norwegian = text_of(analyst_client.get("/nb/statistics/"))
    assert "Tallene gjelder" in norwegian


def test_a_deleted_resident_leaves_the_numbers_at_the_next_refresh(
    analyst_client, spread, administrator
):
    before = build(Filters()).groups.view_size
    completed = Registration.objects.filter(status="completed").order_by("pk").first()
    delete_person(completed.person, actor=administrator, reason="deleted on request")

    assert build(Filters()).groups.view_size == before  # the stored counts, as of before
    assert build(Filters(), live=True).groups.view_size == before - 1
    printed = io.StringIO()
    call_command("purge", stdout=printed)  # the hourly run
    assert (
        int(
            dict(line.split(": ") for line in printed.getvalue().splitlines())[
                "stale statistics counts"
            ]
        )
        > 0
    )
    assert build(Filters()).groups.view_size == before - 1
    assert build(Filters()).tables == build(Filters(), live=True).tables


def _counted(response: object) -> int:
    match = re.search(r"Registrations counted (\d+)", text_of(response))
    assert match is not None
    return int(match.group(1))


def test_new_completions_count_after_a_refresh_on_demand(analyst_client, spread):
    centre = Centre.objects.get(name="Sjøgata mottak")
    page = f"/en/statistics/?centre={centre.pk}"
    before = _counted(analyst_client.get(page))
    register(centre, 30, gender="other")
    assert _counted(analyst_client.get(page)) == before

    out = io.StringIO()
    call_command("refreshstatistics", stdout=out)
    assert "changed" in out.getvalue()
    assert _counted(analyst_client.get(page)) == before + 30
    assert (
        build(Filters(centre=centre.pk)).tables
        == build(Filters(centre=centre.pk), live=True).tables
    )


def test_the_stored_counts_hold_counts_of_groups_never_a_person(spread):
    fields = {field.name for field in StoredCount._meta.get_fields()}
    assert fields == {"id", "dimension", "group", "source", "value", "n"}
    groups = {
        "": {()},
        "centre": {(pk,) for pk in Centre.objects.values_list("pk", flat=True)},
        "municipality": {(m,) for m in Centre.objects.values_list("municipality", flat=True)},
        "language": {(language.code,) for language in languages.LANGUAGES},
        "gender": {(c.code,) for c in QUESTIONNAIRE.question("gender").choices} | {("",)},
        "birth": {(code,) for code, _low, _high in BIRTH_BANDS} | {("",)},
        "period-year": {(p.code,) for p in periods("year")} | {("",)},
        "period-quarter": {(p.code,) for p in periods("quarter")} | {("",)},
    }
    rows = list(StoredCount.objects.values_list("dimension", "group", "source", "value", "n"))
    assert len(rows) > 1000
    duf_numbers = set(Person.objects.values_list("duf_number", flat=True))
    for dimension, group, source, value, n in rows:
        assert tuple(json.loads(group)) in groups[dimension], (dimension, group)
        assert n >= 0
        assert not any(number in f"{source} {value}" for number in duf_numbers)
