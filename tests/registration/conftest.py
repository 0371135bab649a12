"""Fixtures for the respondent's journey: logging a resident in, and answer sets."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from bench.load.resident import Account, Pace, Reply, encode
from qualreg.people.models import Person
from qualreg.registration.models import Registration

# The fewest answers that complete every part: "no" wherever a follow-up would open.
COMPLETE_ANSWERS: dict[str, Any] = {
    "birth_year": "1990",
    "gender": "woman",
    "birth_country": "SY",
    "citizenship": "SY",
    "lived_abroad": "no",
    "marital_status": "single",
    "children": "no",
    "school_ever": "no",
    "read_write_first": "well",
    "read_write_latin": "a_little",
    "courses_any": "no",
    "home_language": "ara",
    "english_speak": "2",
    "english_read_write": "2",
    "norwegian_speak": "1",
    "norwegian_read_write": "1",
    "norwegian_lessons": ["none"],
    "other_languages_any": "no",
    "computer_use_before": "never",
    "can_do": ["messaging"],
    "licence": "no",
    "paid_work": "no",
    "unpaid_work": "no",
    "activities": ["cooking_home"],
    "education_wish": "no",
    "helped_by": "staff",
}


def soup(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def text_of(response: Any) -> str:
    return " ".join(soup(response).get_text(" ").split())


def post_part(client: Any, part: str, answers: dict[str, Any], action: str = "next", **extra: Any):
    """Post a part page as the browser would: every question of `answers` listed as shown."""
    data: dict[str, Any] = {"shown": list(answers), "action": action, **extra}
    for key, value in answers.items():
        data[f"q-{key}"] = value
    return client.post(f"/en/form/{part}/", data)


@pytest.fixture
def log_in(client, code_for):
    """Log `person` in with a fresh code; returns the response to the login post."""

    def log_in_person(person: Person, language: str = "en", browser: Any = None) -> Any:
        browser = browser or client
        response = browser.post(
            f"/{language}/login/", {"duf_number": person.duf_number, "code": code_for(person)}
        )
        assert response.status_code == 302, response.content[:2000]
        return response

    return log_in_person


@pytest.fixture
def consented(client, resident, log_in) -> Person:
    """The Arabic-speaking resident, logged in (using the English pages) and consented."""
    log_in(resident)
    client.post("/en/consent/", {"decision": "consent"})
    return resident


@pytest.fixture
def draft(consented) -> Registration:
    return Registration.objects.get(person=consented, status="draft")


@pytest.fixture
def ready_to_complete(draft) -> Registration:
    draft.answers = dict(COMPLETE_ANSWERS)
    draft.save()
    return draft


# The simulated resident of `make load` (bench/load/resident.py), walked through Django's test
# client: no pauses, and a browser that notes the name of each request.
NO_PAUSE = Pace((0, 0), (0, 0), (0, 0))
TEXT = ("text/", "application/json", "application/javascript")


def browser_of(client: Client, names: list[str]) -> Any:
    def request(method: str, path: str, name: str, data: Any = None) -> Reply:
        names.append(name)
        if method == "GET":
            response = client.get(path)
        else:
            form = "application/x-www-form-urlencoded"
            response = client.post(path, encode(data), content_type=form)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        # A font (preloaded by pages in Arabic script or Ethiopic) is bytes, not text.
        text = body.decode() if response.get("Content-Type", "").startswith(TEXT) else ""
        return Reply(response.status_code, response.get("Location", ""), text)

    return request


@pytest.fixture
def accounts(tmp_path) -> list[Account]:
    """Residents with login codes, made as `make load` makes them."""
    out = tmp_path / "residents.jsonl"
    call_command("loadresidents", count=4, centres=2, out=out, verbosity=0)
    return [Account(**json.loads(line)) for line in out.read_text().splitlines()]
