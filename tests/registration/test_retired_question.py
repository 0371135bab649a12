"""A retired question is never on a part page, but registrations that have its answer still
show it: the completed registration, "My registration" and the summary."""

from __future__ import annotations

import pytest

from qualreg.questionnaire import visibility
from qualreg.questionnaire.definition import QUESTIONNAIRE
from tests.registration.conftest import soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def retire_gender():
    """Retire a real question, as a later definition version would (the definition is
    immutable data, so the test sets the flag in place and forgets the engine's steps)."""

    def retire() -> None:
        object.__setattr__(QUESTIONNAIRE.question("gender"), "retired", True)
        visibility._STEPS.clear()

    yield retire
    object.__setattr__(QUESTIONNAIRE.question("gender"), "retired", False)
    visibility._STEPS.clear()


def test_a_retired_answer_still_renders_but_the_question_is_never_asked(
    client, ready_to_complete, retire_gender
):
    assert soup(client.get("/en/form/personal/")).select("[name=q-gender]")  # asked today
    client.post("/en/form/complete/")
    retire_gender()
    assert "Woman" in text_of(client.get("/en/completed/"))
    mine = text_of(client.get("/en/my-registration/"))
    assert "Are you a woman or a man? Woman" in mine
    client.post("/en/consent/", {"decision": "consent"})  # fill in again: a copy of the answers
    assert "Are you a woman or a man? Woman" in text_of(client.get("/en/form/summary/"))
    page = client.get("/en/form/personal/")
    assert page.status_code == 200
    assert not soup(page).select("[name=q-gender]")
    assert "Are you a woman or a man?" not in text_of(page)
