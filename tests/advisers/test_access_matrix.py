"""The refused side of the adviser's access rule: every case gets 404 or the sign-in page,
never an answer, and leaves an audit row of the refused try."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from qualreg.advisers.models import Assignment
from qualreg.privacy.models import AuditEvent
from tests.advisers.conftest import (
    complete_registration,
    listed,
    refusals,
    signed_in,
    today,
)

ANSWER_SHOWN = "Syria"  # the birth country's label: on the page only when answers are shown


def _other_organisation(ctx: dict[str, Any]) -> tuple[Client, Any]:
    return signed_in(ctx["other_adviser"], purpose_for=ctx["resident"]), ctx["completed"]


def _ended(ctx: dict[str, Any]) -> tuple[Client, Any]:
    assignment = ctx["assignment"]
    assignment.end_date = today()  # the first day it no longer holds
    assignment.save()
    return signed_in(ctx["adviser"], purpose_for=ctx["resident"]), ctx["completed"]


def _not_started(ctx: dict[str, Any]) -> tuple[Client, Any]:
    Assignment.objects.filter(pk=ctx["assignment"].pk).update(
        start_date=today() + datetime.timedelta(days=1)
    )
    return signed_in(ctx["adviser"], purpose_for=ctx["resident"]), ctx["completed"]


def _draft(ctx: dict[str, Any]) -> tuple[Client, Any]:
    ctx["completed"].delete()  # the resident has only a draft, with the same answers
    draft = complete_registration(ctx["resident"], ctx["completed"].answers, status="draft")
    return signed_in(ctx["adviser"], purpose_for=ctx["resident"]), draft


def _deactivated(ctx: dict[str, Any]) -> tuple[Client, Any]:
    client = signed_in(ctx["adviser"], purpose_for=ctx["resident"])
    ctx["adviser"].is_active = False
    ctx["adviser"].save()
    return client, ctx["completed"]


def _centre_staff(ctx: dict[str, Any]) -> tuple[Client, Any]:
    return signed_in(ctx["staff"]), ctx["completed"]


def _resident_session(ctx: dict[str, Any]) -> tuple[Client, Any]:
    client = Client()
    response = client.post(
        "/en/login/",
        {"duf_number": ctx["resident"].duf_number, "code": ctx["code_for"](ctx["resident"])},
    )
    assert response.status_code == 302
    return client, ctx["completed"]


def _anonymous(ctx: dict[str, Any]) -> tuple[Client, Any]:
    return Client(), ctx["completed"]


CASES = {
    "adviser of another organisation": (_other_organisation, 404),
    "after the assignment ended": (_ended, 404),
    "before the assignment started": (_not_started, 404),
    "a draft": (_draft, 404),
    "a deactivated adviser": (_deactivated, "sign-in"),
    "centre staff": (_centre_staff, 404),
    "a resident's session": (_resident_session, 404),
    "anonymous": (_anonymous, "sign-in"),
}


@pytest.fixture
def ctx(resident, completed, assignment, adviser, other_adviser, staff, code_for) -> dict[str, Any]:
    return locals()


def _urls(registration: Any) -> list[tuple[str, str]]:
    base = f"/en/advisers/registrations/{registration.pk}/"
    return [
        ("get", base),
        ("get", base + "purpose/"),
        ("post", base + "remarks/"),
        ("get", base + "pdf/"),
    ]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_refused_case_gets_nothing_and_is_audited(case: str, ctx: dict[str, Any]) -> None:
    arrange, expected = CASES[case]
    client, registration = arrange(ctx)
    for method, url in _urls(registration):
        before = len(refusals())
        response = getattr(client, method)(url, {"text": "a remark"} if method == "post" else {})
        if expected == 404:
            assert response.status_code == 404, (case, url)
        else:
            assert response.status_code == 302, (case, url)
            assert response["Location"].startswith("/en/advisers/login/"), (case, url)
        assert ANSWER_SHOWN not in response.content.decode(), (case, url)
        assert len(refusals()) == before + 1, (case, url)
    assert not AuditEvent.objects.filter(action="adviser.read_registration").exists()
    assert not AuditEvent.objects.filter(action="adviser.exported").exists()
    assert not registration.remarks.exists()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_refused_case_is_missing_from_my_people(case: str, ctx: dict[str, Any]) -> None:
    arrange, expected = CASES[case]
    client, _registration = arrange(ctx)
    response = client.get("/en/advisers/")
    if expected == "sign-in":
        assert response.status_code == 302
        assert response["Location"].startswith("/en/advisers/login/")
    elif response.status_code == 200:  # an adviser: the list shows nobody
        assert ctx["resident"].duf_display not in listed(response)
    else:
        assert response.status_code == 404
    assert refusals() or response.status_code == 200


def test_the_assigned_adviser_reads_the_registration_and_the_read_is_audited(ctx) -> None:
    client = signed_in(ctx["adviser"], purpose_for=ctx["resident"])
    response = client.get(f"/en/advisers/registrations/{ctx['completed'].pk}/")
    assert response.status_code == 200
    assert ANSWER_SHOWN in response.content.decode()
    read = AuditEvent.objects.get(action="adviser.read_registration")
    assert (read.actor, read.person, read.registration) == (
        ctx["adviser"],
        ctx["resident"],
        ctx["completed"],
    )
    assert read.reason == "guidance"
    assert read.detail["organisation"] == ctx["adviser"].adviser.organisation_id
    assert not refusals()


def test_an_assignment_that_ends_tomorrow_still_holds_today(ctx) -> None:
    ctx["assignment"].end_date = today() + datetime.timedelta(days=1)
    ctx["assignment"].save()
    client = signed_in(ctx["adviser"], purpose_for=ctx["resident"])
    assert client.get(f"/en/advisers/registrations/{ctx['completed'].pk}/").status_code == 200


def test_an_idle_adviser_session_ends_after_30_minutes(ctx) -> None:
    client = signed_in(ctx["adviser"], purpose_for=ctx["resident"])
    session = client.session
    session["_active_at"] = int(datetime.datetime.now().timestamp()) - 31 * 60
    session.save()
    response = client.get(f"/en/advisers/registrations/{ctx['completed'].pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/advisers/login/")
    assert refusals()[0].detail["why"] == "idle"
    # The session is gone: the next request is signed out too.
    assert client.get("/en/advisers/").status_code == 302
