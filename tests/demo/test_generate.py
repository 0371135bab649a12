"""`manage.py generateregistrations`: completed registrations whose answers the engine
accepts, with their facts, some residents assigned to one organisation."""

from __future__ import annotations

import random
from io import StringIO

import pytest
from django.core.management import call_command

from qualreg.advisers.models import Assignment, Organisation
from qualreg.demo.generate import random_answers
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.registration.facts import facts_of
from qualreg.registration.models import AnswerFact, Registration


@pytest.mark.parametrize("seed", range(12))
def test_generated_answers_complete_every_part(seed) -> None:
    answers = random_answers(random.Random(seed))
    for part in QUESTIONNAIRE.parts:
        assert engine.validate(part, answers) == {}, part.key


def test_generated_answers_spread_over_the_answers_that_matter() -> None:
    rng = random.Random(1)
    documents = [random_answers(rng) for _person in range(150)]
    assert len({d["home_language"] for d in documents}) >= 8
    assert len({d["norwegian_speak"] for d in documents}) == 6
    assert {d["education_wish"] for d in documents} == {"yes", "maybe", "no", "dont_know"}
    assert sum("jobs" in d for d in documents) > 50
    assert sum("work_wish" in d for d in documents) > 30


@pytest.mark.django_db
def test_the_command_makes_completed_registrations_with_facts_and_assigns_some() -> None:
    out = StringIO()
    call_command(
        "generateregistrations",
        count=44,
        organisation_size=15,
        organisation="Testkommune",
        distinct=6,
        stdout=out,
    )
    registrations = Registration.objects.all()
    assert registrations.count() == 44
    assert set(registrations.values_list("status", flat=True)) == {"completed"}
    assert 35 <= registrations.values("person").distinct().count() < 44  # some filled in twice
    expected = sum(len(facts_of(r.answers)) for r in registrations)
    assert AnswerFact.objects.count() == expected > 44 * 20
    organisation = Organisation.objects.get(name="Testkommune")
    assert Assignment.objects.filter(organisation=organisation).count() == 15
    assert Assignment.objects.count() == registrations.values("person").distinct().count()
    assert "44 completed registrations" in out.getvalue()
