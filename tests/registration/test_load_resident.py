"""The simulated resident of `make load` (bench/load/resident.py) walks whole registrations
through the real views, and the end-of-load check finds its answers saved, and only its own."""

from __future__ import annotations

import random

import pytest
from django.test import Client

from bench.load.check import saved_answers_differ
from bench.load.resident import Account, Habits, JourneyError, Resident
from qualreg.registration.models import Registration
from tests.registration.conftest import NO_PAUSE, browser_of

pytestmark = pytest.mark.django_db


def walk(account: Account, habits: Habits, seed: int) -> tuple[Resident, list[str]]:
    names: list[str] = []
    staff = browser_of(Client(), names)
    resident = Resident(
        account,
        browser_of(Client(), names),
        lambda: staff,
        lambda low, high: None,
        random.Random(seed),
        NO_PAUSE,
        habits,
    )
    resident.register()
    return resident, names


def test_a_resident_with_javascript_completes_with_saves_and_every_answer_is_saved(accounts):
    habits = Habits(no_javascript=0, translation_per_part=0, takes_a_break=0, fills_in_again=0)
    resident, names = walk(accounts[0], habits, seed=1)
    completed = Registration.objects.get(person__duf_number=accounts[0].duf_number)
    assert completed.is_completed
    assert completed.answers == resident.saved[0]
    assert len(completed.answers) > 20
    assert names.count("save") > 30  # one per answer
    assert names.count("next (post)") >= 7  # one per part at least
    assert saved_answers_differ({accounts[0].duf_number: resident.saved}) == []


def test_a_resident_without_javascript_breaks_translates_and_fills_in_again(accounts):
    habits = Habits(no_javascript=1, translation_per_part=1, takes_a_break=1, fills_in_again=1)
    resident, names = walk(accounts[1], habits, seed=2)
    assert "save" not in names
    assert "staff: issue code" in names and names.count("login") == 2
    assert "part page (translation)" in names
    first, again = Registration.objects.filter(person__duf_number=accounts[1].duf_number).order_by(
        "sequence"
    )
    assert first.is_completed and again.is_completed
    assert [first.answers, again.answers] == resident.saved
    assert saved_answers_differ({accounts[1].duf_number: resident.saved}) == []


def test_the_check_names_a_registration_whose_answers_differ(accounts):
    habits = Habits(no_javascript=0, translation_per_part=0, takes_a_break=0, fills_in_again=0)
    resident, _names = walk(accounts[2], habits, seed=3)
    sent = {accounts[2].duf_number: [dict(resident.saved[0], birth_year="1901")]}
    assert saved_answers_differ(sent) == [
        f"resident {accounts[2].duf_number[-5:]}: registration 1 differs in birth_year"
    ]
    assert saved_answers_differ({accounts[3].duf_number: [{}]}) == [
        f"resident {accounts[3].duf_number[-5:]}: 0 registrations, 1 sent"
    ]


def test_a_summary_showing_another_residents_text_stops_the_journey(accounts):
    resident, _names = walk(accounts[0], Habits(0, 0, 0, 0), seed=4)
    with pytest.raises(JourneyError, match="another resident"):
        resident.check_summary("<p>cook and baker loadresident3x</p>")
