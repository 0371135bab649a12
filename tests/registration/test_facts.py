"""The facts table: written at completion in the same transaction, never changed, and plain
indexed queries over it (a GROUP BY with parameters too) work on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db.models import Count, F, IntegerField, Value
from django.db.models.functions import Cast

from qualreg.registration import journey
from qualreg.registration.models import AnswerFact, CompletedRegistrationError, Registration

pytestmark = pytest.mark.django_db


def facts_of(registration):
    return set(
        AnswerFact.objects.filter(registration=registration).values_list(
            "question", "item", "code", "number"
        )
    )


def test_completing_writes_the_coded_and_numeric_answers_as_facts(client, ready_to_complete):
    assert not AnswerFact.objects.exists()  # a draft has none
    client.post("/en/form/complete/")
    facts = facts_of(ready_to_complete)
    assert ("birth_country", None, "SY", None) in facts
    assert ("birth_year", None, None, 1990) in facts
    assert ("can_do", None, "messaging", None) in facts
    assert ("helped_by", None, "staff", None) in facts
    assert all(code is None or isinstance(code, str) for _q, _i, code, _n in facts)


def test_items_of_repeat_groups_keep_their_position(client, ready_to_complete):
    ready_to_complete.answers |= {
        "other_languages_any": "yes",
        "other_languages": [
            {"id": "0000000a", "lang_code": "tur", "lang_speak": "4", "lang_read_write": "3"},
            {"id": "0000000b", "lang_code": "eng", "lang_speak": "2", "lang_read_write": "2"},
        ],
    }
    ready_to_complete.save()
    client.post("/en/form/complete/")
    facts = facts_of(ready_to_complete)
    assert ("lang_code", 0, "tur", None) in facts and ("lang_code", 1, "eng", None) in facts


def test_no_completion_without_its_facts(client, ready_to_complete, monkeypatch):
    def broken(registration):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(journey, "write_facts", broken)
    with pytest.raises(RuntimeError):
        journey.complete(ready_to_complete.person)
    assert Registration.objects.get(pk=ready_to_complete.pk).status == "draft"


def test_facts_are_never_changed(client, ready_to_complete):
    client.post("/en/form/complete/")
    fact = AnswerFact.objects.filter(registration=ready_to_complete).first()
    fact.code = "XX"
    with pytest.raises(CompletedRegistrationError):
        fact.save()
    with pytest.raises(CompletedRegistrationError):
        AnswerFact.objects.filter(pk=fact.pk).update(code="XX")
    assert AnswerFact.objects.get(pk=fact.pk).code != "XX"


def test_a_group_by_count_with_parameters_runs_on_this_database(client, ready_to_complete):
    """Birth decades counted per country: parameters in SELECT and GROUP BY (psycopg's
    server-side binding gives each its own placeholder, which PostgreSQL can refuse)."""
    client.post("/en/form/complete/")
    decades = (
        AnswerFact.objects.filter(question="birth_year", number__gte=1900)
        .annotate(decade=Cast(F("number") / Value(10), IntegerField()) * Value(10))
        .values("decade")
        .annotate(people=Count("registration", distinct=True))
        .order_by("decade")
    )
    assert list(decades) == [{"decade": 1990, "people": 1}]
    by_code = (
        AnswerFact.objects.filter(question__in=["birth_country", "citizenship"])
        .values("question", "code")
        .annotate(people=Count("registration"))
        .order_by("question")
    )
    assert list(by_code) == [
        {"question": "birth_country", "code": "SY", "people": 1},
        {"question": "citizenship", "code": "SY", "people": 1},
    ]


def test_the_migration_writes_facts_for_registrations_completed_before(client, ready_to_complete):
    client.post("/en/form/complete/")
    written = facts_of(ready_to_complete)
    AnswerFact.objects.all().delete()  # as before the facts table existed
    migration = importlib.import_module(
        "qualreg.registration.migrations.0005_facts_of_completed_registrations"
    )
    migration.rebuild_facts(apps, None)
    assert facts_of(ready_to_complete) == written
